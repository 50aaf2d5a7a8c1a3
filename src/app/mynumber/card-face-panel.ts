/**
 * `<jpki-card-face-panel>`: the optional 券面事項確認AP data under 個人番号 + 4 info — birth date, sex,
 * card expiry, and the name and address as the PNG images the card holds. The photo is JPEG 2000,
 * which Chrome cannot decode, so it is not shown (its size is). Masked until "show", like the rest
 * of the screen; the images live in blob: URLs (allowed by the CSP's img-src) that are revoked when
 * the face is forgotten or the panel leaves the page.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { CardFace, FaceImage } from '../../card/kenmen';
import type { CardDate } from '../../card/text';
import type { LensError } from '../../errors';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import '../ui/panel';
import '../reader/error-notice';

const dateText = (d: CardDate | undefined) => (d ? (d.iso ?? d.raw) : '—');

@customElement('jpki-card-face-panel')
export class JpkiCardFacePanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .images {
        display: grid;
        gap: var(--space-3);
        margin-top: var(--space-3);
      }
      .images figure {
        margin: 0;
      }
      .images figcaption {
        margin-bottom: var(--space-1);
      }
      .images img {
        max-width: 100%;
        height: auto;
        background: #fff;
        border: 1px solid var(--color-border);
        border-radius: var(--radius-s);
      }
      .spaced {
        margin-top: var(--space-3);
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  @property({ attribute: false }) face: CardFace | undefined;
  @property({ attribute: false }) error: LensError | undefined;
  @property({ type: Boolean }) busy = false;
  @state() private shown = false;
  private urls = new Map<FaceImage, string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('face')) {
      this.revoke();
      this.shown = false;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.revoke();
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

  /** A printed-face image with a visible caption: a blank or faint PNG must not read as an empty box. */
  private image(img: FaceImage, label: string) {
    return html`<figure>
      <figcaption class="small muted" aria-hidden="true">${label}</figcaption>
      <img src=${this.url(img)} alt=${label} />
    </figure>`;
  }

  override render() {
    void this.app.value.locale;
    const f = this.face;
    return html`<jpki-panel heading=${t('app.flows.face.heading')} data-testid="face-panel">
      <p>${t('app.flows.face.intro')}</p>
      ${this.error ? html`<jpki-error-notice .error=${this.error}></jpki-error-notice>` : nothing}
      ${!f
        ? html`<button class="btn" type="button" data-testid="read-face" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new CustomEvent('jpki-read-face'))}>
            ${t('app.flows.face.read')}
          </button>`
        : html`<dl class="facts">
              <dt>${t('app.flows.personal.birth')}</dt>
              <dd>${this.shown ? dateText(f.birthDate) : t('app.flows.personal.masked')}</dd>
              <dt>${t('app.flows.personal.sex')}</dt>
              <dd>${this.shown ? (f.sex ? t(`app.flows.personal.sex.${f.sex.meaning}`) : '—') : t('app.flows.personal.masked')}</dd>
              <dt>${t('app.flows.face.expiry')}</dt>
              <dd>${dateText(f.expiry)}</dd>
              <dt>${t('app.flows.face.photo')}</dt>
              <dd>${f.photo ? t('app.flows.face.photo-jp2', { bytes: f.photo.bytes.length }) : '—'}</dd>
            </dl>
            ${this.shown
              ? html`<div class="images" data-testid="face-images">
                  ${f.nameImage?.format === 'png' ? this.image(f.nameImage, t('app.flows.face.name-image')) : nothing}
                  ${f.addressImage?.format === 'png' ? this.image(f.addressImage, t('app.flows.face.address-image')) : nothing}
                </div>`
              : nothing}
            <div class="spaced">
              <button class="btn" type="button" aria-pressed=${this.shown ? 'true' : 'false'} data-testid="reveal-face" @click=${() => (this.shown = !this.shown)}>
                ${this.shown ? t('app.flows.face.hide') : t('app.flows.face.show')}
              </button>
            </div>`}
    </jpki-panel>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-card-face-panel': JpkiCardFacePanel;
  }
}
