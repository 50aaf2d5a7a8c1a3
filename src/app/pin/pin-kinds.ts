/**
 * The PINs the app asks for, with what the UI needs to know about each: the card layer's format
 * (for local validation through the very rules it applies before sending), the input mode, and
 * where a blocked one is reset (jpki-card.md §3.2; J-LIS: a blocked PIN is re-set at the municipal
 * office, the 署名用パスワード can also be re-initialised at a convenience-store kiosk with the
 * 利用者証明用 PIN).
 */
import type { PinFormat } from '../../card/pin-rules';

export type DialogPin = 'jpki-sign' | 'jpki-auth' | 'kenhojo' | 'licence-pin1' | 'licence-pin2' | 'myna-licence';

export interface PinKind {
  readonly id: DialogPin;
  readonly format: PinFormat;
  readonly inputMode: 'numeric' | 'text';
  readonly maxLength: number;
}

export const PIN_KINDS: Readonly<Record<DialogPin, PinKind>> = {
  'jpki-sign': { id: 'jpki-sign', format: 'sign-password', inputMode: 'text', maxLength: 16 },
  'jpki-auth': { id: 'jpki-auth', format: 'digits-4', inputMode: 'numeric', maxLength: 4 },
  kenhojo: { id: 'kenhojo', format: 'digits-4', inputMode: 'numeric', maxLength: 4 },
  // IC driver's licence 暗証番号1/2 and the マイナ免許証 PIN: 4 digits (jpki-card.md §9.1, §9.4;
  // the instance's length is UNCONFIRMED). A blocked one is reset at a licence centre or police station.
  'licence-pin1': { id: 'licence-pin1', format: 'digits-4', inputMode: 'numeric', maxLength: 4 },
  'licence-pin2': { id: 'licence-pin2', format: 'digits-4', inputMode: 'numeric', maxLength: 4 },
  'myna-licence': { id: 'myna-licence', format: 'digits-4', inputMode: 'numeric', maxLength: 4 },
};

export function isDialogPin(id: string): id is DialogPin {
  return id in PIN_KINDS;
}
