/**
 * `<jpki-library-screen>` — the certificates kept in this browser (src/store, IndexedDB), usable
 * offline. Routes: `#/library` (the list) and `#/library/<sha-256>` (one saved certificate in
 * <jpki-certificate-view>). The list searches, opens, deletes one (confirmed) or all (confirmed),
 * exports a backup (JSON, base64 DER + metadata; re-imports byte-identical) and imports it, and
 * imports .cer/.crt/.pem files (several at once; a sign certificate among them needs the same explicit
 * acknowledgement as saving it from the card). "Open a file" shows a certificate without saving it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { isLensError } from '../../errors';
import { certificateStore, type SavedCertificate } from '../../store';
import { AppStateController } from '../state/app-state-controller';
import { appState } from '../state/app-state';
import { formatHash } from '../state/routes';
import { fileButtonStyles, acknowledgementStyles } from '../ui/form-styles';
import { baseStyles } from '../ui/styles';
import type { JpkiDialog } from '../ui/dialog';
import { loadPki } from '../certificate/pki-loader';
import { downloadFile } from '../certificate/download';
import { formatDate, formatDateTime, isoDay } from '../certificate/format';
import { resolveKind, storeKind } from '../certificate/kinds';
import { certificateStyles } from '../certificate/styles';
import { loadCertificateView } from '../certificate/load-view';
import { matches, summarise, type EntrySummary } from './entry-summary';
import { certificatesFromFiles, readFiles, type FileCertificate, type FileProblem } from './file-import';

interface Pending {
  readonly ok: (FileCertificate & { kind: ReturnType<typeof resolveKind> })[];
  readonly problems: FileProblem[];
}

interface Outcome {
  readonly tone: 'success' | 'warning' | 'danger';
  readonly lines: readonly string[];
}

@customElement('jpki-library-screen')
export class JpkiLibraryScreen extends LitElement {
  static override styles = [
    baseStyles,
    fileButtonStyles,
    acknowledgementStyles,
    certificateStyles,
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
        margin: 0;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
      }
      .search {
        display: grid;
        gap: var(--space-1);
        max-width: 32rem;
      }
      .search input {
        font: inherit;
        min-height: 44px;
        padding: 0 var(--space-3);
        border: 1px solid var(--color-border-strong);
        border-radius: var(--radius-m);
        background: var(--color-surface);
        color: var(--color-text);
      }
      .back {
        margin-bottom: var(--space-4);
        /* a quiet button: pull its padding back so the arrow lines up with the heading */
        margin-inline-start: calc(-1 * var(--space-3));
      }
      h1[tabindex='-1']:focus {
        outline: none;
      }
      @media (max-width: 560px) {
        .toolbar .btn {
          flex: 1 1 100%;
        }
      }
    `,
  ];

  private readonly state = new AppStateController(this);
  @state() private entries: SavedCertificate[] | undefined;
  @state() private summaries = new Map<string, EntrySummary>();
  @state() private failure: string | undefined;
  @state() private query = '';
  @state() private outcome: Outcome | undefined;
  @state() private fileView: FileCertificate | undefined;
  @state() private pending: Pending | undefined;
  @state() private ackImport = false;
  @state() private toDelete: SavedCertificate | undefined;
  @query('#confirm-delete') private deleteDialog!: JpkiDialog;
  @query('#confirm-delete-all') private deleteAllDialog!: JpkiDialog;
  @query('#confirm-sign-import') private signImportDialog!: JpkiDialog;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private lastPath = '';

  protected override willUpdate(): void {
    // Any navigation (a saved certificate opened, the nav link pressed) closes the unsaved file view.
    const path = `${this.state.value.route}/${this.state.value.rest.join('/')}`;
    if (path !== this.lastPath) {
      this.lastPath = path;
      this.fileView = undefined;
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    // Opening a file changes the screen without a route change: move focus to its heading so
    // keyboard and screen-reader users land on what just opened.
    if (changed.has('fileView') && this.fileView) this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private async load(): Promise<void> {
    try {
      this.entries = await certificateStore().list();
      this.failure = undefined;
      void this.summarise(this.entries);
    } catch (e) {
      this.failure = isLensError(e) ? e.code : 'store-unavailable';
    }
  }

  private async summarise(list: readonly SavedCertificate[]): Promise<void> {
    const missing = list.filter((e) => !this.summaries.has(e.id));
    if (!missing.length) return;
    const pki = await loadPki();
    const next = new Map(this.summaries);
    for (const e of missing) {
      try {
        next.set(e.id, summarise(await pki.explainCertificate(e.der)));
      } catch {
        // An entry pki cannot read stays listed (it can still be deleted or exported); it just has no summary.
      }
    }
    this.summaries = next;
  }

  private kindName(e: SavedCertificate): string {
    return t(`store.kind.${e.certificateKind}`);
  }

  // --- file import -------------------------------------------------------------------------

  private async onImportFiles(ev: Event): Promise<void> {
    const input = ev.target as HTMLInputElement;
    const files = input.files ? await readFiles(input.files) : [];
    input.value = '';
    if (!files.length) return;
    const { found, problems } = certificatesFromFiles(files);
    const pki = await loadPki();
    const ok: Pending['ok'] = [];
    for (const c of found) {
      try {
        const m = await pki.explainCertificate(c.der);
        ok.push({ ...c, kind: resolveKind(undefined, m.jpki?.kind ?? null) });
      } catch (e) {
        problems.push({ file: c.file, code: isLensError(e) ? e.code : 'pki-bad-certificate' });
      }
    }
    this.pending = { ok, problems };
    if (ok.some((c) => c.kind === 'sign')) {
      this.ackImport = false;
      await this.signImportDialog.show();
    } else {
      await this.finishImport(false);
    }
  }

  private async finishImport(acknowledged: boolean): Promise<void> {
    const p = this.pending;
    this.pending = undefined;
    if (!p) return;
    const store = certificateStore();
    const lines: string[] = [];
    let saved = 0;
    let skippedSign = 0;
    const now = new Date();
    for (const c of p.ok) {
      if (c.kind === 'sign' && !acknowledged) { skippedSign++; continue; }
      try {
        await store.save({ der: c.der, label: '', note: '', readAt: now, cardKind: 'file', certificateKind: storeKind(c.kind) }, { acknowledgePersonalData: acknowledged });
        saved++;
      } catch (e) {
        lines.push(t('app.lib.import.fileProblem', { file: c.file, problem: t(`error.${isLensError(e) ? e.code : 'store-unavailable'}`) }));
      }
    }
    for (const pr of p.problems) lines.unshift(t('app.lib.import.fileProblem', { file: pr.file, problem: t(`error.${pr.code}`) }));
    if (skippedSign) lines.push(t('app.lib.import.signSkipped', { count: skippedSign }));
    lines.unshift(t('app.lib.import.saved', { count: saved }));
    this.outcome = { tone: lines.length > 1 ? (saved ? 'warning' : 'danger') : 'success', lines };
    await this.load();
  }

  private onSignImportClose(ev: CustomEvent<{ returnValue: string }>): void {
    void this.finishImport(ev.detail.returnValue === 'import' && this.ackImport);
  }

  private async onOpenFile(ev: Event): Promise<void> {
    const input = ev.target as HTMLInputElement;
    const files = input.files ? await readFiles(input.files) : [];
    input.value = '';
    const { found, problems } = certificatesFromFiles(files);
    const first = found[0];
    if (first) {
      this.outcome = undefined;
      this.fileView = first;
    } else if (problems[0]) {
      this.outcome = { tone: 'danger', lines: [t('app.lib.import.fileProblem', { file: problems[0].file, problem: t(`error.${problems[0].code}`) })] };
    }
  }

  // --- backup ------------------------------------------------------------------------------

  private async exportBackup(): Promise<void> {
    try {
      const text = await certificateStore().exportBackup();
      downloadFile(`jpki-lens-library-${isoDay(new Date())}.json`, text, 'application/json');
    } catch (e) {
      this.outcome = { tone: 'danger', lines: [t(`error.${isLensError(e) ? e.code : 'store-unavailable'}`)] };
    }
  }

  private async onImportBackup(ev: Event): Promise<void> {
    const input = ev.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const r = await certificateStore().importBackup(await file.text());
      this.outcome = { tone: 'success', lines: [t('app.lib.backup.restored', { added: r.added, replaced: r.replaced })] };
      await this.load();
    } catch (e) {
      this.outcome = { tone: 'danger', lines: [t(`error.${isLensError(e) ? e.code : 'store-backup-invalid'}`)] };
    }
  }

  // --- delete ------------------------------------------------------------------------------

  private async askDelete(e: SavedCertificate): Promise<void> {
    this.toDelete = e;
    await this.deleteDialog.show();
  }

  private async onDeleteClose(ev: CustomEvent<{ returnValue: string }>): Promise<void> {
    const target = this.toDelete;
    this.toDelete = undefined;
    if (ev.detail.returnValue !== 'delete' || !target) return;
    try {
      await certificateStore().delete(target.id);
      this.outcome = { tone: 'success', lines: [t('app.lib.delete.done', { label: target.label || this.kindName(target) })] };
      if (this.state.value.rest.length) appState.navigate('library');
      await this.load();
    } catch (e) {
      this.outcome = { tone: 'danger', lines: [t(`error.${isLensError(e) ? e.code : 'store-unavailable'}`)] };
    }
  }

  private async onDeleteAllClose(ev: CustomEvent<{ returnValue: string }>): Promise<void> {
    if (ev.detail.returnValue !== 'delete-all') return;
    try {
      await certificateStore().deleteAll();
      this.outcome = { tone: 'success', lines: [t('app.lib.deleteAll.done')] };
      await this.load();
    } catch (e) {
      this.outcome = { tone: 'danger', lines: [t(`error.${isLensError(e) ? e.code : 'store-unavailable'}`)] };
    }
  }

  private async onSaved(): Promise<void> {
    await this.load();
  }

  // --- render ------------------------------------------------------------------------------

  override render() {
    const id = this.state.value.rest[0];
    if (id || this.fileView) this.viewer();
    let body;
    if (id) body = this.renderSaved(id);
    else if (this.fileView) body = this.renderFile(this.fileView);
    else body = this.renderList();
    return html`${body}${this.renderDialogs()}`;
  }

  private renderOutcome() {
    const o = this.outcome;
    if (!o) return nothing;
    return html`<jpki-notice tone=${o.tone} live data-outcome>
      ${o.lines.map((l) => html`<p>${l}</p>`)}
      <button slot="actions" class="btn" type="button" @click=${() => { this.outcome = undefined; }}>${t('app.lib.dismiss')}</button>
    </jpki-notice>`;
  }

  private renderList() {
    const locale = this.state.value.locale;
    const all = this.entries;
    const shown = all?.filter((e) => matches(e, this.summaries.get(e.id), this.kindName(e), this.query));
    return html`<div class="stack-l">
      <div>
        <h1>${t('app.library.heading')}</h1>
        <p class="lead">${t('app.library.lead')}</p>
      </div>
      ${this.renderOutcome()}
      ${this.failure ? html`<jpki-notice tone="danger" heading=${t('app.library.error')}><p>${t(`error.${this.failure}`)}</p></jpki-notice>` : nothing}
      <div class="toolbar" role="group" aria-label=${t('app.lib.toolbar')}>
        <label class="btn primary">
          <input class="file-input" type="file" multiple accept=".cer,.crt,.der,.pem,application/pkix-cert,application/x-x509-ca-cert,application/x-pem-file" data-action="import-files" @change=${this.onImportFiles} />
          ${t('app.lib.import.files')}
        </label>
        <label class="btn">
          <input class="file-input" type="file" accept=".cer,.crt,.der,.pem,application/pkix-cert,application/x-x509-ca-cert,application/x-pem-file" data-action="open-file" @change=${this.onOpenFile} />
          ${t('app.lib.open.file')}
        </label>
        <button class="btn" type="button" ?disabled=${!all?.length} @click=${this.exportBackup}>${t('app.lib.backup.export')}</button>
        <label class="btn">
          <input class="file-input" type="file" accept=".json,application/json" data-action="import-backup" @change=${this.onImportBackup} />
          ${t('app.lib.backup.import')}
        </label>
        <button class="btn danger" type="button" ?disabled=${!all?.length} @click=${() => this.deleteAllDialog.show()}>${t('app.lib.deleteAll.button')}</button>
      </div>
      ${all === undefined && !this.failure ? html`<p class="muted" role="status">${t('app.library.loading')}</p>` : nothing}
      ${all?.length === 0
        ? html`<jpki-panel heading=${t('app.library.empty.heading')} tone="sunken">
            <p>${t('app.lib.empty.what')}</p>
            <p>${t('app.library.empty.body')}${locale === 'ja' ? '' : ' '}${t('app.lib.empty.files')}</p>
            <p class="muted small">${t('app.library.empty.where')}</p>
          </jpki-panel>`
        : nothing}
      ${all?.length
        ? html`<label class="search">${t('app.lib.search.label')}
              <input type="search" .value=${this.query} @input=${(e: Event) => { this.query = (e.target as HTMLInputElement).value; }} />
            </label>
            <p role="status">${this.query ? t('app.lib.search.count', { shown: shown?.length ?? 0, count: all.length }) : t('app.library.count', { count: all.length })}</p>
            <ul class="list">${shown?.map((e) => this.renderEntry(e, locale))}</ul>`
        : nothing}
      <p class="small muted">${t('app.lib.offline')}</p>
    </div>`;
  }

  private renderEntry(e: SavedCertificate, locale: 'ja' | 'en') {
    const s = this.summaries.get(e.id);
    const expired = s ? new Date(s.notAfter).getTime() < Date.now() : false;
    const title = e.label || this.kindName(e);
    return html`<li data-id=${e.id}>
      <jpki-panel>
        <div class="entry-head">
          <h2 class="label">${title}</h2>
          ${e.label ? html`<jpki-badge tone="info">${this.kindName(e)}</jpki-badge>` : nothing}
          ${s?.test ? html`<jpki-badge tone="warning">${t('app.cert.badge.test')}</jpki-badge>` : nothing}
          ${s ? html`<jpki-badge tone=${expired ? 'danger' : 'success'}>${expired ? t('app.cert.state.expired') : t('app.cert.state.valid')}</jpki-badge>` : nothing}
        </div>
        <dl class="facts">
          ${s ? html`<dt>${t('app.lib.subject')}</dt><dd>${s.subject}</dd>
            <dt>${t('app.lib.issuer')}</dt><dd>${s.issuer}</dd>
            <dt>${t('app.lib.validUntil')}</dt><dd>${formatDate(s.notAfter, locale)}</dd>` : nothing}
          ${this.readFacts(e, locale)}
        </dl>
        <a slot="actions" class="btn primary" href=${formatHash('library', e.id)} aria-label=${t('app.lib.openOf', { label: title })}>${t('app.lib.open')}</a>
        <button slot="actions" class="btn danger" type="button" aria-label=${t('app.lib.deleteOf', { label: title })} @click=${() => this.askDelete(e)}>${t('app.lib.delete.button')}</button>
      </jpki-panel>
    </li>`;
  }

  /** Register the certificate viewer (lazily loaded); a failed load is said plainly, never silently blank. */
  private viewer(): void {
    loadCertificateView().catch(() => {
      this.outcome = { tone: 'danger', lines: [t('app.lib.viewerUnavailable')] };
    });
  }

  /** When and where it was read (an imported file says "imported"), when saved, and the note. */
  private readFacts(e: SavedCertificate, locale: 'ja' | 'en') {
    return html`<dt>${e.cardKind === 'file' ? t('app.lib.importedAt') : t('app.library.read-at')}</dt><dd>${formatDateTime(e.readAt, locale)}</dd>
      ${Math.abs(Date.parse(e.savedAt) - Date.parse(e.readAt)) > 60_000 ? html`<dt>${t('app.lib.savedAt')}</dt><dd>${formatDateTime(e.savedAt, locale)}</dd>` : nothing}
      <dt>${t('app.library.card')}</dt><dd>${t(`store.card.${e.cardKind}`)}</dd>
      ${e.note ? html`<dt>${t('app.library.note')}</dt><dd>${e.note}</dd>` : nothing}`;
  }

  private renderSaved(id: string) {
    const locale = this.state.value.locale;
    const e = this.entries?.find((x) => x.id === id);
    const back = html`<a class="btn quiet back" href=${formatHash('library')}>← ${t('app.lib.back')}</a>`;
    if (this.entries === undefined) return html`<div>${back}<h1>${t('app.library.heading')}</h1><p class="muted" role="status">${t('app.library.loading')}</p></div>`;
    if (!e) {
      return html`<div>${back}<h1>${t('app.lib.missing.heading')}</h1><p>${t('app.lib.missing.body')}</p></div>`;
    }
    const title = e.label || this.kindName(e);
    return html`<div class="stack">
      ${back}
      <h1>${title}</h1>
      ${this.renderOutcome()}
      <dl class="facts">${this.readFacts(e, locale)}</dl>
      <jpki-certificate-view .der=${e.der} kind=${e.certificateKind === 'imported' ? 'unknown' : e.certificateKind} source="library"></jpki-certificate-view>
      <div class="row">
        <button class="btn danger" type="button" @click=${() => this.askDelete(e)}>${t('app.lib.delete.button')}</button>
      </div>
    </div>`;
  }

  private renderFile(f: FileCertificate) {
    return html`<div class="stack">
      <button class="btn quiet back" type="button" @click=${() => { this.fileView = undefined; }}>← ${t('app.lib.back')}</button>
      <h1 tabindex="-1">${t('app.lib.fileHeading', { file: f.file })}</h1>
      <p class="muted">${t('app.lib.fileNotSaved')}</p>
      <jpki-certificate-view .der=${f.der} source="file" @jpki-certificate-saved=${this.onSaved}></jpki-certificate-view>
    </div>`;
  }

  private renderDialogs() {
    const del = this.toDelete;
    const signCount = this.pending?.ok.filter((c) => c.kind === 'sign').length ?? 0;
    return html`
      <jpki-dialog id="confirm-delete" heading=${t('app.lib.delete.heading')} @jpki-dialog-close=${this.onDeleteClose}>
        <p>${del ? t('app.lib.delete.body', { label: del.label || this.kindName(del) }) : ''}</p>
        <button slot="actions" class="btn" type="button" @click=${() => this.deleteDialog.close('cancel')}>${t('app.cert.save.cancel')}</button>
        <button slot="actions" class="btn danger" type="button" @click=${() => this.deleteDialog.close('delete')}>${t('app.lib.delete.confirm')}</button>
      </jpki-dialog>
      <jpki-dialog id="confirm-delete-all" heading=${t('app.lib.deleteAll.heading')} @jpki-dialog-close=${this.onDeleteAllClose}>
        <p>${t('app.lib.deleteAll.body', { count: this.entries?.length ?? 0 })}</p>
        <button slot="actions" class="btn" type="button" @click=${() => this.deleteAllDialog.close('cancel')}>${t('app.cert.save.cancel')}</button>
        <button slot="actions" class="btn danger" type="button" @click=${() => this.deleteAllDialog.close('delete-all')}>${t('app.lib.deleteAll.confirm')}</button>
      </jpki-dialog>
      <jpki-dialog id="confirm-sign-import" heading=${t('app.lib.signImport.heading')} @jpki-dialog-close=${this.onSignImportClose}>
        <p>${t('app.lib.signImport.body', { count: signCount })}</p>
        <label class="ack"><input type="checkbox" .checked=${this.ackImport} @change=${(e: Event) => { this.ackImport = (e.target as HTMLInputElement).checked; }} />
          <span>${t('app.lib.signImport.ack')}</span></label>
        <button slot="actions" class="btn" type="button" @click=${() => this.signImportDialog.close('skip')}>${t('app.lib.signImport.skip')}</button>
        <button slot="actions" class="btn primary" type="button" ?disabled=${!this.ackImport} @click=${() => this.signImportDialog.close('import')}>${t('app.lib.signImport.confirm')}</button>
      </jpki-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-library-screen': JpkiLibraryScreen;
  }
}
