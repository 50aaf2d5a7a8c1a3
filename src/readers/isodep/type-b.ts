/**
 * ISO/IEC 14443-3 Type B activation frames, initiator side, pure: REQB/WUPB, ATQB parsing, ATTRIB
 * and its answer. Frames are without CRC_B: the reader chip adds and checks it (iso14443-typeb.md).
 */
import { LensError } from '../../errors';
import { concat, type Bytes } from './bytes';

/** Bit rates in kbit/s (ISO/IEC 14443-3 §7.9.4: fc/128, fc/64, fc/32, fc/16). */
export type BitRate = 106 | 212 | 424 | 848;
export const BIT_RATES: readonly BitRate[] = [106, 212, 424, 848];

/** FSCI/FSDI → frame size in bytes (ISO/IEC 14443-4:2018 Table 1; 9–C added in 2018). */
export const FRAME_SIZES: readonly number[] = [16, 24, 32, 40, 48, 64, 96, 128, 256, 512, 1024, 2048, 4096];

export const fc = 13.56e6;

/** FWT = (256 × 16 / fc) × 2^FWI (ISO/IEC 14443-3 §7.9.4.3), in ms. */
export function fwtMs(fwi: number): number {
  return ((256 * 16) / fc) * 2 ** fwi * 1000;
}

/** ΔFWT the PCD adds before declaring a time-out (ISO/IEC 14443-4 §7.2; nfcpy tt4.py uses 49152/fc). */
export const DELTA_FWT_MS = (49152 / fc) * 1000;

export interface ReqbOptions {
  /** Application family identifier; 00 = every card (ISO/IEC 14443-3 §7.7.2). */
  readonly afi?: number;
  /** WUPB also wakes a card in HALT state (PARAM b4). */
  readonly wakeUp?: boolean;
  /** PARAM b5: the PCD accepts an extended ATQB (nfcpy sends PARAM 0x10, rcs380.py sense_ttb). */
  readonly extendedAtqb?: boolean;
}

/** REQB/WUPB `05 AFI PARAM` with one slot (N = 1, PARAM b3–b1 = 000). */
export function buildReqb(o: ReqbOptions = {}): Bytes {
  const param = (o.wakeUp ? 0x08 : 0) | (o.extendedAtqb ?? true ? 0x10 : 0);
  return Uint8Array.of(0x05, o.afi ?? 0, param);
}

export interface Atqb {
  readonly raw: Bytes;
  readonly pupi: Bytes;
  readonly applicationData: Bytes;
  /** the 3 (or 4, extended ATQB) protocol-info bytes */
  readonly protocolInfo: Bytes;
  /** Bit_Rate_capability b8: the same bit rate in both directions only */
  readonly sameRateBothWays: boolean;
  readonly piccToPcdRates: readonly BitRate[];
  readonly pcdToPiccRates: readonly BitRate[];
  readonly fsci: number;
  /** frame size the PICC accepts (FSC), capped at 256 for FSCI > 8 (see parseAtqb) */
  readonly fsc: number;
  /** Protocol_Type b1: ISO/IEC 14443-4 compliant */
  readonly isoDep: boolean;
  readonly fwi: number;
  readonly adc: number;
  readonly nadSupported: boolean;
  readonly cidSupported: boolean;
}

/**
 * ATQB `50 PUPI(4) AppData(4) ProtInfo(3|4)` (ISO/IEC 14443-3 §7.9). Byte 1 of the protocol info is
 * the bit-rate capability, byte 2 FSCI (high nibble) and protocol type (low), byte 3 FWI (high),
 * ADC (b4–b3), FO (b2 NAD, b1 CID).
 */
export function parseAtqb(frame: Uint8Array): Atqb {
  if (frame.length < 12 || frame.length > 13 || frame[0] !== 0x50) {
    throw new LensError('typeb-bad-atqb', { length: frame.length }, { detail: 'not an ATQB (50 + 11 or 12 bytes)' });
  }
  const raw = frame.slice();
  const [rates, sizeType, fwiByte] = [raw[9], raw[10], raw[11]];
  const picc: BitRate[] = [106];
  const pcd: BitRate[] = [106];
  if (rates & 0x10) picc.push(212);
  if (rates & 0x20) picc.push(424);
  if (rates & 0x40) picc.push(848);
  if (rates & 0x01) pcd.push(212);
  if (rates & 0x02) pcd.push(424);
  if (rates & 0x04) pcd.push(848);
  const fsci = sizeType >> 4;
  // FSCI 9–C are 2018 additions; our readers carry 256-byte frames at most, so cap there (nfcpy
  // tt4.py caps any FSCI > 8 to 8 as well). D–F are RFU.
  const fsc = FRAME_SIZES[Math.min(fsci, 8)];
  let fwi = fwiByte >> 4;
  // FWI 15 is RFU; ISO/IEC 14443-3 §7.9.4.3 says treat it as 4 (nfcpy does the same).
  if (fwi === 15) fwi = 4;
  return {
    raw,
    pupi: raw.slice(1, 5),
    applicationData: raw.slice(5, 9),
    protocolInfo: raw.slice(9),
    sameRateBothWays: (rates & 0x80) !== 0,
    piccToPcdRates: picc,
    pcdToPiccRates: pcd,
    fsci,
    fsc,
    isoDep: (sizeType & 0x01) === 1,
    fwi,
    adc: (fwiByte >> 2) & 0x03,
    nadSupported: (fwiByte & 0x02) !== 0,
    cidSupported: (fwiByte & 0x01) !== 0,
  };
}

export interface LinkRates {
  readonly pcdToPicc: BitRate;
  readonly piccToPcd: BitRate;
}

/**
 * The fastest rates both the card and the reader allow (ISO/IEC 14443-3 §7.10.4), never above
 * `limit`. With ATQB b8 set the card needs the same rate both ways.
 */
export function chooseRates(atqb: Atqb, readerRates: readonly BitRate[], limit: BitRate = 848): LinkRates {
  const best = (card: readonly BitRate[]) => Math.max(...card.filter((r) => readerRates.includes(r) && r <= limit)) as BitRate;
  let pcdToPicc = best(atqb.pcdToPiccRates);
  let piccToPcd = best(atqb.piccToPcdRates);
  if (atqb.sameRateBothWays) pcdToPicc = piccToPcd = Math.min(pcdToPicc, piccToPcd) as BitRate;
  return { pcdToPicc, piccToPcd };
}

const DIVISOR_CODE: Readonly<Record<BitRate, number>> = { 106: 0, 212: 1, 424: 2, 848: 3 };

/** The largest FSDI whose frame size fits `maxFrame` (FSDI 8 = 256 bytes, what we ask for). */
export function fsdiFor(maxFrame: number): number {
  let fsdi = 0;
  for (let i = 0; i <= 8; i++) if (FRAME_SIZES[i] <= maxFrame) fsdi = i;
  return fsdi;
}

/**
 * ATTRIB `1D PUPI Param1 Param2 Param3 Param4` (ISO/IEC 14443-3 §7.10): Param1 00 (default TR0/TR1,
 * SOF and EOF required), Param2 = b8–b7 PICC→PCD rate, b6–b5 PCD→PICC rate, b4–b1 FSDI, Param3 01
 * (ISO/IEC 14443-4), Param4 CID 0. nfcpy tt4.py Type4BTag sends `1D PUPI 00 08 01 00`.
 */
export function buildAttrib(pupi: Uint8Array, fsdi: number, rates: LinkRates = { pcdToPicc: 106, piccToPcd: 106 }): Bytes {
  const param2 = (DIVISOR_CODE[rates.piccToPcd] << 6) | (DIVISOR_CODE[rates.pcdToPicc] << 4) | (fsdi & 0x0f);
  return concat(0x1d, pupi, 0x00, param2, 0x01, 0x00);
}

export interface AttribResponse {
  readonly mbli: number;
  readonly cid: number;
  readonly raw: Bytes;
}

/** The answer to ATTRIB: `MBLI|CID` (+ higher-layer response, unused here). */
export function parseAttribResponse(frame: Uint8Array): AttribResponse {
  if (frame.length < 1) throw new LensError('typeb-attrib-failed', {}, { detail: 'empty answer to ATTRIB' });
  if ((frame[0] & 0x0f) !== 0) throw new LensError('typeb-attrib-failed', {}, { detail: `answer names CID ${frame[0] & 0x0f}, we assigned 0` });
  return { mbli: frame[0] >> 4, cid: frame[0] & 0x0f, raw: frame.slice() };
}
