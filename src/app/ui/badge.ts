/** `<jpki-badge tone="info|success|warning|danger|neutral|demo">text</jpki-badge>`: a short status label. */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'demo';

@customElement('jpki-badge')
export class JpkiBadge extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      padding: 0.1em 0.65em;
      border-radius: 999px;
      border: 1px solid var(--color-border-strong);
      background: var(--color-surface-sunken);
      color: var(--color-text);
      font-size: var(--font-size-s);
      font-weight: 600;
      line-height: 1.6;
      white-space: nowrap;
    }
    :host([tone='info']) {
      background: var(--color-info-bg);
      border-color: var(--color-info-border);
      color: var(--color-info-text);
    }
    :host([tone='success']) {
      background: var(--color-success-bg);
      border-color: var(--color-success-border);
      color: var(--color-success-text);
    }
    :host([tone='warning']) {
      background: var(--color-warning-bg);
      border-color: var(--color-warning-border);
      color: var(--color-warning-text);
    }
    :host([tone='danger']) {
      background: var(--color-danger-bg);
      border-color: var(--color-danger-border);
      color: var(--color-danger-text);
    }
    :host([tone='demo']) {
      background: #5b2a86;
      border-color: #5b2a86;
      color: #ffffff;
      letter-spacing: 0.06em;
    }
  `;

  @property({ reflect: true }) tone: BadgeTone = 'neutral';

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-badge': JpkiBadge;
  }
}
