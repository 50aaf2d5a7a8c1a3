/**
 * `<jpki-pin-dialog>`: asks for one PIN, with the remaining tries shown before anything is typed.
 *
 * - Local validation first, with the card layer's own rules (`pinBytes`: charset and length; the
 *   sign password upper-cased as the J-LIS client does), so a malformed value never costs a try.
 * - One try left: an explicit acknowledgement checkbox is required before submitting.
 * - Blocked: no input at all; the dialog says where the PIN is reset and nothing is sent.
 * - Cancel (button, Escape) sends nothing.
 * - The value is read from the input, the input is emptied at once, and the string is handed to
 *   `submit` (the session, which passes it to the card layer for the one VERIFY); nothing here
 *   keeps it. On failure the dialog stays open with the error and the updated counter.
 * - A typing mistake (a format refused locally, or a wrong entry with tries left) is shown at the
 *   field, naming the PIN and the tries left; the error box is kept for real failures.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { pinBytes } from '../../card/pin-rules';
import type { PinStatus } from '../../card/pin';
import { isLensError, type LensError } from '../../errors';
import type { PinOutcome } from '../session/card-session';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import type { JpkiDialog } from '../ui/dialog';
import { PIN_KINDS, type DialogPin } from './pin-kinds';
import { pinFormStyles } from './pin-form-styles';
import { fieldErrorText, isFieldError } from './field-error';
import '../ui/dialog';
import '../ui/notice';
import '../reader/error-notice';

export type PinSubmit = (value: string, acknowledgeLastTry: boolean) => Promise<PinOutcome>;

/** Validate locally with the card layer's rules; the encoded bytes are zeroed at once. */
export function localPinError(pin: DialogPin, value: string): LensError | undefined {
  try {
    pinBytes(PIN_KINDS[pin].format, value).fill(0);
    return undefined;
  } catch (e) {
    if (isLensError(e)) return e;
    throw e;
  }
}

@customElement('jpki-pin-dialog')
export class JpkiPinDialog extends LitElement {
  static override styles = [baseStyles, pinFormStyles];

  private readonly app = new AppStateController(this);
  @property() pin: DialogPin = 'jpki-sign';
  @property({ attribute: false }) status: PinStatus | undefined;
  /** What the PIN is asked for ("to read the sign certificate"), already translated. */
  @property() purpose = '';
  @property({ attribute: false }) submit: PinSubmit | undefined;
  /** A hint shown only in demo mode (the virtual card's PIN). */
  @property() demoHint = '';
  @state() private error: LensError | undefined;
  @state() private acknowledged = false;
  @state() private sending = false;
  @query('jpki-dialog') private dialog!: JpkiDialog;
  @query('input[name="pin"]') private input: HTMLInputElement | null | undefined;

  async open(): Promise<void> {
    this.error = undefined;
    this.acknowledged = false;
    await this.updateComplete;
    await this.dialog.show();
    this.input?.focus();
  }

  close(): void {
    this.clearInput();
    this.dialog.close('cancel');
  }

  private clearInput(): void {
    if (this.input) this.input.value = '';
  }

  override render() {
    void this.app.value.locale;
    const status = this.status;
    const blocked = status?.blocked === true;
    const lastTry = !blocked && status?.remaining === 1;
    const name = t(`app.flows.pin.${this.pin}.name`);
    return html`<jpki-dialog heading=${name} data-testid="pin-dialog" @jpki-dialog-close=${this.onClosed}>
      ${this.purpose ? html`<p>${this.purpose}</p>` : nothing}
      ${status
        ? html`<p class="tries ${blocked ? 'blocked' : lastTry ? 'last' : ''}" data-testid="pin-tries">
            ${blocked ? t('app.flows.pin.blocked-short') : t('app.flows.pin.tries', { remaining: status.remaining, max: status.max })}
          </p>`
        : nothing}
      ${blocked ? this.renderBlocked() : this.renderForm(lastTry)}
      ${blocked
        ? html`<button slot="actions" class="btn primary" type="button" @click=${this.close}>${t('app.flows.pin.close')}</button>`
        : html`<button slot="actions" class="btn" type="button" @click=${this.close} ?disabled=${this.sending}>${t('app.flows.pin.cancel')}</button>
            <button slot="actions" class="btn primary" type="submit" form="pin-form" ?disabled=${this.sending || (lastTry && !this.acknowledged)}>
              ${this.sending ? t('app.flows.pin.sending') : t('app.flows.pin.submit')}
            </button>`}
    </jpki-dialog>`;
  }

  private renderBlocked() {
    return html`<jpki-notice tone="danger" heading=${t('app.flows.pin.blocked.heading')} data-testid="pin-blocked">
      <p>${t(`app.flows.pin.${this.pin}.reset`)}</p>
      <p>${t('app.flows.pin.blocked.nothing-sent')}</p>
    </jpki-notice>`;
  }

  private renderForm(lastTry: boolean) {
    const kind = PIN_KINDS[this.pin];
    const fieldError = this.error && isFieldError(this.error) ? this.error : undefined;
    return html`<form id="pin-form" @submit=${this.onSubmit} novalidate>
      <label for="pin">${t(`app.flows.pin.${this.pin}.label`)}</label>
      <input
        id="pin"
        name="pin"
        type="password"
        autocomplete="off"
        autocapitalize=${kind.inputMode === 'text' ? 'characters' : 'off'}
        spellcheck="false"
        inputmode=${kind.inputMode}
        maxlength=${kind.maxLength}
        aria-describedby=${fieldError ? 'pin-field-error pin-rules' : 'pin-rules'}
        aria-invalid=${fieldError ? 'true' : 'false'}
        ?disabled=${this.sending}
      />
      ${fieldError
        ? html`<p id="pin-field-error" class="field-error" role="alert" data-testid="pin-field-error" data-code=${fieldError.code}>${fieldErrorText(this.pin, fieldError)}</p>`
        : nothing}
      <p id="pin-rules" class="small muted">${t(`app.flows.pin.${this.pin}.rules`)}</p>
      ${this.demoHint ? html`<p class="small demo-hint">${this.demoHint}</p>` : nothing}
      ${lastTry
        ? html`<div class="ack">
            <input id="ack" type="checkbox" .checked=${this.acknowledged} @change=${(e: Event) => (this.acknowledged = (e.target as HTMLInputElement).checked)} />
            <label for="ack">${t(`app.flows.pin.last-try.ack`, { name: t(`app.flows.pin.${this.pin}.inline`) })}</label>
          </div>`
        : nothing}
      ${this.error && !fieldError ? html`<jpki-error-notice .error=${this.error}></jpki-error-notice>` : nothing}
    </form>`;
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.sending || !this.submit || !this.input) return;
    const lastTry = this.status?.remaining === 1 && !this.status.blocked;
    if (lastTry && !this.acknowledged) return;
    // The value lives only in this call's locals: gone when it returns (strings cannot be zeroed).
    const value = this.input.value;
    this.clearInput();
    const local = localPinError(this.pin, value);
    if (local) {
      this.error = local;
      this.input.focus();
      return;
    }
    this.sending = true;
    this.error = undefined;
    const outcome = await this.submit(value, lastTry && this.acknowledged);
    this.sending = false;
    this.acknowledged = false;
    if (outcome.ok) {
      this.dialog.close('done');
      this.dispatchEvent(new CustomEvent('jpki-pin-done', { bubbles: true, composed: true }));
      return;
    }
    this.error = outcome.error;
    await this.updateComplete;
    this.input?.focus();
  }

  private onClosed(): void {
    this.clearInput();
    this.error = undefined;
    this.acknowledged = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-pin-dialog': JpkiPinDialog;
  }
}
