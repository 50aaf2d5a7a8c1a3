/**
 * T=1 block codec, ISO/IEC 7816-3:2006 §11.3: prologue (NAD, PCB, LEN), information field,
 * epilogue (EDC). Pure: bytes in, structure out, and back.
 */
import { computeEdc, edcLength, type EdcKind } from './edc';

/** S-block types (PCB bits 5–1), §11.3.2.2 Table 15. */
export type SBlockType = 'resynch' | 'ifs' | 'abort' | 'wtx';
const S_TYPES: readonly SBlockType[] = ['resynch', 'ifs', 'abort', 'wtx'];

/** R-block error indication (PCB bits 4–1): 0 none, 1 EDC/parity error, 2 other error. */
export type RBlockError = 'none' | 'edc' | 'other';

export type T1Block =
  | { readonly kind: 'I'; readonly ns: 0 | 1; readonly more: boolean; readonly inf: Uint8Array }
  | { readonly kind: 'R'; readonly nr: 0 | 1; readonly error: RBlockError }
  | { readonly kind: 'S'; readonly type: SBlockType; readonly response: boolean; readonly inf: Uint8Array };

export interface RawBlock {
  readonly nad: number;
  readonly pcb: number;
  readonly inf?: Uint8Array;
}

export type DecodeResult =
  | { readonly ok: true; readonly nad: number; readonly pcb: number; readonly inf: Uint8Array; readonly block: T1Block }
  | {
      readonly ok: false;
      /** which R-block error bits report this failure (§11.6.3 rule 7.1) */
      readonly error: 'edc' | 'other';
      readonly reason: 'too-short' | 'length-mismatch' | 'len-reserved' | 'bad-edc' | 'bad-pcb' | 'bad-len-for-pcb';
    };

/** Largest information field: LEN = 0xFF is RFU (§11.3.2.3), so 254. */
export const MAX_INF = 254;

export function iBlockPcb(ns: 0 | 1, more: boolean): number {
  return (ns << 6) | (more ? 0x20 : 0);
}

export function rBlockPcb(nr: 0 | 1, error: RBlockError): number {
  return 0x80 | (nr << 4) | (error === 'edc' ? 0x01 : error === 'other' ? 0x02 : 0x00);
}

export function sBlockPcb(type: SBlockType, response: boolean): number {
  return 0xc0 | (response ? 0x20 : 0) | S_TYPES.indexOf(type);
}

/** NAD PCB LEN INF EDC. */
export function encodeBlock(raw: RawBlock, edc: EdcKind): Uint8Array {
  const inf = raw.inf ?? new Uint8Array(0);
  if (inf.length > MAX_INF) throw new RangeError(`T=1 information field of ${inf.length} bytes (max ${MAX_INF})`);
  // One buffer, EDC computed over its prologue + INF view: the INF may be a PIN, and a caller that
  // wipes the block it sent must be wiping the only copy made here.
  const out = new Uint8Array(3 + inf.length + edcLength(edc));
  out[0] = raw.nad;
  out[1] = raw.pcb;
  out[2] = inf.length;
  out.set(inf, 3);
  out.set(computeEdc(edc, out.subarray(0, 3 + inf.length)), 3 + inf.length);
  return out;
}

/** The meaning of a PCB, or undefined when it is not a valid coding. */
export function decodePcb(pcb: number, inf: Uint8Array): T1Block | undefined {
  if ((pcb & 0x80) === 0) {
    // I-block: b7 N(S), b6 M; b5–b1 RFU. RFU bits are ignored: the EDC already vouches for the
    // block, so a set RFU bit is the card's doing, not line noise.
    return { kind: 'I', ns: ((pcb >> 6) & 1) as 0 | 1, more: (pcb & 0x20) !== 0, inf };
  }
  if ((pcb & 0xc0) === 0x80) {
    // R-block: 10 0 N(R) eeee
    if (pcb & 0x20) return undefined;
    const code = pcb & 0x0f;
    if (code > 2) return undefined;
    return { kind: 'R', nr: ((pcb >> 4) & 1) as 0 | 1, error: code === 0 ? 'none' : code === 1 ? 'edc' : 'other' };
  }
  const t = pcb & 0x1f;
  if (t > 3) return undefined;
  return { kind: 'S', type: S_TYPES[t], response: (pcb & 0x20) !== 0, inf };
}

/**
 * Check and decode one whole block. Any failure is reported with the R-block error it calls for:
 * a wrong EDC is an "EDC error", everything else an "other error" (§11.6.3 rule 7.1).
 */
export function decodeBlock(bytes: Uint8Array, edc: EdcKind): DecodeResult {
  const n = edcLength(edc);
  if (bytes.length < 3 + n) return { ok: false, error: 'other', reason: 'too-short' };
  const len = bytes[2];
  if (len === 0xff) return { ok: false, error: 'other', reason: 'len-reserved' };
  if (bytes.length !== 3 + len + n) return { ok: false, error: 'other', reason: 'length-mismatch' };
  const body = bytes.subarray(0, 3 + len);
  const want = computeEdc(edc, body);
  for (let i = 0; i < n; i++) if (bytes[3 + len + i] !== want[i]) return { ok: false, error: 'edc', reason: 'bad-edc' };
  const inf = bytes.slice(3, 3 + len);
  const block = decodePcb(bytes[1], inf);
  if (!block) return { ok: false, error: 'other', reason: 'bad-pcb' };
  // §11.3.2.2: R-blocks carry no INF; S(IFS) and S(WTX) one byte; S(RESYNCH) and S(ABORT) none.
  if (block.kind === 'R' && len !== 0) return { ok: false, error: 'other', reason: 'bad-len-for-pcb' };
  if (block.kind === 'S' && len !== (block.type === 'ifs' || block.type === 'wtx' ? 1 : 0)) return { ok: false, error: 'other', reason: 'bad-len-for-pcb' };
  return { ok: true, nad: bytes[0], pcb: bytes[1], inf, block };
}

const h2 = (x: number) => x.toString(16).toUpperCase().padStart(2, '0');

/** Short human-readable form for transcripts and test names: I(0,M), R(1,edc), S(WTX req 02). */
export function describeBlock(b: T1Block): string {
  if (b.kind === 'I') return `I(${b.ns}${b.more ? ',M' : ''}) ${b.inf.length}B`;
  if (b.kind === 'R') return `R(${b.nr}${b.error === 'none' ? '' : `,${b.error}`})`;
  return `S(${b.type.toUpperCase()} ${b.response ? 'resp' : 'req'}${b.inf.length ? ` ${h2(b.inf[0])}` : ''})`;
}
