/**
 * `<jpki-mynumber-screen>` (route `#/reader/mynumber`): 個人番号 and the basic 4 information from the
 * 券面事項入力補助AP, after its 4-digit PIN. Handled on purpose (architecture rule 7):
 * - masked until the user presses "show" (each value separately), masked again on demand;
 * - never saved anywhere; the session forgets it when this screen is left (disconnectedCallback),
 *   when the card is removed or the reader disconnected;
 * - shown with the integrity check: the SHA-256 digests in EF 0003 recomputed over both files, and
 *   the issuer's signature over that record checked with the AP's CV certificate (cvc.ts) — "not
 *   verifiable offline" only where the CA key is unknown;
 * - the card face (券面AP, 照合番号A = the number just read) in the comparison view.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { KenhojoData } from '../../card/kenhojo';
import type { CardDate } from '../../card/text';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import { baseStyles } from '../ui/styles';
import type { JpkiPinDialog } from '../pin/pin-dialog';
import { demoPinOf } from '../card/card-overview';
import '../ui/panel';
import '../ui/notice';
import '../ui/badge';
import '../pin/pin-dialog';
import './card-face-compare';
import '../reader/error-notice';
import { readFaceAfterPersonal } from '../session/card-face-flow';
import { signatureLine } from './face-signature';
import type { LensError } from '../../errors';

/** Fully masked: even the last digits help identify a person. */
export function maskedNumber(): string {
  return '•••• •••• ••••';
}

export function groupedNumber(n: string): string {
  return n.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3');
}

function dateText(d: CardDate): string {
  return d.iso ?? d.raw;
}

type Field = 'number' | 'info';

@customElement('jpki-mynumber-screen')
export class JpkiMyNumberScreen extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .back {
        display: inline-block;
        margin-bottom: var(--space-3);
      }
      .number {
        font-family: var(--font-mono);
        font-size: 1.6rem;
        letter-spacing: 0.08em;
        margin: var(--space-2) 0 var(--space-3);
      }
      .masked {
        color: var(--color-text-muted);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
        align-items: center;
      }
      .spaced {
        margin-top: var(--space-4);
      }
      ul.checks {
        padding-inline-start: 1.2em;
      }
      ul.checks .sig {
        margin-top: var(--space-2);
      }
      ul.checks .sig.danger {
        color: var(--color-danger-text);
        font-weight: 600;
      }
      .keyid {
        display: block;
        font-family: var(--font-mono);
        word-break: break-all;
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  @state() private shown = new Set<Field>();
  @state() private faceError: LensError | undefined;
  @query('jpki-pin-dialog') private dialog!: JpkiPinDialog;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the screen forgets 個人番号 and 4 info (they are never saved).
    this.shown = new Set();
    this.session.session.clearPersonal();
  }

  override render() {
    void this.app.value.locale;
    const s = this.session.value;
    const back = html`<a class="back" href=${formatHash('reader')}>← ${t('app.flows.cert.back')}</a>`;
    const demo = s.reader?.demo === true;
    const status = s.card?.pins.find((p) => p.id === 'kenhojo')?.status;
    return html`${back}
      <h1>${t('app.flows.personal.heading')}</h1>
      <p class="lead">${t('app.flows.personal.lead')}</p>
      ${!s.card
        ? html`<jpki-notice tone="info" heading=${t('app.flows.cert.missing.heading')}><p>${t('app.flows.personal.no-card')}</p></jpki-notice>`
        : s.personal
          ? this.renderData(s.personal)
          : html`<jpki-panel heading=${t('app.flows.personal.ask.heading')}>
              <p>${t('app.flows.personal.ask.body')}</p>
              <button class="btn primary" type="button" data-testid="read-personal" ?disabled=${s.busy !== undefined} @click=${() => void this.dialog.open()}>
                ${status?.blocked ? t('app.flows.certs.sign-blocked') : t('app.flows.personal.ask.button')}
              </button>
            </jpki-panel>`}
      <jpki-pin-dialog
        pin="kenhojo"
        .status=${status}
        purpose=${t('app.flows.pin.kenhojo.purpose')}
        demoHint=${demo ? t('app.flows.demo.pin-hint', { pin: demoPinOf('kenhojo') }) : ''}
        .submit=${(value: string, ack: boolean) => this.session.session.readPersonal(value, ack)}
      ></jpki-pin-dialog>`;
  }

  private toggle(f: Field): void {
    const next = new Set(this.shown);
    if (next.has(f)) next.delete(f);
    else next.add(f);
    this.shown = next;
  }

  private renderData(p: KenhojoData) {
    const showNumber = this.shown.has('number');
    const showInfo = this.shown.has('info');
    const mask = html`<span class="masked">${t('app.flows.personal.masked')}</span>`;
    const i = p.integrity;
    return html`<div class="stack-l">
      <jpki-notice tone="warning" heading=${t('app.flows.personal.care.heading')}><p>${t('app.flows.personal.care.body')}</p></jpki-notice>
      <jpki-panel heading=${t('app.flows.personal.number')} data-testid="mynumber-panel">
        <p class="number" data-testid="mynumber-value" aria-live="polite">
          ${showNumber ? groupedNumber(p.myNumber.value) : html`<span class="masked" aria-label=${t('app.flows.personal.masked')}>${maskedNumber()}</span>`}
        </p>
        <div class="row">
          <button class="btn" type="button" aria-pressed=${showNumber ? 'true' : 'false'} data-testid="reveal-number" @click=${() => this.toggle('number')}>
            ${showNumber ? t('app.flows.personal.hide-number') : t('app.flows.personal.show-number')}
          </button>
          <span class="small muted">${t(p.myNumber.checkDigitValid ? 'app.flows.personal.check-digit.ok' : 'app.flows.personal.check-digit.bad')}</span>
        </div>
      </jpki-panel>
      <jpki-panel heading=${t('app.flows.personal.info')} data-testid="info-panel">
        <dl class="facts">
          <dt>${t('app.flows.personal.name')}</dt>
          <dd>${showInfo ? p.basicInfo.name : mask}</dd>
          <dt>${t('app.flows.personal.address')}</dt>
          <dd>${showInfo ? p.basicInfo.address : mask}</dd>
          <dt>${t('app.flows.personal.birth')}</dt>
          <dd>${showInfo ? dateText(p.basicInfo.birthDate) : mask}</dd>
          <dt>${t('app.flows.personal.sex')}</dt>
          <dd>${showInfo ? t(`app.flows.personal.sex.${p.basicInfo.sex.meaning}`) : mask}</dd>
        </dl>
        <div class="row spaced">
          <button class="btn" type="button" aria-pressed=${showInfo ? 'true' : 'false'} data-testid="reveal-info" @click=${() => this.toggle('info')}>
            ${showInfo ? t('app.flows.personal.hide-info') : t('app.flows.personal.show-info')}
          </button>
        </div>
      </jpki-panel>
      <jpki-panel heading=${t('app.flows.personal.integrity.heading')} data-testid="integrity">
        <ul class="checks">
          <li>${t(`app.flows.personal.integrity.number.${i.myNumber}`)}</li>
          <li>${t(`app.flows.personal.integrity.info.${i.basicInfo}`)}</li>
          ${signatureLine(i.issuerSignature, t('app.face.sig.what.kenhojo'), 'sig-kenhojo')}
        </ul>
      </jpki-panel>
      ${this.session.value.face
        ? html`<jpki-card-face-compare .check=${this.session.value.face} .personal=${p}></jpki-card-face-compare>`
        : html`<jpki-panel heading=${t('app.face.heading')} data-testid="face-panel">
            <p>${t('app.face.from-mynumber')}</p>
            ${this.faceError ? html`<jpki-error-notice .error=${this.faceError}></jpki-error-notice>` : nothing}
            <button class="btn" type="button" data-testid="read-face" ?disabled=${this.session.value.busy !== undefined} @click=${() => void this.readFace()}>
              ${t('app.face.read')}
            </button>
          </jpki-panel>`}
      <div class="row">
        <button class="btn" type="button" data-testid="forget-personal" @click=${() => this.forget()}>${t('app.flows.personal.forget')}</button>
      </div>
    </div>`;
  }

  private async readFace(): Promise<void> {
    const r = await readFaceAfterPersonal(this.session.session);
    this.faceError = r.ok ? undefined : r.error;
  }

  private forget(): void {
    this.shown = new Set();
    this.session.session.clearPersonal();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-mynumber-screen': JpkiMyNumberScreen;
  }
}
