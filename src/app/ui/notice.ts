/**
 * `<jpki-notice tone="info|success|warning|danger" heading="…">body</jpki-notice>`: a message box.
 * `live` makes it announce itself when it appears (role=status, or role=alert for danger), for
 * messages that arrive without the user asking (a reader unplugged, an update ready).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

const ICON: Record<NoticeTone, string> = { info: 'i', success: '✓', warning: '!', danger: '!' };

@customElement('jpki-notice')
export class JpkiNotice extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .box {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--space-3);
      padding: var(--space-4);
      border-radius: var(--radius-m);
      border: 1px solid var(--color-info-border);
      border-inline-start-width: 5px;
      background: var(--color-info-bg);
      color: var(--color-info-text);
    }
    :host([tone='success']) .box {
      border-color: var(--color-success-border);
      background: var(--color-success-bg);
      color: var(--color-success-text);
    }
    :host([tone='warning']) .box {
      border-color: var(--color-warning-border);
      background: var(--color-warning-bg);
      color: var(--color-warning-text);
    }
    :host([tone='danger']) .box {
      border-color: var(--color-danger-border);
      background: var(--color-danger-bg);
      color: var(--color-danger-text);
    }
    .icon {
      display: inline-grid;
      place-items: center;
      width: 1.5rem;
      height: 1.5rem;
      margin-top: 0.1rem;
      border-radius: 50%;
      border: 2px solid currentColor;
      font-weight: 700;
      font-size: 0.85rem;
      line-height: 1;
    }
    .heading {
      display: block;
      font-weight: 700;
      margin-bottom: var(--space-1);
    }
    ::slotted(p) {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-3);
      margin-top: var(--space-3);
    }
    .actions:not(.filled) {
      display: none;
    }
  `;

  @property({ reflect: true }) tone: NoticeTone = 'info';
  @property() heading = '';
  @property({ type: Boolean }) live = false;
  private hasActions = false;

  override render() {
    const role = this.live ? (this.tone === 'danger' ? 'alert' : 'status') : nothing;
    return html`<div class="box" role=${role}>
      <span class="icon" aria-hidden="true">${ICON[this.tone] ?? 'i'}</span>
      <div>
        ${this.heading ? html`<strong class="heading">${this.heading}</strong>` : nothing}
        <slot></slot>
        <div class="actions ${this.hasActions ? 'filled' : ''}"><slot name="actions" @slotchange=${this.onActions}></slot></div>
      </div>
    </div>`;
  }

  private onActions(e: Event): void {
    this.hasActions = (e.target as HTMLSlotElement).assignedElements().length > 0;
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-notice': JpkiNotice;
  }
}
