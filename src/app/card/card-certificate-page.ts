/**
 * `<jpki-card-certificate-page kind="auth|auth-ca|sign|sign-ca">` (route
 * `#/reader/certificate/<kind>`): one certificate read from the card in this session, with the CA
 * certificate from the same card for the chain. It is shown in the certificate viewer of
 * src/app/certificate when that module is there; until then (and if its chunk fails to load) a
 * short summary from src/pki, loaded with `import()` the first time a certificate is explained.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { CertificateKind } from '../../card/jpki';
import type { CertificateModel } from '../../pki/model/types';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import { baseStyles } from '../ui/styles';
import '../ui/panel';
import '../ui/notice';
import '../ui/badge';
import '../reader/error-notice';
import { asLensError } from '../session/card-session';
import type { LensError } from '../../errors';

const KINDS: readonly CertificateKind[] = ['auth', 'auth-ca', 'sign', 'sign-ca'];

/** Timing of the last explain, for bench/app.bench.ts: ms from having the DER to the rendered view. */
export interface ExplainTiming {
  readonly kind: string;
  readonly ms: number;
}
declare global {
  interface Window {
    __jpkiLensExplainTimings?: ExplainTiming[];
  }
}

@customElement('jpki-card-certificate-page')
export class JpkiCardCertificatePage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .back {
        display: inline-block;
        margin-bottom: var(--space-3);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2) var(--space-3);
        align-items: center;
      }
      .mono {
        overflow-wrap: anywhere;
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  @property() kind = '';
  @state() private model: CertificateModel | undefined;
  @state() private error: LensError | undefined;
  private explained: Uint8Array | undefined;
  private started = 0;

  private der(): Uint8Array | undefined {
    const s = this.session.value;
    if (this.kind === 'sign') return s.signCertificate;
    if (this.kind === 'auth' || this.kind === 'auth-ca' || this.kind === 'sign-ca') return s.card?.certificates[this.kind].der;
    return undefined;
  }

  protected override willUpdate(_changed: PropertyValues): void {
    const der = this.der();
    if (der && der !== this.explained) {
      this.explained = der;
      this.model = undefined;
      this.error = undefined;
      void this.explain(der);
    }
    if (!der) {
      this.explained = undefined;
      this.model = undefined;
    }
  }

  private async explain(der: Uint8Array): Promise<void> {
    this.started = performance.now();
    try {
      const pki = await import('../../pki');
      const model = await pki.explainCertificate(der);
      if (this.explained === der) this.model = model;
    } catch (e) {
      if (this.explained === der) this.error = asLensError(e);
    }
  }

  protected override updated(): void {
    if (this.model && this.started) {
      (window.__jpkiLensExplainTimings ??= []).push({ kind: this.kind, ms: performance.now() - this.started });
      this.started = 0;
    }
  }

  override render() {
    void this.app.value.locale;
    const kind = KINDS.includes(this.kind as CertificateKind) ? (this.kind as CertificateKind) : undefined;
    const der = this.der();
    const back = html`<a class="back" href=${formatHash('reader')}>← ${t('app.flows.cert.back')}</a>`;
    if (!kind || !der) {
      return html`${back}
        <h1>${t('app.flows.cert.page.heading')}</h1>
        <jpki-notice tone="info" heading=${t('app.flows.cert.missing.heading')}><p>${t('app.flows.cert.missing.body')}</p></jpki-notice>`;
    }
    const demo = this.session.value.reader?.demo === true;
    return html`${back}
      <div class="head">
        <h1>${t(`app.flows.cert.${kind}.title`)}</h1>
        ${demo ? html`<jpki-badge tone="demo">${t('app.flows.demo.badge')}</jpki-badge>` : nothing}
      </div>
      <p class="lead">${t(`app.flows.cert.${kind}.what`)}</p>
      ${kind === 'sign' ? html`<jpki-notice tone="warning" heading=${t('app.flows.cert.sign.personal.heading')}><p>${t('app.flows.cert.sign.personal.body')}</p></jpki-notice>` : nothing}
      ${this.error ? html`<jpki-error-notice .error=${this.error}></jpki-error-notice>` : nothing}
      ${this.model ? this.renderSummary(this.model) : this.error ? nothing : html`<p role="status">${t('app.flows.cert.explaining')}</p>`}
`;
  }

  private renderSummary(m: CertificateModel) {
    return html`<jpki-panel heading=${t('app.flows.cert.summary.heading')} data-testid="certificate-summary">
      <dl class="facts">
        <dt>${t('app.flows.cert.summary.subject')}</dt>
        <dd>${m.subject.text}</dd>
        <dt>${t('app.flows.cert.summary.issuer')}</dt>
        <dd>${m.issuer.text}</dd>
        <dt>${t('app.flows.cert.summary.valid')}</dt>
        <dd>${m.validity.notBefore.iso} — ${m.validity.notAfter.iso}</dd>
        <dt>${t('app.flows.cert.summary.serial')}</dt>
        <dd class="mono">${m.serial.hex}</dd>
        <dt>SHA-256</dt>
        <dd class="mono">${m.fingerprints.sha256}</dd>
      </dl>
      <p class="small muted">${t('app.flows.cert.key-stays')}</p>
    </jpki-panel>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-card-certificate-page': JpkiCardCertificatePage;
  }
}
