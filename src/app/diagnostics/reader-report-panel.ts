/**
 * `<jpki-reader-report-panel>` on the diagnostics screen: the user says whether it worked or not, sees
 * the short reader report (reader-report.ts) exactly as it would be sent, and copies it or saves it as
 * a file. Nothing is sent anywhere by the page (no request leaves the origin); the user chooses where
 * the text goes.
 */
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { version } from '../../../package.json';
import { t } from '../../i18n';
import { downloadFile } from '../certificate/download';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import { reportStyles } from './report-styles';
import { buildReaderReport, readerReportFileName, type ReaderOutcome } from './reader-report';
import '../ui/panel';

@customElement('jpki-reader-report-panel')
export class JpkiReaderReportPanel extends LitElement {
  static override styles = [
    baseStyles,
    reportStyles,
    css`
      :host {
        display: block;
        margin: var(--space-4) 0;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 var(--space-3);
      }
      legend {
        font-weight: 600;
        padding: 0;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--space-4);
        align-items: center;
      }
      label.choice {
        display: inline-flex;
        gap: var(--space-2);
        align-items: center;
        min-height: 44px;
      }
      :host {
        --report-min-height: 14rem;
      }
      .preview-label {
        display: block;
        font-weight: 600;
        margin: var(--space-3) 0 var(--space-2);
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);
  @state() private outcome: ReaderOutcome = 'worked';
  @state() private status = '';

  private text(now: Date): string {
    return buildReaderReport(this.session.value, this.session.session.transcript.events(), {
      now,
      userAgent: navigator.userAgent,
      appVersion: version,
      outcome: this.outcome,
    });
  }

  override render() {
    void this.app.value.locale;
    const text = this.text(new Date());
    const choice = (value: ReaderOutcome) => html`<label class="choice">
      <input type="radio" name="outcome" value=${value} data-testid=${`reader-report-${value}`} .checked=${this.outcome === value}
        @change=${() => { this.outcome = value; this.status = ''; }} />
      ${t(`readerReport.${value}`)}
    </label>`;
    return html`<jpki-panel heading=${t('readerReport.heading')} data-testid="reader-report">
      <p>${t('readerReport.lead')}</p>
      <fieldset>
        <legend>${t('readerReport.outcome')}</legend>
        <div class="choices">${choice('worked')} ${choice('failed')}</div>
      </fieldset>
      <p class="small">${t('readerReport.contents')}</p>
      <label for="reader-report-text" class="preview-label">${t('readerReport.preview')}</label>
      <textarea id="reader-report-text" readonly spellcheck="false" data-testid="reader-report-text" .value=${text}></textarea>
      <div class="row">
        <button class="btn primary" type="button" data-testid="reader-report-copy" @click=${() => void this.copy()}>${t('readerReport.copy')}</button>
        <button class="btn" type="button" data-testid="reader-report-save" @click=${() => this.save()}>${t('readerReport.save')}</button>
        <span role="status" class="small">${this.status}</span>
      </div>
    </jpki-panel>`;
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.text(new Date()));
      this.status = t('readerReport.copied');
    } catch {
      // Clipboard permission can be denied: the text can still be selected, or saved.
      this.status = t('readerReport.copy-failed');
      this.renderRoot.querySelector('textarea')?.select();
    }
  }

  private save(): void {
    const now = new Date();
    const name = readerReportFileName(now, this.outcome);
    downloadFile(name, this.text(now), 'text/plain;charset=utf-8');
    this.status = t('readerReport.saved', { name });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-reader-report-panel': JpkiReaderReportPanel;
  }
}
