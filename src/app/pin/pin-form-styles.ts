/** Styles shared by the PIN dialogs (inputs large enough to type on a phone; the tries line). */
import { css } from 'lit';

export const pinFormStyles = css`
  label {
    display: block;
    font-weight: 600;
    margin-bottom: var(--space-1);
  }
  input[type='password'] {
    width: 100%;
    min-height: 44px;
    padding: var(--space-2) var(--space-3);
    font: inherit;
    font-size: 1.2rem;
    letter-spacing: 0.2em;
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius-m);
    background: var(--color-surface);
    color: var(--color-text);
  }
  .field + .field {
    margin-top: var(--space-4);
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--color-danger-border);
  }
  .field-error {
    margin-top: var(--space-2);
    font-weight: 600;
    color: var(--color-danger-text);
  }
  #pin-rules,
  .rules {
    margin-top: var(--space-2);
  }
  .tries {
    font-weight: 700;
    padding: var(--space-2) var(--space-3);
    border-radius: var(--radius-m);
    background: var(--color-info-bg);
    color: var(--color-info-text);
  }
  .tries.last {
    background: var(--color-warning-bg);
    color: var(--color-warning-text);
  }
  .tries.blocked {
    background: var(--color-danger-bg);
    color: var(--color-danger-text);
  }
  .ack {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--space-2);
    align-items: start;
    margin: var(--space-3) 0;
    padding: var(--space-3);
    border: 2px solid var(--color-warning-border);
    border-radius: var(--radius-m);
    background: var(--color-warning-bg);
    color: var(--color-warning-text);
  }
  .ack input {
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.3rem;
  }
  .ack label {
    font-weight: 600;
    margin: 0;
  }
  .demo-hint {
    font-weight: 600;
  }
  jpki-error-notice {
    margin-top: var(--space-3);
  }
  jpki-error-notice.top {
    margin: 0 0 var(--space-3);
  }
`;
