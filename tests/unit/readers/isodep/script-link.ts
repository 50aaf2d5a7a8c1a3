/** A scripted RF link: each step names the exact frame the initiator must send and what comes back. */
import { expect } from 'vitest';
import { LensError } from '../../../../src/errors';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import type { TypeBLink } from '../../../../src/readers/isodep/link';
import type { LinkRates } from '../../../../src/readers/isodep/type-b';

/** reply: hex of the answer, or 'timeout' / 'crc' for an RF failure */
export type Step = readonly [out: string, reply: string];

export class ScriptLink implements TypeBLink {
  readonly sent: string[] = [];
  readonly timeouts: number[] = [];
  readonly rateChanges: LinkRates[] = [];
  readonly maxFrameSize = 256;
  readonly bitRates = [106, 212, 424] as const;
  private at = 0;
  constructor(private readonly steps: readonly Step[]) {}

  async transceive(frame: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    const step = this.steps[this.at++];
    this.sent.push(toHex(frame));
    this.timeouts.push(timeoutMs);
    expect(step, `unexpected frame ${toHex(frame)}`).toBeDefined();
    expect(toHex(frame)).toBe(toHex(fromHex(step[0])));
    if (step[1] === 'timeout') throw new LensError('rf-timeout');
    if (step[1] === 'crc') throw new LensError('rf-transmission-error', { name: 'CRC_ERROR' });
    return fromHex(step[1]);
  }

  async setBitRates(rates: LinkRates): Promise<void> {
    this.rateChanges.push(rates);
  }

  done(): void {
    expect(this.at, 'every scripted step was used').toBe(this.steps.length);
  }
}
