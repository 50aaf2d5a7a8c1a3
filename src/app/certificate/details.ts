/**
 * The 詳細情報 tab: every field and every extension of the model, with the JPKI explanations the
 * profile decoders attach (CN structure, 4 info, policies), each attribute's string type, and
 * unknown or undecodable extensions shown by dotted OID and raw DER value instead of being dropped.
 * "Show bytes" jumps to the ASN.1 tab with the extension's node selected.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { hasMessage, t, type Locale } from '../../i18n';
import type { CertificateModel, ExtensionModel, Field, NameModel } from '../../pki/model/types';
import { fieldLabel, fieldValue, formatDateTime, spacedHex } from './format';

export interface DetailsActions {
  /** Select the ASN.1 node that starts at `offset` and switch to the ASN.1 tab. */
  readonly showBytes: (offset: number) => void;
}

function fields(list: readonly Field[]): TemplateResult {
  return html`<ul class="field-list">
    ${list.map((f) => html`<li>
      <span class="field-label">${fieldLabel(f)}</span><span class="field-value">${fieldValue(f) || '—'}</span>
      ${typeof f.params?.['oid'] === 'string' ? html` <span class="oid">${f.params['oid']}</span>` : nothing}
      ${f.children?.length ? fields(f.children) : nothing}
    </li>`)}
  </ul>`;
}

function nameTable(n: NameModel): TemplateResult {
  return html`<dl class="facts">
    ${n.rdns.flat().map((a) => html`<dt>${hasMessage(a.labelKey) ? t(a.labelKey) : a.shortName}</dt>
      <dd>${a.value} <span class="oid">${a.oid} · ${a.stringType}</span></dd>`)}
  </dl>`;
}

function extensionName(e: ExtensionModel): string {
  return hasMessage(e.labelKey) ? t(e.labelKey) : e.name;
}

function extension(e: ExtensionModel, m: CertificateModel, actions: DetailsActions): TemplateResult {
  const jp = m.jpki;
  const range = e.range;
  return html`<li class="ext" data-oid=${e.oid}>
    <div class="ext-head">
      <h4>${extensionName(e)}</h4>
      <span class="oid">${e.oid}</span>
      ${e.critical ? html`<jpki-badge tone="warning">${t('app.cert.details.critical')}</jpki-badge>` : nothing}
      ${e.status === 'unknown' ? html`<jpki-badge>${t('app.cert.details.unknownExt')}</jpki-badge>` : nothing}
      ${e.status === 'error' ? html`<jpki-badge tone="danger">${t('app.cert.details.errorExt')}</jpki-badge>` : nothing}
    </div>
    ${e.fields.length ? fields(e.fields) : nothing}
    ${e.status !== 'decoded' ? html`<p class="small">${t('app.cert.details.rawValue')}</p><p class="mono-block">${spacedHex(e.valueHex)}</p>` : nothing}
    ${e.oid === '2.5.29.17' && jp?.personal ? html`<p class="small muted">${t('app.cert.details.sanExplained')}</p>${fields(jp.personal.fields)}` : nothing}
    ${e.oid === '2.5.29.32' && jp?.policies.length ? fields(jp.policies) : nothing}
    ${range ? html`<button class="btn quiet small" type="button" @click=${() => actions.showBytes(range.start)}
        aria-label=${t('app.cert.details.showBytesOf', { name: extensionName(e) })}>${t('app.cert.details.showBytes', { start: range.start, length: range.end - range.start })}</button>` : nothing}
  </li>`;
}

export function renderDetails(m: CertificateModel, locale: Locale, actions: DetailsActions): TemplateResult {
  const pk = m.publicKey;
  return html`
    <section class="section" aria-labelledby="d-general">
      <h3 id="d-general">${t('app.cert.details.general')}</h3>
      <dl class="facts">
        <dt>${t('app.cert.details.version')}</dt><dd>${m.version}</dd>
        <dt>${t('app.cert.details.serial')}</dt><dd class="mono">${m.serial.hex} (${m.serial.decimal})</dd>
        <dt>${t('app.cert.details.sigAlg')}</dt><dd>${m.signatureAlgorithm.name} <span class="oid">${m.signatureAlgorithm.oid}</span></dd>
        <dt>${t('app.cert.details.notBefore')}</dt><dd>${formatDateTime(m.validity.notBefore.iso, locale)} <span class="oid">${m.validity.notBefore.type} ${m.validity.notBefore.raw}</span></dd>
        <dt>${t('app.cert.details.notAfter')}</dt><dd>${formatDateTime(m.validity.notAfter.iso, locale)} <span class="oid">${m.validity.notAfter.type} ${m.validity.notAfter.raw}</span></dd>
        <dt>SHA-256</dt><dd class="mono-block">${m.fingerprints.sha256}</dd>
        <dt>SHA-1</dt><dd class="mono-block">${m.fingerprints.sha1}</dd>
      </dl>
    </section>
    <section class="section" aria-labelledby="d-subject">
      <h3 id="d-subject">${t('app.cert.details.subject')}</h3>
      ${nameTable(m.subject)}
      ${m.jpki?.cn?.length ? html`<h4>${t('app.cert.details.cn')}</h4><p class="small muted">${t(`app.cert.details.cn.${m.jpki.kind === 'sign' ? 'sign' : 'auth'}`)}</p>${fields(m.jpki.cn)}` : nothing}
    </section>
    <section class="section" aria-labelledby="d-issuer">
      <h3 id="d-issuer">${t('app.cert.details.issuer')}</h3>
      ${nameTable(m.issuer)}
    </section>
    <section class="section" aria-labelledby="d-key">
      <h3 id="d-key">${t('app.cert.details.publicKey')}</h3>
      <dl class="facts">
        <dt>${t('app.cert.details.algorithm')}</dt><dd>${pk.algorithm.name} <span class="oid">${pk.algorithm.oid}</span></dd>
        ${pk.sizeBits ? html`<dt>${t('app.cert.details.keySize')}</dt><dd>${pk.sizeBits} bit</dd>` : nothing}
        ${pk.rsa ? html`<dt>${t('app.cert.details.exponent')}</dt><dd>${pk.rsa.exponent}</dd>` : nothing}
        ${pk.ec ? html`<dt>${t('app.cert.details.curve')}</dt><dd>${pk.ec.curveName} <span class="oid">${pk.ec.curveOid}</span></dd>` : nothing}
      </dl>
      ${pk.rsa ? html`<details><summary>${t('app.cert.details.modulus')}</summary><p class="mono-block">${spacedHex(pk.rsa.modulusHex)}</p></details>` : nothing}
      <p class="small muted">${t('app.cert.keyOnCard')}</p>
    </section>
    <section class="section" aria-labelledby="d-ext">
      <h3 id="d-ext">${t('app.cert.details.extensions', { count: m.extensions.length })}</h3>
      <ul class="ext-list">${m.extensions.map((e) => extension(e, m, actions))}</ul>
    </section>
    <section class="section" aria-labelledby="d-sig">
      <h3 id="d-sig">${t('app.cert.details.signature')}</h3>
      <p>${m.signature.algorithm.name} <span class="oid">${m.signature.algorithm.oid}</span></p>
      <details><summary>${t('app.cert.details.signatureValue')}</summary><p class="mono-block">${spacedHex(m.signature.valueHex)}</p></details>
    </section>`;
}
