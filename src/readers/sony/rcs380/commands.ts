/**
 * Port-100 commands the driver uses, their parameters and how their answers read. Facts from nfcpy
 * `src/nfc/clf/rcs380.py` (Chipset.CMD, in_set_rf settings, in_set_protocol KEYS and defaults,
 * CommunicationError/StatusError tables) and Linux `drivers/nfc/port100.c` (in_rf_settings,
 * in_protocols NFCB). A command is `D6 <code> <params>`, its answer `D7 <code+1> <data>`.
 */
import { LensError } from '../../../errors';
import { concat, fromHex, readU32le, u16le, type Bytes } from '../../isodep/bytes';
import type { BitRate } from '../../isodep/type-b';

export const CMD = {
  InSetRF: 0x00,
  InSetProtocol: 0x02,
  InCommRF: 0x04,
  SwitchRF: 0x06,
  ResetDevice: 0x12,
  GetFirmwareVersion: 0x20,
  GetPDDataVersion: 0x22,
  GetCommandType: 0x28,
  SetCommandType: 0x2a,
} as const;

export const COMMAND_NAMES: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(CMD).map(([k, v]) => [v, k]));

/** First answer byte of the set-up commands (nfcpy StatusError.err2str). */
export const STATUS_NAMES = ['SUCCESS', 'PARAMETER_ERROR', 'PB_ERROR', 'RFCA_ERROR', 'TEMPERATURE_ERROR', 'PWD_ERROR', 'RECEIVE_ERROR', 'COMMANDTYPE_ERROR'] as const;

export function statusName(status: number): string {
  return STATUS_NAMES[status] ?? `0x${status.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** InCommRF status bits, u32 LE (nfcpy CommunicationError.err2str). */
export const COMM_STATUS_BITS: readonly (readonly [number, string])[] = [
  [0x00000001, 'PROTOCOL_ERROR'],
  [0x00000002, 'PARITY_ERROR'],
  [0x00000004, 'CRC_ERROR'],
  [0x00000008, 'COLLISION_ERROR'],
  [0x00000010, 'OVERFLOW_ERROR'],
  [0x00000040, 'TEMPERATURE_ERROR'],
  [0x00000080, 'RECEIVE_TIMEOUT_ERROR'],
  [0x00000100, 'CRYPTO1_ERROR'],
  [0x00000200, 'RFCA_ERROR'],
  [0x00000400, 'RF_OFF_ERROR'],
  [0x00000800, 'TRANSMIT_TIMEOUT_ERROR'],
  [0x80000000, 'RECEIVE_LENGTH_ERROR'],
];

export function commStatusNames(status: number): string[] {
  const names = COMM_STATUS_BITS.filter(([bit]) => (status & bit) >>> 0 !== 0).map(([, n]) => n);
  return names.length || status === 0 ? names : [`0x${status.toString(16).padStart(8, '0').toUpperCase()}`];
}

/** Bits that mean "an answer came but broken": recoverable by ISO-DEP (ISO/IEC 14443-4 rule 4). */
const TRANSMISSION_BITS = 0x00000001 | 0x00000002 | 0x00000004 | 0x00000008 | 0x00000010 | 0x80000000;
const TIMEOUT_BIT = 0x00000080;

/**
 * InSetRF settings for Type B (nfcpy in_set_rf "106B" (3,7,15,7), "212B" (3,8,15,8), "424B"
 * (3,9,15,9)): send set number and comm type from the PCD→PICC rate, receive pair from the other.
 */
const TYPE_B_RF: Readonly<Partial<Record<BitRate, readonly [number, number]>>> = { 106: [3, 7], 212: [3, 8], 424: [3, 9] };
const RECEIVE_SET = 15;

export const TYPE_B_RATES: readonly BitRate[] = [106, 212, 424];

export function inSetRfTypeB(pcdToPicc: BitRate, piccToPcd: BitRate): Bytes {
  const send = TYPE_B_RF[pcdToPicc];
  const recv = TYPE_B_RF[piccToPcd];
  if (!send || !recv) throw new RangeError(`Port-100 has no Type B setting for ${pcdToPicc}/${piccToPcd} kbit/s`);
  return Uint8Array.of(send[0], send[1], RECEIVE_SET, recv[1]);
}

/** nfcpy Chipset.in_set_protocol_defaults (key, value pairs; add_crc 1, check_crc 1, …). */
export const IN_SET_PROTOCOL_DEFAULTS: Bytes = fromHex('00 18 01 01 02 01 03 00 04 00 05 00 06 00 07 08 08 00 09 00 0A 00 0B 00 0C 00 0E 04 0F 00 10 00 11 00 12 00 13 06');

/**
 * The Type B additions, in nfcpy's (sorted-by-name) order: add_eof 1, add_sof 1, check_eof 1,
 * check_sof 1, initial_guard_time 20 (rcs380.py sense_ttb; port100.c NFCB uses the same values).
 */
export const IN_SET_PROTOCOL_TYPE_B: Bytes = fromHex('0B 01 09 01 0C 01 0A 01 00 14');

/** InCommRF timeout in 0.1 ms units: (ms + 1) × 10, at most 0xFFFF (nfcpy rcs380.py in_comm_rf). */
export function inCommRfTimeout(timeoutMs: number): number {
  const ms = Math.ceil(timeoutMs);
  return Math.min((ms + (ms > 0 ? 1 : 0)) * 10, 0xffff);
}

export function inCommRfParams(frame: Uint8Array, timeoutMs: number): Bytes {
  return concat(u16le(inCommRfTimeout(timeoutMs)), frame);
}

/**
 * The InCommRF answer: status u32 LE, one byte (08 in every answer seen — the corpus log and nfcpy's
 * tests; we read it as "valid bits in the last byte", UNCONFIRMED), then the card's frame. Errors map
 * to the RfLink codes ISO-DEP recovers from; the rest are reader faults.
 */
export function parseInCommRf(data: Uint8Array): Bytes {
  if (data.length < 4) throw new LensError('port100-bad-frame', {}, { detail: `InCommRF answer of ${data.length} bytes` });
  const status = readU32le(data, 0);
  if (status === 0) return data.slice(5);
  const name = commStatusNames(status).join('|');
  if ((status & TRANSMISSION_BITS) >>> 0 !== 0) throw new LensError('rf-transmission-error', { name });
  if (status === TIMEOUT_BIT) throw new LensError('rf-timeout', {});
  throw new LensError('port100-rf-error', { name });
}

/** GetFirmwareVersion answers `minor major` in BCD-ish hex (corpus log: `11 01` = 1.11). */
export function firmwareVersion(data: Uint8Array): string {
  if (data.length < 2) return '?';
  return `${data[1].toString(16)}.${data[0].toString(16).padStart(2, '0')}`;
}
