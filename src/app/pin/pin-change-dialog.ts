/**
 * `<jpki-pin-change-dialog>`: change a PIN the way the J-LIS client offers it — the current value
 * (VERIFIED by the card first; the change is sent only after that VERIFY succeeds), then the new
 * value twice. Everything is validated locally before anything is sent: the current value with the
 * presenting rules, the new one with the registration rules (`newPinBytes`: for the 署名用パスワード
 * 6–16 of A–Z and 0–9 with letters and digits mixed), and the two new entries must agree.
 *
 * For the sign password it helps the user choose one that is memorable and strong (a romanised
 * phrase with a digit, e.g. HAYAKUKAETTEKOI4); it never generates a secret. Same last-try and
 * blocked rules as `<jpki-pin-dialog>`; inputs are emptied as soon as they are read.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, queryAll, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { newPinBytes } from '../../card/pin-rules';
import type { PinStatus } from '../../card/pin';
import { LensError, isLensError } from '../../errors';
import type { PinOutcome } from '../session/card-session';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import type { JpkiDialog } from '../ui/dialog';
import { PIN_KINDS, type DialogPin } from './pin-kinds';
import { localPinError } from './pin-dialog';
import { pinFormStyles } from './pin-form-styles';
import { fieldErrorText, isFieldError } from './field-error';
import '../ui/dialog';
import '../ui/notice';
import '../reader/error-notice';

export type PinChangeSubmit = (current: string, next: string, acknowledgeLastTry: boolean) => Promise<PinOutcome>;

/** The local checks of a change, in the order a user fixes them; undefined when all pass. */
export function localChangeError(pin: DialogPin, current: string, next: string, again: string): LensError | undefined {
  const c = localPinError(pin, current);
  if (c) return c;
  try {
    newPinBytes(PIN_KINDS[pin].format, next).fill(0);
  } catch (e) {
    if (isLensError(e)) return e;
    throw e;
  }
  const norm = (s: string) => (pin === 'jpki-sign' ? s.normalize('NFKC').toUpperCase() : s.normalize('NFKC'));
  if (norm(next) !== norm(again)) return new LensError('pin-new-mismatch');
  if (norm(next) === norm(current)) return new LensError('pin-new-same');
  return undefined;
}

@customElement('jpki-pin-change-dialog')
export class JpkiPinChangeDialog extends LitElement {
  static override styles = [baseStyles, pinFormStyles];

  private readonly app = new AppStateController(this);
  @property() pin: DialogPin = 'jpki-sign';
  @property({ attribute: false }) status: PinStatus | undefined;
  @property({ attribute: false }) submit: PinChangeSubmit | undefined;
  @property() demoHint = '';
  @state() private error: LensError | undefined;
  @state() private acknowledged = false;
  @state() private sending = false;
  @state() private done = false;
  @query('jpki-dialog') private dialog!: JpkiDialog;
  @queryAll('input[type="password"]') private inputs!: NodeListOf<HTMLInputElement>;

  async open(): Promise<void> {
    this.error = undefined;
    this.acknowledged = false;
    this.done = false;
    await this.updateComplete;
    await this.dialog.show();
    this.inputs[0]?.focus();
  }

  close(): void {
    this.clearInputs();
    this.dialog.close('cancel');
  }

  private clearInputs(): void {
    this.inputs?.forEach((i) => (i.value = ''));
  }

  override render() {
    void this.app.value.locale;
    const status = this.status;
    const blocked = status?.blocked === true;
    const lastTry = !blocked && status?.remaining === 1;
    const name = t(`app.flows.pin.${this.pin}.inline`);
    const kind = PIN_KINDS[this.pin];
    // A wrong current value with tries left is a typing mistake: shown at the current field, not in the box.
    const wrongCurrent = this.error?.code === 'pin-wrong' && isFieldError(this.error) ? this.error : undefined;
    const field = (id: string, label: string, describedBy?: string) => {
      const fieldError = id === 'current' ? wrongCurrent : undefined;
      const described = [fieldError ? `${id}-field-error` : '', describedBy ?? ''].filter(Boolean).join(' ');
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} type="password" autocomplete="off" spellcheck="false" inputmode=${kind.inputMode} maxlength=${kind.maxLength}
          autocapitalize=${kind.inputMode === 'text' ? 'characters' : 'off'} aria-describedby=${described || nothing}
          aria-invalid=${fieldError ? 'true' : 'false'} ?disabled=${this.sending} />
        ${fieldError
          ? html`<p id=${`${id}-field-error`} class="field-error" role="alert" data-testid="pin-field-error" data-code=${fieldError.code}>${fieldErrorText(this.pin, fieldError)}</p>`
          : nothing}
      </div>`;
    };
    return html`<jpki-dialog heading=${t('app.flows.change.heading', { name })} data-testid="pin-change-dialog" @jpki-dialog-close=${this.onClosed}>
      ${this.done
        ? html`<jpki-notice tone="success" heading=${t('app.flows.change.done.heading')} data-testid="pin-change-done"><p>${t('app.flows.change.done.body')}</p></jpki-notice>`
        : html`${status
              ? html`<p class="tries ${blocked ? 'blocked' : lastTry ? 'last' : ''}">
                  ${blocked ? t('app.flows.pin.blocked-short') : t('app.flows.pin.tries', { remaining: status.remaining, max: status.max })}
                </p>`
              : nothing}
            ${blocked
              ? html`<jpki-notice tone="danger" heading=${t('app.flows.pin.blocked.heading')}><p>${t(`app.flows.pin.${this.pin}.reset`)}</p><p>${t('app.flows.pin.blocked.nothing-sent')}</p></jpki-notice>`
              : html`<form id="change-form" @submit=${this.onSubmit} novalidate>
                  ${this.error && !wrongCurrent ? html`<jpki-error-notice class="top" .error=${this.error}></jpki-error-notice>` : nothing}
                  <p class="small">${t('app.flows.change.intro')}</p>
                  ${field('current', t('app.flows.change.current', { name }), 'current-rules')}
                  <p id="current-rules" class="small muted rules">${t(`app.flows.pin.${this.pin}.rules`)}</p>
                  ${field('next', t('app.flows.change.next', { name }), 'next-rules')}
                  <div id="next-rules" class="small muted rules">
                    <p>${t(`app.flows.change.${this.pin}.rules`)}</p>
                    ${this.pin === 'jpki-sign' ? html`<p>${t('app.flows.change.jpki-sign.help')}</p>` : nothing}
                  </div>
                  ${field('again', t('app.flows.change.again'))}
                  ${this.demoHint ? html`<p class="small demo-hint">${this.demoHint}</p>` : nothing}
                  ${lastTry
                    ? html`<div class="ack">
                        <input id="ack" type="checkbox" .checked=${this.acknowledged} @change=${(e: Event) => (this.acknowledged = (e.target as HTMLInputElement).checked)} />
                        <label for="ack">${t('app.flows.pin.last-try.ack', { name })}</label>
                      </div>`
                    : nothing}
                </form>`}`}
      ${this.done || blocked
        ? html`<button slot="actions" class="btn primary" type="button" @click=${this.close}>${t('app.flows.pin.close')}</button>`
        : html`<button slot="actions" class="btn" type="button" @click=${this.close} ?disabled=${this.sending}>${t('app.flows.pin.cancel')}</button>
            <button slot="actions" class="btn primary" type="submit" form="change-form" ?disabled=${this.sending || (lastTry && !this.acknowledged)}>
              ${this.sending ? t('app.flows.pin.sending') : t('app.flows.change.submit')}
            </button>`}
    </jpki-dialog>`;
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.sending || !this.submit) return;
    const lastTry = this.status?.remaining === 1 && !this.status.blocked;
    if (lastTry && !this.acknowledged) return;
    const [current, next, again] = [...this.inputs].map((i) => i.value);
    this.clearInputs();
    const local = localChangeError(this.pin, current ?? '', next ?? '', again ?? '');
    if (local) {
      this.error = local;
      await this.updateComplete;
      this.renderRoot.querySelector('jpki-error-notice')?.scrollIntoView({ block: 'nearest' });
      this.inputs[0]?.focus();
      return;
    }
    this.sending = true;
    this.error = undefined;
    const outcome = await this.submit(current ?? '', next ?? '', lastTry && this.acknowledged);
    this.sending = false;
    this.acknowledged = false;
    if (outcome.ok) {
      this.done = true;
      return;
    }
    this.error = outcome.error;
    await this.updateComplete;
    this.renderRoot.querySelector('jpki-error-notice')?.scrollIntoView({ block: 'nearest' });
    this.inputs[0]?.focus();
  }

  private onClosed(): void {
    this.clearInputs();
    this.error = undefined;
    this.acknowledged = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-pin-change-dialog': JpkiPinChangeDialog;
  }
}
