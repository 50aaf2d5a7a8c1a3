/**
 * A scripted CardChannel (myna-card `src/transport/mock.rs` style): a list of expected command →
 * response pairs. Every command sent is recorded; a command that is not the next expected one (or
 * comes after the script ran out) is answered 6F00 and recorded as unexpected, never thrown, so the
 * code under test sees a card error and the test sees exactly what went wrong.
 */
import type { CardChannel, ChannelCapabilities } from '../../../src/card/channel';
import type { Transcript } from '../../../src/trace/transcript';
import { fromHex, toHex } from '../../../src/card/bytes';

export type Step = readonly [command: string, response: string];

export const norm = (hex: string) => toHex(fromHex(hex));

export class ScriptedChannel implements CardChannel {
  readonly atr = fromHex('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B');
  readonly sent: string[] = [];
  readonly unexpected: string[] = [];
  private next = 0;
  private readonly steps: Step[];

  constructor(
    steps: readonly Step[],
    readonly capabilities?: ChannelCapabilities,
    readonly transcript?: Transcript,
  ) {
    this.steps = steps.map(([c, r]) => [norm(c), norm(r)] as const);
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    const hex = toHex(apdu);
    this.sent.push(hex);
    const step = this.steps[this.next];
    if (step && step[0] === hex) {
      this.next++;
      return fromHex(step[1]);
    }
    this.unexpected.push(hex);
    return fromHex('6F 00');
  }

  async close(): Promise<void> {}

  /** All expected commands were sent, and nothing else. */
  get done(): boolean {
    return this.next === this.steps.length && this.unexpected.length === 0;
  }

  get remaining(): readonly Step[] {
    return this.steps.slice(this.next);
  }
}

export const EXTENDED: ChannelCapabilities = { extendedLength: true, maxResponseData: 65536, maxCommandData: 65535 };
export const SHORT: ChannelCapabilities = { extendedLength: false, maxResponseData: 256, maxCommandData: 255 };

/** Hex of `n` bytes of `b` starting at `from`, for building READ BINARY responses. */
export function hexOf(b: Uint8Array, from = 0, to = b.length): string {
  return toHex(b.subarray(from, to));
}

/** The READ BINARY command for offset/Le in short form. */
export function readBinary(offset: number, le: number): string {
  return toHex([0x00, 0xb0, offset >> 8, offset & 0xff, le === 256 ? 0 : le]);
}

export const SELECT_JPKI = '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01';
export const SELECT_KENHOJO = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08';
export const SELECT_KENMEN = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02';
export const SELECT_COMMON = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00';
export const selectEf = (fid: number) => toHex([0x00, 0xa4, 0x02, 0x0c, 0x02, fid >> 8, fid & 0xff]);
export const OK = '90 00';
