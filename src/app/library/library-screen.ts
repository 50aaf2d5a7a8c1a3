/**
 * `<jpki-library-screen>` — first version by the foundation; the app-flows issue replaces it.
 *
 * Lists the certificates saved in this browser (src/store), newest read first, or explains the
 * empty library. Opening, deleting, backup and import arrive with the app-flows issue.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { isLensError } from '../../errors';
import { certificateStore, type SavedCertificate } from '../../store';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import '../ui/panel';
import '../ui/badge';
import '../ui/notice';

@customElement('jpki-library-screen')
export class JpkiLibraryScreen extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .list {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--space-3);
      }
      .list li {
        margin: 0;
      }
      .entry-head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2) var(--space-3);
        align-items: center;
        margin-bottom: var(--space-2);
      }
      .label {
        font-weight: 700;
        font-size: 1.05rem;
      }
      .fp {
        font-family: var(--font-mono);
        font-size: var(--font-size-s);
        color: var(--color-text-muted);
        overflow-wrap: anywhere;
      }
    `,
  ];

  private readonly state = new AppStateController(this);
  @state() private entries: SavedCertificate[] | undefined;
  @state() private failure: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.entries = await certificateStore().list();
      this.failure = undefined;
    } catch (e) {
      this.failure = isLensError(e) ? e.code : 'store-unavailable';
    }
  }

  override render() {
    const locale = this.state.value.locale;
    return html`<div class="stack-l">
      <div>
        <h1>${t('app.library.heading')}</h1>
        <p class="lead">${t('app.library.lead')}</p>
      </div>
      ${this.failure
        ? html`<jpki-notice tone="danger" heading=${t('app.library.error')}><p>${t(`error.${this.failure}`)}</p></jpki-notice>`
        : nothing}
      ${this.entries === undefined && !this.failure ? html`<p class="muted" role="status">${t('app.library.loading')}</p>` : nothing}
      ${this.entries?.length === 0
        ? html`<jpki-panel heading=${t('app.library.empty.heading')} tone="sunken">
            <p>${t('app.library.empty.body')}</p>
            <p class="muted small">${t('app.library.empty.where')}</p>
          </jpki-panel>`
        : nothing}
      ${this.entries?.length
        ? html`<p role="status">${t('app.library.count', { count: this.entries.length })}</p>
            <ul class="list">
              ${this.entries.map((e) => this.renderEntry(e, locale))}
            </ul>`
        : nothing}
    </div>`;
  }

  private renderEntry(e: SavedCertificate, locale: string) {
    const read = new Date(e.readAt).toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return html`<li>
      <jpki-panel>
        <div class="entry-head">
          <span class="label">${e.label || t(`store.kind.${e.certificateKind}`)}</span>
          ${e.label ? html`<jpki-badge tone="info">${t(`store.kind.${e.certificateKind}`)}</jpki-badge>` : nothing}
        </div>
        <dl class="facts">
          <dt>${t('app.library.read-at')}</dt>
          <dd>${read}</dd>
          <dt>${t('app.library.card')}</dt>
          <dd>${t(`store.card.${e.cardKind}`)}</dd>
          ${e.note ? html`<dt>${t('app.library.note')}</dt><dd>${e.note}</dd>` : nothing}
          <dt>SHA-256</dt>
          <dd class="fp">${e.id}</dd>
        </dl>
      </jpki-panel>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-library-screen': JpkiLibraryScreen;
  }
}
