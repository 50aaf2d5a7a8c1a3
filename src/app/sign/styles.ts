import { css } from 'lit';

/** Layout shared by the key-use pages: hex blocks, fact lists, progress, check lists, code blocks. */
export const keysStyles = css`
  .hex {
    font-family: var(--font-mono);
    font-size: var(--font-size-s);
    overflow-wrap: anywhere;
  }
  dl.facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: var(--space-2) var(--space-4);
    margin: var(--space-3) 0;
  }
  dl.facts dt {
    color: var(--color-text-muted);
    font-size: var(--font-size-s);
  }
  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 560px) {
    dl.facts {
      grid-template-columns: 1fr;
      gap: var(--space-1);
    }
    dl.facts dd {
      margin-bottom: var(--space-2);
    }
    .actions .btn,
    .actions label.btn {
      width: 100%;
    }
    ul.checks li {
      flex-direction: column;
      gap: var(--space-1);
    }
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-3);
    align-items: center;
  }
  progress {
    width: 100%;
    height: 0.75rem;
  }
  ul.checks {
    list-style: none;
    padding: 0;
    margin-top: var(--space-3);
  }
  ul.checks li {
    display: flex;
    gap: var(--space-3);
    align-items: baseline;
  }
  ul.checks jpki-badge {
    flex: none;
  }
  pre {
    font-family: var(--font-mono);
    font-size: var(--font-size-s);
    background: var(--color-surface-sunken);
    border: 1px solid var(--color-border);
    border-radius: var(--radius-m);
    padding: var(--space-3);
    overflow-x: auto;
    margin: 0 0 var(--space-3);
    white-space: pre;
  }
  details {
    border: 1px solid var(--color-border);
    border-radius: var(--radius-m);
    padding: var(--space-3) var(--space-4);
    background: var(--color-surface);
  }
  details + details {
    margin-top: var(--space-3);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  details[open] summary {
    margin-bottom: var(--space-3);
  }
  .back {
    display: inline-block;
    margin-bottom: var(--space-3);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: var(--space-3);
  }
  th,
  td {
    text-align: start;
    padding: var(--space-2);
    border-bottom: 1px solid var(--color-border);
    vertical-align: top;
  }
  th {
    font-size: var(--font-size-s);
    color: var(--color-text-muted);
  }
  .check-row {
    display: flex;
    gap: var(--space-3);
    align-items: center;
    margin-bottom: var(--space-2);
  }
  .check-row input {
    width: 1.25rem;
    height: 1.25rem;
  }
  .file-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
`;
