/**
 * `<jpki-certificate-verification>`: the 検証 tab. Builds and checks the chain with src/pki
 * verifyChain — to the pinned J-LIS roots (decided by signature, never by name), to the CA read from
 * the card when there is one, and to the synthetic JPKI-TEST roots only when the user ticks it (or in
 * demo mode) — at a date the user can change. Revocation is "not checked" with the honest reason
 * (J-LIS gives CRLs only to registered verifiers) until the user imports a CRL file; then the CRL's
 * signature, its dates (stale warning) and the serial's status are shown.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { hasMessage, t } from '../../i18n';
import { isLensError } from '../../errors';
import type { ChainResult, CrlModel, LinkStatus, RevocationStatus } from '../../pki';
import { AppStateController } from '../state/app-state-controller';
import { fileButtonStyles } from '../ui/form-styles';
import { baseStyles } from '../ui/styles';
import { certificateStyles } from './styles';
import { formatDateTime, isoDay } from './format';
import { loadPki } from './pki-loader';

type Check = LinkStatus['signature'];

@customElement('jpki-certificate-verification')
export class JpkiCertificateVerification extends LitElement {
  static override styles = [
    baseStyles,
    fileButtonStyles,
    certificateStyles,
    css`
      .links {
        list-style: none;
        padding: 0;
        margin: var(--space-3) 0 0;
        display: grid;
        gap: var(--space-3);
      }
      .links > li {
        border: 1px solid var(--color-border);
        border-radius: var(--radius-m);
        padding: var(--space-3) var(--space-4);
        margin: 0;
      }
      .link-head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2) var(--space-3);
        align-items: center;
        font-weight: 600;
      }
      .checks {
        list-style: none;
        padding: 0;
        margin: var(--space-2) 0 0;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3) var(--space-5);
        align-items: end;
      }
      label.block {
        display: grid;
        gap: var(--space-1);
      }
      input[type='date'] {
        font: inherit;
        min-height: 44px;
        padding: 0 var(--space-2);
        border: 1px solid var(--color-border-strong);
        border-radius: var(--radius-m);
        background: var(--color-surface);
        color: var(--color-text);
      }
      .check-line {
        display: flex;
        gap: var(--space-2);
        align-items: start;
      }
      .check-line input {
        width: 1.25rem;
        height: 1.25rem;
        margin-top: 0.3rem;
      }
    `,
  ];

  private readonly appState = new AppStateController(this);
  @property({ attribute: false }) der: Uint8Array | undefined;
  @property({ attribute: false }) caDer: Uint8Array | undefined;
  /** Demo mode: the simulated card carries JPKI-TEST certificates, so their roots are trusted by default. */
  @property({ type: Boolean }) demo = false;
  /** The certificate belongs to the synthetic JPKI-TEST hierarchy (offer to trust its roots). */
  @property({ type: Boolean }) testHierarchy = false;

  @state() private at = new Date();
  @state() private trustTest = false;
  @state() private crl: CrlModel | undefined;
  @state() private crlName = '';
  @state() private crlError: string | undefined;
  @state() private result: ChainResult | undefined;
  @state() private failure: string | undefined;
  private run = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.trustTest = this.demo;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('demo') && this.demo) this.trustTest = true;
  }

  protected override updated(changed: PropertyValues): void {
    const inputs = ['der', 'caDer', 'at', 'trustTest', 'crl'];
    if (inputs.some((k) => changed.has(k))) void this.verify();
  }

  private async verify(): Promise<void> {
    const der = this.der;
    if (!der) return;
    const run = ++this.run;
    try {
      const pki = await loadPki();
      const result = await pki.verifyChain(der, {
        at: this.at,
        trustTestRoots: this.trustTest,
        ...(this.caDer ? { anchors: [this.caDer] } : {}),
        ...(this.crl ? { crl: this.crl } : {}),
      });
      if (run !== this.run) return;
      this.result = result;
      this.failure = undefined;
    } catch (e) {
      if (run !== this.run) return;
      this.result = undefined;
      this.failure = isLensError(e) ? e.code : 'pki-bad-certificate';
    }
  }

  private onDate(ev: Event): void {
    const v = (ev.target as HTMLInputElement).value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return;
    // Noon Japan time of the chosen day: the same calendar day for every JPKI validity boundary (which fall at 23:59:59 JST).
    this.at = new Date(`${v}T12:00:00+09:00`);
  }

  private async onCrlFile(ev: Event): Promise<void> {
    const input = ev.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const pki = await loadPki();
      this.crl = pki.parseCrl(new Uint8Array(await file.arrayBuffer()));
      this.crlName = file.name;
      this.crlError = undefined;
    } catch (e) {
      this.crl = undefined;
      this.crlError = isLensError(e) ? e.code : 'pki-bad-crl';
    }
  }

  private removeCrl(): void {
    this.crl = undefined;
    this.crlName = '';
    this.crlError = undefined;
  }

  private check(name: string, c: Check): TemplateResult {
    return html`<li>
      <span class=${c.ok ? 'ok' : 'bad'} aria-hidden="true">${c.ok ? '✓' : '✗'}</span>
      ${t(`app.cert.verify.check.${name}`)}: ${c.ok ? t('app.cert.verify.ok') : html`<span class="bad">${t(c.reasonKey, c.params ?? {})}</span>`}
    </li>`;
  }

  private link(l: LinkStatus, index: number, count: number): TemplateResult {
    const locale = this.appState.value.locale;
    const role = l.anchor
      ? l.anchor.source === 'jlis' ? t('app.cert.verify.anchor.jlis', { generation: l.anchor.generation ?? '?', file: l.anchor.file ?? '' })
        : l.anchor.source === 'jpki-test' ? t('app.cert.verify.anchor.test')
          : t('app.cert.verify.anchor.card')
      : index === 0 ? t('app.cert.verify.role.leaf') : t('app.cert.verify.role.ca');
    const allOk = l.signature.ok && l.validity.ok && l.keyUsage.ok && l.basicConstraints.ok && l.criticalExtensions.ok;
    return html`<li data-link=${index}>
      <div class="link-head">
        <span>${index + 1}/${count}</span>
        <jpki-badge tone=${allOk ? 'success' : 'danger'}>${allOk ? t('app.cert.verify.linkOk') : t('app.cert.verify.linkBad')}</jpki-badge>
        <span>${role}</span>
      </div>
      <div class="small">${l.subject}</div>
      <div class="small muted">${t('app.cert.verify.period', { from: formatDateTime(l.notBefore, locale), until: formatDateTime(l.notAfter, locale) })}</div>
      ${l.anchor?.source === 'caller' ? html`<p class="small bad">${t('app.cert.verify.anchor.cardWarning')}</p>` : nothing}
      <ul class="checks">
        ${this.check(l.anchor ? 'selfSignature' : 'signature', l.signature)}
        ${this.check('validity', l.validity)}
        ${index > 0 ? this.check('keyUsage', l.keyUsage) : nothing}
        ${index > 0 ? this.check('basicConstraints', l.basicConstraints) : nothing}
        ${this.check('criticalExtensions', l.criticalExtensions)}
      </ul>
    </li>`;
  }

  private revocation(r: RevocationStatus): TemplateResult {
    const locale = this.appState.value.locale;
    const dates = (s: { thisUpdate: string; nextUpdate?: string; stale: boolean }) => html`
      <dl class="facts spaced">
        <dt>${t('app.cert.verify.thisUpdate')}</dt><dd>${formatDateTime(s.thisUpdate, locale)}</dd>
        <dt>${t('app.cert.verify.nextUpdate')}</dt><dd>${s.nextUpdate ? formatDateTime(s.nextUpdate, locale) : '—'}</dd>
        <dt>${t('app.cert.verify.crlSignature')}</dt><dd class="ok">${t('app.cert.verify.crlSignatureOk')}</dd>
        ${this.crl?.crlNumber ? html`<dt>${t('app.cert.verify.crlNumber')}</dt><dd>${this.crl.crlNumber}</dd>` : nothing}
        <dt>${t('app.cert.verify.crlEntries')}</dt><dd>${this.crl?.revoked.length ?? 0}</dd>
      </dl>
      ${s.stale && s.nextUpdate ? html`<jpki-notice tone="warning" class="spaced"><p>${t('pki.revocation.stale', { date: formatDateTime(s.nextUpdate, locale) })} ${t('app.cert.verify.staleAdvice')}</p></jpki-notice>` : nothing}`;
    switch (r.state) {
      case 'not-checked':
        return html`<jpki-notice tone="info" heading=${t('app.cert.verify.rev.notChecked')} data-revocation="not-checked"><p>${t(r.reasonKey)}</p></jpki-notice>`;
      case 'unknown':
        return html`<jpki-notice tone="warning" heading=${t('app.cert.verify.rev.unknown')} data-revocation="unknown"><p>${t(r.reasonKey, r.params ?? {})}</p></jpki-notice>`;
      case 'good':
        return html`<jpki-notice tone="success" heading=${t('app.cert.verify.rev.good')} data-revocation="good"><p>${t('pki.revocation.good')}</p></jpki-notice>${dates(r)}`;
      case 'revoked':
        return html`<jpki-notice tone="danger" heading=${t('app.cert.verify.rev.revoked')} data-revocation="revoked">
            <p>${t('pki.revocation.revoked', { date: formatDateTime(r.revokedAt, locale) })}${r.reason ? ` — ${t('app.cert.verify.reason')}: ${hasMessage(`app.cert.verify.reason.${r.reason}`) ? t(`app.cert.verify.reason.${r.reason}`) : r.reason}` : ''}</p>
          </jpki-notice>${dates(r)}`;
    }
  }

  /**
   * A valid path says what it is anchored to: only a pinned J-LIS root earns the plain success; the
   * synthetic test roots and the card's own CA certificate prove less, and the wording says so.
   */
  private validNotice(r: ChainResult): TemplateResult {
    const source = r.links[r.links.length - 1]?.anchor?.source ?? 'jlis';
    const tone = source === 'jlis' ? 'success' : source === 'jpki-test' ? 'info' : 'warning';
    return html`<jpki-notice tone=${tone} heading=${t(`app.cert.verify.valid.${source}`)} data-chain="valid" data-anchor=${source}>
      <p>${t('app.cert.verify.validBody')}</p></jpki-notice>`;
  }

  override render() {
    const locale = this.appState.value.locale;
    const r = this.result;
    return html`
      <section class="section" aria-labelledby="v-chain">
        <h3 id="v-chain">${t('app.cert.verify.chain')}</h3>
        <div class="controls">
          <label class="block">${t('app.cert.verify.date')}
            <input type="date" .value=${isoDay(this.at)} @change=${this.onDate} />
          </label>
          ${this.testHierarchy || this.demo
            ? html`<label class="check-line"><input type="checkbox" .checked=${this.trustTest} @change=${(e: Event) => { this.trustTest = (e.target as HTMLInputElement).checked; }} />
                <span>${t('app.cert.verify.trustTest')}</span></label>`
            : nothing}
        </div>
        <p class="small muted">${t('app.cert.verify.at', { date: formatDateTime(this.at.toISOString(), locale) })}</p>
        ${this.failure ? html`<jpki-notice tone="danger"><p>${t(`error.${this.failure}`)}</p></jpki-notice>` : nothing}
        ${!r && !this.failure ? html`<p role="status" class="muted">${t('app.cert.loading')}</p>` : nothing}
        ${r
          ? html`${r.status === 'valid'
              ? this.validNotice(r)
              : html`<jpki-notice tone="danger" heading=${t('app.cert.verify.invalid')} data-chain="invalid"><p>${r.reasonKey ? t(r.reasonKey, r.reasonParams ?? {}) : ''}</p>
                  ${this.testHierarchy && !this.trustTest ? html`<p>${t('app.cert.verify.testHint')}</p>` : nothing}</jpki-notice>`}
            <ol class="links">${r.links.map((l, i) => this.link(l, i, r.links.length))}</ol>
            ${r.rejectedCandidates.length
              ? html`<p class="small spaced">${t('app.cert.verify.rejected')}</p><ul class="small">${r.rejectedCandidates.map((c) => html`<li>${c.subject} <span class="oid">SHA-256 ${c.sha256.slice(0, 23)}…</span></li>`)}</ul>`
              : nothing}`
          : nothing}
      </section>
      <section class="section" aria-labelledby="v-rev">
        <h3 id="v-rev">${t('app.cert.verify.revocation')}</h3>
        ${r ? this.revocation(r.revocation) : nothing}
        <div class="row spaced">
          <label class="btn">
            <input class="file-input" type="file" accept=".crl,.der,.pem,application/pkix-crl" @change=${this.onCrlFile} />
            ${this.crl ? t('app.cert.verify.crlReplace') : t('app.cert.verify.crlImport')}
          </label>
          ${this.crl ? html`<span class="small">${t('app.cert.verify.crlLoaded', { name: this.crlName })}</span>
            <button class="btn quiet" type="button" @click=${this.removeCrl}>${t('app.cert.verify.crlRemove')}</button>` : nothing}
        </div>
        ${this.crlError ? html`<jpki-notice tone="danger" class="spaced"><p>${t(`error.${this.crlError}`)}</p></jpki-notice>` : nothing}
        <p class="small muted spaced">${t('app.cert.verify.crlHelp')}</p>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-certificate-verification': JpkiCertificateVerification;
  }
}
