/**
 * The 54-byte smart-card class descriptor (bDescriptorType 0x21), built from its fields as a reader's
 * firmware holds them (USB CCID Rev 1.10 §5.1, Table 5.1-1). Offsets, little-endian:
 * 0 bLength, 1 bDescriptorType, 2 bcdCCID, 4 bMaxSlotIndex, 5 bVoltageSupport, 6 dwProtocols,
 * 10 dwDefaultClock, 14 dwMaximumClock, 18 bNumClockSupported, 19 dwDataRate, 23 dwMaxDataRate,
 * 27 bNumDataRatesSupported, 28 dwMaxIFSD, 32 dwSynchProtocols, 36 dwMechanical, 40 dwFeatures,
 * 44 dwMaxCCIDMessageLength, 48 bClassGetResponse, 49 bClassEnvelope, 50 wLcdLayout, 52 bPINSupport,
 * 53 bMaxCCIDBusySlots.
 */
import { u32le } from './messages';

export interface CcidClassFields {
  /** BCD, e.g. 0x0110 for 1.10 */
  readonly bcdCCID: number;
  readonly maxSlotIndex: number;
  /** bit0 5 V, bit1 3 V, bit2 1.8 V */
  readonly voltageSupport: number;
  /** bit0 T=0, bit1 T=1 */
  readonly protocols: number;
  readonly defaultClockKhz: number;
  readonly maximumClockKhz: number;
  readonly numClockSupported: number;
  readonly dataRate: number;
  readonly maxDataRate: number;
  readonly numDataRatesSupported: number;
  readonly maxIfsd: number;
  readonly synchProtocols: number;
  readonly mechanical: number;
  readonly features: number;
  readonly maxMessageLength: number;
  readonly classGetResponse: number;
  readonly classEnvelope: number;
  readonly lcdLayout: number;
  readonly pinSupport: number;
  readonly maxBusySlots: number;
}

/** dwFeatures bits the reader double acts on (§5.1; names as in LudovicRousseau/CCID src/ccid.h). */
export const FEATURE = {
  autoConfigFromAtr: 0x02,
  autoActivation: 0x04,
  autoVoltage: 0x08,
  autoClock: 0x10,
  autoBaud: 0x20,
  autoParameterNegotiation: 0x40,
  autoPps: 0x80,
  clockStop: 0x100,
  nadOtherThanZero: 0x200,
  autoIfsd: 0x400,
  levelMask: 0x70000,
  tpdu: 0x10000,
  shortApdu: 0x20000,
  extendedApdu: 0x40000,
} as const;

export type ExchangeLevel = 'character' | 'tpdu' | 'short-apdu' | 'extended-apdu';

export function exchangeLevelOf(features: number): ExchangeLevel {
  const level = features & FEATURE.levelMask;
  if (level === FEATURE.extendedApdu) return 'extended-apdu';
  if (level === FEATURE.shortApdu) return 'short-apdu';
  if (level === FEATURE.tpdu) return 'tpdu';
  return 'character';
}

export function buildCcidClassDescriptor(f: CcidClassFields): Uint8Array {
  const bytes = [
    0x36,
    0x21,
    f.bcdCCID & 0xff,
    f.bcdCCID >> 8,
    f.maxSlotIndex,
    f.voltageSupport,
    ...u32le(f.protocols),
    ...u32le(f.defaultClockKhz),
    ...u32le(f.maximumClockKhz),
    f.numClockSupported,
    ...u32le(f.dataRate),
    ...u32le(f.maxDataRate),
    f.numDataRatesSupported,
    ...u32le(f.maxIfsd),
    ...u32le(f.synchProtocols),
    ...u32le(f.mechanical),
    ...u32le(f.features),
    ...u32le(f.maxMessageLength),
    f.classGetResponse,
    f.classEnvelope,
    f.lcdLayout & 0xff,
    f.lcdLayout >> 8,
    f.pinSupport,
    f.maxBusySlots,
  ];
  if (bytes.length !== 54) throw new Error(`sim: CCID class descriptor is ${bytes.length} bytes`);
  return Uint8Array.from(bytes);
}
