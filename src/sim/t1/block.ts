/**
 * T=1 block codec, card side (ISO/IEC 7816-3:2006 §11.3). A block is `NAD PCB LEN INF EDC`:
 * prologue (3 bytes), information field (0–254 bytes), epilogue (LRC 1 byte or CRC 2 bytes).
 */
import { computeEdc, edcLength, type EdcKind } from './edc';

export type SBlockType = 'resynch' | 'ifs' | 'abort' | 'wtx';

export type T1Block =
  | { readonly kind: 'I'; readonly nad: number; readonly ns: 0 | 1; readonly more: boolean; readonly inf: Uint8Array }
  | { readonly kind: 'R'; readonly nad: number; readonly nr: 0 | 1; readonly error: 0 | 1 | 2 }
  | { readonly kind: 'S'; readonly nad: number; readonly type: SBlockType; readonly response: boolean; readonly inf: Uint8Array };

/** Why a received block is invalid; `edc` maps to R-block error bit 1, the rest to bit 2 (§11.6.3.2). */
export type BlockFault = 'edc' | 'length' | 'pcb';

export type Decoded = { readonly ok: true; readonly block: T1Block } | { readonly ok: false; readonly fault: BlockFault };

const S_TYPES: readonly SBlockType[] = ['resynch', 'ifs', 'abort', 'wtx'];

/** PCB of an I-block: b8 = 0, b7 = N(S), b6 = M (more data) (§11.3.2.2). */
const I_NS = 0x40;
const I_MORE = 0x20;
/** PCB of an R-block: b8 b7 = 10, b5 = N(R), b4–b1 = 0 / 1 (EDC or parity error) / 2 (other error) (§11.3.2.2). */
const R_BASE = 0x80;
const R_NR = 0x10;
/** PCB of an S-block: b8 b7 = 11, b6 = response, b5–b1 = type: 0 RESYNCH, 1 IFS, 2 ABORT, 3 WTX (§11.3.2.2). */
const S_BASE = 0xc0;
const S_RESPONSE = 0x20;

export function pcbOf(block: T1Block): number {
  switch (block.kind) {
    case 'I':
      return (block.ns ? I_NS : 0) | (block.more ? I_MORE : 0);
    case 'R':
      return R_BASE | (block.nr ? R_NR : 0) | block.error;
    case 'S':
      return S_BASE | (block.response ? S_RESPONSE : 0) | S_TYPES.indexOf(block.type);
  }
}

export function encodeBlock(block: T1Block, edc: EdcKind): Uint8Array {
  const inf = block.kind === 'R' ? new Uint8Array(0) : block.inf;
  if (inf.length > 254) throw new Error(`sim t1: INF of ${inf.length} bytes exceeds 254 (§11.3.2.3)`);
  const body = new Uint8Array(3 + inf.length);
  body[0] = block.nad;
  body[1] = pcbOf(block);
  body[2] = inf.length;
  body.set(inf, 3);
  const out = new Uint8Array(body.length + edcLength(edc));
  out.set(body);
  out.set(computeEdc(edc, body), body.length);
  return out;
}

/**
 * Decode a block received by the card, checking what §11.6.3.2 counts as an invalid block: a wrong
 * EDC, LEN = 'FF' (reserved, §11.3.2.3), a length that does not match LEN, and PCB values the
 * standard does not define (I-block b5–b1 ≠ 0, R-block with b6 set or error code 3+, S-block type
 * 4+, or S-block INF lengths other than those §11.3.2.2 allows).
 */
export function decodeBlock(bytes: Uint8Array, edc: EdcKind): Decoded {
  const e = edcLength(edc);
  if (bytes.length < 3 + e) return { ok: false, fault: 'length' };
  const len = bytes[2];
  if (len === 0xff || bytes.length !== 3 + len + e) return { ok: false, fault: 'length' };
  const body = bytes.subarray(0, 3 + len);
  const want = computeEdc(edc, body);
  if (want.some((b, i) => bytes[3 + len + i] !== b)) return { ok: false, fault: 'edc' };
  const nad = bytes[0];
  const pcb = bytes[1];
  const inf = bytes.slice(3, 3 + len);
  if ((pcb & 0x80) === 0) {
    if (pcb & 0x1f) return { ok: false, fault: 'pcb' };
    return { ok: true, block: { kind: 'I', nad, ns: pcb & I_NS ? 1 : 0, more: (pcb & I_MORE) !== 0, inf } };
  }
  if ((pcb & 0xc0) === R_BASE) {
    const error = pcb & 0x0f;
    if (pcb & 0x20 || error > 2 || len !== 0) return { ok: false, fault: 'pcb' };
    return { ok: true, block: { kind: 'R', nad, nr: pcb & R_NR ? 1 : 0, error: error as 0 | 1 | 2 } };
  }
  const code = pcb & 0x1f;
  if (code > 3) return { ok: false, fault: 'pcb' };
  const type = S_TYPES[code];
  const wantLen = type === 'ifs' || type === 'wtx' ? 1 : 0;
  if (len !== wantLen) return { ok: false, fault: 'pcb' };
  return { ok: true, block: { kind: 'S', nad, type, response: (pcb & S_RESPONSE) !== 0, inf } };
}
