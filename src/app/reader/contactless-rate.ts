/**
 * The reader check panel's contactless part: `contactlessRateFacts(reader)` is the air-link rate the
 * card was read at and why (CardReader.contactlessRate: the fastest
 * both allow, a fallback after the first fast exchange failed, or the user's setting), and
 * `<jpki-contactless-rate .reader=${connected}>` the "always 106 kbit/s" setting (src/app/state/contactless-rate-setting.ts), remembered in this browser.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { ConnectedReader } from '../session/card-session';
import { AppStateController } from '../state/app-state-controller';
import { contactlessRateSetting, type ContactlessRateSetting } from '../state/contactless-rate-setting';
import { baseStyles } from '../ui/styles';

/** The rate row for the reader check panel's facts list (a `<dt>`/`<dd>` pair inside its `<dl>`). */
export function contactlessRateFacts(reader: ConnectedReader) {
  const rate = reader.contactlessRate;
  return html`<dt>${t('linkRate.label')}</dt>
    <dd data-testid="contactless-rate">
      ${rate
        ? html`<strong>${t('linkRate.value', { kbps: rate.kbps })}</strong> <span data-testid="contactless-rate-reason" data-reason=${rate.reason}>${t(`linkRate.reason.${rate.reason}`)}</span>`
        : html`<span class="muted">${t('linkRate.notYet')}</span>`}
    </dd>`;
}

@customElement('jpki-contactless-rate')
export class JpkiContactlessRate extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin-top: var(--space-4);
        padding-top: var(--space-4);
        border-top: 1px solid var(--color-border);
      }
      .check-line {
        display: flex;
        gap: var(--space-2);
        align-items: start;
      }
      .check-line input {
        width: 1.25rem;
        height: 1.25rem;
        margin: 0.3rem 0 0;
        flex: none;
      }
      .hint {
        margin: var(--space-1) 0 0 calc(1.25rem + var(--space-2));
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  @property({ attribute: false }) reader: ConnectedReader | undefined;
  /** The setting this element shows (the page's one by default; tests may pass their own). */
  @property({ attribute: false }) setting: ContactlessRateSetting = contactlessRateSetting;
  private unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.setting.subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  override render() {
    void this.app.value.locale;
    const rate = this.reader?.contactlessRate;
    const force106 = this.setting.force106;
    // The setting differs from what the last read ran under: say when it applies.
    const pending = rate !== undefined && (force106 ? rate.kbps !== 106 : rate.reason === 'user-setting');
    return html`<label class="check-line">
        <input type="checkbox" data-testid="force-106" aria-describedby="force-106-hint" .checked=${force106}
          @change=${(e: Event) => this.setting.set((e.target as HTMLInputElement).checked)} />
        <span>${t('linkRate.force106')}</span>
      </label>
      <p class="hint small muted" id="force-106-hint">${t('linkRate.force106.hint')}</p>
      ${pending ? html`<p class="hint small" role="status" data-testid="force-106-pending">${t('linkRate.force106.pending')}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-contactless-rate': JpkiContactlessRate;
  }
}
