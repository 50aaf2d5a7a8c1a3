// Strings of the "this worked / this failed on my reader" report on the diagnostics screen (issue 13
// item 8). Keys: `readerReport.<what>`.
// English strings of the reader-report domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'readerReport.heading': 'Tell us how it went on your reader',
  'readerReport.lead': 'The app has not yet been checked with a real reader and card. Send this short report to say whether it worked or not. You can read it before you send it.',
  'readerReport.outcome': 'Result',
  'readerReport.worked': 'It worked',
  'readerReport.failed': 'It did not work',
  'readerReport.contents': 'It holds the reader’s name and USB IDs, its CCID descriptor, the card’s ATR, the app version, the link speed and exchange level used, and the exchange record (PINs and personal data removed). Not the reader’s serial number, not the certificates themselves.',
  'readerReport.preview': 'What the report contains',
  'readerReport.copy': 'Copy',
  'readerReport.save': 'Save as a file',
  'readerReport.copied': 'Copied.',
  'readerReport.copy-failed': 'Could not copy. Select the text and copy it, or save it as a file.',
  'readerReport.saved': 'Saved {name}.',
};
