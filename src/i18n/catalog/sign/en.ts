// Strings of the sign domain needed before its screens load: error texts (LensError codes of src/sign
// and the flow) and the navigation entry. The screens' own strings are in the sign-ui and sign-kit domains.
// English strings of the sign domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.sign-digest-unsupported': 'This hash function ({hash}) is not supported.',
  'error.sign-cancelled': 'Cancelled.',
  'error.sign-certificate-unparseable': 'The certificate cannot be read (it is not a DER-encoded X.509 certificate).',
  'error.sign-signature-check-failed': "The signature the card returned does not verify with the certificate's public key. No signature file was made.",
  'error.sign-not-cms': 'This cannot be read as a CMS (PKCS#7) signature file.',
  'error.sign-not-signed-data': 'This CMS file is not signed data (SignedData); its type is {type}.',
  'error.sign-no-certificate': "This needs the card's certificate. Read the card first.",
  'error.sign-no-file': 'Choose the file to sign first.',
  'app.nav.keys': 'Use the keys',
  'app.title.keys': "Use the card's keys",
};
