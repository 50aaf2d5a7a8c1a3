/**
 * `<jpki-myna-licence-panel>`: on a My Number card that carries the licence instance (マイナ免許証,
 * jpki-card.md §9.4), the overview says so and offers it: its PIN setting and counter (read without a
 * try), then after its PIN the 免許情報 decoded as far as the sources go — every field marked as
 * unconfirmed, since one author's reading of the specification is all there is. Masked until
 * revealed, never saved, forgotten with "forget" or when the card goes.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import type { JpkiPinDialog } from '../pin/pin-dialog';
import type { PinStatus } from '../../card/pin';
import type { LensError } from '../../errors';
import { LicenceController } from './licence-controller';
import { LICENCE_DEMO_PINS } from './licence-demo';
import { dateText } from './licence-format';
import { triesText } from './licence-overview';
import '../ui/panel';
import '../ui/badge';
import '../pin/pin-dialog';
import '../reader/error-notice';

@customElement('jpki-myna-licence-panel')
export class JpkiMynaLicencePanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
        align-items: center;
      }
      table {
        border-collapse: collapse;
        inline-size: 100%;
      }
      th,
      td {
        border-bottom: 1px solid var(--color-border);
        padding: var(--space-1) var(--space-2);
        text-align: start;
        overflow-wrap: anywhere;
      }
      .masked {
        color: var(--color-text-muted);
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly licence = new LicenceController(this);
  @state() private shown = false;
  /** The dialog is rendered only once asked for (keeps one PIN dialog per screen until then). */
  @state() private asking = false;
  @state() private error: LensError | undefined;
  @query('jpki-pin-dialog') private dialog!: JpkiPinDialog;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.shown = false;
    this.licence.model.clear();
  }

  override render() {
    void this.app.value.locale;
    const s = this.licence.session.value;
    const r = s.recognised;
    if (r?.kind !== 'my-number' || !r.mynaLicence) return nothing;
    const o = r.mynaLicence;
    const status = this.licence.model.pinStatusOf('myna');
    const info = this.licence.value.myna;
    const demo = s.reader?.demo === true;
    return html`<jpki-panel heading=${t('licence.myna.heading')} data-testid="myna-licence">
        <p>${t('licence.myna.lead')}</p>
        <dl class="facts">
          <dt>${t('licence.pin.setting')}</dt>
          <dd>${o.pinSet === undefined ? t('licence.value.unknown') : t(o.pinSet ? 'licence.myna.pin-set' : 'licence.myna.pin-not-set')}</dd>
          <dt>${t('app.flows.pin.myna-licence.name')}</dt>
          <dd data-testid="myna-licence-tries">${triesText(status)}</dd>
        </dl>
        ${this.error ? html`<jpki-error-notice .error=${this.error}></jpki-error-notice>` : nothing}
        ${o.errors.length ? html`<p class="small muted">${t('licence.myna.errors', { codes: o.errors.join(', ') })}</p>` : nothing}
        ${info
          ? html`<div class="stack">
              <p><strong>${t('licence.myna.expiry')}</strong> ${this.shown ? dateText(info.expiry) : html`<span class="masked">${t('licence.masked')}</span>`}</p>
              <table data-testid="myna-licence-fields">
                <thead>
                  <tr>
                    <th scope="col">${t('licence.myna.col.tag')}</th>
                    <th scope="col">${t('licence.myna.col.meaning')}</th>
                    <th scope="col">${t('licence.myna.col.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${info.fields.map(
                    (f) => html`<tr>
                      <td class="mono">${f.tag}</td>
                      <td>${t(f.known ? `licence.myna.known.${f.known}` : 'licence.myna.known.none')}</td>
                      <td class="mono">${this.shown ? (f.date ? dateText(f.date) : f.length === 0 ? t('licence.myna.empty') : (f.text ?? f.hex)) : html`<span class="masked">${t('licence.masked')}</span>`}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
              <div class="row">
                <button class="btn" type="button" aria-pressed=${this.shown ? 'true' : 'false'} data-testid="myna-licence-reveal" @click=${() => (this.shown = !this.shown)}>
                  ${this.shown ? t('licence.screen.hide') : t('licence.screen.show')}
                </button>
                <button class="btn" type="button" @click=${() => this.forget()}>${t('licence.screen.forget')}</button>
              </div>
            </div>`
          : html`<button class="btn primary" type="button" data-testid="myna-licence-read" ?disabled=${s.busy !== undefined || status?.blocked === true} @click=${() => void this.ask()}>
              ${t('licence.myna.read')}
            </button>`}
        <p class="small muted">${t('licence.myna.unconfirmed')}</p>
      </jpki-panel>
      ${this.asking ? this.renderDialog(demo, status) : nothing}`;
  }

  private renderDialog(demo: boolean, status: PinStatus | undefined) {
    return html`<jpki-pin-dialog
        pin="myna-licence"
        .status=${status}
        purpose=${t('app.flows.pin.myna-licence.purpose')}
        demoHint=${demo ? t('app.flows.demo.pin-hint', { pin: LICENCE_DEMO_PINS.myna }) : ''}
        .submit=${(value: string, ack: boolean) => this.licence.model.readMyna(value, ack)}
        @jpki-dialog-close=${() => (this.asking = false)}
      ></jpki-pin-dialog>`;
  }

  private async ask(): Promise<void> {
    const r = this.licence.session.value.recognised;
    if (r?.kind === 'my-number' && r.mynaLicence?.pinSet === false) {
      // No PIN set on the instance: the DPIN for the user (UNCONFIRMED there), with the same guard.
      const outcome = await this.licence.model.readMyna('', false);
      this.error = outcome.ok ? undefined : outcome.error;
      return;
    }
    this.asking = true;
    await this.updateComplete;
    await this.dialog.open();
  }

  private forget(): void {
    this.shown = false;
    this.licence.model.clear();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-myna-licence-panel': JpkiMynaLicencePanel;
  }
}
