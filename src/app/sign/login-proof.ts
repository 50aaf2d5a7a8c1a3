/**
 * `<jpki-login-proof>` (`#/keys/login`): "Can this card log me in?" — the 利用者証明用 PIN (counter
 * shown first, the last-try guard), a fresh challenge signed by the auth key and verified here against
 * the auth certificate (src/sign/challenge.ts), optionally also with RSA-PSS (P1=04, UNCONFIRMED beyond
 * one source; a refusal is reported, the PIN is never re-sent for it), and what the result proves.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import { DEMO_PINS } from '../demo/demo-device';
import type { JpkiPinDialog } from '../pin/pin-dialog';
import type { LoginProofState, ProofAttempt } from '../session/sign-flow';
import { SignFlowController } from './flow-controller';
import { hex, needsCard } from './card-needed';
import { keysStyles } from './styles';
import '../pin/pin-dialog';
import '../ui/panel';
import '../ui/badge';
import '../ui/notice';
import '../reader/error-notice';

@customElement('jpki-login-proof')
export class JpkiLoginProof extends LitElement {
  static override styles = [baseStyles, keysStyles];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  private readonly flow = new SignFlowController(this);
  @state() private withPss = true;
  @query('jpki-pin-dialog') private dialog!: JpkiPinDialog;

  override render() {
    void this.app.value.locale;
    const s = this.session.value;
    const ready = s.phase === 'ready' && s.card !== undefined;
    const status = s.card?.pins.find((p) => p.id === 'jpki-auth')?.status;
    const proof = this.flow.value.proof;
    return html`<div class="stack-l">
      <div>
        <h1>${t('sign.ui.page.login.title')}</h1>
        <p class="lead">${t('sign.ui.login.lead')}</p>
      </div>
      ${!ready
        ? needsCard()
        : html`<jpki-panel heading=${t('sign.ui.login.try.heading')}>
            <p>${t('sign.ui.login.try.body')}</p>
            <div class="check-row">
              <input id="pss" type="checkbox" .checked=${this.withPss} @change=${(e: Event) => (this.withPss = (e.target as HTMLInputElement).checked)} />
              <label for="pss">${t('sign.ui.login.pss')}</label>
            </div>
            <p class="small muted">${t('sign.ui.login.pss-note')}</p>
            <div class="actions" slot="actions">
              <button class="btn primary" type="button" data-testid="proof-start" ?disabled=${s.busy !== undefined || status?.blocked === true} @click=${() => void this.ask()}>
                ${status?.blocked ? t('sign.ui.login.blocked') : t('sign.ui.login.start')}
              </button>
            </div>
          </jpki-panel>`}
      ${proof ? this.renderProof(proof) : nothing}
      <jpki-pin-dialog
        pin="jpki-auth"
        .status=${status}
        purpose=${t('sign.ui.login.purpose')}
        demoHint=${s.reader?.demo ? t('app.flows.demo.pin-hint', { pin: DEMO_PINS.auth }) : ''}
        .submit=${(value: string, ack: boolean) => this.flow.flow.proveLogin(value, ack, this.withPss)}
      ></jpki-pin-dialog>
    </div>`;
  }

  private async ask(): Promise<void> {
    await this.updateComplete;
    await this.dialog.open();
  }

  private renderAttempt(a: ProofAttempt) {
    const ok = a.proof?.valid === true;
    const tone = ok ? 'success' : a.scheme === 'pss' && a.error ? 'warning' : 'danger';
    const verdict = a.proof ? (ok ? t(`sign.ui.login.result.${a.scheme}.ok`) : t('sign.ui.login.result.bad')) : t('sign.ui.login.result.pss-refused', { error: a.error ? t(`error.${a.error.code}`, a.error.params) : '' });
    return html`<li data-testid=${`proof-${a.scheme}`} data-valid=${String(ok)}>
      <jpki-badge tone=${tone}>${t(`sign.ui.login.scheme.${a.scheme}`)}</jpki-badge>
      <div>
        <p>${verdict}</p>
        ${a.proof
          ? html`<dl class="facts">
              <dt>${t('sign.ui.login.challenge')}</dt>
              <dd class="hex">${hex(a.proof.challenge)}</dd>
              <dt>${t('sign.ui.login.signature')}</dt>
              <dd class="hex">${hex(a.proof.signature, 24)}</dd>
            </dl>`
          : nothing}
      </div>
    </li>`;
  }

  private renderProof(p: LoginProofState) {
    const pkcs1 = p.attempts.find((a) => a.scheme === 'pkcs1-v1_5');
    const ok = pkcs1?.proof?.valid === true;
    const chainOk = p.chain?.status === 'valid';
    const anchor = p.chain?.links.at(-1)?.anchor;
    return html`<jpki-panel heading=${t('sign.ui.login.result.heading')} data-testid="proof-result">
      <div class="stack">
      <jpki-notice tone=${ok ? (chainOk ? 'success' : 'warning') : 'danger'} heading=${ok ? t(chainOk ? 'sign.ui.login.result.yes' : 'sign.ui.login.result.key-only') : t('sign.ui.login.result.no')} live></jpki-notice>
      <ul class="checks">${p.attempts.map((a) => this.renderAttempt(a))}</ul>
      <h3>${t('sign.ui.login.proves.heading')}</h3>
      <ul>
        <li>${ok ? t('sign.ui.login.proves.key') : t('sign.ui.login.proves.no-key')}</li>
        <li data-testid="proof-chain">${chainOk
          ? t(anchor?.source === 'jpki-test' ? 'sign.ui.login.proves.chain-test' : 'sign.ui.login.proves.chain', { generation: anchor?.generation ?? '' })
          : t('sign.ui.login.proves.no-chain', { reason: p.chain?.reasonKey ? t(p.chain.reasonKey, p.chain.reasonParams ?? {}) : '' })}</li>
        <li>${t('sign.ui.login.proves.revocation')}</li>
        <li>${t('sign.ui.login.proves.like')}</li>
      </ul>
      ${p.attempts.some((a) => a.scheme === 'pss') ? html`<p class="small">${t(p.attempts.find((a) => a.scheme === 'pss')?.proof?.valid ? 'sign.ui.login.pss-meaning.yes' : 'sign.ui.login.pss-meaning.no')}</p>` : nothing}
      </div>
    </jpki-panel>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-login-proof': JpkiLoginProof;
  }
}
