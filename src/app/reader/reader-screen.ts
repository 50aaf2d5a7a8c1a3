/**
 * `<jpki-reader-screen>` (route `#/reader`): everything about reading a card, driven by the card
 * session (src/app/session). Sub-pages by the route's rest: `#/reader` the reader and card overview,
 * `#/reader/certificate/<kind>` one certificate from the card, `#/reader/mynumber` 個人番号 and
 * 4 info, `#/reader/diagnostics` the report. The screen only renders the session and calls its
 * methods; errors are shown with their ja/en text and code and never need a reload.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { CardSessionController } from '../session/card-session-controller';
import type { SessionSnapshot } from '../session/card-session';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import { baseStyles } from '../ui/styles';
import '../ui/panel';
import '../ui/badge';
import '../ui/notice';
import './error-notice';
import './reader-check';
import './reader-start';

let views: Promise<unknown> | undefined;
let licenceViews: Promise<unknown> | undefined;

/** Load the licence screens (src/app/licence, issue 11) once, like the card views. */
function loadLicenceViews(): void {
  licenceViews ??= import('../licence/licence-views').catch(() => {
    licenceViews = undefined;
  });
}

/** Load the card screens (card-views.ts) once; the elements upgrade in place when it arrives. */
function loadCardViews(): void {
  views ??= import('./card-views').catch(() => {
    views = undefined; // retried on the next render (e.g. after going back online)
  });
}

@customElement('jpki-reader-screen')
export class JpkiReaderScreen extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .demo-banner {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2) var(--space-3);
        align-items: center;
        padding: var(--space-3) var(--space-4);
        border: 2px solid #5b2a86;
        border-radius: var(--radius-m);
      }
      .progress {
        display: flex;
        align-items: center;
        gap: var(--space-3);
      }
      .spinner {
        width: 1.25rem;
        height: 1.25rem;
        border-radius: 50%;
        border: 3px solid var(--color-border);
        border-top-color: var(--color-accent);
        animation: spin 0.9s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation: none;
        }
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
      }
      @media (max-width: 560px) {
        .row-actions .btn {
          width: 100%;
        }
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);

  override render() {
    const { rest } = this.app.value;
    const s = this.session.value;
    const [sub, arg] = rest;
    if (sub !== undefined || s.phase === 'ready' || s.phase === 'reading') loadCardViews();
    if (sub === 'licence' || (s.phase === 'ready' && s.recognised && (s.recognised.kind !== 'my-number' || s.recognised.mynaLicence))) loadLicenceViews();
    const demo = s.reader?.demo === true;
    const banner = demo
      ? html`<div class="demo-banner" data-testid="demo-banner">
          <jpki-badge tone="demo">${t('app.flows.demo.badge')}</jpki-badge><span>${t('app.flows.demo.banner')}</span>
        </div>`
      : nothing;
    if (sub === 'certificate') return html`<div class="stack-l">${banner}<jpki-card-certificate-page kind=${arg ?? ''}></jpki-card-certificate-page></div>`;
    if (sub === 'mynumber') return html`<div class="stack-l">${banner}<jpki-mynumber-screen></jpki-mynumber-screen></div>`;
    if (sub === 'face') return html`<div class="stack-l">${banner}<jpki-card-face-screen></jpki-card-face-screen></div>`;
    if (sub === 'licence') return html`<div class="stack-l">${banner}<jpki-licence-screen></jpki-licence-screen></div>`;
    if (sub === 'diagnostics') return html`<div class="stack-l">${banner}<jpki-diagnostics-screen></jpki-diagnostics-screen></div>`;
    return html`<div class="stack-l">
      <div>
        <h1>${t('app.reader.heading')}</h1>
        <p class="lead">${t('app.reader.lead')}</p>
      </div>
      ${banner} ${this.renderProblem(s)} ${this.renderPhase(s)}
    </div>`;
  }

  private renderProblem(s: SessionSnapshot) {
    if (!s.problem) return nothing;
    // The user asked what their reader is: a protected class is the answer, not a failure.
    const asked = s.identified !== undefined && s.problem.code === 'protected-class';
    return html`<jpki-error-notice
      data-testid="session-problem"
      tone=${asked ? 'warning' : ''}
      heading=${asked ? t('app.flows.identified.cannot') : ''}
      .error=${s.problem}
      os=${this.session.session.hostOs}
      dismissible
      @jpki-dismiss=${() => this.session.session.dismissProblem()}
    ></jpki-error-notice>`;
  }

  private renderPhase(s: SessionSnapshot) {
    const session = this.session.session;
    switch (s.phase) {
      case 'idle':
        return html`<jpki-reader-start></jpki-reader-start>`;
      case 'connecting':
        return this.progress(t('app.flows.phase.connecting'));
      case 'reading':
        return html`<jpki-reader-check .reader=${s.reader}></jpki-reader-check>${this.progress(t('app.flows.phase.reading'))}`;
      case 'no-card':
        return html`<jpki-notice tone="info" live heading=${t('app.flows.phase.no-card.heading')} data-testid="no-card">
            <p>${t(s.reader?.info.cardInterface === 'contactless' ? 'app.flows.phase.no-card.contactless' : 'app.flows.phase.no-card.contact')}</p>
          </jpki-notice>
          <jpki-reader-check .reader=${s.reader}></jpki-reader-check>
          ${this.readerActions(false)}`;
      case 'failed':
        return html`<jpki-reader-check .reader=${s.reader}></jpki-reader-check>
          <div class="row-actions">
            <button class="btn primary" type="button" @click=${() => void session.readCard()}>${t('app.flows.action.read-again')}</button>
            <button class="btn" type="button" @click=${() => void session.disconnect()}>${t('app.flows.action.disconnect')}</button>
            ${this.diagnosticsLink()}
          </div>`;
      case 'ready':
        // Routed by what the SELECTs found (issue 11): a licence, a 住基カード or unknown card, or My Number.
        if (s.recognised?.kind === 'licence') return html`<jpki-licence-overview></jpki-licence-overview><jpki-reader-check .reader=${s.reader}></jpki-reader-check>${this.readerActions(true)}`;
        if (s.recognised?.kind === 'unknown') return html`<jpki-other-card></jpki-other-card><jpki-reader-check .reader=${s.reader}></jpki-reader-check>${this.readerActions(true)}`;
        return html`${s.recognised?.kind === 'juki' ? html`<jpki-other-card></jpki-other-card>` : nothing}<jpki-card-overview></jpki-card-overview>
          ${s.recognised?.kind === 'my-number' && s.recognised.mynaLicence ? html`<jpki-myna-licence-panel></jpki-myna-licence-panel>` : nothing}
          <jpki-reader-check .reader=${s.reader}></jpki-reader-check>
          ${this.readerActions(true)}`;
    }
  }

  private readerActions(withCard: boolean) {
    const session = this.session.session;
    const busy = this.session.value.busy !== undefined;
    return html`<div class="row-actions">
      ${withCard ? html`<button class="btn" type="button" ?disabled=${busy} @click=${() => void session.readCard()}>${t('app.flows.action.read-again')}</button>` : nothing}
      <button class="btn" type="button" ?disabled=${busy} @click=${() => void session.disconnect()}>${t('app.flows.action.disconnect')}</button>
      ${this.diagnosticsLink()}
    </div>`;
  }

  /** The report is about the reader and its exchanges, so it sits with the reader's actions — also
   * when no card is in or a read failed, which is when a bug report is written. */
  private diagnosticsLink() {
    return html`<a class="btn quiet" href=${formatHash('reader', 'diagnostics')}>${t('app.flows.diag.open')}</a>`;
  }

  private progress(text: string) {
    return html`<div class="progress" role="status" data-testid="progress"><span class="spinner" aria-hidden="true"></span><span>${text}</span></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-reader-screen': JpkiReaderScreen;
  }
}
