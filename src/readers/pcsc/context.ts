/**
 * The PC/SC resource manager as seen from here: which readers exist, which hold a card, waiting for
 * one, connecting, and the events that end a connection (card pulled, reader unplugged, service
 * stopped). Over pcsc-mini's `Client`, whose monitoring thread (SCardGetStatusChange) reports every
 * reader once when it starts and then each change.
 *
 * PC/SC has no "list done" signal in this event form, so `openPcsc` waits until every reader seen has
 * reported its first state and nothing new arrived for `settleMs` (bounded by `maxSettleMs`).
 */
import type * as PcscMini from 'pcsc-mini';
import { LensError } from '../../errors';
import { loadPcsc, type PcscModule } from './binding';
import { DEFAULT_PCSC_DEADLINE_MS, PcscChannel, type PcscConnection } from './channel';
import { bounded, pcscError } from './errors';

export interface PcscReaderState {
  readonly name: string;
  /** A card is in the slot (SCARD_STATE_PRESENT) and answered reset (not MUTE). */
  readonly present: boolean;
  readonly mute: boolean;
  /** Another program holds a connection (SCARD_STATE_INUSE) / an exclusive one (SCARD_STATE_EXCLUSIVE). */
  readonly inUse: boolean;
  readonly exclusive: boolean;
}

export type PcscEvent =
  | { readonly type: 'reader-added' | 'reader-removed'; readonly reader: string }
  | { readonly type: 'card-inserted' | 'card-removed'; readonly reader: string }
  | { readonly type: 'service-lost'; readonly error: LensError };

export interface OpenPcscOptions {
  /** Quiet time that ends the initial reader scan (default 150 ms). */
  readonly settleMs?: number;
  /** Upper bound of the initial scan (default 2000 ms). */
  readonly maxSettleMs?: number;
  /** Bound of each call to the card (default 30 s). */
  readonly deadlineMs?: number;
  /** The binding; default: the optional dependency, loaded on demand. */
  readonly binding?: PcscModule;
}

function stateOf(pcsc: PcscModule, name: string, flags: PcscMini.ReaderStatusFlags): PcscReaderState {
  const S = pcsc.ReaderStatus;
  return {
    name,
    present: flags.has(S.PRESENT) && !flags.has(S.MUTE),
    mute: flags.has(S.MUTE),
    inUse: flags.has(S.IN_USE),
    exclusive: flags.has(S.EXCLUSIVE),
  };
}

function protocolName(pcsc: PcscModule, p: PcscMini.Protocol): PcscConnection['protocol'] {
  if (p === pcsc.Protocol.T0) return 'T=0';
  if (p === pcsc.Protocol.T1) return 'T=1';
  if (p === pcsc.Protocol.RAW) return 'raw';
  return 'other';
}

export class PcscContext {
  private readonly states = new Map<string, PcscReaderState>();
  private readonly listeners = new Set<(e: PcscEvent) => void>();
  private readonly channels = new Set<PcscChannel>();
  private serviceError: LensError | undefined;
  private stopped = false;

  private constructor(
    private readonly pcsc: PcscModule,
    private readonly client: PcscMini.Client,
    private readonly deadlineMs: number,
  ) {}

  static async open(options: OpenPcscOptions = {}): Promise<PcscContext> {
    const pcsc = options.binding ?? (await loadPcsc());
    let client: PcscMini.Client;
    try {
      client = new pcsc.Client();
    } catch (e) {
      throw pcscError(e, 'SCardEstablishContext');
    }
    const ctx = new PcscContext(pcsc, client, options.deadlineMs ?? DEFAULT_PCSC_DEADLINE_MS);
    await ctx.start(options.settleMs ?? 150, options.maxSettleMs ?? 2000);
    return ctx;
  }

  private emit(e: PcscEvent): void {
    for (const l of this.listeners) l(e);
  }

  private start(settleMs: number, maxSettleMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const pending = new Set<string>();
      let quiet: ReturnType<typeof setTimeout> | undefined;
      const finish = (error?: LensError) => {
        if (settled) return;
        settled = true;
        clearTimeout(quiet);
        clearTimeout(cap);
        if (error) {
          this.stopQuietly();
          reject(error);
        } else resolve();
      };
      const poke = () => {
        clearTimeout(quiet);
        if (pending.size === 0) quiet = setTimeout(() => finish(), settleMs);
      };
      const cap = setTimeout(() => finish(), maxSettleMs);

      this.client.on('error', (err) => {
        const error = pcscError(err, 'SCardGetStatusChange');
        // Before the scan ends this is "not running"; afterwards the service went away under us.
        if (!settled) return finish(error.code === 'pcsc-service-stopped' ? new LensError('pcsc-no-service', {}, { cause: err }) : error);
        this.serviceLost(error.code === 'pcsc-no-service' ? new LensError('pcsc-service-stopped', {}, { cause: err }) : error);
      });
      this.client.on('reader', (reader) => {
        const name = reader.name();
        pending.add(name);
        this.emit({ type: 'reader-added', reader: name });
        poke();
        reader.on('change', (flags) => {
          const before = this.states.get(name);
          const now = stateOf(this.pcsc, name, flags);
          this.states.set(name, now);
          pending.delete(name);
          if (before?.present && !now.present) {
            this.emit({ type: 'card-removed', reader: name });
            for (const c of this.channels) if (c.readerName === name) c.markLost(new LensError('pcsc-card-removed', { reader: name }));
          } else if (!before?.present && now.present) this.emit({ type: 'card-inserted', reader: name });
          if (!settled) poke();
        });
        reader.on('disconnect', () => {
          this.states.delete(name);
          pending.delete(name);
          this.emit({ type: 'reader-removed', reader: name });
          for (const c of this.channels) if (c.readerName === name) c.markLost(new LensError('pcsc-reader-gone', { reader: name }));
        });
      });
      try {
        this.client.start();
      } catch (e) {
        finish(pcscError(e, 'SCardEstablishContext'));
        return;
      }
      poke();
    });
  }

  private serviceLost(error: LensError): void {
    if (this.serviceError) return;
    this.serviceError = error;
    for (const c of this.channels) c.markLost(error);
    this.emit({ type: 'service-lost', error });
  }

  /** Every reader the resource manager knows, in the order it reported them. */
  readers(): PcscReaderState[] {
    return [...this.states.values()];
  }

  /** Subscribe to reader/card/service events; returns the unsubscribe function. */
  onEvent(listener: (e: PcscEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The reader (by exact name, or the first with a card when `reader` is undefined) once it holds a
   * card; waits at most `timeoutMs` (0: do not wait). `pcsc-no-reader`, `pcsc-reader-not-found`,
   * `pcsc-no-card` otherwise.
   */
  waitForCard(reader: string | undefined, timeoutMs: number): Promise<PcscReaderState> {
    const pick = () => this.readers().find((r) => (reader === undefined || r.name === reader) && r.present);
    const now = pick();
    if (now) return Promise.resolve(now);
    const fail = (): LensError => {
      if (this.serviceError) return this.serviceError;
      if (this.states.size === 0) return new LensError('pcsc-no-reader');
      if (reader !== undefined && !this.states.has(reader)) return new LensError('pcsc-reader-not-found', { reader });
      return new LensError('pcsc-no-card', { reader: reader ?? this.readers().map((r) => r.name).join(', '), seconds: Math.round(timeoutMs / 1000) });
    };
    if (timeoutMs <= 0 || this.serviceError) return Promise.reject(fail());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(fail());
      }, timeoutMs);
      const off = this.onEvent((e) => {
        const found = pick();
        if (found || e.type === 'service-lost') {
          clearTimeout(timer);
          off();
          if (found) resolve(found);
          else reject(fail());
        }
      });
    });
  }

  /** SCardConnect (shared, T=0 or T=1 as the reader negotiates) to the card in `reader`. */
  async connect(reader: string): Promise<PcscChannel> {
    if (this.serviceError) throw this.serviceError;
    const r = this.client.reader(reader);
    if (!r) throw new LensError('pcsc-reader-not-found', { reader });
    const P = this.pcsc;
    let handle: PcscMini.Card;
    try {
      handle = await bounded(r.connect(P.CardMode.SHARED, P.Protocol.ANY), this.deadlineMs, 'SCardConnect');
    } catch (e) {
      throw pcscError(e, 'SCardConnect', reader);
    }
    let atr: Uint8Array;
    try {
      atr = new Uint8Array((await bounded(handle.state(), this.deadlineMs, 'SCardStatus')).atr);
    } catch (e) {
      await handle.disconnect(P.CardDisposition.LEAVE).catch(() => undefined);
      throw pcscError(e, 'SCardStatus', reader);
    }
    const channel = new PcscChannel(
      { handle, readerName: reader, atr, protocol: protocolName(P, handle.protocol()) },
      { leave: P.CardDisposition.LEAVE, reset: P.CardDisposition.RESET },
      this.deadlineMs,
    );
    this.channels.add(channel);
    return channel;
  }

  private stopQuietly(): void {
    if (this.stopped) return;
    this.stopped = true;
    try {
      this.client.stop();
    } catch {
      // Stopping after the service died throws NoService; there is nothing left to release.
    }
  }

  /**
   * Disconnect every channel (each bounded; the card is reset) but leave the monitor running: for a
   * process about to exit. pcsc-mini's `Client.stop()` cancels the monitoring thread and then joins it
   * on the main thread (`Client.zig stopImpl`: `client.deinit()`, `monitoring_thread.join()`); in our
   * runs against pcscd 1.9.9 that join hung now and then (2 of 15 CLI runs), and a native join cannot be
   * bounded from JavaScript. Exiting the process ends the thread and closes the daemon socket, which
   * pcscd cleans up after. The CLI uses this, then exits.
   */
  async release(): Promise<void> {
    for (const c of this.channels) await c.close();
    this.channels.clear();
  }

  /** `release()`, then stop the monitor (for long-lived processes; see the caveat at `release`). */
  async close(): Promise<void> {
    await this.release();
    this.stopQuietly();
  }
}

export function openPcsc(options?: OpenPcscOptions): Promise<PcscContext> {
  return PcscContext.open(options);
}
