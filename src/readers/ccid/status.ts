/**
 * bStatus and bError of RDR_to_PC messages (CCID Rev 1.10 §6.2.6, Tables 6.2-1 and 6.2-2; the
 * names follow libccid src/ccid.c ccid_error and src/ccid.h).
 */
export type IccStatus = 'active' | 'inactive' | 'absent' | 'rfu';
export type CommandStatus = 'ok' | 'failed' | 'time-extension' | 'rfu';

export const ICC_STATUS_MASK = 0x03;

export function iccStatusOf(bStatus: number): IccStatus {
  return (['active', 'inactive', 'absent', 'rfu'] as const)[bStatus & ICC_STATUS_MASK];
}

/** libccid checks "failed" (0x40) before "time extension" (0x80): src/commands.c CCID_Receive. */
export function commandStatusOf(bStatus: number): CommandStatus {
  return (['ok', 'failed', 'time-extension', 'rfu'] as const)[(bStatus >> 6) & 3];
}

export const SLOT_ERRORS: Readonly<Record<number, string>> = {
  0xff: 'CMD_ABORTED',
  0xfe: 'ICC_MUTE',
  0xfd: 'XFR_PARITY_ERROR',
  0xfc: 'XFR_OVERRUN',
  0xfb: 'HW_ERROR',
  0xf8: 'BAD_ATR_TS',
  0xf7: 'BAD_ATR_TCK',
  0xf6: 'ICC_PROTOCOL_NOT_SUPPORTED',
  0xf5: 'ICC_CLASS_NOT_SUPPORTED',
  0xf4: 'PROCEDURE_BYTE_CONFLICT',
  0xf3: 'DEACTIVATED_PROTOCOL',
  0xf2: 'BUSY_WITH_AUTO_SEQUENCE',
  0xf0: 'PIN_TIMEOUT',
  0xef: 'PIN_CANCELLED',
  0xe0: 'CMD_SLOT_BUSY',
  // vendor-defined codes libccid names (src/ccid.c ccid_error)
  0xbb: 'EMV_PROTOCOL_ERROR',
  0xbd: 'T1_CARD_ERROR',
  0xa2: 'SHORT_CIRCUIT',
  0x00: 'CMD_NOT_SUPPORTED',
};

/** A name for any bError: table entries, "BAD_PARAMETER_n" for 0x01–0x7F, "VENDOR_0xNN" otherwise. */
export function slotErrorName(bError: number): string {
  const known = SLOT_ERRORS[bError];
  if (known) return known;
  if (bError >= 0x01 && bError <= 0x7f) return `BAD_PARAMETER_${bError}`;
  return `VENDOR_0x${bError.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** "bStatus 0x41 (failed, inactive), bError 0xFE ICC_MUTE", for details and the transcript. */
export function describeStatus(bStatus: number, bError: number): string {
  const cs = commandStatusOf(bStatus);
  const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
  const err = cs === 'failed' ? `, bError ${hex(bError)} ${slotErrorName(bError)}` : cs === 'time-extension' ? `, multiplier ${bError}` : '';
  return `bStatus ${hex(bStatus)} (${cs}, ${iccStatusOf(bStatus)})${err}`;
}
