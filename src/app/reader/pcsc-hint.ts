/**
 * Where a class-0x0B reader leads: no page can claim it (WebUSB protected class), but the CLI reads
 * the card through the operating system's PC/SC with the same card and certificate code
 * (src/cli/card, src/readers/pcsc). Shown under "why other readers do not work" and with the
 * protected-class error, with the one command to run.
 */
import { html } from 'lit';
import { t } from '../../i18n';

export const PCSC_COMMAND = 'npx jpki-lens card';

export function pcscHint() {
  return html`<p data-testid="pcsc-hint">${t('pcsc.app.hint')} <code>${PCSC_COMMAND}</code></p>`;
}
