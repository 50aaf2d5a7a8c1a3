/**
 * Answer-to-Reset parser, ISO/IEC 7816-3:2006 §8.2 (structure) and §8.3 (global interface bytes),
 * §10.2 (T=0 WI), §11.4 (T=1 IFSC, BWI/CWI, EDC). The bytes are the ones a CCID reader hands
 * over, already decoded from the line convention.
 */
import { LensError } from '../../errors';
import { decodeHistoricalBytes, type HistoricalBytes } from './historical';
import { DEFAULT_TA1, DI_TABLE, FI_TABLE, T1_DEFAULTS } from './tables';

/** Interface bytes of one group i (TAi TBi TCi TDi), i counted from 1. */
export interface AtrGroup {
  readonly index: number;
  /** Protocol the group's TA/TB/TC belong to: undefined for group 1 (global), else T of TD(i−1). */
  readonly protocol?: number;
  readonly ta?: number;
  readonly tb?: number;
  readonly tc?: number;
  readonly td?: number;
}

export interface AtrT1Parameters {
  /** IFSC from the first TAi (i ≥ 3) for T=1; default 32 (§11.4.2) */
  readonly ifsc: number;
  readonly ifscFromAtr: boolean;
  /** BWI/CWI from the first TBi (i ≥ 3) for T=1; defaults 4 / 13 (§11.4.3) */
  readonly bwi: number;
  readonly cwi: number;
  /** From bit 1 of the first TCi (i ≥ 3) for T=1; LRC by default (§11.4.4) */
  readonly edc: 'lrc' | 'crc';
  readonly tb?: number;
  readonly tc?: number;
}

/** Things that are not fatal but not as the standard says; keys are stable for the UI. */
export type AtrAnomaly =
  | 'fi-rfu'
  | 'di-rfu'
  | 'ifsc-rfu'
  | 'extra-bytes'
  | 'too-long'
  | 'tck-present-for-t0-only';

export interface Atr {
  readonly raw: Uint8Array;
  readonly ts: number;
  readonly convention: 'direct' | 'inverse';
  readonly t0: number;
  readonly groups: readonly AtrGroup[];
  readonly historical: HistoricalBytes;
  /** TCK byte, when present (it is absent only when T=0 alone is indicated) */
  readonly tck?: number;
  /** Transmission protocols offered, in ATR order (T=15 is not a protocol and is not listed). */
  readonly protocols: readonly number[];
  /** The first offered protocol (§8.2.3: T=0 when TD1 is absent). */
  readonly defaultProtocol: number;
  /** Global bytes for T=15 are present. */
  readonly t15: boolean;
  readonly global: {
    /** TA1 (or the default 0x11 when absent) */
    readonly ta1: number;
    readonly ta1Present: boolean;
    readonly fi?: number;
    readonly di?: number;
    readonly fmaxMHz?: number;
    /** TC1: extra guard time N (255 = minimum guard time; for T=1 11 etu characters) */
    readonly extraGuardTime: number;
    /** TA2: specific mode (the card runs this protocol only, no PPS) */
    readonly specificMode?: {
      readonly protocol: number;
      /** bit 8 = 0: the card can switch to negotiable mode (by a warm reset) */
      readonly canChangeMode: boolean;
      /** bit 5 = 1: Fi/Di are implicit, not those of TA1 */
      readonly implicitParameters: boolean;
    };
    /** TC2 for T=0: waiting time integer WI (default 10) */
    readonly t0WaitingIntegerWi: number;
    /** first TA for T=15: clock stop indicator X (bits 8–7) and class indicator Y (bits 6–1) */
    readonly clockStop?: 'not-supported' | 'low' | 'high' | 'no-preference';
    readonly classIndicator?: number;
    /** first TB for T=15: SPU */
    readonly spu?: number;
  };
  /** T=1 parameters, when T=1 is offered */
  readonly t1?: AtrT1Parameters;
  readonly anomalies: readonly AtrAnomaly[];
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

/**
 * Parse an ATR. Throws LensError `atr-bad-ts` (TS neither 3B nor 3F), `atr-truncated` (fewer
 * bytes than T0/TDi/K announce, or a missing TCK) or `atr-bad-tck` (XOR of T0…TCK is not 0).
 */
export function parseAtr(bytes: Uint8Array): Atr {
  if (bytes.length === 0) throw new LensError('atr-truncated', { expected: 2, got: 0 });
  const ts = bytes[0];
  // §8.1: TS = 3B is the direct convention, 3F the inverse one. A reader that reads an inverse
  // card in the direct convention would hand over 03, so name the byte in the error.
  if (ts !== 0x3b && ts !== 0x3f) throw new LensError('atr-bad-ts', { ts: hex(ts) });
  if (bytes.length < 2) throw new LensError('atr-truncated', { expected: 2, got: bytes.length });
  const t0 = bytes[1];
  const k = t0 & 0x0f;
  const groups: AtrGroup[] = [];
  const anomalies: AtrAnomaly[] = [];
  let pos = 2;
  let y = t0 >> 4;
  let protocol: number | undefined;
  const offered: number[] = [];
  let onlyT0 = true;
  for (let index = 1; ; index++) {
    const need = ((y >> 0) & 1) + ((y >> 1) & 1) + ((y >> 2) & 1) + ((y >> 3) & 1);
    if (pos + need > bytes.length) throw new LensError('atr-truncated', { expected: pos + need + k, got: bytes.length });
    const g: { index: number; protocol?: number; ta?: number; tb?: number; tc?: number; td?: number } = { index };
    if (protocol !== undefined) g.protocol = protocol;
    if (y & 0x1) g.ta = bytes[pos++];
    if (y & 0x2) g.tb = bytes[pos++];
    if (y & 0x4) g.tc = bytes[pos++];
    if (y & 0x8) g.td = bytes[pos++];
    groups.push(g);
    if (g.td === undefined) break;
    protocol = g.td & 0x0f;
    if (protocol !== 0) onlyT0 = false;
    if (protocol !== 15 && !offered.includes(protocol)) offered.push(protocol);
    y = g.td >> 4;
  }
  if (pos + k > bytes.length) throw new LensError('atr-truncated', { expected: pos + k + (onlyT0 ? 0 : 1), got: bytes.length });
  const historicalRaw = bytes.slice(pos, pos + k);
  pos += k;

  // §8.2.5: TCK is absent when only T=0 is indicated, present otherwise; XOR of T0…TCK is 0.
  let tck: number | undefined;
  if (!onlyT0) {
    if (pos >= bytes.length) throw new LensError('atr-truncated', { expected: pos + 1, got: bytes.length });
    tck = bytes[pos];
    let x = 0;
    for (let i = 1; i <= pos; i++) x ^= bytes[i];
    if (x !== 0) {
      let want = 0;
      for (let i = 1; i < pos; i++) want ^= bytes[i];
      throw new LensError('atr-bad-tck', { tck: hex(tck), expected: hex(want) });
    }
    pos++;
  }
  if (pos < bytes.length) {
    // A T=0-only card that sends a TCK anyway: tolerated when it checks out.
    if (onlyT0 && bytes.length === pos + 1 && bytes.slice(1).reduce((a, b) => a ^ b, 0) === 0) anomalies.push('tck-present-for-t0-only');
    else anomalies.push('extra-bytes');
  }
  if (bytes.length > 33) anomalies.push('too-long');

  const g1 = groups[0];
  const g2 = groups[1] as AtrGroup | undefined;
  const ta1 = g1.ta ?? DEFAULT_TA1;
  const fiEntry = FI_TABLE[ta1 >> 4];
  const di = DI_TABLE[ta1 & 0x0f];
  if (!fiEntry) anomalies.push('fi-rfu');
  if (di === undefined) anomalies.push('di-rfu');
  const defaultProtocol = offered[0] ?? 0;
  const protocols = offered.length ? offered : [0];

  // Global bytes for T=15 (§8.3): the first TAi / TBi (i ≥ 3) after a TD indicating 15.
  const t15Groups = groups.filter((g) => g.index >= 3 && g.protocol === 15);
  const t15ta = t15Groups.find((g) => g.ta !== undefined)?.ta;
  const t15tb = t15Groups.find((g) => g.tb !== undefined)?.tb;
  const clockStops = ['not-supported', 'low', 'high', 'no-preference'] as const;

  const global: Atr['global'] = {
    ta1,
    ta1Present: g1.ta !== undefined,
    ...(fiEntry ? { fi: fiEntry.fi, fmaxMHz: fiEntry.fmaxMHz } : {}),
    ...(di !== undefined ? { di } : {}),
    extraGuardTime: g1.tc ?? 0,
    ...(g2?.ta !== undefined
      ? { specificMode: { protocol: g2.ta & 0x0f, canChangeMode: (g2.ta & 0x80) === 0, implicitParameters: (g2.ta & 0x10) !== 0 } }
      : {}),
    t0WaitingIntegerWi: g2?.tc ?? 10,
    ...(t15ta !== undefined ? { clockStop: clockStops[t15ta >> 6], classIndicator: t15ta & 0x3f } : {}),
    ...(t15tb !== undefined ? { spu: t15tb } : {}),
  };

  let t1: AtrT1Parameters | undefined;
  if (protocols.includes(1)) {
    // §11.4: T=1 specific bytes are TAi/TBi/TCi with i ≥ 3 after a TD(i−1) indicating T=1; only the
    // first of each counts.
    const t1Groups = groups.filter((g) => g.index >= 3 && g.protocol === 1);
    const ta = t1Groups.find((g) => g.ta !== undefined)?.ta;
    const tb = t1Groups.find((g) => g.tb !== undefined)?.tb;
    const tc = t1Groups.find((g) => g.tc !== undefined)?.tc;
    let ifsc: number = T1_DEFAULTS.ifsc;
    if (ta !== undefined) {
      // 0x01–0xFE are valid; 0x00 and 0xFF are RFU. libccid (src/openct/proto-t1.c) clamps 0xFF to
      // 254 and the card then works, so do the same; 0x00 falls back to the default.
      if (ta === 0x00) anomalies.push('ifsc-rfu');
      else if (ta === 0xff) {
        anomalies.push('ifsc-rfu');
        ifsc = 254;
      } else ifsc = ta;
    }
    t1 = {
      ifsc,
      ifscFromAtr: ta !== undefined && ta !== 0x00,
      bwi: tb !== undefined ? tb >> 4 : T1_DEFAULTS.bwi,
      cwi: tb !== undefined ? tb & 0x0f : T1_DEFAULTS.cwi,
      edc: tc !== undefined && (tc & 0x01) === 1 ? 'crc' : 'lrc',
      ...(tb !== undefined ? { tb } : {}),
      ...(tc !== undefined ? { tc } : {}),
    };
  }

  // PC/SC Part 3 Type B shape: T0 = 88 (TD1, 8 historical bytes), TD1 = 80, TD2 = 01, no other bytes.
  const g3 = groups[2] as AtrGroup | undefined;
  const typeBShape =
    t0 === 0x88 && g1.td === 0x80 && g2?.td === 0x01 && g3 !== undefined && groups.length === 3 &&
    g3.ta === undefined && g3.tb === undefined && g3.tc === undefined && g3.td === undefined;

  return {
    raw: bytes.slice(),
    ts,
    convention: ts === 0x3b ? 'direct' : 'inverse',
    t0,
    groups,
    historical: decodeHistoricalBytes(historicalRaw, typeBShape),
    ...(tck !== undefined ? { tck } : {}),
    protocols,
    defaultProtocol,
    t15: groups.some((g) => g.td !== undefined && (g.td & 0x0f) === 15),
    global,
    ...(t1 ? { t1 } : {}),
    anomalies,
  };
}
