// The look both report views share (the diagnostics report and the reader report): a monospace,
// unwrapped text box the user can read, select and copy, and the row of actions under it. Each view
// sets its own box height with `--report-min-height`.
import { css } from 'lit';

export const reportStyles = css`
  textarea {
    width: 100%;
    min-height: var(--report-min-height, 14rem);
    font-family: var(--font-mono);
    font-size: 0.8rem;
    line-height: 1.5;
    padding: var(--space-3);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius-m);
    background: var(--color-surface-sunken);
    color: var(--color-text);
    white-space: pre;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-3);
    align-items: center;
    margin-top: var(--space-3);
  }
`;
