/**
 * ISO/IEC 14443-4 §7.1 block formats, PCD side. The PCD sends no CID and no NAD (ATTRIB assigns
 * CID 0); a PICC block that carries a CID byte is still read (its CID must be 0).
 */
import { concat, type Bytes } from './bytes';

export type Block =
  | { readonly type: 'I'; readonly bn: number; readonly chaining: boolean; readonly inf: Bytes }
  | { readonly type: 'R'; readonly bn: number; readonly nak: boolean }
  | { readonly type: 'S'; readonly kind: 'deselect' | 'wtx'; readonly wtxm?: number; readonly power?: number }
  | { readonly type: 'invalid'; readonly reason: string };

export const iBlock = (bn: number, inf: Uint8Array, chaining = false): Bytes => concat(0x02 | (chaining ? 0x10 : 0) | (bn & 1), inf);
export const rAck = (bn: number): Bytes => Uint8Array.of(0xa2 | (bn & 1));
export const rNak = (bn: number): Bytes => Uint8Array.of(0xb2 | (bn & 1));
export const sDeselect = (): Bytes => Uint8Array.of(0xc2);
/** S(WTX) response: the same WTXM, power-level bits 0 (ISO/IEC 14443-4 §7.3). */
export const sWtxResponse = (wtxm: number): Bytes => Uint8Array.of(0xf2, wtxm & 0x3f);

/** Decode a block the PICC sent. Anything that breaks §7.1 is `invalid` (recovered by rule 4). */
export function parseBlock(frame: Uint8Array): Block {
  if (frame.length === 0) return { type: 'invalid', reason: 'empty frame' };
  const pcb = frame[0];
  let at = 1;
  if (pcb & 0x08) {
    if (frame.length < 2 || (frame[1] & 0x0f) !== 0) return { type: 'invalid', reason: 'CID other than 0' };
    at = 2;
  }
  switch (pcb & 0xc0) {
    case 0x00: {
      // I-block: 00 C 1 ? N 0 1 ... b2 must be 1 (b6 is 0)
      if ((pcb & 0x22) !== 0x02) return { type: 'invalid', reason: `bad I-block PCB ${pcb.toString(16)}` };
      if (pcb & 0x04) at += 1; // NAD present (not expected; skipped)
      if (at > frame.length) return { type: 'invalid', reason: 'truncated I-block' };
      return { type: 'I', bn: pcb & 1, chaining: (pcb & 0x10) !== 0, inf: frame.slice(at) };
    }
    case 0x80: {
      if ((pcb & 0x26) !== 0x22 || frame.length !== at) return { type: 'invalid', reason: `bad R-block ${pcb.toString(16)}` };
      return { type: 'R', bn: pcb & 1, nak: (pcb & 0x10) !== 0 };
    }
    case 0xc0: {
      const kind = pcb & 0x37;
      if (kind === 0x02 && frame.length === at) return { type: 'S', kind: 'deselect' };
      if (kind === 0x32 && frame.length === at + 1) return { type: 'S', kind: 'wtx', wtxm: frame[at] & 0x3f, power: frame[at] >> 6 };
      return { type: 'invalid', reason: `bad S-block ${pcb.toString(16)}` };
    }
    default:
      return { type: 'invalid', reason: `RFU PCB ${pcb.toString(16)}` };
  }
}
