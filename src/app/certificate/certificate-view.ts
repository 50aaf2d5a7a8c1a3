/**
 * `<jpki-certificate-view>` — one certificate explained, like the J-LIS client's tabs but complete.
 *
 * Public API (embedded by the card overview, the library and the file viewer):
 *   properties
 *     der: Uint8Array                        the certificate (DER) — required
 *     kind?: 'auth'|'auth-ca'|'sign'|'sign-ca'|'unknown'
 *                                            which EF it came from; when absent or 'unknown' the JPKI
 *                                            profile decoder's verdict is used
 *     source: 'card'|'library'|'file'        where it came from ('library': already saved, no Save button)
 *     caDer?: Uint8Array                     the CA certificate read from the same card, offered to the
 *                                            chain check as an extra (clearly labelled) anchor
 *     demo?: boolean                         DEMO badge; the JPKI-TEST roots are trusted in the chain check
 *     readAt?: Date                          when it was read (saved with it; default: when `der` was set)
 *     heading-level (attribute) 0|2|3        level of the view's own heading (default 2); 0 = none, for a
 *                                            page whose h1 already names the certificate (badges stay)
 *   events (bubbling, composed)
 *     jpki-certificate-saved     detail { entry: SavedCertificate }   after a save to the library
 *     jpki-certificate-explained detail { ms, kind }  once the explained view has rendered (kind: what was
 *       decoded, see resolveKind): ms from `der` being
 *                                set to that render (pki chunk load included the first time; for the bench)
 *   methods
 *     showTab('basic'|'details'|'asn1'|'verify'), showNode(offset)  (ASN.1 tab with that node selected)
 *
 * The certificate code (src/pki, pkijs) is imported lazily on first use (./pki-loader). Nothing about
 * private keys is shown or exported: the key never leaves the card, and the view says so.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { hasMessage, t } from '../../i18n';
import { isLensError } from '../../errors';
import type { CertificateModel, ExtensionModel } from '../../pki/model/types';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import type { JpkiAsn1Explorer, Asn1Entry } from './asn1-explorer';
import type { JpkiSaveCertificate } from './save-dialog';
import { certificateNodeNames } from './asn1-labels';
import { renderBasicInfo, validityState } from './basic-info';
import { renderDetails } from './details';
import { downloadFile } from './download';
import { buildExport, type ExportKind } from './export-files';
import { expectedKindMismatch, resolveKind, type ViewKind, type ViewSource } from './kinds';
import { loadPki } from './pki-loader';
import { certificateStyles } from './styles';
import './asn1-explorer';
import './verification-panel';
import './save-dialog';

export type CertificateTab = 'basic' | 'details' | 'asn1' | 'verify';
const TABS: readonly CertificateTab[] = ['basic', 'details', 'asn1', 'verify'];

function extName(e: ExtensionModel): string {
  return hasMessage(e.labelKey) ? t(e.labelKey) : e.name;
}

@customElement('jpki-certificate-view')
export class JpkiCertificateView extends LitElement {
  static override styles = [
    baseStyles,
    certificateStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--space-2) var(--space-3);
        margin-bottom: var(--space-3);
      }
      .head .title {
        margin: 0;
        margin-inline-end: var(--space-2);
      }
      [role='tablist'] {
        display: flex;
        gap: var(--space-1);
        border-bottom: 2px solid var(--color-border);
        margin-top: var(--space-4);
        overflow-x: auto;
      }
      [role='tab'] {
        font: inherit;
        font-weight: 600;
        min-height: 44px;
        padding: var(--space-2) var(--space-4);
        border: 1px solid transparent;
        border-bottom: none;
        border-radius: var(--radius-m) var(--radius-m) 0 0;
        background: transparent;
        color: var(--color-text-muted);
        cursor: pointer;
        white-space: nowrap;
        margin-bottom: -2px;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--color-surface);
        color: var(--color-text);
        border-color: var(--color-border);
        border-bottom: 2px solid var(--color-surface);
      }
      [role='tab']:focus-visible {
        outline-offset: -3px;
      }
      [role='tabpanel'] {
        background: var(--color-surface);
        border: 1px solid var(--color-border);
        border-top: none;
        border-radius: 0 0 var(--radius-l) var(--radius-l);
        padding: var(--space-5);
      }
      [role='tabpanel']:focus-visible {
        outline-offset: -3px;
      }
      .ext-list {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--space-3);
      }
      .ext-list > li {
        margin: 0;
        padding: var(--space-3) var(--space-4);
        border: 1px solid var(--color-border);
        border-radius: var(--radius-m);
      }
      .ext-head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2) var(--space-3);
        align-items: baseline;
      }
      .ext-head h4 {
        margin: 0;
        font-size: var(--font-size-m);
      }
      h4 {
        margin: var(--space-4) 0 var(--space-1);
      }
      .actions {
        margin-top: var(--space-5);
      }
      .actions h3 {
        margin-bottom: var(--space-2);
      }
      .btn.small {
        min-height: 36px;
        font-size: var(--font-size-s);
        padding: var(--space-1) var(--space-3);
      }
      @media (max-width: 560px) {
        [role='tabpanel'] {
          padding: var(--space-4) var(--space-3);
        }
        /* Four equal tabs that wrap their label rather than hide one off-screen. */
        [role='tablist'] {
          display: grid;
          grid-template-columns: repeat(4, 1fr);
          overflow-x: visible;
        }
        [role='tab'] {
          padding: var(--space-1);
          white-space: normal;
          font-size: var(--font-size-s);
          line-height: 1.3;
        }
        .row .btn {
          flex: 1 1 100%;
        }
      }
    `,
  ];

  private readonly appState = new AppStateController(this);

  @property({ attribute: false }) der: Uint8Array | undefined;
  @property() kind: ViewKind | undefined;
  @property() source: ViewSource = 'file';
  @property({ attribute: false }) caDer: Uint8Array | undefined;
  @property({ type: Boolean }) demo = false;
  @property({ attribute: false }) readAt: Date | undefined;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 0 | 2 | 3 = 2;

  @state() private model: CertificateModel | undefined;
  @state() private entries: readonly Asn1Entry[] = [];
  @state() private failure: string | undefined;
  @state() private tab: CertificateTab = 'basic';
  @state() private savedNotice = false;
  @state() private exportError: string | undefined;
  @query('jpki-asn1-explorer') private explorer: JpkiAsn1Explorer | undefined;
  @query('jpki-save-certificate') private saveDialog!: JpkiSaveCertificate;
  private receivedAt = new Date();
  private receivedAtMs = 0;
  /** Milliseconds from `der` being set to the explained view's first render (undefined until then). */
  lastExplainMs: number | undefined;
  private pendingNode: number | undefined;
  private run = 0;

  showTab(tab: CertificateTab): void {
    this.tab = tab;
  }

  /** Open the ASN.1 tab with the node starting at `offset` selected. */
  showNode(offset: number): void {
    this.pendingNode = offset;
    this.tab = 'asn1';
    void this.updateComplete.then(() => this.applyPendingNode());
  }

  private applyPendingNode(): void {
    if (this.pendingNode === undefined || !this.explorer || !this.entries.length) return;
    this.explorer.select(this.pendingNode);
    this.pendingNode = undefined;
    this.explorer.focusTree();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('der')) {
      this.receivedAt = new Date();
      this.receivedAtMs = performance.now();
      this.lastExplainMs = undefined;
      this.savedNotice = false;
      void this.explain();
    }
  }

  protected override updated(): void {
    this.applyPendingNode();
  }

  private async explain(): Promise<void> {
    const der = this.der;
    const run = ++this.run;
    this.model = undefined;
    this.entries = [];
    this.failure = undefined;
    if (!der) return;
    try {
      const pki = await loadPki();
      const model = await pki.explainCertificate(der);
      const roots = pki.parseAsn1Tree(der);
      const names = certificateNodeNames(roots, model.extensions, extName);
      const entries: Asn1Entry[] = [];
      for (const node of pki.walkAsn1(roots)) {
        const name = names.get(node.offset);
        entries.push({ node, line: pki.asn1DumpLine(node, der), ...(name ? { labelKey: name.key, ...(name.params ? { labelParams: name.params } : {}) } : {}) });
      }
      if (run !== this.run) return;
      this.model = model;
      this.entries = entries;
      await this.updateComplete;
      if (run !== this.run) return;
      this.lastExplainMs = performance.now() - this.receivedAtMs;
      this.dispatchEvent(new CustomEvent('jpki-certificate-explained', { detail: { ms: this.lastExplainMs, kind: this.viewKind }, bubbles: true, composed: true }));
    } catch (e) {
      if (run !== this.run) return;
      this.failure = isLensError(e) ? e.code : 'pki-bad-certificate';
    }
  }

  private get viewKind(): ViewKind {
    return resolveKind(this.kind, this.model ? (this.model.jpki?.kind ?? null) : undefined);
  }

  private onTabKey(ev: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    const next = ev.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length]
      : ev.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length]
        : ev.key === 'Home' ? TABS[0] : ev.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!next) return;
    ev.preventDefault();
    this.tab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  private async exportFile(what: ExportKind): Promise<void> {
    const m = this.model;
    if (!this.der || !m) return;
    try {
      const file = await buildExport(what, this.der, this.viewKind, m.serial.hex, this.appState.value.locale, new Date(), !!m.jpki?.test || this.demo);
      downloadFile(file.name, file.content, file.type);
      this.exportError = undefined;
    } catch (e) {
      this.exportError = isLensError(e) ? e.code : 'pki-bad-certificate';
    }
  }

  private async openSave(): Promise<void> {
    await this.saveDialog.open();
  }

  private onSaved(): void {
    this.savedNotice = true;
  }

  private renderPanel(m: CertificateModel) {
    const locale = this.appState.value.locale;
    switch (this.tab) {
      case 'basic':
        return renderBasicInfo(m, this.viewKind, locale, new Date(), expectedKindMismatch(this.kind, this.viewKind));
      case 'details':
        return renderDetails(m, locale, { showBytes: (offset) => this.showNode(offset) });
      case 'asn1':
        return html`<jpki-asn1-explorer .der=${this.der ?? new Uint8Array(0)} .entries=${this.entries}></jpki-asn1-explorer>`;
      case 'verify':
        return html`<jpki-certificate-verification .der=${this.der} .caDer=${this.caDer} ?demo=${this.demo} ?testHierarchy=${!!m.jpki?.test}></jpki-certificate-verification>`;
    }
  }

  override render() {
    const m = this.model;
    const kind = this.viewKind;
    const tag = unsafeStatic(this.headingLevel === 3 ? 'h3' : 'h2');
    const title = kind === 'unknown' ? t('app.cert.kind.unknown') : t(`store.kind.${kind}`);
    const state = m ? validityState(m, new Date()) : undefined;
    if (this.failure) {
      return html`<jpki-notice tone="danger" heading=${t('app.cert.failed')}><p>${t(`error.${this.failure}`)}</p></jpki-notice>`;
    }
    if (!m) return html`<p class="muted" role="status">${t('app.cert.loading')}</p>`;
    return html`
      <div class="head">
        ${this.headingLevel === 0 ? nothing : staticHtml`<${tag} class="title">${title}</${tag}>`}
        <div class="badges">
          ${this.demo ? html`<jpki-badge tone="demo">DEMO</jpki-badge>` : nothing}
          ${m.jpki?.test ? html`<jpki-badge tone="warning">${t('app.cert.badge.test')}</jpki-badge>` : nothing}
          <jpki-badge tone="info">${t(`app.cert.source.${this.source}`)}</jpki-badge>
          <jpki-badge tone=${state === 'valid' ? 'success' : 'danger'}>${t(`app.cert.state.${state ?? 'valid'}`)}</jpki-badge>
        </div>
      </div>
      <p class="small muted">${t('app.cert.keyOnCard')}</p>
      <div role="tablist" aria-label=${t('app.cert.tabs')} @keydown=${this.onTabKey}>
        ${TABS.map((tab) => html`<button role="tab" type="button" id=${`tab-${tab}`} aria-controls="panel"
          aria-selected=${this.tab === tab ? 'true' : 'false'} tabindex=${this.tab === tab ? 0 : -1}
          @click=${() => { this.tab = tab; }}>${t(`app.cert.tab.${tab}`)}</button>`)}
      </div>
      <div role="tabpanel" id="panel" aria-labelledby=${`tab-${this.tab}`} tabindex="0" data-tab=${this.tab}>${this.renderPanel(m)}</div>
      <section class="actions" aria-labelledby="exports-h">
        <h3 id="exports-h">${t('app.cert.export.heading')}</h3>
        <div class="row">
          <button class="btn" type="button" data-export="der" @click=${() => this.exportFile('der')}>${t('app.cert.export.der')}</button>
          <button class="btn" type="button" data-export="pem" @click=${() => this.exportFile('pem')}>${t('app.cert.export.pem')}</button>
          <button class="btn" type="button" data-export="text" @click=${() => this.exportFile('text')}>${t('app.cert.export.text')}</button>
          ${kind === 'auth' || kind === 'auth-ca'
            ? html`<button class="btn" type="button" data-export="bundle" @click=${() => this.exportFile('bundle')}>${t('app.cert.export.bundle')}</button>`
            : nothing}
          <button class="btn" type="button" data-export="oids" @click=${() => this.exportFile('oids')}>${t('app.cert.export.oids')}</button>
        </div>
        <p class="small muted spaced">${t('app.cert.export.help')}${kind === 'sign' ? `${this.appState.value.locale === 'ja' ? '' : ' '}${t('app.cert.export.signWarning')}` : ''}</p>
        ${this.exportError ? html`<jpki-notice tone="danger"><p>${t(`error.${this.exportError}`)}</p></jpki-notice>` : nothing}
      </section>
      ${this.source !== 'library'
        ? html`<section class="actions" aria-labelledby="save-h">
            <h3 id="save-h">${t('app.cert.save.sectionHeading')}</h3>
            <p class="small muted">${t(kind === 'sign' ? 'app.cert.save.sectionSign' : 'app.cert.save.sectionBody')}</p>
            <button class="btn primary" type="button" @click=${this.openSave}>${t('app.cert.save.open')}</button>
            ${this.savedNotice ? html`<jpki-notice tone="success" live class="spaced"><p>${t('app.cert.save.done')} <a href="#/library">${t('app.cert.save.toLibrary')}</a></p></jpki-notice>` : nothing}
          </section>`
        : nothing}
      <jpki-save-certificate .der=${this.der} kind=${kind} cardKind=${this.source === 'card' ? 'my-number-card' : 'file'}
        .readAt=${this.readAt ?? this.receivedAt} defaultLabel=${`${title}${this.demo ? ' (DEMO)' : ''}`} @jpki-certificate-saved=${this.onSaved}></jpki-save-certificate>
`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-certificate-view': JpkiCertificateView;
  }
}
