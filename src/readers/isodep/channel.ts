/**
 * An activated Type B card as a CardChannel: one APDU at a time through ISO-DEP. Short APDUs only
 * (Lc ≤ 255, Le ≤ 256): ISO-DEP chaining could carry extended ones, but the portable choice for the
 * card is short APDUs (jpki-card.md §1.2).
 */
import type { CardChannel, ChannelCapabilities } from '../../card/channel';
import type { Transcript } from '../../trace/transcript';
import type { Bytes } from './bytes';
import type { TypeBSession } from './activate';

export const SHORT_APDU_CAPABILITIES: ChannelCapabilities = { extendedLength: false, maxCommandData: 255, maxResponseData: 256 };

export class IsoDepChannel implements CardChannel {
  readonly capabilities = SHORT_APDU_CAPABILITIES;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly session: TypeBSession,
    readonly transcript?: Transcript,
  ) {}

  get atr(): Bytes {
    return this.session.atr;
  }

  transmit(apdu: Uint8Array): Promise<Uint8Array> {
    return this.serialise(() => this.session.initiator.exchange(apdu));
  }

  /** S(DESELECT); the reader switches the field off separately. */
  close(): Promise<void> {
    return this.serialise(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.session.initiator.deselect();
    });
  }

  private serialise<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
