import { html } from 'lit';
import { t } from '../../i18n';
import { formatHash } from '../state/routes';

/** Shown on a page that needs a read card when none is ready. */
export function needsCard() {
  return html`<jpki-notice tone="info" heading=${t('sign.ui.needs-card.heading')} data-testid="needs-card">
    <p>${t('sign.ui.needs-card.body')}</p>
    <a slot="actions" class="btn primary" href=${formatHash('reader')}>${t('sign.ui.needs-card.go')}</a>
  </jpki-notice>`;
}

export const hex = (b: Uint8Array, max = b.length) =>
  Array.from(b.subarray(0, max), (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ') + (b.length > max ? ' …' : '');

export function sizeText(bytes: number): string {
  if (bytes < 1024) return t('sign.ui.size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('sign.ui.size.kb', { n: (bytes / 1024).toFixed(1) });
  return t('sign.ui.size.mb', { n: (bytes / 1024 / 1024).toFixed(1) });
}

/** A date as the signed attribute holds it: to the second, UTC ("2026-12-02 01:15:51 UTC"). */
export function utcText(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
