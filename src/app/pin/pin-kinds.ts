/**
 * The PINs the app asks for, with what the UI needs to know about each: the card layer's format
 * (for local validation through the very rules it applies before sending), the input mode, and
 * where a blocked one is reset (jpki-card.md §3.2; J-LIS: a blocked PIN is re-set at the municipal
 * office, the 署名用パスワード can also be re-initialised at a convenience-store kiosk with the
 * 利用者証明用 PIN).
 */
import type { PinFormat } from '../../card/pin-rules';

export type DialogPin = 'jpki-sign' | 'jpki-auth' | 'kenhojo';

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
};

export function isDialogPin(id: string): id is DialogPin {
  return id in PIN_KINDS;
}
