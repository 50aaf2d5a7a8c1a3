/**
 * Which PIN-step errors are typing mistakes, shown at the field they concern (in the dialog, under
 * the input, with the remaining count), and which are real failures for the heavy error box. A
 * wrong entry with tries left is the most ordinary thing a user does (issue 13 item 9: it was shown
 * in 「うまくいきませんでした」 with an error code); a locally refused format sent nothing at all.
 */
import { t } from '../../i18n';
import type { LensError } from '../../errors';
import { errorText } from '../reader/error-text';
import type { DialogPin } from './pin-kinds';

/** Refused before anything was sent (the card layer's own format rules). */
const LOCAL = /^pin-(format|new)-/;

export function isFieldError(error: LensError): boolean {
  if (LOCAL.test(error.code)) return true;
  // The card counted a try and says how many are left; none left is "blocked", a real state.
  return error.code === 'pin-wrong' && typeof error.params.remaining === 'number' && error.params.remaining > 0;
}

/** The text at the field: a wrong entry names the PIN the dialog asked for (パスワード, not 暗証番号). */
export function fieldErrorText(pin: DialogPin, error: LensError): string {
  if (error.code === 'pin-wrong') return t(`app.flows.pin.${pin}.wrong`, { remaining: error.params.remaining ?? '?' });
  return errorText(error);
}
