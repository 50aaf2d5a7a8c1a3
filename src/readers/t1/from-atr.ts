/**
 * From a parsed ATR to what the T=1 host and the CCID layer need: the protocol check (T=0-only
 * cards are refused with a named error — JPKI Lens speaks T=1 only, and the My Number Card is T=1
 * only), the T=1 parameters, and the waiting times of ISO/IEC 7816-3:2006 §11.4.3.
 */
import { LensError } from '../../errors';
import type { Atr } from '../atr/parse-atr';
import type { T1Params } from './t1-host';

/** Throws `t0-not-supported` unless the card offers T=1 (and, in specific mode, runs T=1). */
export function requireT1(atr: Atr): void {
  const specific = atr.global.specificMode;
  if (!atr.protocols.includes(1) || (specific && specific.protocol !== 1)) {
    throw new LensError('t0-not-supported', { protocols: atr.protocols.map((p) => `T=${p}`).join(', ') });
  }
}

/** T1Host parameters for a card, after `requireT1`. */
export function t1ParamsFromAtr(atr: Atr, reader: { readerNegotiatesIfsd: boolean; maxIfsd?: number; nad?: number }): T1Params {
  requireT1(atr);
  const t1 = atr.t1!;
  return {
    ifsc: t1.ifsc,
    edc: t1.edc,
    readerNegotiatesIfsd: reader.readerNegotiatesIfsd,
    ...(reader.maxIfsd !== undefined ? { ifsd: Math.min(254, reader.maxIfsd) } : {}),
    ...(reader.nad !== undefined ? { nad: reader.nad } : {}),
  };
}

export interface T1Timing {
  /** elementary time unit in µs: Fi / (Di · f) */
  readonly etuUs: number;
  /** block waiting time (§11.4.3): 11 etu + 2^BWI · 960 · Fd / f, Fd = 372 */
  readonly bwtMs: number;
  /** character waiting time: (11 + 2^CWI) etu */
  readonly cwtMs: number;
}

/**
 * Waiting times at clock `clockKHz` (the reader's dwDefaultClock) with the Fi/Di in force (those of
 * TA1 after a PPS or in specific mode; the defaults 372/1 otherwise — pass `negotiated: false`).
 */
export function t1Timing(atr: Atr, clockKHz: number, negotiated = true): T1Timing {
  const t1 = atr.t1 ?? { bwi: 4, cwi: 13 };
  const fi = negotiated ? (atr.global.fi ?? 372) : 372;
  const di = negotiated ? (atr.global.di ?? 1) : 1;
  const f = clockKHz * 1000;
  const etuS = fi / (di * f);
  const bwtS = 11 * etuS + (2 ** t1.bwi * 960 * 372) / f;
  const cwtS = (11 + 2 ** t1.cwi) * etuS;
  const r = (x: number) => Math.round(x * 1e6) / 1e3;
  return { etuUs: Math.round(etuS * 1e9) / 1e3, bwtMs: r(bwtS), cwtMs: r(cwtS) };
}
