/**
 * `<jpki-card-face-compare>`: the card face as the chip holds it, laid out like the printed card, so
 * that a person can hold the card beside the screen and tick what matches — the official 券面事項表示
 * software's job, plus what it cannot do: the signature checks on top, the back's 個人番号 image, and,
 * when the 4 info text was read too, that text beside each image.
 *
 * Personal data (architecture rule 7): nothing is drawn until "show" (the images are not even decoded
 * before that); the PNGs live in blob: URLs revoked when the face changes or the view leaves the page;
 * the photo is drawn by `<jpki-photo>` (src/image, decoded lazily, never stored); nothing is saved.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { FaceImage } from '../../card/kenmen';
import type { KenhojoData } from '../../card/kenhojo';
import type { CardDate } from '../../card/text';
import { toWareki } from '../../pki/jpki/era';
import type { FaceCheck } from '../session/card-face-flow';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import { signatureLine } from './face-signature';
import '../ui/panel';
import '../ui/notice';
import '../ui/photo';

type Field = 'photo' | 'name' | 'address' | 'birth' | 'sex' | 'expiry' | 'code' | 'number';

function warekiText(d: CardDate | undefined): string {
  if (!d?.iso) return d?.raw ?? '—';
  const [y, m, day] = d.iso.split('-').map(Number);
  const w = y && m && day ? toWareki(y, m, day) : undefined;
  return w ? `${w.text}` : d.iso;
}

function seirekiText(d: CardDate | undefined): string {
  if (!d?.iso) return d?.raw ?? '—';
  const [y, m, day] = d.iso.split('-');
  return t('app.face.date-seireki', { y: y ?? '', m: m ?? '', d: day ?? '' });
}

@customElement('jpki-card-face-compare')
export class JpkiCardFaceCompare extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ul.sigs {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--space-3);
        display: grid;
        gap: var(--space-2);
      }
      .sig {
        padding: var(--space-2) var(--space-3);
        border-radius: var(--radius-m);
        border: 1px solid var(--color-border);
      }
      .sig.success {
        background: var(--color-success-bg);
        border-color: var(--color-success-border);
        color: var(--color-success-text);
      }
      .sig.info {
        background: var(--color-info-bg);
        border-color: var(--color-info-border);
        color: var(--color-info-text);
      }
      .sig.warning {
        background: var(--color-warning-bg);
        border-color: var(--color-warning-border);
        color: var(--color-warning-text);
      }
      .sig.danger {
        background: var(--color-danger-bg);
        border-color: var(--color-danger-border);
        color: var(--color-danger-text);
        font-weight: 600;
      }
      .keyid {
        display: block;
        font-family: var(--font-mono);
        word-break: break-all;
        color: inherit;
        opacity: 0.85;
      }
      /* The front, as printed: text on the left, the photo on the right with the security code under it. */
      .card {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 11rem;
        grid-template-areas:
          'name photo'
          'address photo'
          'birth code'
          'sex code'
          'expiry expiry';
        gap: var(--space-3);
        padding: var(--space-4);
        border: 2px solid var(--color-border-strong);
        border-radius: var(--radius-l);
        background: var(--color-surface-sunken);
      }
      .back {
        padding: var(--space-4);
        border: 2px solid var(--color-border-strong);
        border-radius: var(--radius-l);
        background: var(--color-surface-sunken);
      }
      .item {
        background: var(--color-surface);
        border: 1px solid var(--color-border);
        border-radius: var(--radius-m);
        padding: var(--space-2) var(--space-3);
        min-width: 0;
      }
      .item h3 {
        font-size: var(--font-size-s);
        margin: 0 0 var(--space-1);
        color: var(--color-text-muted);
        font-weight: 600;
      }
      .item img {
        display: block;
        max-width: 100%;
        height: auto;
        background: #fff;
        image-rendering: pixelated;
      }
      .value {
        font-size: var(--font-size-l);
      }
      .text {
        margin: var(--space-1) 0 0;
      }
      .unsigned {
        margin: var(--space-1) 0 0;
      }
      .tick {
        display: flex;
        gap: var(--space-2);
        align-items: center;
        margin-top: var(--space-2);
      }
      .tick input {
        width: 1.2rem;
        height: 1.2rem;
      }
      .a-name { grid-area: name; }
      .a-address { grid-area: address; }
      .a-birth { grid-area: birth; }
      .a-sex { grid-area: sex; }
      .a-photo { grid-area: photo; }
      .a-code { grid-area: code; }
      .a-expiry { grid-area: expiry; }
      .summary {
        margin-top: var(--space-3);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
        margin-top: var(--space-3);
      }
      h3.side {
        font-size: var(--font-size-m);
        margin: var(--space-4) 0 var(--space-2);
      }
      @media (max-width: 640px) {
        .card {
          grid-template-columns: minmax(0, 1fr);
          grid-template-areas: 'photo' 'code' 'name' 'address' 'birth' 'sex' 'expiry';
          padding: var(--space-3);
        }
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  @property({ attribute: false }) check: FaceCheck | undefined;
  @property({ attribute: false }) personal: KenhojoData | undefined;
  @state() private shown = false;
  @state() private ticks = new Set<Field>();
  private urls = new Map<FaceImage, string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('check')) {
      this.revoke();
      this.shown = false;
      this.ticks = new Set();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.revoke();
    this.shown = false;
  }

  private revoke(): void {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
  }

  private url(img: FaceImage): string {
    let u = this.urls.get(img);
    if (!u) {
      u = URL.createObjectURL(new Blob([img.bytes.slice()], { type: 'image/png' }));
      this.urls.set(img, u);
    }
    return u;
  }

  private toggleTick(f: Field, on: boolean): void {
    const next = new Set(this.ticks);
    if (on) next.add(f);
    else next.delete(f);
    this.ticks = next;
  }

  private tick(f: Field) {
    const id = `tick-${f}`;
    return html`<div class="tick">
      <input id=${id} type="checkbox" data-testid=${id} .checked=${this.ticks.has(f)} @change=${(e: Event) => this.toggleTick(f, (e.target as HTMLInputElement).checked)} />
      <label for=${id}>${t('app.face.matches')}</label>
    </div>`;
  }

  private png(img: FaceImage | undefined, label: string) {
    if (!img) return html`<p class="muted">${t('app.face.missing')}</p>`;
    if (img.format !== 'png') return html`<p class="muted">${t('app.face.not-png', { bytes: img.bytes.length })}</p>`;
    return html`<img src=${this.url(img)} alt=${label} />`;
  }

  private item(f: Field, area: string, heading: string, body: unknown, extra: unknown = nothing) {
    return html`<section class="item a-${area}" data-testid="face-${f}" aria-label=${heading}>
      <h3>${heading}</h3>
      ${body} ${extra} ${this.tick(f)}
    </section>`;
  }

  override render() {
    void this.app.value.locale;
    const c = this.check;
    if (!c) return nothing;
    const f = c.face;
    const p = this.personal;
    const textLine = (v: string | undefined) => (v ? html`<p class="text small" data-testid="face-text">${t('app.face.text-from-kenhojo')}: <span>${v}</span></p>` : nothing);
    const unsigned = html`<p class="unsigned small muted">${t('app.face.unsigned')}</p>`;
    const fields: Field[] = ['photo', 'name', 'address', 'birth', 'sex', 'expiry', 'code', ...(c.back ? (['number'] as Field[]) : [])];
    const ticked = fields.filter((x) => this.ticks.has(x)).length;
    const tampered = f.signature.status === 'invalid' || c.back?.signature.status === 'invalid';
    return html`<div class="stack-l">
      <jpki-panel heading=${t('app.face.signatures.heading')} data-testid="face-signatures">
        <ul class="sigs">
          ${signatureLine(f.signature, t('app.face.sig.what.face'), 'sig-face')}
          ${c.back ? signatureLine(c.back.signature, t('app.face.sig.what.back'), 'sig-back') : nothing}
          ${p ? signatureLine(p.integrity.issuerSignature, t('app.face.sig.what.kenhojo'), 'sig-kenhojo') : nothing}
        </ul>
        <p class="small muted">${t('app.face.sig.source')}</p>
      </jpki-panel>
      <jpki-panel heading=${t('app.face.compare.heading')} data-testid="face-compare">
        <p>${t(c.via === 'number-b' ? 'app.face.compare.lead-b' : 'app.face.compare.lead-a')}</p>
        ${this.shown ? this.renderCard(c, p, textLine, unsigned) : html`<p class="muted" data-testid="face-masked">${t('app.face.masked')}</p>`}
        <div class="row">
          <button class="btn" type="button" aria-pressed=${this.shown ? 'true' : 'false'} data-testid="reveal-face" @click=${() => (this.shown = !this.shown)}>
            ${this.shown ? t('app.face.hide') : t('app.face.show')}
          </button>
        </div>
        ${this.shown
          ? html`<div class="summary" data-testid="face-summary" aria-live="polite">
              ${tampered
                ? html`<jpki-notice tone="danger" heading=${t('app.face.summary.tampered.heading')}><p>${t('app.face.summary.tampered.body')}</p></jpki-notice>`
                : ticked === fields.length
                  ? html`<jpki-notice tone="success" heading=${t('app.face.summary.all.heading')}><p>${t('app.face.summary.all.body')}</p></jpki-notice>`
                  : html`<p>${t('app.face.summary.count', { n: ticked, m: fields.length })}</p>`}
            </div>`
          : nothing}
      </jpki-panel>
    </div>`;
  }

  private renderCard(c: FaceCheck, p: KenhojoData | undefined, textLine: (v: string | undefined) => unknown, unsigned: unknown) {
    const f = c.face;
    const sex = f.sex ? t(`app.flows.personal.sex.${f.sex.meaning}`) : '—';
    const photo = f.photo
      ? html`<jpki-photo .bytes=${f.photo.bytes} label=${t('app.face.photo')} no-caption data-testid="face-photo-canvas"></jpki-photo>`
      : html`<p class="muted">${t('app.face.missing')}</p>`;
    return html`<h3 class="side">${t('app.face.front')}</h3>
      <div class="card" data-testid="face-card">
        ${this.item('name', 'name', t('app.face.name'), this.png(f.nameImage, t('app.face.name')), textLine(p?.basicInfo.name))}
        ${this.item('address', 'address', t('app.face.address'), this.png(f.addressImage, t('app.face.address')), textLine(p?.basicInfo.address))}
        ${this.item('birth', 'birth', t('app.face.birth'), html`<p class="value">${warekiText(f.birthDate)}</p><p class="small muted">${f.birthDate?.iso ?? ''}</p>`, textLine(p?.basicInfo.birthDate.iso))}
        ${this.item('sex', 'sex', t('app.face.sex'), html`<p class="value">${sex}</p>`, textLine(p ? t(`app.flows.personal.sex.${p.basicInfo.sex.meaning}`) : undefined))}
        ${this.item('photo', 'photo', t('app.face.photo'), photo)}
        ${this.item('code', 'code', t('app.face.code'), this.png(f.securityCodeImage, t('app.face.code')), unsigned)}
        ${this.item('expiry', 'expiry', t('app.face.expiry'), html`<p class="value">${t('app.face.expiry-value', { date: seirekiText(f.expiry) })}</p>`, unsigned)}
      </div>
      ${c.back
        ? html`<h3 class="side">${t('app.face.back')}</h3>
            <div class="back" data-testid="face-back">
              ${this.item('number', 'number', t('app.face.number'), this.png(c.back.image, t('app.face.number')), textLine(p?.myNumber.value.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3')))}
            </div>`
        : html`<p class="small muted">${t('app.face.no-back')}</p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-card-face-compare': JpkiCardFaceCompare;
  }
}
