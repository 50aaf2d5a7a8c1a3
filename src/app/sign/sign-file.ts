/**
 * `<jpki-sign-file>` (`#/keys/sign`): sign a file with the 署名用 key as a detached CMS .p7s. The file is
 * hashed as soon as it is chosen (streamed, with progress; it never leaves the page), then the
 * 署名用パスワード (counter first, the last-try guard) and the card signs; the .p7s is offered as a
 * download, with how to check it here and with openssl. The .p7s carries the sign certificate, i.e.
 * the holder's name, address, birth date and sex: the page says so before signing.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { t } from '../../i18n';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import { baseStyles } from '../ui/styles';
import { fileButtonStyles } from '../ui/form-styles';
import { DEMO_PINS } from '../demo/demo-device';
import { downloadFile } from '../certificate/download';
import type { JpkiPinDialog } from '../pin/pin-dialog';
import { SignFlowController } from './flow-controller';
import { hex, needsCard, sizeText, utcText } from './card-needed';
import { keysStyles } from './styles';
import '../pin/pin-dialog';
import '../ui/panel';
import '../ui/notice';
import '../reader/error-notice';

@customElement('jpki-sign-file')
export class JpkiSignFile extends LitElement {
  static override styles = [baseStyles, fileButtonStyles, keysStyles];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  private readonly flow = new SignFlowController(this);
  @query('jpki-pin-dialog') private dialog!: JpkiPinDialog;

  override render() {
    void this.app.value.locale;
    const s = this.session.value;
    const ready = s.phase === 'ready' && s.card !== undefined;
    const noSign = s.card?.info.certificates?.sign === false;
    const status = s.card?.pins.find((p) => p.id === 'jpki-sign')?.status;
    const sign = this.flow.value.sign;
    return html`<div class="stack-l">
      <div>
        <h1>${t('sign.ui.page.sign.title')}</h1>
        <p class="lead">${t('sign.ui.sign.lead')}</p>
      </div>
      ${!ready
        ? needsCard()
        : noSign
          ? html`<jpki-notice tone="info" heading=${t('sign.ui.sign.no-sign')}></jpki-notice>`
          : html`<jpki-panel heading=${t('sign.ui.sign.file.heading')}>
              <div class="stack">
              <p>${t('sign.ui.sign.file.body')}</p>
              <div class="actions">
                <label class="btn">
                  ${t('sign.ui.sign.choose')}
                  <input class="file-input" type="file" data-testid="sign-file-input" @change=${this.onFile} />
                </label>
              </div>
              ${sign.file
                ? html`<dl class="facts">
                    <dt>${t('sign.ui.sign.file.name')}</dt>
                    <dd class="file-name">${sign.file.name}</dd>
                    <dt>${t('sign.ui.sign.file.size')}</dt>
                    <dd>${sizeText(sign.file.size)}</dd>
                    <dt>SHA-256</dt>
                    <dd class="hex" data-testid="sign-digest">${sign.digest ? hex(sign.digest).replace(/ /g, '').toLowerCase() : '—'}</dd>
                  </dl>`
                : nothing}
              ${sign.hashing
                ? html`<div role="status" data-testid="sign-hashing">
                    <label for="hash-progress" class="small">${t('sign.ui.sign.hashing', { percent: sign.hashing.total ? Math.floor((sign.hashing.done / sign.hashing.total) * 100) : 100 })}</label>
                    <progress id="hash-progress" max=${sign.hashing.total || 1} .value=${sign.hashing.done}></progress>
                  </div>`
                : nothing}
              ${sign.error ? html`<jpki-error-notice .error=${sign.error}></jpki-error-notice>` : nothing}
              <jpki-notice tone="warning" heading=${t('sign.ui.sign.personal.heading')}>
                <p>${t('sign.ui.sign.personal.body')}</p>
              </jpki-notice>
              </div>
              <div class="actions" slot="actions">
                <button class="btn primary" type="button" data-testid="sign-start" ?disabled=${!sign.digest || s.busy !== undefined || status?.blocked === true} @click=${() => void this.dialog.open()}>
                  ${status?.blocked ? t('sign.ui.sign.blocked') : t('sign.ui.sign.start')}
                </button>
              </div>
            </jpki-panel>`}
      ${sign.p7s && sign.file ? this.renderDone(sign.file, sign.p7s, sign.signedAt) : nothing}
      <jpki-pin-dialog
        pin="jpki-sign"
        .status=${status}
        purpose=${t('sign.ui.sign.purpose', { name: sign.file?.name ?? '' })}
        demoHint=${s.reader?.demo ? t('app.flows.demo.pin-hint', { pin: DEMO_PINS.sign }) : ''}
        .submit=${(value: string, ack: boolean) => this.flow.flow.signChosen(value, ack)}
      ></jpki-pin-dialog>
    </div>`;
  }

  private renderDone(file: File, p7s: Uint8Array, signedAt: Date | undefined) {
    const name = `${file.name}.p7s`;
    return html`<jpki-panel heading=${t('sign.ui.sign.done.heading')} data-testid="sign-done">
      <div class="stack">
      <jpki-notice tone="success" live heading=${t('sign.ui.sign.done.ok', { name })}>
        <p>${t('sign.ui.sign.done.time', { time: signedAt ? utcText(signedAt) : '' })}</p>
      </jpki-notice>
      <div class="actions">
        <button class="btn primary" type="button" data-testid="sign-download" @click=${() => downloadFile(name, p7s.slice(), 'application/pkcs7-signature')}>${t('sign.ui.sign.download', { name })}</button>
        <a class="btn" href=${formatHash('keys', 'verify')} data-testid="sign-verify-here" @click=${() => this.flow.flow.useOwnSignature()}>${t('sign.ui.sign.verify-here')}</a>
      </div>
      <p>${t('sign.ui.sign.openssl')}</p>
      <pre tabindex="0">openssl x509 -inform DER -in signca03.cer -out signca03.pem
openssl cms -verify -binary -inform DER -in "${name}" -content "${file.name}" -CAfile signca03.pem -out /dev/null</pre>
      <p class="small muted">${t('sign.ui.sign.openssl-note')}</p>
      </div>
    </jpki-panel>`;
  }

  private onFile(e: Event): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.flow.flow.chooseFile(file);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-sign-file': JpkiSignFile;
  }
}
