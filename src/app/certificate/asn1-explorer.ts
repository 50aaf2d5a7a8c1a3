/**
 * `<jpki-asn1-explorer>`: the asn1parse-style tree of a certificate beside its hex. Selecting a line
 * highlights exactly that node's bytes (header and content in two shades); selecting a byte selects
 * the innermost node that contains it (src/pki nodeAt). Both halves work from the keyboard:
 * the tree is a listbox (↑↓ Home End PageUp PageDown, ← parent, → first child) and the hex is a
 * group with a byte cursor (← → one byte, ↑ ↓ one row). The lines come from src/pki asn1DumpLine, so
 * they read exactly as `openssl asn1parse -i` with the JPKI OID file.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { innermostAt, type Asn1Entry } from './asn1-select';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';

export type { Asn1Entry } from './asn1-select';

const ROW = 16;

type Reveal = 'jump' | 'pick' | 'step';

/** Scroll `box` (only it, never the page) so that `el` is visible: at the top, centred, or by the least amount. */
function reveal(box: HTMLElement, el: HTMLElement, where: 'start' | 'center' | 'nearest'): void {
  const b = box.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const margin = 8;
  if (where === 'start') box.scrollTop += r.top - b.top - margin;
  else if (where === 'center') box.scrollTop += r.top - b.top - (b.height - r.height) / 2;
  else if (r.top < b.top + margin) box.scrollTop += r.top - b.top - margin;
  else if (r.bottom > b.bottom - margin) box.scrollTop += r.bottom - b.bottom + margin;
}


@customElement('jpki-asn1-explorer')
export class JpkiAsn1Explorer extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .panes {
        display: grid;
        /* The hex keeps its natural width (16 bytes a row, never wrapped); the tree takes the rest and scrolls sideways. */
        grid-template-columns: minmax(0, 1fr) max-content;
        gap: var(--space-4);
        align-items: start;
      }
      @media (max-width: 860px) {
        .panes {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .pane-title {
        font-weight: 700;
        margin: 0 0 var(--space-2);
        font-size: var(--font-size-m);
      }
      .tree,
      .hex {
        font-family: var(--font-mono);
        font-size: 0.75rem;
        line-height: 1.6;
        border: 1px solid var(--color-border);
        border-radius: var(--radius-m);
        background: var(--color-surface-sunken);
        max-height: 30rem;
        overflow: auto;
        padding: var(--space-2) 0;
      }
      .tree:focus-visible,
      .hex:focus-visible {
        outline: 3px solid var(--color-focus);
        outline-offset: 2px;
      }
      .opt,
      .row {
        /* Long lines scroll sideways with their background (a wider line must not spill past its row). */
        width: max-content;
        min-width: 100%;
      }
      .opt {
        white-space: pre;
        padding: 0 var(--space-3);
        cursor: pointer;
      }
      .opt[aria-selected='true'] {
        background: var(--color-accent);
        color: var(--color-accent-contrast);
      }
      .opt .lbl {
        font-family: var(--font-sans);
        font-style: italic;
      }
      .row {
        white-space: pre;
        padding: 0 var(--space-3);
      }
      .addr {
        color: var(--color-text-muted);
        user-select: none;
      }
      .b {
        cursor: pointer;
        border-radius: 2px;
      }
      .b.h {
        background: var(--color-warning-bg);
        color: var(--color-warning-text);
        box-shadow: inset 0 -2px 0 var(--color-warning-border);
      }
      .b.c {
        /* A tint of the accent: clearly apart from the sunken background and the header colour, text stays at full contrast. */
        background: color-mix(in srgb, var(--color-accent) 24%, transparent);
        color: var(--color-text);
      }
      .b.cur {
        outline: 2px solid var(--color-focus);
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
        font-size: var(--font-size-s);
        margin-top: var(--space-2);
      }
      .swatch {
        display: inline-block;
        width: 1em;
        height: 1em;
        vertical-align: -0.15em;
        border-radius: 2px;
        margin-inline-end: 0.3em;
      }
      .swatch.h {
        background: var(--color-warning-bg);
        border: 1px solid var(--color-warning-border);
      }
      .swatch.c {
        background: color-mix(in srgb, var(--color-accent) 24%, transparent);
        border: 1px solid var(--color-accent);
      }
      .info {
        margin-top: var(--space-3);
        padding: var(--space-3);
        border-radius: var(--radius-m);
        border: 1px solid var(--color-border);
      }
    `,
  ];

  private readonly appState = new AppStateController(this);
  @property({ attribute: false }) der: Uint8Array = new Uint8Array(0);
  @property({ attribute: false }) entries: readonly Asn1Entry[] = [];
  /** Offset of the selected node (nodes are identified by their header offset). */
  @state() private selected = 0;
  @state() private cursor = 0;
  /**
   * How to bring the selection into view after the next render: 'jump' (from outside: line centred in
   * the tree, node start at the top of the hex), 'pick' (a line clicked: the hex jumps, the tree stays)
   * or 'step' (keyboard and hex clicks: each pane scrolls just enough).
   */
  private scrollPending: Reveal | undefined;

  /** Select the node starting at `offset` (or the innermost one containing it) and bring it into view. */
  select(offset: number, how: Reveal = 'jump'): void {
    const exact = this.entries.find((e) => e.node.offset === offset) ?? innermostAt(this.entries, offset);
    if (!exact) return;
    this.selected = exact.node.offset;
    this.cursor = exact.node.offset;
    this.scrollPending = how;
  }

  focusTree(): void {
    this.renderRoot.querySelector<HTMLElement>('.tree')?.focus();
  }

  /** The selected node's byte range (for tests and the info line). */
  get selection(): { start: number; contentStart: number; end: number } | undefined {
    const e = this.current;
    return e ? { start: e.node.offset, contentStart: e.node.contentStart, end: e.node.end } : undefined;
  }

  private get current(): Asn1Entry | undefined {
    return this.entries.find((e) => e.node.offset === this.selected);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('entries') && !this.current && this.entries[0]) this.selected = this.entries[0].node.offset;
    const how = this.scrollPending;
    if (how) {
      this.scrollPending = undefined;
      const tree = this.renderRoot.querySelector<HTMLElement>('.tree');
      const hex = this.renderRoot.querySelector<HTMLElement>('.hex');
      const line = this.renderRoot.querySelector<HTMLElement>(`#n-${this.selected}`);
      const byte = this.renderRoot.querySelector<HTMLElement>(`[data-o="${this.cursor}"]`);
      if (tree && line) reveal(tree, line, how === 'jump' ? 'center' : 'nearest');
      if (hex && byte) reveal(hex, byte, how === 'step' ? 'nearest' : 'start');
    }
  }

  private onTreeKey(ev: KeyboardEvent): void {
    const i = this.entries.findIndex((e) => e.node.offset === this.selected);
    const cur = this.entries[i];
    if (!cur) return;
    let next: Asn1Entry | undefined;
    switch (ev.key) {
      case 'ArrowDown': next = this.entries[i + 1]; break;
      case 'ArrowUp': next = this.entries[i - 1]; break;
      case 'PageDown': next = this.entries[Math.min(this.entries.length - 1, i + 10)]; break;
      case 'PageUp': next = this.entries[Math.max(0, i - 10)]; break;
      case 'Home': next = this.entries[0]; break;
      case 'End': next = this.entries[this.entries.length - 1]; break;
      case 'ArrowRight': next = cur.node.children.length ? this.entries[i + 1] : undefined; break;
      case 'ArrowLeft':
        for (let j = i - 1; j >= 0; j--) if ((this.entries[j]?.node.depth ?? 0) < cur.node.depth) { next = this.entries[j]; break; }
        break;
      default: return;
    }
    ev.preventDefault();
    if (next) this.select(next.node.offset, 'step');
  }

  private onHexKey(ev: KeyboardEvent): void {
    const delta: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: ROW, ArrowUp: -ROW };
    let pos: number;
    if (ev.key in delta) pos = this.cursor + (delta[ev.key] ?? 0);
    else if (ev.key === 'Home') pos = 0;
    else if (ev.key === 'End') pos = this.der.length - 1;
    else return;
    ev.preventDefault();
    this.pickByte(Math.max(0, Math.min(this.der.length - 1, pos)));
  }

  private pickByte(offset: number): void {
    const hit = innermostAt(this.entries, offset);
    this.cursor = offset;
    if (hit) this.selected = hit.node.offset;
    this.scrollPending = 'step';
  }

  private onHexClick(ev: Event): void {
    const o = (ev.target as HTMLElement).dataset['o'];
    if (o !== undefined) this.pickByte(Number(o));
  }

  private onOptionClick(ev: Event): void {
    const el = (ev.target as HTMLElement).closest<HTMLElement>('[data-offset]');
    if (el) this.select(Number(el.dataset['offset']), 'pick');
  }

  override render() {
    void this.appState.value.locale;
    const cur = this.current;
    const n = cur?.node;
    const rows: number[] = [];
    for (let r = 0; r < this.der.length; r += ROW) rows.push(r);
    const cls = (o: number): string => {
      let c = 'b';
      if (n && o >= n.offset && o < n.end) c += o < n.contentStart ? ' h' : ' c';
      if (o === this.cursor) c += ' cur';
      return c;
    };
    return html`<div class="panes">
        <div>
          <p class="pane-title" id="tree-title">${t('app.cert.asn1.tree')}</p>
          <div class="tree" role="listbox" tabindex="0" aria-labelledby="tree-title" aria-activedescendant=${n ? `n-${n.offset}` : nothing}
            @keydown=${this.onTreeKey} @click=${this.onOptionClick}>
            ${this.entries.map((e) => html`<div class="opt" role="option" id=${`n-${e.node.offset}`} data-offset=${e.node.offset}
              aria-selected=${e.node.offset === this.selected ? 'true' : 'false'}>${e.line}${e.labelKey ? html`<span class="lbl">  ← ${t(e.labelKey, e.labelParams ?? {})}</span>` : nothing}</div>`)}
          </div>
        </div>
        <div>
          <p class="pane-title" id="hex-title">${t('app.cert.asn1.hex')}</p>
          <div class="hex" role="group" tabindex="0" aria-labelledby="hex-title" aria-describedby="sel-info"
            @keydown=${this.onHexKey} @click=${this.onHexClick}>
            ${rows.map((r) => html`<div class="row"><span class="addr">${r.toString(16).padStart(4, '0')}  </span>${[...this.der.subarray(r, r + ROW)].map(
              (b, i) => html`<span class=${cls(r + i)} data-o=${r + i}>${b.toString(16).padStart(2, '0').toUpperCase()}</span>${i === ROW - 1 ? '' : ' '}`,
            )}</div>`)}
          </div>
          <div class="legend" aria-hidden="true">
            <span><span class="swatch h"></span>${t('app.cert.asn1.legendHeader')}</span>
            <span><span class="swatch c"></span>${t('app.cert.asn1.legendContent')}</span>
          </div>
        </div>
      </div>
      <div class="info" id="sel-info" role="status" data-start=${n?.offset ?? ''} data-end=${n?.end ?? ''}>
        ${n
          ? html`${cur?.labelKey ? html`<strong>${t(cur.labelKey, cur.labelParams ?? {})}</strong><br />` : nothing}${t('app.cert.asn1.selection', {
              start: n.offset, end: n.end - 1, header: n.headerLength, length: n.end - n.contentStart, total: n.end - n.offset,
            })}<br /><span class="small muted">${t('app.cert.asn1.cursor', { offset: this.cursor, hex: this.cursor.toString(16).toUpperCase() })}</span>`
          : nothing}
      </div>
      <p class="small muted">${t('app.cert.asn1.help')}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-asn1-explorer': JpkiAsn1Explorer;
  }
}
