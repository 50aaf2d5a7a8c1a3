import { css } from 'lit';

/**
 * Form pieces more than one screen uses, so they look and behave the same everywhere.
 *
 * `fileButtonStyles`: a native file input hidden inside a `<label class="btn">`, which keeps the
 * input keyboard-reachable while the label looks like our buttons (the focus ring is drawn on the
 * label).
 * `acknowledgementStyles`: the amber box around a checkbox the user must tick before something
 * personal is saved (the sign certificate holds name, address, birth date and sex).
 */
export const fileButtonStyles = css`
  label.btn:focus-within {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }
  .file-input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
`;

export const acknowledgementStyles = css`
  .ack {
    display: flex;
    gap: var(--space-3);
    align-items: start;
    padding: var(--space-3);
    border: 2px solid var(--color-warning-border);
    background: var(--color-warning-bg);
    color: var(--color-warning-text);
    border-radius: var(--radius-m);
  }
  .ack input {
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.3rem;
    flex: none;
  }
`;
