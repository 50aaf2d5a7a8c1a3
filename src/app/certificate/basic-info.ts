/**
 * The 基本情報 tab: what a person wants at a glance, in the order the J-LIS client shows it but with
 * the parts it leaves out — what the certificate is for, whether it carries personal data, the
 * holder's 4 info (sign certificate only) with the birth date in 西暦 and 和暦, and the validity in
 * words. Everything comes from the src/pki model; nothing is parsed here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { hasMessage, t, type Locale } from '../../i18n';
import type { CertificateModel, JpkiPersonalData } from '../../pki/model/types';
import { daysUntil, formatDateTime } from './format';
import type { ViewKind } from './kinds';

export function validityState(m: CertificateModel, at: Date): 'valid' | 'expired' | 'not-yet' {
  if (at.getTime() < new Date(m.validity.notBefore.iso).getTime()) return 'not-yet';
  if (at.getTime() > new Date(m.validity.notAfter.iso).getTime()) return 'expired';
  return 'valid';
}

function ekuName(oid: string): string {
  return hasMessage(`app.cert.eku.${oid}`) ? t(`app.cert.eku.${oid}`) : oid;
}

function personalSection(p: JpkiPersonalData, locale: Locale): TemplateResult {
  const dob = p.dateOfBirth;
  const sex = p.sex !== undefined ? (hasMessage(`pki.jpki.sex.${p.sex}`) ? t(`pki.jpki.sex.${p.sex}`) : `${p.sex} ${t('pki.jpki.sex.unknown')}`) : undefined;
  const subst = (pos: readonly number[] | undefined) =>
    pos && pos.length ? html`<div class="small muted">${t('app.cert.basic.substituted', { positions: pos.map((n) => n + 1).join(', ') })}</div>` : nothing;
  return html`<section class="section personal" aria-labelledby="personal-h">
    <h3 id="personal-h">${t('app.cert.basic.personal.heading')}</h3>
    <jpki-notice tone="warning"><p>${t('app.cert.basic.personal.note')}</p></jpki-notice>
    <dl class="facts spaced">
      <dt>${t('pki.jpki.name')}</dt>
      <dd data-field="name">${p.name ?? '—'}${subst(p.nameSubstitutedPositions)}</dd>
      <dt>${t('pki.jpki.address')}</dt>
      <dd data-field="address">${p.address ?? '—'}${subst(p.addressSubstitutedPositions)}</dd>
      <dt>${t('pki.jpki.dateOfBirth')}</dt>
      <dd data-field="birth">
        ${dob?.western ? html`<div>${t('pki.jpki.dateOfBirth.western')} ${dob.western}</div>` : nothing}
        ${dob?.wareki ? html`<div lang="ja">${t('pki.jpki.dateOfBirth.wareki')} ${dob.wareki.text}${locale === 'en' ? ` (${dob.wareki.era.romaji} ${dob.wareki.year})` : ''}</div>` : nothing}
        ${dob && !dob.eraConsistent ? html`<div class="bad">${t('pki.jpki.dateOfBirth.eraMismatch')} (${dob.raw})</div>` : nothing}
        ${!dob ? '—' : nothing}
      </dd>
      <dt>${t('pki.jpki.sex')}</dt>
      <dd data-field="sex">${sex ?? '—'}</dd>
    </dl>
  </section>`;
}

/**
 * `expected`: the kind the caller expected (the EF it was read from) when what was decoded differs —
 * said at the top of the tab, with the issuer when it was not recognised as J-LIS.
 */
export function renderBasicInfo(m: CertificateModel, kind: ViewKind, locale: Locale, at: Date, expected?: Exclude<ViewKind, 'unknown'>): TemplateResult {
  const state = validityState(m, at);
  const days = daysUntil(m.validity.notAfter.iso, at);
  const stateText = state === 'valid'
    ? t('app.cert.basic.validFor', { days })
    : state === 'expired' ? t('app.cert.basic.expired') : t('app.cert.basic.notYet');
  const issuerO = m.issuer.rdns.flat().filter((a) => a.shortName === 'O' || a.shortName === 'OU').map((a) => a.value);
  return html`
    <section class="section" aria-labelledby="purpose-h">
      <h3 id="purpose-h">${t('app.cert.basic.purpose')}</h3>
      <p>${t(`app.cert.purpose.${kind}`)}</p>
      ${expected
        ? html`<jpki-notice tone="warning" data-testid="kind-mismatch"><p>${kind === 'unknown'
            ? t('app.cert.basic.issuer-unrecognised', { expected: t(`app.flows.cert.${expected}.title`), issuer: m.issuer.text })
            : t('app.cert.basic.other-kind', { expected: t(`app.flows.cert.${expected}.title`), actual: t(`app.flows.cert.${kind}.title`) })}</p></jpki-notice>`
        : nothing}
      ${kind === 'auth' ? html`<jpki-notice tone="info"><p>${t('app.cert.basic.noPersonal')}</p></jpki-notice>` : nothing}
      ${kind === 'sign' && !m.jpki?.personal ? html`<jpki-notice tone="info"><p>${t('app.cert.basic.personal.missing')}</p></jpki-notice>` : nothing}
    </section>
    ${kind === 'sign' && m.jpki?.personal ? personalSection(m.jpki.personal, locale) : nothing}
    <section class="section" aria-labelledby="facts-h">
      <h3 id="facts-h">${t('app.cert.basic.facts')}</h3>
      <dl class="facts">
        <dt>${t('app.cert.basic.validity')}</dt>
        <dd>
          <div>${t('app.cert.basic.from')} ${formatDateTime(m.validity.notBefore.iso, locale)}</div>
          <div>${t('app.cert.basic.until')} ${formatDateTime(m.validity.notAfter.iso, locale)}</div>
          <div class=${state === 'valid' ? 'ok' : 'bad'} data-field="validity-state">${stateText}</div>
        </dd>
        <dt>${t('app.cert.basic.issuer')}</dt>
        <dd>
          ${issuerO.length ? issuerO.map((v) => html`<div>${v}</div>`) : m.issuer.text}
          ${m.jpki?.issuerAltName ? html`<div class="small muted" lang="ja">${m.jpki.issuerAltName}</div>` : nothing}
        </dd>
        <dt>${t('app.cert.basic.keyUsage')}</dt>
        <dd>
          ${m.keyUsage?.length ? m.keyUsage.map((u) => html`<div>${hasMessage(`pki.keyUsage.${u}`) ? t(`pki.keyUsage.${u}`) : u}</div>`) : '—'}
          ${m.extendedKeyUsage?.map((o) => html`<div>${ekuName(o)}</div>`) ?? nothing}
        </dd>
        <dt>${t('app.cert.basic.serial')}</dt>
        <dd class="mono">${m.serial.hex} <span class="muted small">(${m.serial.decimal})</span></dd>
        <dt>${t('app.cert.basic.key')}</dt>
        <dd>${m.publicKey.algorithm.name}${m.publicKey.sizeBits ? ` ${m.publicKey.sizeBits} bit` : ''}</dd>
      </dl>
    </section>`;
}
