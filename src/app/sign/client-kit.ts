/**
 * `<jpki-client-kit>` (`#/keys/kit`): a client-certificate kit for one's own server (the NAS case):
 * the CA bundle of every 利用者証明用 generation, the local "would a server with this bundle accept
 * this card?" check, nginx / Apache / Synology snippets filled with this card's allowlist values, and
 * the caveats with their sources (../shared/reference/client-auth.md). The page cannot log in by
 * itself: a web page cannot hand a certificate to the browser's TLS stack.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { toPem } from '../../pki/pem';
import type { Acceptance } from '../../sign/kit/acceptance';
import { BUNDLE_FILE_NAME, authRoots, clientAuthBundle } from '../../sign/kit/bundle';
import { OPENSSL_CHECK, apacheSnippet, nginxSnippet, synologySnippet } from '../../sign/kit/snippets';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import { fileButtonStyles } from '../ui/form-styles';
import { downloadFile } from '../certificate/download';
import { SignFlowController } from './flow-controller';
import { KIT_SOURCES } from './kit-sources';
import { keysStyles } from './styles';
import '../ui/panel';
import '../ui/badge';
import '../ui/notice';
import '../reader/error-notice';

const ALLOWLIST_KEYS = ['fingerprint', 'serial', 'subject', 'public-key'] as const;
const CAVEATS = ['clients', 'tls13', 'revocation', 'synology', 'pin'] as const;

@customElement('jpki-client-kit')
export class JpkiClientKit extends LitElement {
  static override styles = [baseStyles, fileButtonStyles, keysStyles];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  private readonly flow = new SignFlowController(this);

  override render() {
    void this.app.value.locale;
    const kit = this.flow.value.kit;
    return html`<div class="stack-l">
      <div>
        <h1>${t('sign.ui.page.kit.title')}</h1>
        <p class="lead">${t('sign.kit.help.lead')}</p>
      </div>
      ${this.renderBundle()} ${this.renderCheck(kit.acceptance)} ${this.renderSnippets(kit.acceptance)} ${this.renderAllowlist()}
      ${this.renderCaveats()} ${this.renderSources()}
    </div>`;
  }

  private renderBundle() {
    return html`<jpki-panel heading=${t('sign.kit.help.bundle.heading')}>
      <p>${t('sign.kit.help.bundle.body')}</p>
      <table>
        <thead><tr><th scope="col">${t('sign.kit.help.bundle.file')}</th><th scope="col">SHA-256</th></tr></thead>
        <tbody>
          ${authRoots().map((r) => html`<tr><td>${r.file}${r.generation === 1 ? html` <jpki-badge tone="neutral">${t('sign.kit.help.bundle.expired')}</jpki-badge>` : nothing}</td><td class="hex">${r.sha256}</td></tr>`)}
        </tbody>
      </table>
      <div class="actions" slot="actions">
        <button class="btn primary" type="button" data-testid="kit-bundle" @click=${() => downloadFile(BUNDLE_FILE_NAME, clientAuthBundle(), 'application/x-pem-file')}>${t('sign.kit.help.bundle.download', { name: BUNDLE_FILE_NAME })}</button>
      </div>
    </jpki-panel>`;
  }

  private renderCheck(a: Acceptance | undefined) {
    const s = this.session.value;
    const cardAuth = s.phase === 'ready' ? s.card?.certificates.auth.der : undefined;
    const kit = this.flow.value.kit;
    return html`<jpki-panel heading=${t('sign.kit.help.check.heading')}>
      <div class="stack">
      <p>${t('sign.kit.help.check.body')}</p>
      <div class="actions">
        <button class="btn primary" type="button" data-testid="kit-check-card" ?disabled=${!cardAuth} @click=${() => void this.flow.flow.checkCertificate('card')}>${t('sign.kit.help.check.card')}</button>
        <label class="btn">
          ${t('sign.kit.help.check.file')}
          <input class="file-input" type="file" accept=".cer,.crt,.der,.pem" data-testid="kit-check-file" @change=${this.onFile} />
        </label>
      </div>
      ${!cardAuth ? html`<p class="small muted">${t('sign.kit.help.check.no-card')}</p>` : nothing}
      ${kit.error ? html`<jpki-error-notice .error=${kit.error}></jpki-error-notice>` : nothing}
      ${a
        ? html`<div class="stack" data-testid="kit-result" data-accepted=${String(a.accepted)}>
            <jpki-notice tone=${a.accepted ? 'success' : 'danger'} live heading=${a.accepted ? t('sign.kit.help.check.yes') : t('sign.kit.help.check.no')}></jpki-notice>
            <ul class="checks">
              ${a.checks.map((c) => html`<li data-check=${c.id}><jpki-badge tone=${c.ok ? 'success' : 'danger'}>${c.ok ? t('sign.kit.help.ok') : t('sign.kit.help.ng')}</jpki-badge><span>${t(c.key, c.params ?? {})}</span></li>`)}
            </ul>
            <p class="small">${t('sign.kit.help.check.revocation')}</p>
            <dl class="facts">
              <dt>${t('sign.kit.help.entry.sha1')}</dt><dd class="hex" data-testid="kit-sha1">${a.entry.sha1}</dd>
              <dt>SHA-256</dt><dd class="hex">${a.entry.sha256}</dd>
              <dt>${t('sign.kit.help.entry.serial')}</dt><dd class="hex">${a.entry.serialHex}</dd>
              <dt>CN</dt><dd class="hex">${a.entry.subjectCn}</dd>
              <dt>${t('sign.kit.help.entry.until')}</dt><dd>${t('sign.kit.help.entry.days', { date: a.entry.notAfter, days: a.daysLeft })}</dd>
            </dl>
            <p>${t('sign.kit.help.check.command')}</p>
            <pre tabindex="0">${OPENSSL_CHECK}</pre>
            ${kit.certificate
              ? html`<div class="actions"><button class="btn" type="button" @click=${() => downloadFile('auth.pem', toPem(kit.certificate ?? new Uint8Array()), 'application/x-pem-file')}>${t('sign.kit.help.check.save-pem')}</button></div>`
              : nothing}
          </div>`
        : nothing}
      </div>
    </jpki-panel>`;
  }

  private renderSnippets(a: Acceptance | undefined) {
    const o = { entries: a?.accepted ? [a.entry] : [] };
    const snippets = [
      { id: 'nginx', file: 'jpki-client-auth.nginx.conf', text: nginxSnippet(o) },
      { id: 'apache', file: 'jpki-client-auth.apache.conf', text: apacheSnippet(o) },
      { id: 'synology', file: 'jpki-client-auth.conf', text: synologySnippet(o) },
    ];
    return html`<jpki-panel heading=${t('sign.kit.help.snippets.heading')}>
      <p>${t(a?.accepted ? 'sign.kit.help.snippets.filled' : 'sign.kit.help.snippets.empty')}</p>
      ${snippets.map(
        (sn) => html`<details data-testid=${`kit-snippet-${sn.id}`}>
          <summary>${t(`sign.kit.help.snippets.${sn.id}`)}</summary>
          <p class="small">${t(`sign.kit.help.snippets.${sn.id}.note`)}</p>
          <pre tabindex="0">${sn.text}</pre>
          <button class="btn" type="button" @click=${() => downloadFile(sn.file, sn.text, 'text/plain')}>${t('sign.kit.help.snippets.download', { name: sn.file })}</button>
        </details>`,
      )}
    </jpki-panel>`;
  }

  private renderAllowlist() {
    return html`<jpki-panel heading=${t('sign.kit.help.allow.heading')}>
      <p>${t('sign.kit.help.allow.body')}</p>
      <table>
        <thead><tr><th scope="col">${t('sign.kit.help.allow.key')}</th><th scope="col">${t('sign.kit.help.allow.stable')}</th></tr></thead>
        <tbody>${ALLOWLIST_KEYS.map((k) => html`<tr><td>${t(`sign.kit.help.allow.${k}`)}</td><td>${t(`sign.kit.help.allow.${k}.stable`)}</td></tr>`)}</tbody>
      </table>
      <p>${t('sign.kit.help.allow.renewal')}</p>
    </jpki-panel>`;
  }

  private renderCaveats() {
    return html`<jpki-panel heading=${t('sign.kit.help.caveats.heading')}>
      ${CAVEATS.map((c) => html`<h3>${t(`sign.kit.help.caveat.${c}.title`)}</h3><p>${t(`sign.kit.help.caveat.${c}.body`)}</p>`)}
    </jpki-panel>`;
  }

  private renderSources() {
    return html`<jpki-panel heading=${t('sign.kit.help.sources.heading')}>
      <p class="small muted">${t('sign.kit.help.sources.body')}</p>
      <ol class="small" data-testid="kit-sources">
        ${KIT_SOURCES.map((s) => html`<li>${s.title} — <a href=${s.url} rel="noopener noreferrer" target="_blank">${s.url}</a></li>`)}
      </ol>
    </jpki-panel>`;
  }

  private async onFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) await this.flow.flow.checkCertificate('file', new Uint8Array(await file.arrayBuffer()));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-client-kit': JpkiClientKit;
  }
}
