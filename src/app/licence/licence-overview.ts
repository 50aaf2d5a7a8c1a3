/**
 * `<jpki-licence-overview>` (on `#/reader` when the card is an IC driver's licence): what the card
 * gives without a PIN — 共通データ要素, whether PINs are set, both counters (read with the empty
 * VERIFY, no try spent) — and the way on: PIN1 (or, with no PIN set, the DPIN the app presents for
 * the user) → the licence screen.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { PinStatus } from '../../card/pin';
import type { LensError } from '../../errors';
import { appState } from '../state/app-state';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import type { JpkiPinDialog } from '../pin/pin-dialog';
import { LicenceController } from './licence-controller';
import { LICENCE_DEMO_PINS } from './licence-demo';
import '../ui/panel';
import '../ui/notice';
import '../ui/badge';
import '../pin/pin-dialog';
import '../reader/error-notice';

export function triesText(s: PinStatus | undefined): string {
  if (!s) return t('licence.value.unknown');
  if (s.blocked) return t('licence.pin.blocked');
  return t('licence.pin.tries', { remaining: s.remaining, max: s.max });
}

@customElement('jpki-licence-overview')
export class JpkiLicenceOverview extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
        align-items: center;
      }
      .blocked {
        color: var(--color-danger-text);
        font-weight: 700;
      }
      .last {
        color: var(--color-warning-text);
        font-weight: 700;
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly licence = new LicenceController(this);
  @state() private error: LensError | undefined;
  @state() private needAck = false;
  @query('jpki-pin-dialog') private dialog!: JpkiPinDialog;

  override render() {
    void this.app.value.locale;
    const s = this.licence.session.value;
    const r = s.recognised;
    if (r?.kind !== 'licence') return nothing;
    const o = r.licence;
    const demo = s.reader?.demo === true;
    const pin1 = this.licence.model.pinStatusOf(1);
    const pin2 = this.licence.model.pinStatusOf(2);
    const busy = s.busy !== undefined;
    const tone = (p: PinStatus | undefined) => (p?.blocked ? 'blocked' : p?.remaining === 1 ? 'last' : '');
    return html`<jpki-panel heading=${t('licence.overview.heading')} data-testid="licence-overview">
        <p>${t('licence.overview.lead')}</p>
        <dl class="facts">
          <dt>${t('licence.common.spec')}</dt>
          <dd data-testid="licence-spec">${o.common.specVersion}</dd>
          <dt>${t('licence.common.issued')}</dt>
          <dd>${o.common.issued}</dd>
          <dt>${t('licence.common.expires')}</dt>
          <dd data-testid="licence-expires">${o.common.expires}</dd>
          <dt>${t('licence.pin.setting')}</dt>
          <dd data-testid="licence-pin-setting">${t(o.pinSet ? 'licence.pin.setting.set' : 'licence.pin.setting.dpin')}</dd>
          <dt>${t('app.flows.pin.licence-pin1.name')}</dt>
          <dd class=${tone(pin1)} data-testid="licence-pin1-tries">${triesText(pin1)}</dd>
          <dt>${t('app.flows.pin.licence-pin2.name')}</dt>
          <dd class=${tone(pin2)} data-testid="licence-pin2-tries">${triesText(pin2)}</dd>
        </dl>
        <p class="small muted">${t('licence.overview.counters-free')}</p>
        ${this.error ? html`<jpki-error-notice .error=${this.error}></jpki-error-notice>` : nothing}
        <div class="row">
          ${o.pinSet
            ? html`<button class="btn primary" type="button" data-testid="licence-read" ?disabled=${busy || pin1?.blocked === true} @click=${() => void this.dialog.open()}>
                ${pin1?.blocked ? t('licence.pin.blocked') : t('licence.overview.read')}
              </button>`
            : html`<button class="btn primary" type="button" data-testid="licence-read" ?disabled=${busy || pin1?.blocked === true} @click=${() => void this.readWithoutPin()}>
                ${this.needAck ? t('licence.overview.read-dpin-last') : t('licence.overview.read-dpin')}
              </button>`}
        </div>
        ${o.pinSet ? nothing : html`<p class="small">${t('licence.overview.dpin-note')}</p>`}
      </jpki-panel>
      <jpki-pin-dialog
        pin="licence-pin1"
        .status=${pin1}
        purpose=${t('app.flows.pin.licence-pin1.purpose')}
        demoHint=${demo ? t('app.flows.demo.pin-hint', { pin: LICENCE_DEMO_PINS.pin1 }) : ''}
        .submit=${(value: string, ack: boolean) => this.licence.model.readWithPin1(value, ack)}
        @jpki-pin-done=${() => appState.navigate('reader', 'licence')}
      ></jpki-pin-dialog>`;
  }

  /** No PIN set: the app presents the DPIN for the user; the last-try guard still applies. */
  private async readWithoutPin(): Promise<void> {
    const outcome = await this.licence.model.readWithPin1('', this.needAck);
    if (outcome.ok) {
      this.error = undefined;
      this.needAck = false;
      appState.navigate('reader', 'licence');
      return;
    }
    this.needAck = outcome.error.code === 'licence-pin-last-try-not-acknowledged';
    this.error = outcome.error;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-licence-overview': JpkiLicenceOverview;
  }
}
