/**
 * `<jpki-verify-signature>` (`#/keys/verify`): drop a .p7s and its file (or an attached CMS alone) →
 * the signature check (src/sign/cms.ts), offline, also for signatures made by other tools. The signer
 * certificate is shown in the certificate viewer, whose personal-data handling (the sign
 * certificate's 4 info masked until revealed) is the same as everywhere; the chain goes to the pinned
 * J-LIS roots; revocation is said to be unchecked; signingTime is labelled as the signer's claim.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { VerifyResult } from '../../sign/cms';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import { fileButtonStyles } from '../ui/form-styles';
import { loadCertificateView } from '../certificate/load-view';
import { SignFlowController } from './flow-controller';
import { sizeText, utcText } from './card-needed';
import { keysStyles } from './styles';
import '../ui/panel';
import '../ui/badge';
import '../ui/notice';
import '../reader/error-notice';

const ALGORITHMS: Readonly<Record<string, string>> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '1.3.14.3.2.26': 'SHA-1',
  '1.2.840.113549.1.1.1': 'RSA (PKCS#1 v1.5)',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.10045.4.3.2': 'ECDSA with SHA-256',
  '1.2.840.10045.4.3.3': 'ECDSA with SHA-384',
};

@customElement('jpki-verify-signature')
export class JpkiVerifySignature extends LitElement {
  static override styles = [baseStyles, fileButtonStyles, keysStyles];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  private readonly flow = new SignFlowController(this);
  /** The signer certificate (a sign certificate holds name, address, birth date and sex) is shown on request. */
  @state() private shownSigner: VerifyResult | undefined;

  override render() {
    void this.app.value.locale;
    const v = this.flow.value.verify;
    return html`<div class="stack-l">
      <div>
        <h1>${t('sign.ui.page.verify.title')}</h1>
        <p class="lead">${t('sign.ui.verify.lead')}</p>
      </div>
      <jpki-panel heading=${t('sign.ui.verify.files.heading')}>
        <dl class="facts">
          <dt>${t('sign.ui.verify.signature-file')}</dt>
          <dd>
            <div class="actions">
              <label class="btn">
                ${t('sign.ui.verify.choose-signature')}
                <input class="file-input" type="file" accept=".p7s,.p7m,.p7b,.pem,.der,application/pkcs7-signature,application/pkcs7-mime" data-testid="verify-signature-input" @change=${this.onSignature} />
              </label>
              <span class="file-name" data-testid="verify-signature-name">${v.signature ? `${v.signature.name} (${sizeText(v.signature.size)})` : t('sign.ui.verify.none')}</span>
            </div>
          </dd>
          <dt>${t('sign.ui.verify.content-file')}</dt>
          <dd>
            <div class="actions">
              <label class="btn">
                ${t('sign.ui.verify.choose-content')}
                <input class="file-input" type="file" data-testid="verify-content-input" @change=${this.onContent} />
              </label>
              <span class="file-name" data-testid="verify-content-name">${v.content ? `${v.content.name} (${sizeText(v.content.size)})` : t('sign.ui.verify.none-attached')}</span>
            </div>
          </dd>
        </dl>
        ${v.busy
          ? html`<div role="status" data-testid="verify-busy">
              <label for="verify-progress" class="small">${t('sign.ui.verify.hashing')}</label>
              <progress id="verify-progress" max=${v.busy.total || 1} .value=${v.busy.done}></progress>
            </div>`
          : nothing}
        ${v.error ? html`<jpki-error-notice .error=${v.error}></jpki-error-notice>` : nothing}
        <div class="actions" slot="actions">
          <button class="btn primary" type="button" data-testid="verify-start" ?disabled=${!v.signature || v.busy !== undefined} @click=${() => void this.flow.flow.verify()}>
            ${t('sign.ui.verify.start')}
          </button>
        </div>
      </jpki-panel>
      ${v.result ? this.renderResult(v.result) : nothing}
    </div>`;
  }

  private renderResult(r: VerifyResult) {
    const chain = r.chain;
    const anchor = chain?.links.at(-1)?.anchor;
    const ok = r.signatureValid && chain?.status === 'valid';
    const heading = ok ? t('sign.ui.verify.result.ok') : r.signatureValid ? t('sign.ui.verify.result.untrusted') : t('sign.ui.verify.result.bad');
    const shown = this.shownSigner === r;
    if (shown) void loadCertificateView();
    return html`<jpki-panel heading=${t('sign.ui.verify.result.heading')} data-testid="verify-result" data-valid=${String(r.signatureValid)} data-chain=${chain?.status ?? 'none'}>
      <div class="stack">
      <jpki-notice tone=${ok ? 'success' : r.signatureValid ? 'warning' : 'danger'} live heading=${heading}>
        ${r.problems.length ? html`<ul data-testid="verify-problems">${r.problems.map((p) => html`<li data-problem=${p}>${t(`sign.problem.${p}`)}</li>`)}</ul>` : nothing}
      </jpki-notice>
      <dl class="facts">
        <dt>${t('sign.ui.verify.signature')}</dt>
        <dd data-testid="verify-signature-state">${r.signatureValid ? t('sign.ui.verify.signature-ok') : t('sign.ui.verify.signature-bad')}</dd>
        <dt>${t('sign.ui.verify.form')}</dt>
        <dd>${r.attached ? t('sign.ui.verify.attached', { size: sizeText(r.contentLength) }) : t('sign.ui.verify.detached', { size: sizeText(r.contentLength) })}</dd>
        <dt>${t('sign.ui.verify.algorithms')}</dt>
        <dd>${ALGORITHMS[r.digestAlgorithm] ?? r.digestAlgorithm} / ${ALGORITHMS[r.signatureAlgorithm] ?? r.signatureAlgorithm}</dd>
        <dt>${t('sign.ui.verify.time')}</dt>
        <dd data-testid="verify-time">${r.signingTime ? t('sign.ui.verify.time-claim', { time: utcText(r.signingTime) }) : t('sign.ui.verify.time-none')}</dd>
        <dt>${t('sign.ui.verify.signer')}</dt>
        <dd data-testid="verify-signer">${/CN = ([^,]+)/.exec(chain?.links[0]?.subject ?? '')?.[1] ?? '—'}</dd>
        <dt>${t('sign.ui.verify.chain')}</dt>
        <dd data-testid="verify-chain">${chain
          ? chain.status === 'valid'
            ? t(anchor?.source === 'jpki-test' ? 'sign.ui.verify.chain-test' : 'sign.ui.verify.chain-ok', { file: anchor?.file ?? '' })
            : t('sign.ui.verify.chain-bad', { reason: t(chain.reasonKey ?? '', chain.reasonParams ?? {}) })
          : '—'}</dd>
        <dt>${t('sign.ui.verify.revocation')}</dt>
        <dd>${t('sign.ui.verify.revocation-not-checked')}</dd>
      </dl>
      <p class="small muted">${t('sign.ui.verify.legal')}</p>
      ${r.signer.length && !shown
        ? html`<div class="actions"><button class="btn" type="button" data-testid="verify-show-signer" @click=${() => (this.shownSigner = r)}>${t('sign.ui.verify.show-signer')}</button></div>
            <p class="small muted">${t('sign.ui.verify.show-signer-note')}</p>`
        : nothing}
      ${r.signer.length && shown
        ? html`<h3>${t('sign.ui.verify.signer-certificate')}</h3>
            <jpki-certificate-view .der=${r.signer} source="file" heading-level="0" ?demo=${this.session.value.reader?.demo === true}></jpki-certificate-view>`
        : nothing}
      </div>
    </jpki-panel>`;
  }

  private onSignature(e: Event): void {
    this.flow.flow.setSignatureFile((e.target as HTMLInputElement).files?.[0]);
  }

  private onContent(e: Event): void {
    this.flow.flow.setContentFile((e.target as HTMLInputElement).files?.[0]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-verify-signature': JpkiVerifySignature;
  }
}
