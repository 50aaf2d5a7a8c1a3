/**
 * CCID bulk messages (CCID Rev 1.10 §6.1 PC_to_RDR, §6.2 RDR_to_PC): a 10-byte header
 * (bMessageType, dwLength LE, bSlot, bSeq, three message-specific bytes) then abData.
 * Both directions are encoded and decoded: the host sends commands and reads responses, and the
 * transcript and tests read commands back.
 */
import { LensError } from '../../errors';

export const HEADER_LENGTH = 10;

export const PC_TO_RDR = {
  SetParameters: 0x61,
  IccPowerOn: 0x62,
  IccPowerOff: 0x63,
  GetSlotStatus: 0x65,
  Secure: 0x69,
  T0APDU: 0x6a,
  Escape: 0x6b,
  GetParameters: 0x6c,
  ResetParameters: 0x6d,
  IccClock: 0x6e,
  XfrBlock: 0x6f,
  Mechanical: 0x71,
  Abort: 0x72,
  SetDataRateAndClockFrequency: 0x73,
} as const;
export type CommandName = keyof typeof PC_TO_RDR;

export const RDR_TO_PC = {
  DataBlock: 0x80,
  SlotStatus: 0x81,
  Parameters: 0x82,
  Escape: 0x83,
  DataRateAndClockFrequency: 0x84,
} as const;
export type ResponseName = keyof typeof RDR_TO_PC;

/** Interrupt-IN messages (CCID §6.3). */
export const RDR_TO_PC_NOTIFY_SLOT_CHANGE = 0x50;
export const RDR_TO_PC_HARDWARE_ERROR = 0x51;

export interface CcidCommand {
  readonly type: CommandName;
  readonly slot: number;
  readonly seq: number;
  /** bytes 7, 8, 9 of the header (see `commandBytes` helpers for their meaning per type) */
  readonly param: readonly [number, number, number];
  readonly data: Uint8Array;
}

export interface CcidResponse {
  readonly type: ResponseName;
  readonly slot: number;
  readonly seq: number;
  readonly status: number;
  readonly error: number;
  /** byte 9: bChainParameter (DataBlock), bClockStatus (SlotStatus), bProtocolNum (Parameters) */
  readonly specific: number;
  readonly data: Uint8Array;
}

const nameOf = <T extends Record<string, number>>(table: T, code: number): keyof T | undefined =>
  (Object.keys(table) as (keyof T)[]).find((k) => table[k] === code);

function frame(type: number, slot: number, seq: number, b7: number, b8: number, b9: number, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(HEADER_LENGTH + data.length);
  out[0] = type;
  new DataView(out.buffer).setUint32(1, data.length, true);
  out[5] = slot;
  out[6] = seq & 0xff;
  out[7] = b7;
  out[8] = b8;
  out[9] = b9;
  out.set(data, HEADER_LENGTH);
  return out;
}

export function dwLengthOf(header: Uint8Array): number {
  return new DataView(header.buffer, header.byteOffset, header.byteLength).getUint32(1, true);
}

export function encodeCommand(c: CcidCommand): Uint8Array<ArrayBuffer> {
  return frame(PC_TO_RDR[c.type], c.slot, c.seq, c.param[0], c.param[1], c.param[2], c.data);
}

export function decodeCommand(bytes: Uint8Array): CcidCommand {
  const type = nameOf(PC_TO_RDR, bytes[0]);
  checkFrame(bytes, type, 'PC_to_RDR');
  return { type: type!, slot: bytes[5], seq: bytes[6], param: [bytes[7], bytes[8], bytes[9]], data: bytes.slice(HEADER_LENGTH) };
}

export function encodeResponse(r: CcidResponse): Uint8Array<ArrayBuffer> {
  return frame(RDR_TO_PC[r.type], r.slot, r.seq, r.status, r.error, r.specific, r.data);
}

export function decodeResponse(bytes: Uint8Array): CcidResponse {
  const type = nameOf(RDR_TO_PC, bytes[0]);
  checkFrame(bytes, type, 'RDR_to_PC');
  return { type: type!, slot: bytes[5], seq: bytes[6], status: bytes[7], error: bytes[8], specific: bytes[9], data: bytes.slice(HEADER_LENGTH) };
}

function checkFrame(bytes: Uint8Array, type: string | undefined, dir: string): void {
  if (bytes.length < HEADER_LENGTH) throw new LensError('reader-protocol-error', { what: dir }, { detail: `${bytes.length}-byte frame` });
  if (!type) throw new LensError('reader-protocol-error', { what: dir }, { detail: `unknown message type 0x${bytes[0].toString(16)}` });
  const len = dwLengthOf(bytes);
  if (len !== bytes.length - HEADER_LENGTH) {
    throw new LensError('reader-protocol-error', { what: dir }, { detail: `dwLength ${len} but ${bytes.length - HEADER_LENGTH} data bytes` });
  }
}

// ---- builders for each PC_to_RDR message (CCID §6.1.1–§6.1.14) -------------------------------------

type Head = { slot: number; seq: number };
const none = new Uint8Array(0);
const cmd = (type: CommandName, h: Head, param: [number, number, number] = [0, 0, 0], data: Uint8Array = none): Uint8Array<ArrayBuffer> =>
  encodeCommand({ type, slot: h.slot, seq: h.seq, param, data });

/** bPowerSelect: 0 automatic, 1 = 5 V, 2 = 3 V, 3 = 1.8 V (§6.1.1) */
export const iccPowerOn = (h: Head, powerSelect: 0 | 1 | 2 | 3) => cmd('IccPowerOn', h, [powerSelect, 0, 0]);
export const iccPowerOff = (h: Head) => cmd('IccPowerOff', h);
export const getSlotStatus = (h: Head) => cmd('GetSlotStatus', h);
/** wLevelParameter: character level = bytes expected; extended APDU level = chaining code (§6.1.4) */
export const xfrBlock = (h: Head, data: Uint8Array, bwi = 0, levelParameter = 0) =>
  cmd('XfrBlock', h, [bwi, levelParameter & 0xff, (levelParameter >> 8) & 0xff], data);
export const getParameters = (h: Head) => cmd('GetParameters', h);
export const resetParameters = (h: Head) => cmd('ResetParameters', h);
/** bProtocolNum 0 (T=0, 5-byte structure) or 1 (T=1, 7-byte structure) (§6.1.7) */
export const setParameters = (h: Head, protocolNum: 0 | 1, structure: Uint8Array) => cmd('SetParameters', h, [protocolNum, 0, 0], structure);
export const escape = (h: Head, data: Uint8Array) => cmd('Escape', h, [0, 0, 0], data);
/** bClockCommand: 0 restart, 1 stop (§6.1.9) */
export const iccClock = (h: Head, clockCommand: 0 | 1) => cmd('IccClock', h, [clockCommand, 0, 0]);
export const t0Apdu = (h: Head, changes: number, classGetResponse: number, classEnvelope: number) => cmd('T0APDU', h, [changes, classGetResponse, classEnvelope]);
export const secure = (h: Head, bwi: number, levelParameter: number, data: Uint8Array) => cmd('Secure', h, [bwi, levelParameter & 0xff, levelParameter >> 8], data);
/** bFunction: 1 accept, 2 eject, 3 capture, 4 lock, 5 unlock (§6.1.12) */
export const mechanical = (h: Head, fn: 1 | 2 | 3 | 4 | 5) => cmd('Mechanical', h, [fn, 0, 0]);
export const abort = (h: Head) => cmd('Abort', h);
export function setDataRateAndClockFrequency(h: Head, clockKhz: number, dataRate: number): Uint8Array<ArrayBuffer> {
  const d = new Uint8Array(8);
  const v = new DataView(d.buffer);
  v.setUint32(0, clockKhz, true);
  v.setUint32(4, dataRate, true);
  return cmd('SetDataRateAndClockFrequency', h, [0, 0, 0], d);
}

/** XfrBlock/DataBlock chaining codes at extended-APDU level (§6.1.4 wLevelParameter, §6.2.1 bChainParameter). */
export const CHAIN = { whole: 0x00, begins: 0x01, ends: 0x02, continues: 0x03, continueRequest: 0x10 } as const;

// ---- interrupt messages (§6.3) ----------------------------------------------------------------------

export type InterruptMessage =
  | { readonly type: 'NotifySlotChange'; readonly slots: readonly { readonly present: boolean; readonly changed: boolean }[] }
  | { readonly type: 'HardwareError'; readonly slot: number; readonly seq: number; readonly code: number };

/** `50 <2 bits per slot>` or `51 bSlot bSeq bHardwareErrorCode`. */
export function decodeInterrupt(bytes: Uint8Array, slotCount: number): InterruptMessage | undefined {
  if (bytes.length === 0) return undefined;
  if (bytes[0] === RDR_TO_PC_NOTIFY_SLOT_CHANGE) {
    const slots = [];
    for (let i = 0; i < slotCount; i++) {
      const byte = bytes[1 + (i >> 2)];
      if (byte === undefined) break;
      const bits = (byte >> ((i & 3) * 2)) & 3;
      slots.push({ present: (bits & 1) !== 0, changed: (bits & 2) !== 0 });
    }
    return { type: 'NotifySlotChange', slots };
  }
  if (bytes[0] === RDR_TO_PC_HARDWARE_ERROR && bytes.length >= 4) {
    // 4 bytes per the spec text; osmo-ccid-firmware models a longer header, so read the last byte
    // defensively (ccid-webusb.md §1.4, UNCONFIRMED which is right).
    return { type: 'HardwareError', slot: bytes[1], seq: bytes[2], code: bytes[bytes.length === 4 ? 3 : bytes.length - 1] };
  }
  return undefined;
}

export function encodeNotifySlotChange(slots: readonly { present: boolean; changed: boolean }[]): Uint8Array {
  const out = new Uint8Array(1 + Math.ceil((slots.length * 2) / 8));
  out[0] = RDR_TO_PC_NOTIFY_SLOT_CHANGE;
  slots.forEach((s, i) => {
    out[1 + (i >> 2)] |= ((s.present ? 1 : 0) | (s.changed ? 2 : 0)) << ((i & 3) * 2);
  });
  return out;
}
