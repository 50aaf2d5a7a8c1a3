// Strings of the store domain. Keys: `error.<code>` for LensError codes, `store.<what>` otherwise.
// English strings of the store domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.store-unavailable': "This browser's storage (IndexedDB) is not available. Check that site data is not disabled in the browser settings.",
  'error.store-not-a-certificate': 'This data cannot be saved as a certificate (it is not a DER-encoded certificate).',
  'error.store-sign-needs-acknowledgement':
    'The signature certificate contains your name, address, date of birth and sex. To save it, confirm explicitly that you understand this.',
  'error.store-text-too-long': 'The text is too long (at most {max} characters).',
  'error.store-bad-date': 'The read time is not a valid date.',
  'error.store-backup-invalid': 'This file cannot be read as a JPKI Lens backup. It is damaged or a different kind of file.',
  'error.store-backup-version': 'This backup (format {version}) was made by a newer JPKI Lens. This version reads formats up to {supported}.',
  'store.kind.auth': 'User authentication certificate',
  'store.kind.auth-ca': 'Authentication CA certificate',
  'store.kind.sign': 'Digital signature certificate',
  'store.kind.sign-ca': 'Signature CA certificate',
  'store.kind.imported': 'Certificate imported from a file',
  'store.card.my-number-card': 'My Number Card',
  'store.card.file': 'File',
  'store.card.unknown': 'Unknown card',
};
