/**
 * `<jpki-diagnostics-screen>` (route `#/reader/diagnostics`): the diagnostics report of the current
 * reader session, to read, select or copy into a bug report. It holds no PIN and no personal data
 * (see report.ts); it says so, and says what it does contain.
 */
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { version } from '../../../package.json';
import { t } from '../../i18n';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import { baseStyles } from '../ui/styles';
import { reportStyles } from './report-styles';
import { buildReport } from './report';
import '../ui/panel';
import '../ui/notice';
import './reader-report-panel';

@customElement('jpki-diagnostics-screen')
export class JpkiDiagnosticsScreen extends LitElement {
  static override styles = [
    baseStyles,
    reportStyles,
    css`
      .back {
        display: inline-block;
        margin-bottom: var(--space-3);
      }
      :host {
        --report-min-height: 24rem;
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  @state() private copied: 'no' | 'yes' | 'failed' = 'no';

  private report(): string {
    return buildReport(this.session.value, this.session.session.transcript.events(), {
      now: new Date(),
      userAgent: navigator.userAgent,
      appVersion: `JPKI Lens ${version}`,
    });
  }

  override render() {
    void this.app.value.locale;
    const text = this.report();
    return html`<a class="back" href=${formatHash('reader')}>← ${t('app.flows.cert.back')}</a>
      <h1>${t('app.flows.diag.heading')}</h1>
      <p class="lead">${t('app.flows.diag.lead')}</p>
      <jpki-notice tone="info" heading=${t('app.flows.diag.redacted.heading')}><p>${t('app.flows.diag.redacted.body')}</p></jpki-notice>
      <jpki-reader-report-panel></jpki-reader-report-panel>
      <jpki-panel heading=${t('app.flows.diag.report')}>
        <label for="report" class="visually-hidden">${t('app.flows.diag.report')}</label>
        <textarea id="report" readonly spellcheck="false" data-testid="diagnostics-report" .value=${text}></textarea>
        <div class="row">
          <button class="btn primary" type="button" @click=${() => void this.copy(text)}>${t('app.flows.diag.copy')}</button>
          <span role="status" class="small">${this.copied === 'yes' ? t('app.flows.diag.copied') : this.copied === 'failed' ? t('app.flows.diag.copy-failed') : ''}</span>
        </div>
      </jpki-panel>`;
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = 'yes';
    } catch {
      // Clipboard permission can be denied: the text area can still be selected by hand.
      this.copied = 'failed';
      this.renderRoot.querySelector('textarea')?.select();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-diagnostics-screen': JpkiDiagnosticsScreen;
  }
}
