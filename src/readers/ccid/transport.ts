/**
 * One CCID command and its response over the bulk pipes: bSeq numbering, stale-frame discard, time
 * extension, and the abort procedure when the response does not come in time.
 *
 * - bSeq: one counter per reader, shared by all slots; a response whose bSeq (or slot) differs is a
 *   stale frame (an earlier, aborted command, or another session) and is dropped, up to 10 times
 *   (libccid src/ccid_usb.c ReadUSB).
 * - Time extension: bStatus 0x80 means "still working"; keep reading, the next wait multiplied by
 *   bError when it is non-zero (libccid src/commands.c CCID_Receive). No command is sent.
 * - Timeout: CCID §5.3.1 ABORT (class request) + PC_to_RDR_Abort with the same bSlot/bSeq, read the
 *   Abort's SlotStatus; if that fails too, reset the device. The command is never sent again: it may
 *   have reached the card (a VERIFY must not be repeated), so the caller gets a named error.
 * - One command at a time (architecture rule 5): callers are queued.
 */
import { LensError, isLensError } from '../../errors';
import type { Transcript } from '../../trace/transcript';
import type { CcidFunction } from '../../usb/ccid-function';
import { mapUsbError, type UsbErrorContext } from '../../usb/errors';
import { BulkInPipe, BulkOutPipe, newStats, type Framing, type PipeStats } from '../../usb/pipes';
import { quiet, withTimeout } from '../../usb/bounded';
import { abort as abortMessage, decodeResponse, dwLengthOf, HEADER_LENGTH, type CcidResponse } from './messages';
import { commandStatusOf, describeStatus, iccStatusOf, slotErrorName } from './status';

export const MAX_STALE_FRAMES = 10;
/** Time extensions accepted for one command (libccid has no limit; every wait here has a bound). */
export const MAX_TIME_EXTENSIONS = 100;
/** How long the abort procedure may take before the device is reset. */
export const ABORT_BOUND_MS = 1000;

export interface TransportOptions {
  readonly transcript?: Transcript;
  readonly errorContext: UsbErrorContext;
  /** largest message the reader may send: dwMaxCCIDMessageLength (tolerating SCM's 263) */
  readonly maxMessageLength: number;
}

export interface ExchangeOptions {
  readonly timeoutMs: number;
  /** what is being done, for error details */
  readonly what: string;
  /** extra XfrBlock wait multiplier already applied by the caller (T=1 WTX); informational */
  readonly note?: string;
  /**
   * Absolute time (Date.now() ms) no wait of this exchange may pass, time extensions included: the
   * overall deadline of the APDU it belongs to (src/readers/command-deadline.ts).
   */
  readonly deadline?: number;
}

export type Head = { slot: number; seq: number };

export class CcidTransport {
  readonly stats: PipeStats = newStats();
  readonly in: BulkInPipe;
  readonly out: BulkOutPipe;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly framing: Framing;
  /** set when recovery failed and the device had to be reset or given up */
  broken: LensError | undefined;
  /** counts, for tests and the bench */
  readonly counters = { staleFrames: 0, timeExtensions: 0, aborts: 0, resets: 0 };

  constructor(
    readonly device: USBDevice,
    readonly fn: CcidFunction,
    private readonly options: TransportOptions,
  ) {
    this.in = new BulkInPipe(device, fn.bulkIn.endpointNumber, fn.bulkIn.packetSize, this.stats);
    this.out = new BulkOutPipe(device, fn.bulkOut.endpointNumber, this.stats);
    // 64 KiB + header is CCID's absolute maximum (libccid CMD_BUF_SIZE); a larger dwLength is corrupt.
    this.framing = {
      headerLength: HEADER_LENGTH,
      totalLength: (h) => HEADER_LENGTH + dwLengthOf(h),
      maxLength: Math.max(options.maxMessageLength, 271) + 65546,
    };
  }

  /** Serialise `fn` behind every earlier exchange (one APDU at a time). */
  serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = quiet(run);
    return run;
  }

  private nextSeq(): number {
    const s = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    return s;
  }

  /**
   * Send one command built for (slot, bSeq) and return the matching response. Not serialised by
   * itself: callers run inside `serialize`.
   */
  async exchange(slot: number, build: (h: Head) => Uint8Array, opts: ExchangeOptions): Promise<CcidResponse> {
    if (this.broken) throw this.broken;
    // Past the APDU's deadline nothing new is sent (e.g. the next T=1 block); nothing is outstanding,
    // so there is nothing to abort either.
    if (opts.deadline !== undefined && Date.now() >= opts.deadline) throw new LensError('timeout', { what: opts.what, ms: 0 });
    const head = { slot, seq: this.nextSeq() };
    const message = build(head);
    this.options.transcript?.record('ccid', 'out', message);
    try {
      await this.out.write(message, capped(Date.now() + opts.timeoutMs, opts.deadline), opts.what);
    } catch (e) {
      // The command may or may not have left: never re-send; abort it if the write hung, and report.
      if (isLensError(e, 'timeout')) await this.recover(head, opts.what);
      throw this.usbError(e);
    } finally {
      // The message is a copy of the APDU or T=1 block, which may be a PIN; nothing reads it after
      // the write (transferOut takes its own copy), so it does not outlive the exchange (house rule 7).
      message.fill(0);
    }
    try {
      return await this.receive(head, opts);
    } catch (e) {
      if (isLensError(e, 'timeout')) {
        await this.recover(head, opts.what);
        throw e;
      }
      throw this.usbError(e);
    }
  }

  private async receive(head: Head, opts: ExchangeOptions): Promise<CcidResponse> {
    const started = Date.now();
    let deadline = capped(started + opts.timeoutMs, opts.deadline);
    let stale = 0;
    let extensions = 0;
    for (;;) {
      const bytes = await this.in.readMessage(this.framing, deadline, opts.what);
      this.options.transcript?.record('ccid', 'in', bytes);
      let r: CcidResponse;
      try {
        r = decodeResponse(bytes);
      } catch (e) {
        if (++stale > MAX_STALE_FRAMES) throw e;
        this.counters.staleFrames++;
        continue;
      }
      if (r.seq !== head.seq || r.slot !== head.slot) {
        this.counters.staleFrames++;
        this.options.transcript?.note('ccid', `stale frame dropped: bSeq ${r.seq} (waiting for ${head.seq}), slot ${r.slot}`);
        if (++stale > MAX_STALE_FRAMES) throw new LensError('reader-protocol-error', { what: opts.what }, { detail: `${stale} frames with the wrong bSeq` });
        continue;
      }
      if (commandStatusOf(r.status) === 'time-extension') {
        // Each request extends the wait; their number is bounded too, so a reader that keeps asking
        // for more time ends in the timeout path (abort) instead of holding the page forever.
        if (++extensions > MAX_TIME_EXTENSIONS) throw new LensError('timeout', { what: opts.what, ms: Date.now() - started });
        this.counters.timeExtensions++;
        deadline = capped(Date.now() + opts.timeoutMs * Math.max(1, r.error), opts.deadline);
        continue;
      }
      return r;
    }
  }

  /** The abort procedure (CCID §5.3.1 ABORT + §6.1.13 PC_to_RDR_Abort); reset when it fails. */
  private async recover(timedOut: Head, what: string): Promise<void> {
    this.counters.aborts++;
    const t = this.options.transcript;
    t?.note('ccid', `no response to bSeq ${timedOut.seq} (${what}): aborting`);
    const head = { slot: timedOut.slot, seq: this.nextSeq() };
    const deadline = Date.now() + ABORT_BOUND_MS;
    try {
      const control = await withTimeout(
        quiet(this.device.controlTransferOut({ requestType: 'class', recipient: 'interface', request: 0x01, value: (head.seq << 8) | head.slot, index: this.fn.interfaceNumber })),
        ABORT_BOUND_MS,
        'ABORT',
      );
      if (control.status !== 'ok') t?.note('ccid', `class ABORT answered ${control.status}`);
      const msg = abortMessage(head);
      t?.record('ccid', 'out', msg);
      await this.out.write(msg, deadline, 'PC_to_RDR_Abort');
      for (let i = 0; i <= MAX_STALE_FRAMES; i++) {
        const bytes = await this.in.readMessage(this.framing, deadline, 'PC_to_RDR_Abort');
        t?.record('ccid', 'in', bytes);
        const r = decodeResponse(bytes);
        if (r.type === 'SlotStatus' && r.seq === head.seq) return;
        // anything else is the aborted command's late answer (normally CMD_ABORTED): dropped
      }
      throw new LensError('reader-protocol-error', { what: 'abort' });
    } catch (e) {
      t?.note('ccid', `abort failed (${e instanceof Error ? e.message : String(e)}): resetting the device`);
      await this.resetDevice();
    }
  }

  /**
   * USB reset: cancels the outstanding transfer; the card loses power. Whether Chrome keeps the
   * interface claimed across reset() is UNCONFIRMED here; the double keeps it, and a failing next
   * transfer is reported as a named error either way.
   */
  private async resetDevice(): Promise<void> {
    this.counters.resets++;
    try {
      await withTimeout(quiet(this.device.reset()), ABORT_BOUND_MS, 'reset');
      this.in.forgetOutstanding();
      this.in.discardBuffered();
      this.broken = undefined;
      this.resetHappened = true;
    } catch (e) {
      this.broken = new LensError('reader-busy', { name: this.options.errorContext.name }, { cause: e, detail: 'the reader did not recover from a timeout; unplug it and plug it in again' });
      try {
        await withTimeout(quiet(this.device.close()), ABORT_BOUND_MS, 'close');
      } catch {
        // nothing more to do: the error above tells the user to replug
      }
    }
  }

  /** Set after a USB reset (the card is unpowered; the reader must power it again). */
  resetHappened = false;

  usbError(e: unknown): LensError {
    return mapUsbError(e, { ...this.options.errorContext, op: 'transfer' });
  }
}

/** A wait's end, never later than the command's deadline when there is one. */
function capped(end: number, deadline: number | undefined): number {
  return deadline === undefined ? end : Math.min(end, deadline);
}

/** Turn a failed response into the named error (libccid src/commands.c CCID_Receive + ccid_error). */
export function responseError(r: CcidResponse, what: string, name: string): LensError | undefined {
  if (commandStatusOf(r.status) !== 'failed') return undefined;
  const detail = `${what}: ${describeStatus(r.status, r.error)}`;
  const icc = iccStatusOf(r.status);
  if (r.error === 0xfe) return new LensError(icc === 'absent' ? 'card-absent' : 'card-mute', { name }, { detail });
  if (icc === 'absent') return new LensError('card-absent', { name }, { detail });
  if (r.error === 0xe0 || r.error === 0xf2) return new LensError('reader-busy', { name }, { detail });
  return new LensError('reader-protocol-error', { what: `${what} (${slotErrorName(r.error)})` }, { detail });
}
