/**
 * Bulk/interrupt endpoint I/O with a bound on every wait and whole-message reassembly.
 *
 * Why reads go by packets: a bulk IN transfer ends at a short packet or when the host's buffer is
 * full (USB 2.0 §5.8.3). A reader that sends no zero-length packet after a message whose length is
 * an exact multiple of wMaxPacketSize leaves a larger transferIn open forever. So we read the first
 * packet, take the message length from its header, and ask for exactly what remains (rounded up to
 * whole packets): the transfer then ends by itself whatever the device does about ZLPs
 * (ccid-webusb.md §2.2 "Design advice"; libccid instead relies on libusb, src/ccid_usb.c ReadUSB).
 *
 * Why one outstanding transfer: WebUSB cannot cancel a transferIn (only close/reset do). When a
 * wait times out the transfer stays queued at the device and would swallow the next packets, so
 * the pipe keeps it and the next read awaits that same transfer instead of queueing another.
 * Bytes beyond the current message (possible when a transfer spans two messages) are kept too.
 */
import { LensError } from '../errors';
import { quiet, withTimeout } from './bounded';

export interface PipeStats {
  transfersIn: number;
  transfersOut: number;
  bytesIn: number;
  bytesOut: number;
  stalls: number;
}

export function newStats(): PipeStats {
  return { transfersIn: 0, transfersOut: 0, bytesIn: 0, bytesOut: 0, stalls: 0 };
}

/** Framing of a message protocol on a bulk pipe: header size and total length from the header. */
export interface Framing {
  readonly headerLength: number;
  /** total message length (header included), from the first `headerLength` bytes */
  totalLength(header: Uint8Array): number;
  /** largest total length accepted (a corrupt header must not make us read forever) */
  readonly maxLength: number;
}

const asBytes = (v: DataView | undefined) => (v ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new Uint8Array(0));

export class BulkInPipe {
  private pending: Promise<USBInTransferResult> | undefined;
  private buffer = new Uint8Array(0);

  constructor(
    private readonly device: USBDevice,
    readonly endpointNumber: number,
    readonly packetSize: number,
    private readonly stats: PipeStats = newStats(),
  ) {}

  /** Whether a transfer is still queued at the device from an earlier, timed-out wait. */
  get hasOutstandingTransfer(): boolean {
    return this.pending !== undefined;
  }

  /** One whole message, or LensError 'timeout' when it is not complete by `deadline` (ms epoch). */
  async readMessage(framing: Framing, deadline: number, what: string): Promise<Uint8Array> {
    while (this.buffer.length < framing.headerLength) await this.transfer(this.packetSize, deadline, what);
    const total = framing.totalLength(this.buffer.subarray(0, framing.headerLength));
    if (total > framing.maxLength || total < framing.headerLength) {
      this.buffer = new Uint8Array(0);
      throw new LensError('reader-protocol-error', { what }, { detail: `message length ${total} > ${framing.maxLength}` });
    }
    while (this.buffer.length < total) {
      const rest = total - this.buffer.length;
      await this.transfer(Math.ceil(rest / this.packetSize) * this.packetSize, deadline, what);
    }
    const message = this.buffer.slice(0, total);
    this.buffer = this.buffer.slice(total);
    return message;
  }

  /** Drop bytes kept from a partial message (after an abort or resynchronisation). */
  discardBuffered(): number {
    const n = this.buffer.length;
    this.buffer = new Uint8Array(0);
    return n;
  }

  /** Forget the outstanding transfer (after device.reset()/close(), which cancel it). */
  forgetOutstanding(): void {
    this.pending = undefined;
  }

  private async transfer(length: number, deadline: number, what: string): Promise<void> {
    if (!this.pending) {
      this.stats.transfersIn++;
      this.pending = quiet(this.device.transferIn(this.endpointNumber, length));
    }
    const pending = this.pending;
    const ms = Math.max(0, deadline - Date.now());
    let r: USBInTransferResult;
    try {
      r = await withTimeout(pending, ms, what);
    } catch (e) {
      // A timeout leaves `pending` in place for the next read; a rejection consumed it.
      if (!(e instanceof LensError && e.code === 'timeout')) this.pending = undefined;
      throw e;
    }
    this.pending = undefined;
    if (r.status === 'stall') {
      // USB 2.0 §9.4.5: the host clears the halt; the message (if any) is then read again, within
      // the same deadline. Nothing is re-sent.
      this.stats.stalls++;
      await withTimeout(quiet(this.device.clearHalt('in', this.endpointNumber)), Math.max(1, deadline - Date.now()), what);
      return;
    }
    const data = asBytes(r.data);
    if (r.status === 'babble') throw new LensError('reader-protocol-error', { what }, { detail: `babble on IN endpoint ${this.endpointNumber}` });
    this.stats.bytesIn += data.length;
    const joined = new Uint8Array(this.buffer.length + data.length);
    joined.set(this.buffer);
    joined.set(data, this.buffer.length);
    this.buffer = joined;
  }
}

export class BulkOutPipe {
  constructor(
    private readonly device: USBDevice,
    readonly endpointNumber: number,
    private readonly stats: PipeStats = newStats(),
  ) {}

  /** Write one whole message; a stall or a short write is a protocol error. */
  async write(message: Uint8Array, deadline: number, what: string): Promise<void> {
    const data = message.slice();
    let r: USBOutTransferResult;
    try {
      r = await this.once(data, deadline, what);
      if (r.status === 'stall' && r.bytesWritten === 0) {
        // The device refused the first packet, so nothing of the message reached it: clearing the
        // halt and writing it again cannot repeat a command (USB 2.0 §8.4.5 handshakes).
        this.stats.stalls++;
        await withTimeout(quiet(this.device.clearHalt('out', this.endpointNumber)), Math.max(1, deadline - Date.now()), what);
        r = await this.once(data, deadline, what);
      }
    } finally {
      // WebUSB copies the data when transferOut is called; this copy may hold a PIN (house rule 7).
      data.fill(0);
    }
    if (r.status !== 'ok' || r.bytesWritten !== message.length) {
      throw new LensError('reader-protocol-error', { what }, { detail: `transferOut ${r.status}, ${r.bytesWritten}/${message.length} bytes` });
    }
    this.stats.bytesOut += message.length;
  }

  private once(data: Uint8Array<ArrayBuffer>, deadline: number, what: string): Promise<USBOutTransferResult> {
    this.stats.transfersOut++;
    return withTimeout(quiet(this.device.transferOut(this.endpointNumber, data)), Math.max(0, deadline - Date.now()), what);
  }
}
