/**
 * Bulk endpoint I/O for the Sony drivers, with a bound on every wait (WebUSB `transferIn` has none:
 * architecture rule 6). A read that times out stays pending in the browser — it cannot be
 * cancelled short of releasing the interface — so the pipe keeps it and the next read takes its
 * result first; nothing that arrives late is lost or mistaken.
 *
 * Messages are read packet by packet against their own length field, so a message that is an exact
 * multiple of the packet size ends without relying on a zero-length packet (USB 2.0 §5.8.3).
 */
import { LensError } from '../../errors';
import type { TraceLayer, Transcript } from '../../trace/transcript';
import { quiet, withTimeout } from '../../usb/bounded';
import { mapUsbError, type UsbErrorContext } from '../../usb/errors';
import { concat, type Bytes } from '../isodep/bytes';

export interface BulkPipeOptions {
  readonly interfaceNumber: number;
  readonly outEndpoint: number;
  readonly inEndpoint: number;
  readonly packetSize: number;
  readonly transcript?: Transcript;
  readonly layer?: TraceLayer;
  /** For the shared WebUSB error mapping (src/usb/errors.ts): reader name, ids, OS. */
  readonly context: Omit<UsbErrorContext, 'op'>;
  /** Bound on one transferOut (default 5000 ms): a device that never takes the data must not hang us. */
  readonly writeTimeoutMs?: number;
}

/** Statistics the benchmark reads. */
export interface PipeStats {
  transfersOut: number;
  transfersIn: number;
  bytesOut: number;
  bytesIn: number;
}


export class BulkPipe {
  readonly stats: PipeStats = { transfersOut: 0, transfersIn: 0, bytesOut: 0, bytesIn: 0 };
  private pending: Promise<USBInTransferResult> | undefined;

  constructor(
    readonly device: USBDevice,
    readonly options: BulkPipeOptions,
  ) {}

  async write(data: Bytes): Promise<void> {
    this.options.transcript?.record(this.options.layer ?? 'usb', 'out', data);
    let r: USBOutTransferResult;
    try {
      // On a time-out the transfer stays pending in the browser; the caller gets 'timeout', and the
      // command it carried is not sent again.
      r = await withTimeout(quiet(this.device.transferOut(this.options.outEndpoint, data)), this.options.writeTimeoutMs ?? 5000, `${this.options.layer ?? 'usb'} transferOut`);
    } catch (e) {
      throw mapUsbError(e, { ...this.options.context, op: 'transfer' });
    }
    if (r.status !== 'ok') throw new LensError('reader-protocol-error', { name: this.options.context.name, what: `transferOut ${r.status}` });
    this.stats.transfersOut++;
    this.stats.bytesOut += data.length;
  }

  /**
   * Read one message. `lengthOf(head)` gives the whole message's length once the bytes so far tell
   * it, or undefined while they do not yet.
   */
  async read(lengthOf: (head: Uint8Array) => number | undefined, timeoutMs: number): Promise<Bytes> {
    const deadline = Date.now() + timeoutMs;
    let got: Bytes = await this.readTransfer(this.options.packetSize, deadline, timeoutMs);
    for (;;) {
      const total = lengthOf(got);
      if (total !== undefined && got.length >= total) break;
      const want = total === undefined ? this.options.packetSize : total - got.length;
      const more = await this.readTransfer(want, deadline, timeoutMs);
      if (more.length === 0 && total === undefined) break;
      got = concat(got, more);
    }
    this.options.transcript?.record(this.options.layer ?? 'usb', 'in', got);
    return got;
  }

  /** One transferIn, bounded by `deadline`; a timed-out transfer is kept for the next read. */
  private async readTransfer(length: number, deadline: number, timeoutMs: number): Promise<Bytes> {
    if (!this.pending) {
      this.pending = this.device.transferIn(this.options.inEndpoint, length);
      this.pending.catch(() => undefined); // may be abandoned on a time-out; errors surface on the next read
    }
    const pending = this.pending;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    let r: USBInTransferResult | 'timeout';
    try {
      r = await Promise.race([pending, timeout]);
    } catch (e) {
      this.pending = undefined;
      throw mapUsbError(e, { ...this.options.context, op: 'transfer' });
    } finally {
      clearTimeout(timer);
    }
    if (r === 'timeout') throw new LensError('timeout', { what: this.options.layer ?? 'usb', ms: Math.round(timeoutMs) });
    this.pending = undefined;
    if (r.status !== 'ok' || !r.data) throw new LensError('reader-protocol-error', { name: this.options.context.name, what: `transferIn ${r.status ?? 'no data'}` });
    this.stats.transfersIn++;
    this.stats.bytesIn += r.data.byteLength;
    return new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength).slice();
  }
}
