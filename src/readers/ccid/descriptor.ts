/**
 * The smart-card class functional descriptor (CCID Rev 1.10 §5.1, Table 5.1-1): 54 bytes, type 0x21,
 * little-endian. Feature bits as libccid names them (LudovicRousseau/CCID src/ccid.h CCID_CLASS_*,
 * src/parse.c); see ccid-webusb.md §1.1 for what the host does about each.
 */
import { LensError } from '../../errors';
import type { ExchangeLevel } from '../types';

export interface CcidFeatures {
  readonly autoConfigFromAtr: boolean; // 0x00000002
  readonly autoActivation: boolean; // 0x00000004
  readonly autoVoltage: boolean; // 0x00000008
  readonly autoClock: boolean; // 0x00000010
  readonly autoBaud: boolean; // 0x00000020
  readonly autoParameterNegotiation: boolean; // 0x00000040 (proprietary): no PPS, no SetParameters
  readonly autoPps: boolean; // 0x00000080: no PPS, still SetParameters
  readonly clockStop: boolean; // 0x00000100
  readonly nadOtherThanZero: boolean; // 0x00000200
  readonly autoIfsd: boolean; // 0x00000400: the reader sends S(IFS request) itself
  readonly iccdToken: boolean; // 0x00000800
  readonly usbWakeUp: boolean; // 0x00100000
}

export interface CcidDescriptor {
  readonly bcdCCID: number;
  readonly maxSlotIndex: number;
  readonly slots: number;
  /** bit0 5 V, bit1 3 V, bit2 1.8 V */
  readonly voltageSupport: number;
  readonly voltages: readonly ('5V' | '3V' | '1.8V')[];
  readonly protocolsMask: number;
  readonly protocols: readonly ('T=0' | 'T=1')[];
  readonly defaultClockKhz: number;
  readonly maximumClockKhz: number;
  readonly numClockSupported: number;
  readonly dataRate: number;
  readonly maxDataRate: number;
  readonly numDataRatesSupported: number;
  readonly maxIfsd: number;
  readonly synchProtocols: number;
  readonly mechanical: number;
  readonly featuresMask: number;
  readonly features: CcidFeatures;
  readonly exchangeLevel: ExchangeLevel;
  /** header (10) + abData, largest */
  readonly maxMessageLength: number;
  readonly classGetResponse: number;
  readonly classEnvelope: number;
  readonly lcdLayout: { readonly lines: number; readonly characters: number };
  readonly pinSupport: { readonly verify: boolean; readonly modify: boolean };
  readonly maxBusySlots: number;
}

export const FEATURE = {
  autoConfigFromAtr: 0x2,
  autoActivation: 0x4,
  autoVoltage: 0x8,
  autoClock: 0x10,
  autoBaud: 0x20,
  autoParameterNegotiation: 0x40,
  autoPps: 0x80,
  clockStop: 0x100,
  nadOtherThanZero: 0x200,
  autoIfsd: 0x400,
  iccdToken: 0x800,
  usbWakeUp: 0x100000,
} as const;

export const EXCHANGE_LEVEL_MASK = 0x00070000;

/** dwFeatures' level bits (CCID §5.1; libccid CCID_CLASS_CHARACTER/TPDU/SHORT_APDU/EXTENDED_APDU). */
export function exchangeLevelOf(features: number): ExchangeLevel {
  const level = features & EXCHANGE_LEVEL_MASK;
  if (level & 0x40000) return 'extended-apdu';
  if (level & 0x20000) return 'short-apdu';
  if (level & 0x10000) return 'tpdu';
  return 'character';
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

export function parseCcidDescriptor(bytes: Uint8Array): CcidDescriptor {
  // Type 0x21 per CCID §5.1; a few vendor-class readers (Dell SK-3106, Gemalto e-Seal, Verisign
  // tokens in libccid readers/) use 0xFF, and libccid accepts any 54-byte block (ccid_usb.c).
  if (bytes.length < 54 || bytes[0] !== 0x36 || (bytes[1] !== 0x21 && bytes[1] !== 0xff)) {
    throw new LensError('reader-protocol-error', { what: 'CCID class descriptor' }, { detail: `bLength ${bytes[0]} type ${bytes[1]} (${bytes.length} bytes)` });
  }
  const featuresMask = u32(bytes, 40);
  const features = Object.fromEntries(Object.entries(FEATURE).map(([k, m]) => [k, (featuresMask & m) !== 0])) as unknown as CcidFeatures;
  const voltageSupport = bytes[5];
  const protocolsMask = u32(bytes, 6);
  return {
    bcdCCID: u16(bytes, 2),
    maxSlotIndex: bytes[4],
    slots: bytes[4] + 1,
    voltageSupport,
    voltages: (['5V', '3V', '1.8V'] as const).filter((_, i) => voltageSupport & (1 << i)),
    protocolsMask,
    protocols: (['T=0', 'T=1'] as const).filter((_, i) => protocolsMask & (1 << i)),
    defaultClockKhz: u32(bytes, 10),
    maximumClockKhz: u32(bytes, 14),
    numClockSupported: bytes[18],
    dataRate: u32(bytes, 19),
    maxDataRate: u32(bytes, 23),
    numDataRatesSupported: bytes[27],
    maxIfsd: u32(bytes, 28),
    synchProtocols: u32(bytes, 32),
    mechanical: u32(bytes, 36),
    featuresMask,
    features,
    exchangeLevel: exchangeLevelOf(featuresMask),
    maxMessageLength: u32(bytes, 44),
    classGetResponse: bytes[48],
    classEnvelope: bytes[49],
    lcdLayout: { lines: bytes[51], characters: bytes[50] },
    pinSupport: { verify: (bytes[52] & 1) !== 0, modify: (bytes[52] & 2) !== 0 },
    maxBusySlots: bytes[53],
  };
}

/**
 * The 54 bytes back from a parsed descriptor (the inverse of parseCcidDescriptor, with bDescriptorType
 * 0x21): the reader report carries these so a replay can present the same descriptor to the host.
 */
export function encodeCcidDescriptor(d: CcidDescriptor): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(54);
  const v = new DataView(b.buffer);
  b[0] = 0x36;
  b[1] = 0x21;
  v.setUint16(2, d.bcdCCID, true);
  b[4] = d.maxSlotIndex;
  b[5] = d.voltageSupport;
  v.setUint32(6, d.protocolsMask, true);
  v.setUint32(10, d.defaultClockKhz, true);
  v.setUint32(14, d.maximumClockKhz, true);
  b[18] = d.numClockSupported;
  v.setUint32(19, d.dataRate, true);
  v.setUint32(23, d.maxDataRate, true);
  b[27] = d.numDataRatesSupported;
  v.setUint32(28, d.maxIfsd, true);
  v.setUint32(32, d.synchProtocols, true);
  v.setUint32(36, d.mechanical, true);
  v.setUint32(40, d.featuresMask, true);
  v.setUint32(44, d.maxMessageLength, true);
  b[48] = d.classGetResponse;
  b[49] = d.classEnvelope;
  b[50] = d.lcdLayout.characters;
  b[51] = d.lcdLayout.lines;
  b[52] = (d.pinSupport.verify ? 1 : 0) | (d.pinSupport.modify ? 2 : 0);
  b[53] = d.maxBusySlots;
  return b;
}
