/**
 * Replaying an RC-S300 diagnostics transcript. The driver records every Escape message it writes
 * and reads on the `rcs300` layer; a user's report of a failing run is therefore a byte script:
 * each OUT message and the IN messages that followed it. `ReplayRcs300` plays that script back as a
 * USBDevice (only what the driver uses), asserting that the driver writes the same bytes — so a
 * real run becomes a regression test without the hardware. Payloads redacted by the transcript
 * (a VERIFY, a personal-data read) cannot be replayed; the script stops before the first of them.
 */
import { LensError } from '../../../errors';
import type { TraceEvent } from '../../../trace/transcript';
import { fromHex, toHex, type Bytes } from '../../isodep/bytes';

export interface ReplayStep {
  readonly out: Bytes;
  readonly in: readonly Bytes[];
}

/** The rcs300-layer byte events of a transcript as OUT → INs steps, up to the first redacted one. */
export function replayScript(events: readonly TraceEvent[]): ReplayStep[] {
  const steps: { out: Bytes; in: Bytes[] }[] = [];
  for (const e of events) {
    if (e.layer !== 'rcs300' || e.dir === 'note') continue;
    if (e.redacted || e.hex === undefined) break;
    const bytes = fromHex(e.hex);
    if (e.dir === 'out') steps.push({ out: bytes, in: [] });
    else if (steps.length > 0) steps[steps.length - 1].in.push(bytes);
  }
  return steps;
}

/** A USBDevice that is the recorded RC-S300 (interface 1: bulk OUT 2, bulk IN 0x82, 64-byte packets). */
export class ReplayRcs300 {
  readonly vendorId = 0x054c;
  readonly opened = true;
  readonly productName = 'RC-S300 (replay)';
  private at = 0;
  private readonly queue: Bytes[] = [];
  private waiter: ((b: Bytes) => void) | undefined;

  constructor(
    private readonly steps: readonly ReplayStep[],
    readonly productId = 0x0dc8,
  ) {}

  get configuration(): USBConfiguration {
    const endpoint = (endpointNumber: number, direction: USBDirection) => ({ endpointNumber, direction, type: 'bulk' as const, packetSize: 64 });
    const alternate = { alternateSetting: 0, interfaceClass: 0xff, interfaceSubclass: 0, interfaceProtocol: 0, interfaceName: undefined, endpoints: [endpoint(2, 'out'), endpoint(2, 'in')] };
    return { configurationValue: 1, configurationName: undefined, interfaces: [{ interfaceNumber: 1, alternate, alternates: [alternate], claimed: true }] } as unknown as USBConfiguration;
  }

  get configurations(): USBConfiguration[] {
    return [this.configuration];
  }

  /** Every recorded step was played. */
  get finished(): boolean {
    return this.at === this.steps.length;
  }

  asDevice(): USBDevice {
    return this as unknown as USBDevice;
  }

  async open(): Promise<void> {}
  async close(): Promise<void> {}
  async selectConfiguration(): Promise<void> {}
  async claimInterface(): Promise<void> {}
  async releaseInterface(): Promise<void> {}

  transferOut(_endpoint: number, data: BufferSource): Promise<USBOutTransferResult> {
    // A divergence thrown by play() becomes the rejection, as a failed transfer would.
    return new Promise((resolve) => resolve(this.play(new Uint8Array(data as ArrayBuffer))));
  }

  private play(bytes: Uint8Array): USBOutTransferResult {
    const step = this.steps[this.at];
    if (!step) throw new LensError('rcs300-replay-diverged', { step: this.at }, { detail: `past the recording: ${toHex(bytes)}` });
    if (toHex(step.out) !== toHex(bytes)) throw new LensError('rcs300-replay-diverged', { step: this.at }, { detail: `recorded ${toHex(step.out)}, driver wrote ${toHex(bytes)}` });
    this.at++;
    for (const m of step.in) this.push(m);
    return { status: 'ok', bytesWritten: bytes.length };
  }

  transferIn(_endpoint: number, length: number): Promise<USBInTransferResult> {
    return new Promise((resolve) => {
      const take = (m: Bytes) => {
        if (m.length > length) this.queue.unshift(m.slice(length));
        resolve({ status: 'ok', data: new DataView(m.slice(0, length).buffer) });
      };
      const next = this.queue.shift();
      if (next) take(next);
      else this.waiter = take;
    });
  }

  private push(m: Bytes): void {
    const w = this.waiter;
    this.waiter = undefined;
    if (w) w(m);
    else this.queue.push(m);
  }
}
