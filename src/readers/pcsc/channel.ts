/**
 * A `CardChannel` over one PC/SC card connection (SCardConnect … SCardDisconnect).
 *
 * - `transmit` is SCardTransmit: PC/SC carries the APDU on whichever protocol the reader negotiated
 *   (T=0 or T=1; the reader driver does GET RESPONSE chaining for T=0 cases 2/4 as PC/SC requires —
 *   pcsc-lite `SCardTransmit`, PC/SC part 3 §3.1.4). Only short APDUs are assumed (no `capabilities`):
 *   whether a reader passes extended APDUs is not something PC/SC reports, and the card layer reads in
 *   256-byte chunks then.
 * - Every call is bounded (house rule 6) and also ends as soon as the context sees the card pulled,
 *   the reader unplugged or the service stop — whichever comes first — with a named error.
 * - `transaction(use)` is SCardBeginTransaction/SCardEndTransaction: no other program's APDUs come
 *   between a VERIFY and the reads it unlocks. `use` gets a fresh channel view, so the card layer's
 *   selection cache (card/session.ts) never outlives the transaction in which it was true.
 * - `close` disconnects with SCARD_RESET_CARD, which clears the card's security status: a verified PIN
 *   does not stay usable for the next program.
 */
import type * as PcscMini from 'pcsc-mini';
import type { CardChannel } from '../../card/channel';
import { LensError } from '../../errors';
import { bounded, pcscError } from './errors';

export interface PcscConnection {
  readonly handle: PcscMini.Card;
  readonly readerName: string;
  readonly atr: Uint8Array;
  readonly protocol: 'T=0' | 'T=1' | 'raw' | 'other';
}

/** Long enough for an RSA-2048 signature on a slow T=0 reader; a hung reader still ends (rule 6). */
export const DEFAULT_PCSC_DEADLINE_MS = 30_000;
/** How long an empty answer waits for the removal event before it is called `pcsc-no-response`. */
const REMOVAL_GRACE_MS = 1500;

export class PcscChannel implements CardChannel {
  readonly atr: Uint8Array;
  readonly readerName: string;
  readonly protocol: PcscConnection['protocol'];
  private lostError: LensError | undefined;
  private readonly lostListeners = new Set<(e: LensError) => void>();
  private closed = false;

  constructor(
    private readonly connection: PcscConnection,
    private readonly disposition: { leave: number; reset: number },
    private readonly deadlineMs = DEFAULT_PCSC_DEADLINE_MS,
  ) {
    this.atr = connection.atr;
    this.readerName = connection.readerName;
    this.protocol = connection.protocol;
  }

  /** Called by the context: the card is gone (removed, reader unplugged, service stopped). */
  markLost(error: LensError): void {
    if (this.lostError) return;
    this.lostError = error;
    for (const l of this.lostListeners) l(error);
  }

  get lost(): LensError | undefined {
    return this.lostError;
  }

  /** `call()` bounded by the deadline and cut short by a loss event (the binding may also throw synchronously). */
  private guarded<T>(call: () => Promise<T>, what: string): Promise<T> {
    if (this.lostError) return Promise.reject(this.lostError);
    let p: Promise<T>;
    try {
      p = call();
    } catch (e) {
      return Promise.reject(this.lostError ?? this.named(e, what));
    }
    let onLost: ((e: LensError) => void) | undefined;
    const lost = new Promise<never>((_, reject) => {
      onLost = reject;
      this.lostListeners.add(onLost);
    });
    return bounded(
      Promise.race([p.catch((e: unknown) => Promise.reject(this.lostError ?? this.named(e, what))), lost]),
      this.deadlineMs,
      what,
    ).finally(() => {
      if (onLost) this.lostListeners.delete(onLost);
    });
  }

  /** On a connection that was working, "no service" means the service stopped under us. */
  private named(e: unknown, what: string): LensError {
    const error = pcscError(e, what, this.readerName);
    return error.code === 'pcsc-no-service' ? new LensError('pcsc-service-stopped', { what }, { cause: e }) : error;
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    if (this.closed) throw new LensError('pcsc-closed', { reader: this.readerName });
    const response = await this.guarded(() => this.connection.handle.transmit(apdu), 'SCardTransmit');
    if (response.length >= 2) return response;
    // An answer without SW1 SW2: a card pulled mid-command answers nothing on some drivers (vpcd), and
    // the removal event follows within pcscd's poll (400 ms). Wait for it, bounded, to name it.
    const removed = await new Promise<LensError | undefined>((resolve) => {
      if (this.lostError) return resolve(this.lostError);
      const listener = (e: LensError) => {
        clearTimeout(timer);
        resolve(e);
      };
      const timer = setTimeout(() => {
        this.lostListeners.delete(listener);
        resolve(undefined);
      }, REMOVAL_GRACE_MS);
      this.lostListeners.add(listener);
    });
    throw removed ?? new LensError('pcsc-no-response', { reader: this.readerName, length: response.length });
  }

  /** Run `use` inside one PC/SC transaction, with a fresh channel view. */
  async transaction<T>(use: (channel: CardChannel) => Promise<T>): Promise<T> {
    const tx = await this.guarded(() => this.connection.handle.transaction(), 'SCardBeginTransaction');
    const view: CardChannel = { atr: this.atr, transmit: (apdu) => this.transmit(apdu), close: () => Promise.resolve() };
    try {
      return await use(view);
    } finally {
      // Ending a transaction on a card that is gone fails; the failure that matters is use()'s.
      if (!this.lostError) await this.guarded(() => tx.end(this.disposition.leave), 'SCardEndTransaction').catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.lostError) return;
    // A call still pending in the binding makes disconnect throw CardIsBusy at once; stopping the
    // context (client.stop) then cancels it.
    await bounded(
      Promise.resolve().then(() => this.connection.handle.disconnect(this.disposition.reset)),
      Math.min(this.deadlineMs, 5000),
      'SCardDisconnect',
    ).catch(() => undefined);
  }
}
