/**
 * Card insertion and removal. Readers with an interrupt-IN endpoint send
 * RDR_to_PC_NotifySlotChange (CCID §6.3.1; `50 03` inserted, `50 02` removed for one slot); the
 * watcher keeps one transfer outstanding on it while the reader is open (the wait ends when the
 * device is closed or unplugged, which cancels it). Readers without one are polled with
 * GetSlotStatus while someone listens (libccid IFDHICCPresence does the same every poll).
 */
import { decodeInterrupt } from './messages';

export interface SlotWatchHooks {
  /** the card's presence changed (present = after the change) */
  onChange(slot: number, present: boolean): void;
  /** RDR_to_PC_HardwareError (CCID §6.3.2; 0x01 = overcurrent) */
  onHardwareError?(slot: number, code: number): void;
  /** GetSlotStatus for the polling fallback (serialised by the caller); undefined = unknown */
  poll(): Promise<boolean | undefined>;
}

export class SlotWatcher {
  private stopped = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private last: boolean | undefined;

  constructor(
    private readonly device: USBDevice,
    private readonly interruptEndpoint: { endpointNumber: number; packetSize: number } | undefined,
    private readonly slotCount: number,
    private readonly hooks: SlotWatchHooks,
    private readonly pollIntervalMs = 500,
  ) {}

  start(): void {
    if (this.interruptEndpoint) void this.listen(this.interruptEndpoint);
  }

  /** Begin GetSlotStatus polling (only when there is no interrupt endpoint). */
  startPolling(): void {
    if (this.interruptEndpoint || this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.pollOnce(), this.pollIntervalMs);
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  stop(): void {
    this.stopped = true;
    this.stopPolling();
  }

  private async pollOnce(): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      const present = await this.hooks.poll();
      if (present !== undefined && present !== this.last) {
        const first = this.last === undefined;
        this.last = present;
        if (!first) this.hooks.onChange(0, present);
      }
    } catch {
      // a failed poll says nothing about the card; the next one will try again
    } finally {
      this.polling = false;
    }
  }

  private async listen(ep: { endpointNumber: number; packetSize: number }): Promise<void> {
    let aborts = 0;
    while (!this.stopped) {
      let r: USBInTransferResult;
      try {
        r = await this.device.transferIn(ep.endpointNumber, ep.packetSize);
      } catch (e) {
        // A USB reset (our own recovery) cancels the transfer with AbortError while the device stays
        // open: listen again. Closed or unplugged: stop; the reader's own calls report it.
        if (!this.stopped && this.device.opened && e instanceof DOMException && e.name === 'AbortError' && ++aborts <= 3) continue;
        return;
      }
      if (this.stopped) return;
      aborts = 0;
      if (r.status === 'stall') {
        try {
          await this.device.clearHalt('in', ep.endpointNumber);
        } catch {
          return;
        }
        continue;
      }
      const bytes = r.data ? new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength) : new Uint8Array(0);
      const m = decodeInterrupt(bytes, this.slotCount);
      if (m?.type === 'HardwareError') this.hooks.onHardwareError?.(m.slot, m.code);
      if (m?.type === 'NotifySlotChange') {
        m.slots.forEach((s, slot) => {
          if (s.changed) this.hooks.onChange(slot, s.present);
        });
      }
    }
  }
}
