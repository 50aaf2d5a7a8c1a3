/**
 * `<jpki-error-notice .error=${lensError} os="linux">`: a LensError as the user sees it — its text in
 * the current language, the other language's text folded underneath (for a bug report or a helper
 * who reads the other one), the stable code, and per-OS advice where the usb layer has some
 * (`osAdviceKey`). Never a stack trace. A "dismiss" button fires `jpki-dismiss`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isLocaleLoaded, loadLocale, t } from '../../i18n';
import type { LensError } from '../../errors';
import { errorText } from './error-text';
import { osAdviceKey, type HostOs } from '../../usb/errors';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import '../ui/notice';
import { pcscHint } from './pcsc-hint';

export { errorText };

/** Codes that are a consequence of what the user did, not a failure (shown calmer). */
const INFO_CODES = new Set(['no-device-selected', 'pin-cancelled']);
const WARNING_CODES = new Set([
  'pin-wrong',
  'pin-last-try-not-acknowledged',
  'card-removed',
  'reader-unplugged',
  'card-absent',
  // Something on this computer holds the reader: the user can free it (the per-OS step is shown).
  'interface-busy',
  'device-access-denied',
  // Local checks: nothing was sent, the user only needs to retype.
  'pin-format-4-digits',
  'pin-format-sign-password',
  'pin-new-needs-letters-and-digits',
  'pin-new-mismatch',
  'pin-new-same',
]);

@customElement('jpki-error-notice')
export class JpkiErrorNotice extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .code {
        font-family: var(--font-mono);
        font-size: var(--font-size-s);
      }
      details {
        margin-top: var(--space-2);
        font-size: var(--font-size-s);
      }
      summary {
        cursor: pointer;
      }
      .advice {
        margin-top: var(--space-2);
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  @property({ attribute: false }) error: LensError | undefined;
  @property() os: HostOs = 'unknown';
  @property({ type: Boolean }) dismissible = false;
  @property() heading = '';
  /** Override the tone chosen from the code (e.g. a protected-class reader the user asked about). */
  @property() tone: 'info' | 'warning' | 'danger' | '' = '';

  protected override updated(): void {
    // The code on the host too, for tests and for anyone inspecting the page.
    if (this.error) this.setAttribute('data-code', this.error.code);
    else this.removeAttribute('data-code');
  }

  /**
   * The error in the other language, folded. That language's strings are a chunk of their own
   * (src/i18n): loaded here the first time an error is shown, then this re-renders.
   */
  private otherLanguage(e: LensError, other: 'ja' | 'en') {
    if (!isLocaleLoaded(other)) {
      loadLocale(other).then(
        () => this.requestUpdate(),
        () => undefined, // offline and never precached: the details stay away
      );
      return nothing;
    }
    return html`<details>
      <summary>${t('app.flows.error.other-language')}</summary>
      <p lang=${other}>${errorText(e, other)}</p>
    </details>`;
  }

  override render() {
    const e = this.error;
    if (!e) return nothing;
    const locale = this.app.value.locale;
    const other = locale === 'ja' ? 'en' : 'ja';
    const advice = osAdviceKey(e.code, this.os);
    const tone = this.tone || (INFO_CODES.has(e.code) ? 'info' : WARNING_CODES.has(e.code) ? 'warning' : 'danger');
    const local = /^pin-(format|new)-/.test(e.code);
    const heading = this.heading || t(local ? 'app.flows.error.heading.input' : 'app.flows.error.heading');
    return html`<jpki-notice tone=${tone} live heading=${heading}>
      <p data-testid="error-text">${advice ? t(`usb.lead.${e.code}`, e.params) : errorText(e, locale)}</p>
      ${advice ? html`<p class="advice">${t(advice, e.params)}</p>` : nothing}
      ${e.code === 'protected-class' ? pcscHint() : nothing}
      <p class="small">${t('app.flows.error.code')} <span class="code">${e.code}</span></p>
      ${this.otherLanguage(e, other)}
      ${this.dismissible
        ? html`<button slot="actions" class="btn" type="button" @click=${() => this.dispatchEvent(new CustomEvent('jpki-dismiss', { bubbles: true, composed: true }))}>
            ${t('app.flows.error.dismiss')}
          </button>`
        : nothing}
    </jpki-notice>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-error-notice': JpkiErrorNotice;
  }
}
