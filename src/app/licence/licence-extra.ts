/**
 * `<jpki-licence-extra>`: the recorded fields the face does not print (呼び名, 通称名, 統一氏名, the
 * JIS X 0208 edition, tags this app does not know) and the electronic signature (DF1/EF07) — what it
 * carries and, honestly, that it cannot be verified here: the verifying key is not published.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { EntriesWithGlyphs, LicenceSignatureField, LicenceText } from '../../card/licence';
import type { LicenceSnapshot } from '../session/licence-session';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import { licenceCardStyles } from './licence-card-styles';
import { renderLicenceText } from './licence-text';
import '../ui/panel';
import '../ui/notice';
import '../reader/error-notice';

@customElement('jpki-licence-extra')
export class JpkiLicenceExtra extends LitElement {
  static override styles = [baseStyles, licenceCardStyles];

  private readonly app = new AppStateController(this);
  @property({ attribute: false }) entries: EntriesWithGlyphs | undefined;
  @property({ attribute: false }) snapshot: LicenceSnapshot | undefined;
  @property({ type: Boolean }) shown = false;

  private text(v: LicenceText | undefined) {
    if (!this.shown) return html`<span class="masked-value">${t('licence.masked')}</span>`;
    return v && v.segments.length ? renderLicenceText(v, this.entries?.glyphs ?? []) : t('licence.value.none');
  }

  override render() {
    void this.app.value.locale;
    const e = this.entries;
    if (!e) return nothing;
    const s = this.snapshot;
    return html`<div class="stack-l">
      <jpki-panel heading=${t('licence.extra.heading')} data-testid="licence-extra">
        <dl class="facts">
          <dt>${t('licence.field.name-kana')}</dt>
          <dd>${this.text(e.nameKana)}</dd>
          <dt>${t('licence.field.common-name')}</dt>
          <dd>${this.text(e.commonName)}</dd>
          <dt>${t('licence.field.unified-name')}</dt>
          <dd>${this.text(e.unifiedNameKana)}</dd>
          <dt>${t('licence.field.colour')}</dt>
          <dd>${this.shown ? (e.colour ? `${e.colour.text.text} (${t(`licence.colour.${e.colour.kind}`, { text: e.colour.text.text })})` : t('licence.value.none')) : this.text(undefined)}</dd>
          <dt>${t('licence.field.jis-edition')}</dt>
          <dd>${e.jisEdition ?? t('licence.value.none')}</dd>
          ${e.unknownTags.length ? html`<dt>${t('licence.field.unknown-tags')}</dt><dd class="mono">${e.unknownTags.join(' ')}</dd>` : nothing}
        </dl>
      </jpki-panel>
      ${this.renderSignature(s)}
    </div>`;
  }

  private field(label: string, f: LicenceSignatureField | undefined) {
    if (!f) return nothing;
    return html`<dt>${label}</dt>
      <dd><span class="mono">${f.tag}</span> · ${f.text !== undefined ? f.text : html`<span class="mono">${f.hex.length > 64 ? `${f.hex.slice(0, 64)}…` : f.hex}</span>`}</dd>`;
  }

  private renderSignature(s: LicenceSnapshot | undefined) {
    const sig = s?.signature;
    return html`<jpki-panel heading=${t('licence.signature.heading')} data-testid="licence-signature">
      ${s?.signatureError ? html`<jpki-error-notice .error=${s.signatureError}></jpki-error-notice>` : nothing}
      ${sig
        ? html`<dl class="facts">
              <dt>${t('licence.signature.length')}</dt>
              <dd>${t('licence.signature.bytes', { length: sig.signatureLength })}${sig.rsaBits ? ` (${t('licence.signature.rsa', { bits: sig.rsaBits })})` : ''}</dd>
              ${this.field(t('licence.signature.serial'), sig.serial)} ${this.field(t('licence.signature.issuer'), sig.issuer)}
              ${this.field(t('licence.signature.subject'), sig.subject)} ${this.field(t('licence.signature.key-id'), sig.keyId)}
            </dl>
            <jpki-notice tone="info" heading=${t('licence.signature.verdict.heading')} data-testid="licence-signature-verdict">
              <p>${t('licence.signature.verdict.body')}</p>
            </jpki-notice>
            <p class="small muted">${t('licence.signature.unconfirmed')}</p>`
        : nothing}
    </jpki-panel>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-licence-extra': JpkiLicenceExtra;
  }
}
