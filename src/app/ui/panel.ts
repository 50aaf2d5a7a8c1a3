/**
 * `<jpki-panel>`: a bordered section of a screen. The optional `heading` becomes a real heading
 * (level `level`, default 2) so the document outline stays right; the content goes in the slot,
 * actions in `slot="actions"`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';

@customElement('jpki-panel')
export class JpkiPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      background: var(--color-surface);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-l);
      box-shadow: var(--shadow-1);
      padding: var(--space-5);
    }
    :host([tone='sunken']) {
      background: var(--color-surface-sunken);
      box-shadow: none;
    }
    .heading {
      margin: 0 0 var(--space-3);
      line-height: 1.35;
      font-size: var(--font-size-l);
      font-weight: 700;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-3);
      margin-top: var(--space-4);
    }
    .actions:not(.filled) {
      display: none;
    }
    @media (max-width: 560px) {
      :host {
        padding: var(--space-4);
        border-radius: var(--radius-m);
      }
    }
  `;

  @property() heading = '';
  @property({ type: Number }) level: 2 | 3 | 4 = 2;
  @property({ reflect: true }) tone: 'plain' | 'sunken' = 'plain';
  private hasActions = false;

  override render() {
    const tag = unsafeStatic(`h${[2, 3, 4].includes(this.level) ? this.level : 2}`);
    return html`
      ${this.heading ? staticHtml`<${tag} class="heading">${this.heading}</${tag}>` : nothing}
      <slot></slot>
      <div class="actions ${this.hasActions ? 'filled' : ''}"><slot name="actions" @slotchange=${this.onActions}></slot></div>
    `;
  }

  private onActions(e: Event): void {
    this.hasActions = (e.target as HTMLSlotElement).assignedElements().length > 0;
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-panel': JpkiPanel;
  }
}
