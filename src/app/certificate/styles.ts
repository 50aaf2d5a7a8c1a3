/** Styles shared by the certificate view and its tabs (on top of the app's baseStyles). */
import { css } from 'lit';

export const certificateStyles = css`
  .section + .section {
    margin-top: var(--space-5);
  }
  .section > h3 {
    margin-bottom: var(--space-2);
  }
  .mono-block {
    font-family: var(--font-mono);
    font-size: var(--font-size-s);
    overflow-wrap: anywhere;
    word-break: break-all;
  }
  .oid {
    font-family: var(--font-mono);
    font-size: var(--font-size-s);
    color: var(--color-text-muted);
  }
  .field-list {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .field-list .field-list {
    padding-inline-start: var(--space-4);
    border-inline-start: 2px solid var(--color-border);
    margin-top: var(--space-1);
  }
  .field-list li + li {
    margin-top: var(--space-1);
  }
  .field-label {
    color: var(--color-text-muted);
  }
  .field-label::after {
    content: ': ';
  }
  details > summary {
    cursor: pointer;
    color: var(--color-accent);
    min-height: 24px;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2);
  }
  .ok {
    color: var(--color-success-text);
  }
  .bad {
    color: var(--color-danger-text);
  }
  .spaced {
    margin-top: var(--space-4);
  }
`;
