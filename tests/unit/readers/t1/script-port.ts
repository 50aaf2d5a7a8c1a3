/**
 * A scripted T1BlockPort for byte-exact tests (nfcpy style): each step is the block the host must
 * send next and what the "card" answers. Blocks are written as hex without the EDC; `lrcBlock`
 * appends the LRC with its own XOR (independent of src/readers/t1/edc.ts), `corrupt` appends a
 * wrong one.
 */
import { LensError } from '../../../../src/errors';
import type { T1BlockPort } from '../../../../src/readers/t1';

export const bytes = (hex: string) => Uint8Array.from(hex.replace(/\s+/g, '').match(/../g)?.map((x) => parseInt(x, 16)) ?? []);
export const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** NAD PCB LEN INF + LRC */
export function lrcBlock(body: string): Uint8Array {
  const b = bytes(body);
  let x = 0;
  for (const v of b) x ^= v;
  return Uint8Array.from([...b, x]);
}

/** The same block with a wrong LRC (what a line error looks like to the receiver). */
export function corrupt(body: string): Uint8Array {
  const b = lrcBlock(body);
  b[b.length - 1] ^= 0x5a;
  return b;
}

/** Shorthand for a block with NAD 0: pcb and INF as hex. */
export function blk(pcb: number, inf = ''): Uint8Array {
  const i = bytes(inf);
  return lrcBlock(`00 ${pcb.toString(16).padStart(2, '0')} ${i.length.toString(16).padStart(2, '0')} ${inf}`);
}

export type Reply = Uint8Array | 'mute' | LensError;

export interface Step {
  /** the exact block the host must send */
  readonly out: Uint8Array;
  /** what comes back: a block, silence (card-mute), or another port failure */
  readonly reply: Reply;
  /** the wtx multiplier the host must pass with this block (default 1) */
  readonly wtx?: number;
}

export class ScriptPort implements T1BlockPort {
  readonly sent: Uint8Array[] = [];
  readonly wtxSeen: number[] = [];
  private i = 0;

  constructor(private readonly steps: readonly Step[]) {}

  async exchange(block: Uint8Array, opts: { wtx: number }): Promise<Uint8Array> {
    this.sent.push(block.slice());
    this.wtxSeen.push(opts.wtx);
    const s = this.steps[this.i++];
    if (!s) throw new Error(`script ended, but the host sent ${hex(block)}`);
    if (hex(block) !== hex(s.out)) throw new Error(`step ${this.i}: host sent ${hex(block)}, script expects ${hex(s.out)}`);
    if (opts.wtx !== (s.wtx ?? 1)) throw new Error(`step ${this.i}: wtx ${opts.wtx}, script expects ${s.wtx ?? 1}`);
    if (s.reply === 'mute') throw new LensError('card-mute');
    if (s.reply instanceof LensError) throw s.reply;
    return s.reply;
  }

  /** every step was used */
  get finished(): boolean {
    return this.i === this.steps.length;
  }
}
