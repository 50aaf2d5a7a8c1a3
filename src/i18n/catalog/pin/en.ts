// Strings of the pin domain: what the PIN dialogs say at the field, and the per-PIN variants of the
// PIN error texts (`error.<code>.<pin id>`, preferred by errorText() over `error.<code>` so that a
// wrong 署名用パスワード is called a パスワード, not a 暗証番号).
// English strings of the pin domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'app.flows.pin.jpki-sign.wrong': 'Wrong signature password. Tries left: {remaining}.',
  'app.flows.pin.jpki-auth.wrong': 'Wrong authentication PIN. Tries left: {remaining}.',
  'app.flows.pin.kenhojo.wrong': 'Wrong card-info input support PIN. Tries left: {remaining}.',
  'error.pin-wrong.jpki-sign': 'Wrong signature password. Tries left: {remaining}.',
  'error.pin-wrong.jpki-auth': 'Wrong authentication PIN. Tries left: {remaining}.',
  'error.pin-wrong.kenhojo': 'Wrong card-info input support PIN. Tries left: {remaining}.',
  'error.pin-blocked.jpki-sign': 'This signature password is locked. It can be reset at your municipal office. Nothing was sent to the card.',
  'error.pin-last-try-not-acknowledged.jpki-sign': 'Only one try of the signature password is left; a wrong entry will lock it. Confirm and enter it again. Nothing was sent to the card.',
};
