/**
 * What to do after the ATR, decided from the CCID descriptor and the ATR alone (pure):
 * protocol choice, PPS or not, SetParameters or not and its bytes, and the read timeout.
 * libccid is the model: LudovicRousseau/CCID src/ifdhandler.c IFDHSetProtocolParameters,
 * src/towitoko/pps.c; ccid-webusb.md §1.6, §1.8.
 */
import { LensError } from '../../errors';
import { DI_TABLE, FI_TABLE, type Atr } from '../atr';
import type { CcidDescriptor } from './descriptor';

export interface ProtocolPlan {
  readonly protocol: 0 | 1;
  /** TA1 value to use (PPS1 and bmFindexDindex); 0x11 when staying at the default rate */
  readonly fiDi: number;
  /** send a PPS request ourselves */
  readonly pps: boolean;
  /** send PC_to_RDR_SetParameters */
  readonly setParameters: boolean;
  /** F, D, the resulting data rate (bps) at the default clock */
  readonly f: number;
  readonly d: number;
  readonly clockKhz: number;
  readonly bps: number;
}

const DEFAULT_TA1 = 0x11;

/** F, D and the bit rate (bps) of a TA1 value at a clock (ISO/IEC 7816-3 §7.1: etu = F / (D·f)). */
export function rateOf(ta1: number, clockKhz: number): { f: number; d: number; bps: number } | undefined {
  const f = FI_TABLE[ta1 >> 4]?.fi;
  const d = DI_TABLE[ta1 & 0x0f];
  if (!f || !d) return undefined;
  return { f, d, bps: Math.floor((clockKhz * 1000 * d) / f) };
}

/**
 * The fastest usable TA1 not above the card's: libccid lowers Di while the rate exceeds
 * dwMaxDataRate or is missing from the GET_DATA_RATES list (src/ifdhandler.c, "TA1 too fast").
 */
export function usableFiDi(atr: Atr, d: CcidDescriptor, dataRates?: readonly number[]): number {
  const ta1 = atr.global.ta1Present ? atr.global.ta1 : DEFAULT_TA1;
  const clock = d.defaultClockKhz;
  const ok = (t: number) => {
    const r = rateOf(t, clock);
    if (!r || r.bps > d.maxDataRate) return false;
    // libccid tolerates 1 bps rounding differences when matching the list (find_baud_rate)
    return !dataRates?.length || dataRates.some((x) => Math.abs(x - r.bps) <= 2);
  };
  for (let t = ta1; (t & 0x0f) >= 1; t--) if (ok(t)) return t;
  return DEFAULT_TA1;
}

export function planProtocol(atr: Atr, d: CcidDescriptor, dataRates?: readonly number[]): ProtocolPlan {
  const offered = atr.protocols;
  const specific = atr.global.specificMode;
  const canT1 = d.protocols.includes('T=1') && offered.includes(1);
  const canT0 = d.protocols.includes('T=0') && offered.includes(0);
  let protocol: 0 | 1;
  if (specific) {
    // TA2 present: the card runs only that protocol, with no PPS (ISO/IEC 7816-3 §6.3.1).
    if (specific.protocol !== 0 && specific.protocol !== 1) throw new LensError('card-protocol-unsupported', { protocol: `T=${specific.protocol}` });
    protocol = specific.protocol;
    if (!d.protocols.includes(`T=${protocol}`)) throw new LensError('card-protocol-unsupported', { protocol: `T=${protocol}` });
  } else if (canT1) protocol = 1;
  else if (canT0) protocol = 0;
  else throw new LensError('card-protocol-unsupported', { protocol: offered.map((p) => `T=${p}`).join(', ') });

  const features = d.features;
  const fiDi = specific ? (specific.implicitParameters ? DEFAULT_TA1 : atr.global.ta1) : usableFiDi(atr, d, dataRates);
  const rate = rateOf(fiDi, d.defaultClockKhz) ?? { f: 372, d: 1, bps: Math.floor((d.defaultClockKhz * 1000) / 372) };
  const plan = { protocol, fiDi, f: rate.f, d: rate.d, clockKhz: d.defaultClockKhz, bps: rate.bps };
  if (features.autoParameterNegotiation) return { ...plan, pps: false, setParameters: false };
  const needsPps = !specific && (protocol !== atr.defaultProtocol || fiDi !== DEFAULT_TA1);
  return { ...plan, pps: needsPps && !features.autoPps, setParameters: true };
}

/** PPS request (ISO/IEC 7816-3 §9.2): FF PPS0 [PPS1] PCK, PPS1 only when not the default rate. */
export function ppsRequest(protocol: 0 | 1, fiDi: number): Uint8Array {
  const bytes = fiDi === DEFAULT_TA1 ? [0xff, protocol] : [0xff, 0x10 | protocol, fiDi];
  return Uint8Array.from([...bytes, bytes.reduce((a, b) => a ^ b, 0)]);
}

/** §9.3: a successful PPS is echoed; PPS1 absent from the answer means the default Fi/Di. */
export function ppsAccepted(request: Uint8Array, response: Uint8Array): { ok: boolean; fiDi: number } {
  if (response.length < 3 || response[0] !== 0xff || (response[1] & 0x0f) !== (request[1] & 0x0f)) return { ok: false, fiDi: DEFAULT_TA1 };
  if (response.reduce((a, b) => a ^ b, 0) !== 0) return { ok: false, fiDi: DEFAULT_TA1 };
  const hasPps1 = (response[1] & 0x10) !== 0;
  if (hasPps1 && response[2] !== request[2]) return { ok: false, fiDi: DEFAULT_TA1 };
  return { ok: true, fiDi: hasPps1 ? response[2] : DEFAULT_TA1 };
}

/** CCID §6.1.7 protocol data structure: T=1 7 bytes, T=0 5 bytes (libccid's defaults and fill-in). */
export function parameterStructure(atr: Atr, plan: ProtocolPlan): Uint8Array {
  const inverse = atr.convention === 'inverse' ? 0x02 : 0;
  const guard = atr.global.extraGuardTime;
  if (plan.protocol === 1) {
    const t1 = atr.t1;
    const crc = t1?.edc === 'crc' ? 0x01 : 0;
    const bwiCwi = ((t1?.bwi ?? 4) << 4) | (t1?.cwi ?? 13);
    return Uint8Array.from([plan.fiDi, 0x10 | crc | inverse, guard, bwiCwi, 0x00, t1?.ifsc ?? 32, 0x00]);
  }
  return Uint8Array.from([plan.fiDi, inverse, guard, atr.global.t0WaitingIntegerWi, 0x00]);
}

/**
 * Read timeout after protocol selection, after libccid src/ifdhandler.c: T=0
 * max(3 s, 261·EGT + 6·WWT, 5·EGT + 260·WWT); etu = F/(D·f). For T=1 libccid adds 260·CWT, which
 * with the default CWI 13 is 260 × 0.63 s ≈ 165 s at 4.8 MHz; we bound a block by BWT + 260·EGT
 * + 1 s instead (characters of a block follow each other at the guard time, not at CWT).
 */
export function protocolTimeoutMs(atr: Atr, plan: ProtocolPlan): number {
  const f = plan.clockKhz * 1000;
  const etu = plan.f / plan.d / f;
  const egt = 12 * etu + (plan.f / plan.d) * (atr.global.extraGuardTime === 255 ? 0 : atr.global.extraGuardTime) / f;
  if (plan.protocol === 1) {
    const bwi = atr.t1?.bwi ?? 4;
    const bwt = 11 * etu + (2 ** bwi * 960 * 372) / f;
    return Math.ceil((260 * egt + bwt + 1) * 1000);
  }
  const wwt = (960 * atr.global.t0WaitingIntegerWi * plan.f) / f;
  return Math.ceil(Math.max(3, 261 * egt + 6 * wwt, 5 * egt + 260 * wwt) * 1000);
}
