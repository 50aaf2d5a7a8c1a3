/**
 * How a signature check (src/card/cvc.ts `CardSignature`) is said to the user: exactly what was
 * checked, with the key id that was used, and never "valid" without a check (issue 10 §3).
 */
import { html, nothing } from 'lit';
import { t } from '../../i18n';
import type { CardSignature } from '../../card/cvc';
import { cvcKeyIdLabel } from '../../card/cvc';

export type SignatureTone = 'success' | 'warning' | 'danger' | 'info';

export function signatureTone(s: CardSignature): SignatureTone {
  switch (s.status) {
    case 'valid':
      return 'success';
    case 'valid-test':
      return 'info';
    case 'invalid':
      return 'danger';
    default:
      return 'warning';
  }
}

/** The key of the message: `app.face.sig.<status>[.<part>|.<missing>]`. */
export function signatureKey(s: CardSignature): string {
  if (s.status === 'invalid') return `app.face.sig.invalid.${s.part ?? 'data'}`;
  if (s.status === 'absent') return `app.face.sig.absent.${s.missing ?? 'signature'}`;
  return `app.face.sig.${s.status}`;
}

/** One line: what was signed (`what`, translated) and what the check found. */
export function signatureLine(s: CardSignature, what: string, testId: string) {
  const ca = s.caKeyId ? cvcKeyIdLabel(s.caKeyId) : '';
  return html`<li class="sig ${signatureTone(s)}" data-testid=${testId} data-status=${s.status}>
    <strong>${what}:</strong> ${t(signatureKey(s), { ca })}
    ${s.caKeyId ? html`<span class="small muted keyid">${t('app.face.sig.key-id', { id: s.caKeyId })}</span>` : nothing}
  </li>`;
}
