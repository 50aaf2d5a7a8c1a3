/**
 * nfcpy-style byte scripts for Port-100 (tests/test_clf_rcs380.py helpers HEX, FRAME, CMD, RSP,
 * ACK, ERR) and a scripted USBDevice that asserts every OUT transfer and plays the IN transfers.
 */
import { expect } from 'vitest';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';

export const HEX = (s: string): Uint8Array => fromHex(s);

export function FRAME(hex: string): Uint8Array {
  const data = fromHex(hex);
  const len = [data.length & 0xff, data.length >> 8];
  const lcs = (0x100 - ((len[0] + len[1]) & 0xff)) & 0xff;
  const dcs = (0x100 - (data.reduce((a, b) => a + b, 0) & 0xff)) & 0xff;
  return Uint8Array.of(0, 0, 0xff, 0xff, 0xff, ...len, lcs, ...data, dcs, 0);
}
export const CMD = (hex: string) => FRAME(`D6 ${hex}`);
export const RSP = (hex: string) => FRAME(`D7 ${hex}`);
export const ACK = () => fromHex('0000FF00FF00');
export const ERR = () => fromHex('0000FF01FF7F8100');

/** One step: the host must write `out` (or nothing), then these IN transfers become available. */
export type ScriptStep = { out?: Uint8Array; in?: readonly Uint8Array[] };

/** Only what BulkPipe uses of USBDevice: transferOut / transferIn on fixed endpoints. */
export class ScriptedUsb {
  readonly written: string[] = [];
  private readonly inQueue: Uint8Array[] = [];
  private waiting: ((d: Uint8Array) => void) | undefined;
  private step = 0;
  constructor(
    private readonly script: readonly ScriptStep[],
    readonly packetSize = 64,
  ) {
    this.advance();
  }

  asDevice(): USBDevice {
    return this as unknown as USBDevice;
  }

  async transferOut(_ep: number, data: BufferSource): Promise<USBOutTransferResult> {
    const bytes = new Uint8Array(data as ArrayBuffer);
    this.written.push(toHex(bytes));
    const step = this.script[this.step];
    expect(step?.out, `unexpected OUT ${toHex(bytes)}`).toBeDefined();
    expect(toHex(bytes)).toBe(toHex(step.out ?? new Uint8Array(0)));
    this.step++;
    for (const m of step.in ?? []) this.pushIn(m);
    this.advance();
    return { status: 'ok', bytesWritten: bytes.length };
  }

  /** Packets of at most `length` bytes, ending at a short packet (as USB does). */
  transferIn(_ep: number, length: number): Promise<USBInTransferResult> {
    return new Promise((resolve) => {
      const take = (m: Uint8Array) => {
        const part = m.slice(0, length);
        if (m.length > length) this.inQueue.unshift(m.slice(length));
        resolve({ status: 'ok', data: new DataView(part.buffer) });
      };
      const next = this.inQueue.shift();
      if (next) take(next);
      else this.waiting = take;
    });
  }

  done(): void {
    expect(this.step, 'the whole script ran').toBe(this.script.length);
  }

  private pushIn(m: Uint8Array): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(m);
    } else this.inQueue.push(m);
  }

  private advance(): void {
    // Steps with no OUT just make IN data available (e.g. leftovers before the first command).
    while (this.step < this.script.length && !this.script[this.step].out) {
      for (const m of this.script[this.step].in ?? []) this.pushIn(m);
      this.step++;
    }
  }
}
