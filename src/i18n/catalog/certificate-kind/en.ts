// Strings of the certificate-kind domain: what the card certificate page and the 基本情報 tab say when
// the certificate read from an EF is not what that EF should hold (issue 13 item 9: a certificate in
// the sign-certificate EF whose issuer is not recognised as J-LIS).
// English strings of the certificate-kind domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'app.flows.cert.lead.issuer-unrecognised': 'Read from the card’s “{where}” file, but its issuer was not recognised as a J-LIS (JPKI) authority, so it is not shown as a certificate holding the basic 4 information.',
  'app.flows.cert.lead.other-kind': 'Read from the card’s “{where}” file, but it is a different certificate ({actual}) and is shown as that.',
  'app.cert.basic.issuer-unrecognised': 'Read from the card’s “{expected}” file, but its issuer “{issuer}” was not recognised as a J-LIS authority, so no basic 4 information was read from it.',
  'app.cert.basic.other-kind': 'Read from the card’s “{expected}” file, but this certificate is a different one ({actual}).',
};
