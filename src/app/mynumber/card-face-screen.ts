/**
 * `<jpki-card-face-screen>` (route `#/reader/face`): the card-face check. Two ways in:
 * - 照合番号B, from what is printed on the card (birth date, expiry year, security code) — no PIN at
 *   all, like the official 券面事項表示ソフトウェア; it opens the front (EF 0002) but not the back;
 * - the 4-digit 券面事項入力補助用暗証番号: 個人番号 + 4 info from the 入力補助AP, then 照合番号A (that
 *   個人番号) opens the front and the back's 個人番号 image, with the text beside the images.
 * Either way the signatures are checked (card-face-compare.ts). Personal data: masked until shown,
 * never saved, forgotten when this screen is left, the card removed or the reader disconnected.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { CardSessionController } from '../session/card-session-controller';
import { readFaceWithNumberB, readFaceWithPin, readNumberBStatus } from '../session/card-face-flow';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import { baseStyles } from '../ui/styles';
import type { JpkiPinDialog } from '../pin/pin-dialog';
import { demoPinOf } from '../card/card-overview';
import type { JpkiFaceKeyBForm } from './face-key-b-form';
import type { LensError } from '../../errors';
import '../ui/panel';
import '../ui/notice';
import '../pin/pin-dialog';
import './face-key-b-form';
import './card-face-compare';
import '../reader/error-notice';

@customElement('jpki-card-face-screen')
export class JpkiCardFaceScreen extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .back {
        display: inline-block;
        margin-bottom: var(--space-3);
      }
      .ways {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: var(--space-4);
        align-items: start;
      }
      @media (max-width: 860px) {
        .ways {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  @query('jpki-pin-dialog') private dialog!: JpkiPinDialog;
  @query('jpki-face-key-b-form') private form: JpkiFaceKeyBForm | null | undefined;
  private askedStatus = false;
  /** The counter could not be read (e.g. no 券面AP on this token): said, not hidden. */
  @state() private statusError: LensError | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.form?.clear();
    this.askedStatus = false;
    // Leaving the screen forgets the face, the back and 4 info (never saved).
    this.session.session.clearPersonal();
  }

  protected override updated(): void {
    // The 照合番号B counter, once per visit with a card (the empty VERIFY spends no try).
    const s = this.session.value;
    if (s.card && s.phase === 'ready' && !s.busy && !s.faceKeyB && !s.face && !this.askedStatus) {
      this.askedStatus = true;
      void readNumberBStatus(this.session.session).then((r) => {
        this.statusError = r.ok ? undefined : r.error;
      });
    }
    if (!s.card) {
      this.askedStatus = false;
      this.statusError = undefined;
    }
  }

  private forget(): void {
    this.session.session.clearPersonal();
    this.askedStatus = false; // the form comes back: show its counter again
  }

  override render() {
    void this.app.value.locale;
    const s = this.session.value;
    const demo = s.reader?.demo === true;
    const kenhojo = s.card?.pins.find((p) => p.id === 'kenhojo')?.status;
    const back = html`<a class="back" href=${formatHash('reader')}>← ${t('app.flows.cert.back')}</a>`;
    return html`${back}
      <h1>${t('app.face.heading')}</h1>
      <p class="lead">${t('app.face.lead')}</p>
      ${!s.card
        ? html`<jpki-notice tone="info" heading=${t('app.flows.cert.missing.heading')}><p>${t('app.face.no-card')}</p></jpki-notice>`
        : s.face
          ? html`<div class="stack-l">
              <jpki-notice tone="warning" heading=${t('app.flows.personal.care.heading')}><p>${t('app.face.care')}</p></jpki-notice>
              <jpki-card-face-compare .check=${s.face} .personal=${s.personal}></jpki-card-face-compare>
              <div class="row">
                <button class="btn" type="button" data-testid="forget-face" @click=${() => this.forget()}>${t('app.face.forget')}</button>
              </div>
            </div>`
          : html`<div class="ways">
              <jpki-panel heading=${t('app.face.b.heading')} data-testid="way-b">
                <p>${t('app.face.b.lead')}</p>
                ${this.statusError ? html`<jpki-error-notice .error=${this.statusError} data-testid="key-b-status-error"></jpki-error-notice>` : nothing}
                <jpki-face-key-b-form
                  .status=${s.faceKeyB}
                  ?busy=${s.busy !== undefined}
                  demoHint=${demo ? t('app.face.b.demo-hint') : ''}
                  .submit=${(input: Parameters<typeof readFaceWithNumberB>[1], ack: boolean) => readFaceWithNumberB(this.session.session, input, ack)}
                ></jpki-face-key-b-form>
              </jpki-panel>
              <jpki-panel heading=${t('app.face.a.heading')} data-testid="way-a">
                <p>${t('app.face.a.lead')}</p>
                <button class="btn" type="button" data-testid="read-face-pin" ?disabled=${s.busy !== undefined || kenhojo?.blocked === true} @click=${() => void this.dialog.open()}>
                  ${t('app.face.a.button')}
                </button>
              </jpki-panel>
            </div>`}
      <jpki-pin-dialog
        pin="kenhojo"
        .status=${kenhojo}
        purpose=${t('app.face.a.purpose')}
        demoHint=${demo ? t('app.flows.demo.pin-hint', { pin: demoPinOf('kenhojo') }) : ''}
        .submit=${(value: string, ack: boolean) => readFaceWithPin(this.session.session, value, ack)}
      ></jpki-pin-dialog>
      ${s.busy === 'face' && !s.face ? html`<p class="muted" role="status">${t('app.face.reading')}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-card-face-screen': JpkiCardFaceScreen;
  }
}
