/**
 * CCID message framing as the reader (device) sees it: USB CCID Rev 1.10 §6.1 (PC_to_RDR, bulk OUT)
 * and §6.2 (RDR_to_PC, bulk IN). Every message has a 10-byte header: bMessageType, dwLength (LE),
 * bSlot, bSeq and three message-specific bytes. Device-side constants of our own (house rule 1:
 * nothing shared with src/readers/ccid/).
 */

/** PC_to_RDR message types (§6.1, Table 6.1-1). */
export const PC_TO_RDR = {
  IccPowerOn: 0x62,
  IccPowerOff: 0x63,
  GetSlotStatus: 0x65,
  XfrBlock: 0x6f,
  GetParameters: 0x6c,
  ResetParameters: 0x6d,
  SetParameters: 0x61,
  Escape: 0x6b,
  IccClock: 0x6e,
  T0APDU: 0x6a,
  Secure: 0x69,
  Mechanical: 0x71,
  Abort: 0x72,
  SetDataRateAndClockFrequency: 0x73,
} as const;

/** RDR_to_PC message types (§6.2, Table 6.2-1) and the interrupt messages (§6.3). */
export const RDR_TO_PC = {
  DataBlock: 0x80,
  SlotStatus: 0x81,
  Parameters: 0x82,
  Escape: 0x83,
  DataRateAndClockFrequency: 0x84,
  NotifySlotChange: 0x50,
  HardwareError: 0x51,
} as const;

/** The response type each command is answered with (§6.1.1–§6.1.14). */
export function responseTypeFor(command: number): number {
  switch (command) {
    case PC_TO_RDR.IccPowerOn:
    case PC_TO_RDR.XfrBlock:
    case PC_TO_RDR.Secure:
      return RDR_TO_PC.DataBlock;
    case PC_TO_RDR.GetParameters:
    case PC_TO_RDR.ResetParameters:
    case PC_TO_RDR.SetParameters:
      return RDR_TO_PC.Parameters;
    case PC_TO_RDR.Escape:
      return RDR_TO_PC.Escape;
    case PC_TO_RDR.SetDataRateAndClockFrequency:
      return RDR_TO_PC.DataRateAndClockFrequency;
    default:
      // IccPowerOff, GetSlotStatus, IccClock, T0APDU, Mechanical, Abort, and unknown commands (§6.2.6).
      return RDR_TO_PC.SlotStatus;
  }
}

/** bmICCStatus, bits 0–1 of bStatus (§6.2.6, Table 6.2-3). */
export const ICC = { activePresent: 0, inactivePresent: 1, absent: 2 } as const;
export type IccStatus = (typeof ICC)[keyof typeof ICC];

/** bmCommandStatus, bits 6–7 of bStatus. */
export const COMMAND = { ok: 0x00, failed: 0x40, timeExtension: 0x80 } as const;

/** bError values for failed commands (§6.2.6, Table 6.2-2). 0x01–0x7F: offset of the bad field. */
export const CCID_ERROR = {
  CMD_NOT_SUPPORTED: 0x00,
  CMD_ABORTED: 0xff,
  ICC_MUTE: 0xfe,
  XFR_PARITY_ERROR: 0xfd,
  XFR_OVERRUN: 0xfc,
  HW_ERROR: 0xfb,
  BAD_ATR_TS: 0xf8,
  BAD_ATR_TCK: 0xf7,
  ICC_PROTOCOL_NOT_SUPPORTED: 0xf6,
  ICC_CLASS_NOT_SUPPORTED: 0xf5,
  PROCEDURE_BYTE_CONFLICT: 0xf4,
  DEACTIVATED_PROTOCOL: 0xf3,
  BUSY_WITH_AUTO_SEQUENCE: 0xf2,
  PIN_TIMEOUT: 0xf0,
  PIN_CANCELLED: 0xef,
  CMD_SLOT_BUSY: 0xe0,
} as const;

/** Offsets in a PC_to_RDR message that bError can name (§6.2.6: "index of the bad parameter"). */
export const OFFSET = { dwLength: 1, bSlot: 5, bPowerSelect: 7, bProtocolNum: 7, abData: 10 } as const;

export interface PcToRdr {
  readonly type: number;
  readonly length: number;
  readonly slot: number;
  readonly seq: number;
  /** bytes 7, 8, 9 */
  readonly params: readonly [number, number, number];
  readonly data: Uint8Array;
}

/** The header of a bulk-OUT message, or null when fewer than 10 bytes arrived. */
export function readCommand(bytes: Uint8Array): PcToRdr | null {
  if (bytes.length < 10) return null;
  const length = (bytes[1] | (bytes[2] << 8) | (bytes[3] << 16) | (bytes[4] << 24)) >>> 0;
  return { type: bytes[0], length, slot: bytes[5], seq: bytes[6], params: [bytes[7], bytes[8], bytes[9]], data: bytes.subarray(10) };
}

/** Build an RDR_to_PC message: header with bStatus, bError and the message-specific byte. */
export function rdrToPc(type: number, slot: number, seq: number, status: number, error: number, specific: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(10 + data.length);
  out[0] = type;
  out[1] = data.length & 0xff;
  out[2] = (data.length >> 8) & 0xff;
  out[3] = (data.length >> 16) & 0xff;
  out[4] = (data.length >>> 24) & 0xff;
  out[5] = slot;
  out[6] = seq;
  out[7] = status;
  out[8] = error;
  out[9] = specific;
  out.set(data, 10);
  return out;
}

export function u32le(value: number): number[] {
  return [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >>> 24) & 0xff];
}

export function readU32le(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
}
