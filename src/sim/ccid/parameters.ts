/**
 * Protocol data structures of GetParameters / SetParameters / ResetParameters (USB CCID Rev 1.10
 * §6.1.7, Tables 6.1-8 and 6.1-9) as the reader keeps them per slot, and the checks a reader makes on
 * a SetParameters (a bad field fails with bError = its offset in the message, §6.2.6).
 */
import type { AtrFacts } from './atr-facts';
import { FEATURE } from './class-descriptor';

export interface SlotParameters {
  /** 0 = T=0, 1 = T=1 */
  readonly protocol: 0 | 1;
  /** 5 bytes for T=0, 7 for T=1 */
  readonly data: Uint8Array;
}

/** ISO/IEC 7816-3:2006 Table 7 (Fi) and Table 8 (Di); 0 marks an RFU index. */
const FI = [372, 372, 558, 744, 1116, 1488, 1860, 0, 0, 512, 768, 1024, 1536, 2048, 0, 0];
const DI = [0, 1, 2, 4, 8, 16, 32, 64, 12, 20, 0, 0, 0, 0, 0, 0];

export function fiOf(fiDi: number): number {
  return FI[fiDi >> 4];
}
export function diOf(fiDi: number): number {
  return DI[fiDi & 0x0f];
}

/** The parameters a reader sets from the ATR at activation (§6.1.1 with dwFeatures bit 0x02). */
export function parametersFromAtr(atr: AtrFacts, features: number, readerProtocols: number): SlotParameters {
  // §8.2.3: the first protocol the card offers is its default; take the first one the reader has.
  const t1 = atr.protocols.find((p) => p <= 1 && (readerProtocols & (1 << p)) !== 0) === 1;
  // In specific mode the card runs at TA1 at once; a reader doing automatic PPS also reaches TA1.
  const negotiated = atr.specificMode || (features & (FEATURE.autoPps | FEATURE.autoParameterNegotiation)) !== 0;
  const fiDi = negotiated && fiOf(atr.ta1) && diOf(atr.ta1) ? atr.ta1 : 0x11;
  if (t1) {
    return { protocol: 1, data: Uint8Array.of(fiDi, 0x10 | (atr.edc === 'crc' ? 1 : 0), atr.tc1, atr.waitingIntegers, 0x00, atr.ifsc, 0x00) };
  }
  return { protocol: 0, data: Uint8Array.of(fiDi, 0x00, atr.tc1, 0x0a, 0x00) };
}

/** Parameters before any card was activated (the §6.1.7 defaults: Fd/Dd, LRC, BWI 4 CWI 13, IFSC 32). */
export function defaultParameters(readerProtocols: number): SlotParameters {
  if (readerProtocols & 1) return { protocol: 0, data: Uint8Array.of(0x11, 0x00, 0x00, 0x0a, 0x00) };
  return { protocol: 1, data: Uint8Array.of(0x11, 0x10, 0x00, 0x4d, 0x00, 0x20, 0x00) };
}

/**
 * Check a SetParameters message. Returns 'ok' or the bError offset of the first bad field:
 * 7 bProtocolNum not offered, 1 dwLength not the structure's size, 10 bmFindexDindex with an RFU Fi or
 * Di, 11 bmTCCKST0/1 outside its allowed values, 13 BWI above 9, 14 bClockStop above 3, 15 bIFSC 00 or
 * FF, 16 bNadValue ≠ 0 on a reader without the NAD feature (0x200).
 */
export function checkSetParameters(protocol: number, data: Uint8Array, readerProtocols: number, features: number): 'ok' | number {
  if (protocol > 1 || !(readerProtocols & (1 << protocol))) return 7;
  if (data.length !== (protocol === 1 ? 7 : 5)) return 1;
  if (!fiOf(data[0]) || !diOf(data[0])) return 10;
  if (protocol === 0) {
    if ((data[1] & ~0x02) !== 0) return 11;
    if (data[4] > 3) return 14;
    return 'ok';
  }
  if ((data[1] & ~0x03) !== 0x10) return 11;
  if (data[3] >> 4 > 9) return 13;
  if (data[4] > 3) return 14;
  if (data[5] === 0 || data[5] === 0xff) return 15;
  if (data[6] !== 0 && !(features & FEATURE.nadOtherThanZero)) return 16;
  return 'ok';
}
