/**
 * `<jpki-face-key-b-form>`: 照合番号B typed from the printed card — the birth date as printed (和暦 era
 * + year + month + day, or 西暦 where the card prints 西暦), the expiry year and the 4-digit security
 * code — with help saying where each is on the card (jpki-card.md §5.1). No PIN is involved.
 *
 * Same rules as the PIN dialogs: the counter is shown before anything is typed; the key is composed
 * and validated locally (`cardFaceKeyB`), and a typing mistake is shown at its field with nothing
 * sent; one try left needs an explicit acknowledgement; blocked shows no form; "clear" sends nothing.
 * The values are read from the inputs on submit, the inputs are emptied at once, and the strings are
 * handed to `submit` (the session → card layer, one VERIFY); nothing here keeps them.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { PinStatus } from '../../card/pin';
import { cardFaceKeyB, type CardFaceKeyBInput, type EraId, type KeyBField, type PrintedBirthDate } from '../../card/kenmen-key-b';
import { isLensError, type LensError } from '../../errors';
import type { PinOutcome } from '../session/card-session';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import { pinFormStyles } from '../pin/pin-form-styles';
import '../ui/notice';
import '../reader/error-notice';

export type KeyBSubmit = (input: CardFaceKeyBInput, acknowledgeLastTry: boolean) => Promise<PinOutcome>;

const CALENDARS: readonly (EraId | 'seireki')[] = ['reiwa', 'heisei', 'showa', 'taisho', 'meiji', 'seireki'];

/** Which input an error of `field` belongs to. */
const INPUT_OF: Record<KeyBField, string> = { era: 'era', year: 'year', month: 'month', day: 'day', date: 'day', expiryYear: 'expiry', securityCode: 'code' };

@customElement('jpki-face-key-b-form')
export class JpkiFaceKeyBForm extends LitElement {
  static override styles = [
    baseStyles,
    pinFormStyles,
    css`
      fieldset {
        border: 1px solid var(--color-border);
        border-radius: var(--radius-m);
        padding: var(--space-3) var(--space-4) var(--space-4);
        margin: 0 0 var(--space-4);
      }
      legend {
        font-weight: 700;
        padding: 0 var(--space-1);
      }
      .date {
        display: grid;
        grid-template-columns: minmax(7rem, 1.3fr) repeat(3, minmax(4rem, 1fr));
        gap: var(--space-2);
      }
      .date label,
      .pair label {
        font-weight: 600;
        font-size: var(--font-size-s);
      }
      .pair {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 12rem));
        gap: var(--space-3);
      }
      select,
      input[type='text'],
      input[type='password'] {
        width: 100%;
        min-height: 44px;
        padding: var(--space-2);
        font: inherit;
        font-size: 1.1rem;
        border: 1px solid var(--color-border-strong);
        border-radius: var(--radius-m);
        background: var(--color-surface);
        color: var(--color-text);
        letter-spacing: normal;
      }
      [aria-invalid='true'] {
        border: 2px solid var(--color-danger-border);
      }
      .field-error {
        color: var(--color-danger-text);
        font-weight: 600;
        margin: var(--space-2) 0 0;
      }
      details {
        margin: var(--space-3) 0;
      }
      summary {
        cursor: pointer;
        color: var(--color-accent);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
        margin-top: var(--space-4);
      }
      @media (max-width: 560px) {
        .date {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
        .date .era {
          grid-column: 1 / -1;
        }
        .pair {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
        .actions .btn {
          width: 100%;
        }
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  @property({ attribute: false }) status: PinStatus | undefined;
  @property({ attribute: false }) submit: KeyBSubmit | undefined;
  @property({ type: Boolean }) busy = false;
  /** Demo mode only: the virtual card's printed values. */
  @property() demoHint = '';
  @state() private calendar: EraId | 'seireki' = 'showa';
  @state() private error: LensError | undefined;
  @state() private acknowledged = false;
  @state() private sending = false;
  @query('form') private form!: HTMLFormElement;

  private value(name: string): string {
    const el = this.form.elements.namedItem(name);
    return el instanceof HTMLInputElement ? el.value : '';
  }

  /** Empty every field (the typed values are not kept anywhere). */
  clear(): void {
    this.form?.reset();
    this.calendar = 'showa';
    this.error = undefined;
    this.acknowledged = false;
  }

  private fieldError(input: string) {
    if (!this.error || this.error.code !== 'card-key-b-invalid') return nothing;
    const field = this.error.params.field as KeyBField;
    if (INPUT_OF[field] !== input) return nothing;
    return html`<p class="field-error" id="err-${input}" role="alert" data-testid="key-b-field-error">${t(`app.face.b.error.${field}`)}</p>`;
  }

  private invalid(input: string): 'true' | 'false' {
    return this.error?.code === 'card-key-b-invalid' && INPUT_OF[this.error.params.field as KeyBField] === input ? 'true' : 'false';
  }

  override render() {
    void this.app.value.locale;
    const s = this.status;
    const blocked = s?.blocked === true;
    const lastTry = !blocked && s?.remaining === 1;
    const seireki = this.calendar === 'seireki';
    const text = (name: string, label: string, max: number, extra: { password?: boolean; describedBy?: string } = {}) =>
      html`<div class=${name === 'era' ? 'era' : ''}>
        <label for="kb-${name}">${label}</label>
        <input id="kb-${name}" name=${name} type=${extra.password ? 'password' : 'text'} inputmode="numeric" autocomplete="off" spellcheck="false" maxlength=${max}
          aria-invalid=${this.invalid(name)} aria-describedby=${extra.describedBy ?? ''} ?disabled=${this.sending || this.busy} />
      </div>`;
    return html`${s
        ? html`<p class="tries ${blocked ? 'blocked' : lastTry ? 'last' : ''}" data-testid="key-b-tries">
            ${blocked ? t('app.face.b.blocked-short') : t('app.face.b.tries', { remaining: s.remaining })}
          </p>`
        : nothing}
      ${blocked
        ? html`<jpki-notice tone="danger" heading=${t('app.face.b.blocked.heading')} data-testid="key-b-blocked">
            <p>${t('app.face.b.blocked.body')}</p>
            <p>${t('app.flows.pin.blocked.nothing-sent')}</p>
          </jpki-notice>`
        : html`<form @submit=${this.onSubmit} novalidate data-testid="key-b-form">
            <details>
              <summary>${t('app.face.b.help.summary')}</summary>
              <ul>
                <li>${t('app.face.b.help.birth')}</li>
                <li>${t('app.face.b.help.expiry')}</li>
                <li>${t('app.face.b.help.code')}</li>
              </ul>
              <p class="small muted">${t('app.face.b.help.seireki')}</p>
            </details>
            <fieldset>
              <legend>${t('app.face.b.birth')}</legend>
              <div class="date">
                <div class="era">
                  <label for="kb-era">${t('app.face.b.calendar')}</label>
                  <select id="kb-era" name="era" data-testid="key-b-era" aria-invalid=${this.invalid('era')} ?disabled=${this.sending || this.busy}
                    @change=${(e: Event) => (this.calendar = (e.target as HTMLSelectElement).value as EraId | 'seireki')}>
                    ${CALENDARS.map((c) => html`<option value=${c} ?selected=${c === this.calendar}>${t(`app.face.b.era.${c}`)}</option>`)}
                  </select>
                </div>
                ${text('year', seireki ? t('app.face.b.year-seireki') : t('app.face.b.year-era'), seireki ? 4 : 2, { describedBy: 'err-year' })}
                ${text('month', t('app.face.b.month'), 2, { describedBy: 'err-month' })}
                ${text('day', t('app.face.b.day'), 2, { describedBy: 'err-day' })}
              </div>
              ${this.fieldError('era')} ${this.fieldError('year')} ${this.fieldError('month')} ${this.fieldError('day')}
              ${seireki ? html`<p class="small muted" data-testid="key-b-seireki-note">${t('app.face.b.seireki-unconfirmed')}</p>` : nothing}
            </fieldset>
            <div class="pair">
              ${text('expiry', t('app.face.b.expiry'), 4, { describedBy: 'err-expiry' })}
              ${text('code', t('app.face.b.code'), 4, { password: true, describedBy: 'err-code' })}
            </div>
            ${this.fieldError('expiry')} ${this.fieldError('code')}
            ${this.demoHint ? html`<p class="small demo-hint">${this.demoHint}</p>` : nothing}
            ${lastTry
              ? html`<div class="ack">
                  <input id="kb-ack" type="checkbox" data-testid="key-b-ack" .checked=${this.acknowledged} @change=${(e: Event) => (this.acknowledged = (e.target as HTMLInputElement).checked)} />
                  <label for="kb-ack">${t('app.face.b.last-try')}</label>
                </div>`
              : nothing}
            ${this.error && this.error.code !== 'card-key-b-invalid' ? html`<jpki-error-notice .error=${this.error}></jpki-error-notice>` : nothing}
            <div class="actions">
              <button class="btn primary" type="submit" data-testid="key-b-submit" ?disabled=${this.sending || this.busy || (lastTry && !this.acknowledged)}>
                ${this.sending ? t('app.flows.pin.sending') : t('app.face.b.submit')}
              </button>
              <button class="btn" type="button" data-testid="key-b-clear" ?disabled=${this.sending} @click=${() => this.clear()}>${t('app.face.b.clear')}</button>
            </div>
          </form>`}`;
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.sending || !this.submit) return;
    const s = this.status;
    const lastTry = s?.remaining === 1 && !s.blocked;
    if (lastTry && !this.acknowledged) return;
    const birth: PrintedBirthDate =
      this.calendar === 'seireki'
        ? { calendar: 'seireki', year: Number(this.value('year').normalize('NFKC') || NaN), month: Number(this.value('month').normalize('NFKC') || NaN), day: Number(this.value('day').normalize('NFKC') || NaN) }
        : { calendar: 'wareki', era: this.calendar, year: Number(this.value('year').normalize('NFKC') || NaN), month: Number(this.value('month').normalize('NFKC') || NaN), day: Number(this.value('day').normalize('NFKC') || NaN) };
    const input: CardFaceKeyBInput = { birth, expiryYear: this.value('expiry'), securityCode: this.value('code') };
    // Local check first: a typing mistake stays at its field and costs nothing; the values stay typed.
    try {
      cardFaceKeyB(input);
    } catch (err) {
      if (isLensError(err)) {
        this.error = err;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      throw err;
    }
    this.form.reset();
    this.sending = true;
    this.error = undefined;
    const outcome = await this.submit(input, lastTry && this.acknowledged);
    this.sending = false;
    this.acknowledged = false;
    if (!outcome.ok) this.error = outcome.error;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-face-key-b-form': JpkiFaceKeyBForm;
  }
}
