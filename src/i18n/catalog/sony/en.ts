// Strings of the sony domain (Sony PaSoRi drivers, ISO 14443 Type B activation and ISO-DEP).
// Keys: `error.<code>` for LensError codes, `sony.<what>` otherwise.
// English strings of the sony domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.rf-timeout': 'The card did not answer. Keep the card in the middle of the reader.',
  'error.rf-transmission-error': 'The radio link to the card failed ({name}). Place the card again.',
  'error.typeb-no-card': 'No My Number Card on the reader. Place the card in the middle of the reader.',
  'error.typeb-bad-atqb': 'The card\u2019s answer (ATQB) could not be read ({length} bytes).',
  'error.typeb-not-iso-dep': 'This card does not support ISO/IEC 14443-4, so it cannot be read. Is it a My Number Card?',
  'error.typeb-attrib-failed': 'Could not start talking to the card (ATTRIB). Place the card again.',
  'error.isodep-no-response': 'The card stopped answering ({tries} tries). Make sure it is not moving and try again. Whether the card carried out the last command is unknown: if it was a PIN check, look at the remaining tries before entering the PIN again.',
  'error.isodep-protocol-error': 'The exchange with the card got out of step. Place the card again.',
  'error.isodep-wait-limit': 'The card was still busy after {ms} ms, so the exchange was stopped. Whether the card carried out the command is unknown: if it was a PIN check, look at the remaining tries before entering the PIN again.',
  'error.port100-bad-frame': 'The RC-S380 sent corrupted data. Unplug the reader and plug it in again.',
  'error.port100-no-ack': 'The RC-S380 did not accept the command {command}. Unplug the reader and plug it in again.',
  'error.port100-error-frame': 'The RC-S380 answered the command {command} with an error.',
  'error.port100-unexpected-response': 'The RC-S380 answered the command {command} unexpectedly ({got}).',
  'error.port100-status-error': 'The RC-S380 could not carry out {command} ({status}).',
  'error.port100-rf-error': 'The RC-S380\u2019s radio reported an error ({name}). Unplug the reader and plug it in again.',
  'error.sony-no-vendor-interface': '{product} has no interface a web page can use.',
  'error.sony-card-not-activated': 'The card is not connected yet. Start reading the card first.',
  'error.rcs300-bad-response': 'The RC-S300 gave an answer that could not be read (experimental route). Please save the diagnostics report.',
  'error.rcs300-escape-failed': 'The RC-S300 refused the request ({status}). This route is experimental; please save the diagnostics report.',
  'error.rcs300-session-error': 'The RC-S300 did not accept “{what}” ({result}, {sw}). This route is experimental; please save the diagnostics report.',
  'error.rcs300-replay-diverged': 'The replay left the recording at exchange {step}.',
  'sony.experimental': 'Experimental',
  'sony.experimental-note': 'Reading a My Number Card through the RC-S300 has not been confirmed on real hardware yet. If it fails, please save the diagnostics report.',
};
