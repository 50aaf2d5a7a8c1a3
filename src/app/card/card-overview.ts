/**
 * `<jpki-card-overview>`: what the card is and what is on it, from the session's overview — the
 * token kind (from the JPKI AP's token label: the card was recognised by SELECTing its
 * applications, not by its ATR), which certificates it carries, the retry counter of every PIN
 * (read with the empty VERIFY, which spends no try), and the certificates read without asking for
 * anything, each opening the certificate viewer. The sign certificate and 個人番号 need a PIN: their
 * buttons open the PIN dialogs, which show the counter before anything is typed.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { PinStatusEntry } from '../../card/pin-status';
import { CardSessionController } from '../session/card-session-controller';
import type { CardOverview, FreeCertificateKind } from '../session/card-session';
import type { CertificateKind } from '../../card/jpki';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import { baseStyles } from '../ui/styles';
import { DEMO_PINS } from '../demo/demo-device';
import { isDialogPin, type DialogPin } from '../pin/pin-kinds';
import type { JpkiPinDialog } from '../pin/pin-dialog';
import type { JpkiPinChangeDialog } from '../pin/pin-change-dialog';
import '../ui/panel';
import '../ui/badge';
import '../ui/notice';
import '../pin/pin-dialog';
import '../pin/pin-change-dialog';

/** The holder's own certificates first, then the CAs that issued them. */
const ORDER: readonly CertificateKind[] = ['auth', 'sign', 'auth-ca', 'sign-ca'];

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ');

export function demoPinOf(pin: DialogPin): string {
  return pin === 'jpki-sign' ? DEMO_PINS.sign : pin === 'jpki-auth' ? DEMO_PINS.auth : DEMO_PINS.kenhojo;
}

@customElement('jpki-card-overview')
export class JpkiCardOverview extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .certs {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: var(--space-3);
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .certs li {
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: var(--space-2);
        padding: var(--space-4);
        border: 1px solid var(--color-border);
        border-radius: var(--radius-m);
        background: var(--color-surface);
      }
      .certs li.needs-pin {
        border-style: dashed;
        background: var(--color-surface-sunken);
      }
      .certs h3 {
        margin: 0;
      }
      .certs p {
        margin: 0;
      }
      .certs .open {
        margin-top: auto;
        align-self: flex-start;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        padding: var(--space-2) var(--space-2);
        border-bottom: 1px solid var(--color-border);
        vertical-align: middle;
      }
      th {
        font-size: var(--font-size-s);
        color: var(--color-text-muted);
        font-weight: 600;
      }
      /* Row headers read as the PIN's name, not as muted column labels; regular weight because a
         Japanese face without bold made only the Latin digits bold. Every row keeps the height of
         one with a button, so the row without "change" does not look squashed. */
      tbody th {
        font-size: inherit;
        color: var(--color-text);
        font-weight: normal;
      }
      tbody th,
      tbody td {
        height: 3.875rem;
      }
      td.num {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      /* "変更" must not break one character per line on a phone. */
      td .btn {
        white-space: nowrap;
      }
      .pins-note {
        margin-top: var(--space-3);
      }
      .atr {
        font-family: var(--font-mono);
        font-size: var(--font-size-s);
        overflow-wrap: anywhere;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2) var(--space-3);
        align-items: center;
        margin-bottom: var(--space-3);
      }
      .head strong {
        font-size: var(--font-size-l);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
      }
      @media (max-width: 560px) {
        th.hide-phone,
        td.hide-phone {
          display: none;
        }
        .actions .btn {
          width: 100%;
        }
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  @query('jpki-pin-dialog') private pinDialog!: JpkiPinDialog;
  @query('jpki-pin-change-dialog') private changeDialog!: JpkiPinChangeDialog;
  private dialogPin: DialogPin = 'jpki-sign';
  private changePin: DialogPin = 'jpki-sign';

  override render() {
    void this.app.value.locale;
    const s = this.session.value;
    const card = s.card;
    if (!card) return nothing;
    const demo = s.reader?.demo === true;
    return html`<div class="stack-l">
      ${this.renderCard(card, demo)} ${this.renderCertificates(card, s.signCertificate !== undefined)} ${this.renderPins(card.pins)}
      ${this.renderPersonal()}
      <jpki-pin-dialog
        pin=${this.dialogPin}
        .status=${this.statusOf(this.dialogPin)}
        purpose=${t(`app.flows.pin.${this.dialogPin}.purpose`)}
        demoHint=${demo ? t('app.flows.demo.pin-hint', { pin: demoPinOf(this.dialogPin) }) : ''}
        .submit=${(value: string, ack: boolean) =>
          this.dialogPin === 'jpki-sign' ? this.session.session.verifySignAndRead(value, ack) : this.session.session.verifyAuth(value, ack)}
        @jpki-pin-done=${this.onPinDone}
      ></jpki-pin-dialog>
      <jpki-pin-change-dialog
        pin=${this.changePin}
        .status=${this.statusOf(this.changePin)}
        demoHint=${demo ? t('app.flows.demo.pin-hint', { pin: demoPinOf(this.changePin) }) : ''}
        .submit=${(current: string, next: string, ack: boolean) =>
          this.session.session.changePin(this.changePin === 'kenhojo' ? 'kenhojo' : this.changePin === 'jpki-auth' ? 'auth' : 'sign', current, next, ack)}
      ></jpki-pin-change-dialog>
    </div>`;
  }

  private statusOf(pin: DialogPin) {
    return this.session.value.card?.pins.find((p) => p.id === pin)?.status;
  }

  private renderCard(card: CardOverview, demo: boolean) {
    const kind = card.info.token.kind;
    const presence = card.info.certificates;
    return html`<jpki-panel heading=${t('app.flows.card.heading')} data-testid="card-overview">
      <div class="head">
        <strong data-testid="token-kind">${t(`app.flows.card.token.${kind}`)}</strong>
        ${demo ? html`<jpki-badge tone="demo">${t('app.flows.demo.badge')}</jpki-badge>` : nothing}
      </div>
      <p>${t('app.flows.card.detected')}</p>
      <dl class="facts">
        <dt>${t('app.flows.card.label')}</dt>
        <dd class="mono">${card.info.token.label || '—'}</dd>
        <dt>${t('app.flows.card.contents')}</dt>
        <dd>
          ${presence
            ? html`${t(presence.auth ? 'app.flows.card.has-auth' : 'app.flows.card.no-auth')}<br />${t(presence.sign ? 'app.flows.card.has-sign' : 'app.flows.card.no-sign')}`
            : t('app.flows.card.contents-unknown')}
        </dd>
        <dt>ATR</dt>
        <dd class="atr">${hex(card.atr)}</dd>
      </dl>
      <p class="small muted">${t('app.flows.card.atr-note')}</p>
    </jpki-panel>`;
  }

  private renderCertificates(card: CardOverview, haveSign: boolean) {
    const signPresent = card.info.certificates?.sign !== false;
    const signStatus = this.statusOf('jpki-sign');
    return html`<jpki-panel heading=${t('app.flows.certs.heading')}>
      <p>${t('app.flows.certs.intro')}</p>
      <ul class="certs" data-testid="certificates">
        ${ORDER.map((kind) =>
          kind === 'sign'
            ? html`<li data-kind="sign" class=${haveSign ? '' : 'needs-pin'}>
                <h3>${t('app.flows.cert.sign.title')}</h3>
                <p class="small muted">${t('app.flows.cert.sign.what')}</p>
                ${haveSign
                  ? html`<p class="small">${t('app.flows.certs.personal-note')}</p>
                      <a class="btn open" href=${formatHash('reader', 'certificate', 'sign')}>${t('app.flows.certs.open')}</a>`
                  : signPresent
                    ? html`<p class="small">${t('app.flows.certs.needs-sign-password')}</p>
                        <button class="btn primary open" type="button" data-testid="read-sign" ?disabled=${this.session.value.busy !== undefined} @click=${() => void this.askPin('jpki-sign')}>
                          ${signStatus?.blocked ? t('app.flows.certs.sign-blocked') : t('app.flows.certs.read-sign')}
                        </button>`
                    : html`<p class="small">${t('app.flows.card.no-sign')}</p>`}
              </li>`
            : this.renderFreeCertificate(card, kind),
        )}
      </ul>
    </jpki-panel>`;
  }

  private renderFreeCertificate(card: CardOverview, kind: FreeCertificateKind) {
    const slot = card.certificates[kind];
    return html`<li data-kind=${kind}>
      <h3>${t(`app.flows.cert.${kind}.title`)}</h3>
      <p class="small muted">${t(`app.flows.cert.${kind}.what`)}</p>
      ${slot.der
        ? html`<p class="small">${t('app.flows.certs.size', { bytes: slot.der.length })}</p>
            <a class="btn open" href=${formatHash('reader', 'certificate', kind)}>${t('app.flows.certs.open')}</a>`
        : html`<p class="small">${slot.error ? t(`error.${slot.error.code}`, slot.error.params) : ''}</p>
            ${kind === 'auth' && slot.error?.code === 'pin-not-verified'
              ? html`<button class="btn primary open" type="button" data-testid="read-auth" ?disabled=${this.session.value.busy !== undefined} @click=${() => void this.askPin('jpki-auth')}>
                  ${t('app.flows.certs.read-auth')}
                </button>`
              : nothing}`}
    </li>`;
  }

  private renderPins(pins: readonly PinStatusEntry[]) {
    return html`<jpki-panel heading=${t('app.flows.pins.heading')}>
      <p>${t('app.flows.pins.intro')}</p>
      <table data-testid="pin-table">
        <thead>
          <tr>
            <th scope="col">${t('app.flows.pins.col.pin')}</th>
            <th scope="col">${t('app.flows.pins.col.remaining')}</th>
            <th scope="col" class="hide-phone">${t('app.flows.pins.col.state')}</th>
            <th scope="col"><span class="visually-hidden">${t('app.flows.pins.col.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${pins.map((p) => {
            const st = p.status;
            const state = p.absent ? 'absent' : !st ? 'error' : st.blocked ? 'blocked' : st.remaining === 1 ? 'last' : 'ok';
            return html`<tr data-pin=${p.id}>
              <th scope="row">${t(`app.flows.pins.name.${p.id}`)}</th>
              <td class="num" data-testid="pin-remaining">${st ? t('app.flows.pins.count', { remaining: st.remaining, max: st.max }) : '—'}</td>
              <td class="hide-phone">
                <jpki-badge tone=${state === 'ok' ? 'success' : state === 'last' ? 'warning' : state === 'blocked' ? 'danger' : 'neutral'}>
                  ${t(`app.flows.pins.state.${state}`)}
                </jpki-badge>
              </td>
              <td>
                ${isDialogPin(p.id) && st && !st.blocked
                  ? html`<button class="btn quiet" type="button" ?disabled=${this.session.value.busy !== undefined} @click=${() => void this.askChange(p.id as DialogPin)}
                      aria-label=${t('app.flows.change.heading', { name: t(`app.flows.pin.${p.id}.inline`) })}>${t('app.flows.pins.change')}</button>`
                  : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p class="small muted pins-note">${t('app.flows.pins.where-reset')}</p>
    </jpki-panel>`;
  }

  private renderPersonal() {
    return html`<jpki-panel heading=${t('app.flows.personal.heading')}>
      <p>${t('app.flows.personal.intro')}</p>
      <div class="actions">
        <a class="btn" href=${formatHash('reader', 'mynumber')} data-testid="open-mynumber">${t('app.flows.personal.open')}</a>
        <a class="btn" href=${formatHash('reader', 'face')} data-testid="open-face">${t('app.face.open')}</a>
      </div>
    </jpki-panel>`;
  }

  private async askPin(pin: DialogPin): Promise<void> {
    this.dialogPin = pin;
    this.requestUpdate();
    await this.updateComplete;
    await this.pinDialog.open();
  }

  private async askChange(pin: DialogPin): Promise<void> {
    this.changePin = pin;
    this.requestUpdate();
    await this.updateComplete;
    await this.changeDialog.open();
  }

  private onPinDone(): void {
    if (this.dialogPin === 'jpki-sign' && this.session.value.signCertificate) location.hash = formatHash('reader', 'certificate', 'sign');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-card-overview': JpkiCardOverview;
  }
}
