/**
 * A Sony reader with a Type B card in its field, as a CardReader (src/readers/types.ts): powerOn
 * activates the card (REQB/ATTRIB) and gives the ATR a PC/SC reader would synthesise; transmit
 * runs one APDU through ISO-DEP; card presence is polled (neither reader has an interrupt endpoint
 * on the interface a page can claim). The reader-specific part is a ContactlessFrontEnd.
 */
import type { CardChannel } from '../../card/channel';
import { isLensError, LensError } from '../../errors';
import type { Transcript } from '../../trace/transcript';
import { activateTypeB, pollTypeB, type TypeBSession } from '../isodep/activate';
import type { Bytes } from '../isodep/bytes';
import { SHORT_APDU_CAPABILITIES } from '../isodep/capabilities';
import { isRfFailure, type TypeBLink } from '../isodep/link';
import { QuietableTranscript } from './quiet-transcript';
import { chooseRates, type BitRate } from '../isodep/type-b';
import { isLinkFailure, touchesPinOrSignature } from './rate-fallback';
import { commandDeadlineError, commandDeadlineMs } from '../command-deadline';
import type { CardReader, ContactlessKbps, ContactlessRateReason, OpenReaderOptions, ReaderInfo } from '../types';

/**
 * Field-off time that resets a card: ISO/IEC 14443 has the PCD keep the field off for t_RESET
 * (5–10 ms) before activating again. USB round trips alone may be shorter, so the front ends wait.
 */
export const FIELD_RESET_MS = 10;

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ContactlessFrontEnd {
  readonly link: TypeBLink;
  /** Reset the field (the card loses power) and set the reader up for 106 kbit/s Type B. */
  startTypeB(): Promise<void>;
  fieldOff(): Promise<void>;
  /** Leave the reader as found (RF off, session ended) and release the USB interface. */
  shutdown(): Promise<void>;
}

export interface SonyReaderOptions extends OpenReaderOptions {
  /** `navigator.userAgentData?.platform ?? navigator.userAgent`, for the OS advice in USB errors. */
  readonly platform?: string;
  /** Never run the air link faster than this (kbit/s). */
  readonly maxBitRate?: BitRate;
  /**
   * Asked at each activation: the user's cap on the air-link rate (the app's "always 106 kbit/s"
   * setting), so a change made while the reader is connected applies to the next card read.
   * Reported as reason `user-setting` when it held the link below what card and reader allow.
   */
  readonly contactlessMaxRate?: () => BitRate | undefined;
  /** How often onCardChange polls, ms (default 1000). */
  readonly pollIntervalMs?: number;
}

export class SonyContactlessReader implements CardReader {
  readonly apduLimits = SHORT_APDU_CAPABILITIES;
  private session: TypeBSession | undefined;
  /** Why the activated session runs at its rate (CardReader.contactlessRate). */
  private rateReason: ContactlessRateReason = 'card-and-reader';
  /** The link runs above 106 kbit/s and nothing has been exchanged at that rate yet. */
  private fastRateUntested = false;
  /** The first exchange at a fast rate failed once: 106 kbit/s until close (rate-fallback.ts). */
  private fellBack = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(present: boolean) => void>();
  private poller: ReturnType<typeof setInterval> | undefined;
  private lastPresent: boolean | undefined;
  private pollInFlight = false;
  private closed = false;

  constructor(
    readonly info: ReaderInfo,
    readonly frontEnd: ContactlessFrontEnd,
    private readonly options: SonyReaderOptions = {},
  ) {}

  get transcript(): Transcript | undefined {
    return this.options.transcript;
  }

  /** The activated card's parameters (ATQB, rates, FSC), for the reader check page. */
  get activeSession(): TypeBSession | undefined {
    return this.session;
  }

  powerOn(): Promise<Uint8Array> {
    return this.serialise(async () => (await this.activate()).atr);
  }

  /** Reset the field and activate the card at the fastest rate allowed now (see rateCap). */
  private async activate(): Promise<TypeBSession> {
    this.session = undefined;
    this.fastRateUntested = false;
    const { cap, why } = this.rateCap();
    await this.frontEnd.startTypeB();
    let session: TypeBSession;
    try {
      session = await activateTypeB(this.frontEnd.link, { maxBitRate: cap, transcript: this.options.transcript });
    } catch (e) {
      // No card, or one that would not activate: leave the field off (best effort) and report.
      await this.frontEnd.fieldOff().catch(() => undefined);
      throw e;
    }
    const uncapped = chooseRates(session.atqb, this.frontEnd.link.bitRates);
    const capped = why !== undefined && (uncapped.pcdToPicc !== session.rates.pcdToPicc || uncapped.piccToPcd !== session.rates.piccToPcd);
    this.rateReason = capped ? why : 'card-and-reader';
    this.fastRateUntested = session.rates.pcdToPicc > 106 || session.rates.piccToPcd > 106;
    this.session = session;
    this.options.transcript?.note('isodep', `activated: ${session.rates.pcdToPicc}/${session.rates.piccToPcd} kbit/s (${this.rateReason}), FSC ${session.fsc}, FSD ${session.fsd}, FWT ${session.fwtMs.toFixed(1)} ms`);
    return session;
  }

  /** The cap on the next activation's rate, and what to call it if it holds the link back. */
  private rateCap(): { cap?: BitRate; why?: ContactlessRateReason } {
    if (this.fellBack) return { cap: 106, why: 'fallback-after-failure' };
    const user = this.options.contactlessMaxRate?.();
    if (user !== undefined) return { cap: user, why: 'user-setting' };
    return this.options.maxBitRate !== undefined ? { cap: this.options.maxBitRate, why: 'user-setting' } : {};
  }

  /**
   * The first exchange at the fast rate failed (`cause`): activate again at 106 kbit/s and stay
   * there until close. Only when that activation works is the session marked as fallen back.
   */
  private async fallBack(cause: unknown): Promise<TypeBSession> {
    const from = this.session?.rates;
    const code = isLensError(cause) ? cause.code : String(cause);
    this.options.transcript?.note('isodep', `first exchange at ${from?.pcdToPicc}/${from?.piccToPcd} kbit/s failed (${code}): activating again at 106 kbit/s for this session`);
    this.fellBack = true;
    try {
      return await this.activate();
    } catch (e) {
      this.fellBack = false;
      throw e;
    }
  }

  transmit(apdu: Uint8Array): Promise<Uint8Array> {
    return this.serialise(async () => {
      const session = this.session;
      if (!session) throw new LensError('sony-card-not-activated');
      const bound = commandDeadlineMs(this.options.commandDeadlineMs);
      const deadline = Date.now() + bound;
      const firstAtFastRate = this.fastRateUntested;
      this.fastRateUntested = false;
      try {
        try {
          return await session.initiator.exchange(apdu, deadline);
        } catch (e) {
          // Never around a PIN command or a signature: those fail as they are, and are not re-sent.
          if (!firstAtFastRate || !isLinkFailure(e) || touchesPinOrSignature(apdu) || Date.now() >= deadline) throw e;
          let slower: TypeBSession;
          try {
            slower = await this.fallBack(e);
          } catch (again) {
            // No card answers at 106 either (it was taken away): the exchange's own failure is the
            // one to report, unless the reader itself is gone.
            throw isLensError(again, 'reader-unplugged') ? again : e;
          }
          this.fastRateUntested = false;
          return await slower.initiator.exchange(apdu, deadline);
        }
      } catch (e) {
        if (!isLensError(e, 'timeout') || Date.now() < deadline) throw e;
        // Recovery (src/readers/command-deadline.ts): a command still running on the reader was
        // already cancelled by the front end (RC-S380: ACK); the ISO-DEP block numbers and the card's
        // state are now unknown, so the field goes off (the card resets: ISO/IEC 14443-3 §6.2) and the
        // card must be activated again. The APDU is not sent again.
        this.session = undefined;
        await this.frontEnd.fieldOff().catch(() => undefined);
        throw commandDeadlineError(bound, e);
      }
    });
  }

  powerOff(): Promise<void> {
    return this.serialise(() => this.deactivate());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopPolling();
    this.listeners.clear();
    await this.serialise(async () => {
      try {
        await this.deactivate();
      } catch {
        // the device may be gone; shutdown below is best effort too
      }
      try {
        await this.frontEnd.shutdown();
      } catch {
        // closing an unplugged reader succeeds: there is nothing left to release
      }
    });
  }

  cardPresent(): Promise<boolean> {
    return this.serialise(() => this.presentNow());
  }

  private async presentNow(): Promise<boolean> {
    if (this.session) {
      const firstAtFastRate = this.fastRateUntested;
      this.fastRateUntested = false;
      if (await this.session.initiator.presenceCheck()) return true;
      if (firstAtFastRate) {
        // The presence check was the first exchange at the fast rate (rate-fallback.ts): a card
        // that answers at 106 kbit/s is still there, and nothing had been exchanged with it yet.
        const slower = await this.fallBack('presence check unanswered').catch(() => undefined);
        if (slower) return true;
      }
      this.session = undefined;
      await this.frontEnd.fieldOff();
      return false;
    }
    await this.frontEnd.startTypeB();
    const atqb = await pollTypeB(this.frontEnd.link, { reqb: { wakeUp: true }, transcript: this.options.transcript });
    await this.frontEnd.fieldOff();
    return atqb !== undefined;
  }

  onCardChange(listener: (present: boolean) => void): () => void {
    this.listeners.add(listener);
    this.poller ??= setInterval(() => void this.poll(), this.options.pollIntervalMs ?? 1000);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  /** This reader as a CardChannel (after powerOn): what the card applications take. */
  channel(): CardChannel {
    const session = this.session;
    if (!session) throw new LensError('sony-card-not-activated');
    return {
      atr: session.atr,
      capabilities: SHORT_APDU_CAPABILITIES,
      transcript: this.options.transcript,
      transmit: (apdu) => this.transmit(apdu),
      close: () => this.powerOff(),
    };
  }

  /** The rate of the activated card's link and why (src/readers/types.ts CardReader.contactlessRate). */
  get contactlessRate(): { readonly kbps: ContactlessKbps; readonly reason: ContactlessRateReason } | undefined {
    const session = this.session;
    if (!session) return undefined;
    return { kbps: Math.min(session.rates.pcdToPicc, session.rates.piccToPcd) as ContactlessKbps, reason: this.rateReason };
  }

  get atr(): Bytes | undefined {
    return this.session?.atr;
  }

  private async deactivate(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session) {
      try {
        await session.initiator.deselect();
      } catch (e) {
        if (!isRfFailure(e)) throw e;
      }
    }
    await this.frontEnd.fieldOff();
  }

  private async poll(): Promise<void> {
    // A poll can take longer than the interval (a slow or stuck reader, each step bounded by its
    // time-out); skip ticks meanwhile instead of queueing a poll per tick behind it without end.
    if (this.pollInFlight) return;
    this.pollInFlight = true;
    try {
      await this.pollOnce();
    } finally {
      this.pollInFlight = false;
    }
  }

  private async pollOnce(): Promise<void> {
    let present: boolean;
    const tap = this.options.transcript instanceof QuietableTranscript ? this.options.transcript : undefined;
    try {
      // Polls are not recorded (they would crowd the report); a change is noted below.
      present = await this.serialise(() => (tap ? tap.quietly(() => this.presentNow()) : this.presentNow()));
    } catch (e) {
      if (isLensError(e, 'reader-unplugged')) this.stopPolling();
      return;
    }
    if (present === this.lastPresent) return;
    this.lastPresent = present;
    this.options.transcript?.note('isodep', present ? 'card in the field' : 'no card in the field');
    for (const l of this.listeners) l(present);
  }

  private stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }

  private serialise<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
