/**
 * `<jpki-card-certificate-page kind="auth|auth-ca|sign|sign-ca">` (route
 * `#/reader/certificate/<kind>`): one certificate read from the card in this session, shown in the
 * certificate viewer (`<jpki-certificate-view>`, src/app/certificate; it loads src/pki lazily the
 * first time a certificate is explained) with the CA certificate from the same card for the chain,
 * and its save flow (the sign certificate's save asks for the personal-data acknowledgement there).
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { CertificateKind } from '../../card/jpki';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import type { ViewKind } from '../certificate/kinds';
import { baseStyles } from '../ui/styles';
import '../ui/notice';
import '../certificate/certificate-view';

const KINDS: readonly CertificateKind[] = ['auth', 'auth-ca', 'sign', 'sign-ca'];
/** The issuing CA on the same card, offered to the viewer's chain check. */
const CA_OF: Partial<Record<CertificateKind, 'auth-ca' | 'sign-ca'>> = { auth: 'auth-ca', sign: 'sign-ca' };

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
      jpki-notice {
        margin-bottom: var(--space-4);
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  @property() kind = '';
  /** When the DER first reached this page (the viewer's "read at"). */
  private readAt = new Map<Uint8Array, Date>();
  /** What the viewer decoded, for the DER it decoded: the lead follows it, not the EF it came from. */
  @state() private decoded: { der: Uint8Array; kind: ViewKind } | undefined;

  /** The lead under the h1: what the EF holds, or what was found instead (issue 13 item 9). */
  private lead(kind: CertificateKind, der: Uint8Array) {
    const found = this.decoded?.der === der ? this.decoded.kind : undefined;
    if (found === undefined || found === kind) return html`<p class="lead">${t(`app.flows.cert.${kind}.what`)}</p>`;
    const where = t(`app.flows.cert.${kind}.title`);
    return html`<p class="lead" data-testid="lead-mismatch">
      ${found === 'unknown' ? t('app.flows.cert.lead.issuer-unrecognised', { where }) : t('app.flows.cert.lead.other-kind', { where, actual: t(`app.flows.cert.${found}.title`) })}
    </p>`;
  }

  private onExplained(e: CustomEvent<{ kind: ViewKind }>, der: Uint8Array): void {
    this.decoded = { der, kind: e.detail.kind };
  }

  private derOf(kind: CertificateKind): Uint8Array | undefined {
    const s = this.session.value;
    if (kind === 'sign') return s.signCertificate;
    return s.card?.certificates[kind].der;
  }

  override render() {
    void this.app.value.locale;
    const kind = KINDS.includes(this.kind as CertificateKind) ? (this.kind as CertificateKind) : undefined;
    const der = kind ? this.derOf(kind) : undefined;
    const back = html`<a class="back" href=${formatHash('reader')}>← ${t('app.flows.cert.back')}</a>`;
    if (!kind || !der) {
      return html`${back}
        <h1>${t('app.flows.cert.page.heading')}</h1>
        <jpki-notice tone="info" heading=${t('app.flows.cert.missing.heading')}><p>${t('app.flows.cert.missing.body')}</p></jpki-notice>`;
    }
    const demo = this.session.value.reader?.demo === true;
    const ca = CA_OF[kind];
    const caDer = ca ? this.derOf(ca) : undefined;
    if (!this.readAt.has(der)) this.readAt.set(der, new Date());
    return html`${back}
      <div class="head">
        <h1>${t(`app.flows.cert.${kind}.title`)}</h1>
      </div>
      ${this.lead(kind, der)}
      <jpki-certificate-view
        @jpki-certificate-explained=${(e: CustomEvent<{ kind: ViewKind }>) => this.onExplained(e, der)}
        data-testid="certificate-view"
        .der=${der}
        kind=${kind}
        source="card"
        .caDer=${caDer}
        ?demo=${demo}
        .readAt=${this.readAt.get(der)}
        heading-level="0"
      ></jpki-certificate-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-card-certificate-page': JpkiCardCertificatePage;
  }
}
