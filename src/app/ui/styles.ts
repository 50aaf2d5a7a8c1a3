/**
 * Shared styles for the shadow roots of every screen: typography, buttons, links, focus ring, layout
 * helpers. A screen includes them with `static override styles = [baseStyles, css\`…\`]` and uses
 * plain elements: `<button class="btn primary">`, `<p class="muted">`, `<div class="stack">`.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    color: var(--color-text);
    font-family: var(--font-sans);
    line-height: var(--line-height);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.35;
    margin: 0 0 var(--space-3);
    font-weight: 700;
    letter-spacing: 0.01em;
  }
  h1 {
    font-size: var(--font-size-xl);
  }
  h2 {
    font-size: var(--font-size-l);
  }
  h3 {
    font-size: var(--font-size-m);
  }
  p {
    margin: 0 0 var(--space-3);
  }
  p:last-child {
    margin-bottom: 0;
  }
  ul,
  ol {
    margin: 0 0 var(--space-3);
    padding-inline-start: 1.4em;
  }
  li + li {
    margin-top: var(--space-1);
  }
  a {
    color: var(--color-accent);
    text-underline-offset: 0.18em;
  }
  a:hover {
    color: var(--color-accent-hover);
  }
  code,
  kbd,
  .mono {
    font-family: var(--font-mono);
    font-size: 0.92em;
  }
  code {
    background: var(--color-surface-sunken);
    border-radius: var(--radius-s);
    padding: 0.05em 0.35em;
  }
  :focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }
  .muted {
    color: var(--color-text-muted);
  }
  .small {
    font-size: var(--font-size-s);
  }
  .lead {
    font-size: 1.075rem;
    color: var(--color-text-muted);
    margin-bottom: var(--space-5);
  }
  .stack > * + * {
    margin-top: var(--space-4);
  }
  .stack-l > * + * {
    margin-top: var(--space-5);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-3);
    align-items: center;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* Buttons: native <button> elements with one of the variants. */
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--space-2);
    min-height: 44px; /* a comfortable touch target (WCAG 2.5.5) */
    padding: var(--space-2) var(--space-5);
    border-radius: var(--radius-m);
    border: 1px solid var(--color-border-strong);
    background: var(--color-surface);
    color: var(--color-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .btn:hover:not(:disabled) {
    background: var(--color-surface-sunken);
  }
  .btn.primary {
    background: var(--color-accent);
    border-color: var(--color-accent);
    color: var(--color-accent-contrast);
  }
  .btn.primary:hover:not(:disabled) {
    background: var(--color-accent-hover);
    border-color: var(--color-accent-hover);
  }
  .btn.danger {
    color: var(--color-danger-text);
    border-color: var(--color-danger-border);
  }
  .btn.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--color-accent);
    padding-inline: var(--space-3);
  }
  .btn:disabled {
    cursor: not-allowed;
    background: var(--color-surface-sunken);
    border-color: var(--color-border);
    color: var(--color-text-muted);
  }

  /* Definition lists as two-column facts (label / value), one column on phones. */
  dl.facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: var(--space-2) var(--space-5);
    margin: 0;
  }
  dl.facts dt {
    color: var(--color-text-muted);
  }
  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 560px) {
    dl.facts {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dl.facts dd + dt {
      margin-top: var(--space-3);
    }
  }
`;
