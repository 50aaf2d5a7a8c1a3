/**
 * The licence's part of the card session (issue 11): what was read from an IC driver's licence or a
 * マイナ免許証 instance after its PINs, as a small model of its own next to `CardSessionModel` (which
 * only recognises the card and reads the PIN-free overview). Steps run through
 * `CardSessionModel.runCardStep`, so they are one at a time, busy-marked and end the card on a lost
 * reader like every PIN step.
 *
 * Personal data (architecture rule 7): everything here is personal — held in memory only, never
 * saved, and dropped when the licence screen is left (`clear()`), when another card is read, the
 * card is removed or the reader goes. PIN values go straight to the card layer and are not kept.
 */
import type { EntriesWithGlyphs, LicenceChanges, LicenceDomicile, LicenceSignature, MynaLicenceInfo } from '../../card/licence';
import type { PinStatus } from '../../card/pin';
import { LensError } from '../../errors';
import type { CardSessionModel, PinOutcome } from './card-session';
import type { CardChannel } from '../../card/channel';
import type { RecognisedCard } from './recognised';

type Runtime = typeof import('./runtime');
let runtime: Promise<Runtime> | undefined;
function loadRuntime(): Promise<Runtime> {
  runtime ??= import('./runtime').catch((e: unknown) => {
    runtime = undefined;
    throw e;
  });
  return runtime;
}

export interface LicenceSnapshot {
  /** Counters as last learned (the overview's, updated from each VERIFY's answer). */
  readonly pin1?: PinStatus;
  readonly pin2?: PinStatus;
  readonly mynaPin?: PinStatus;
  /** The DPIN was presented for the user (no PIN set on this card). */
  readonly usedDpin?: boolean;
  readonly entries?: EntriesWithGlyphs;
  readonly changes?: LicenceChanges;
  readonly changesError?: LensError;
  readonly signature?: LicenceSignature;
  readonly signatureError?: LensError;
  readonly domicile?: LicenceDomicile;
  readonly domicileError?: LensError;
  readonly photo?: Uint8Array;
  readonly photoError?: LensError;
  readonly myna?: MynaLicenceInfo;
}

type Listener = (s: LicenceSnapshot) => void;

/** As in card-session.ts: nobody knows whether the card executed the last command. */
const OUTCOME_UNKNOWN: readonly string[] = ['t1-transmission-lost', 'isodep-no-response', 'isodep-wait-limit'];

function asError(e: unknown): LensError {
  return e instanceof LensError ? e : new LensError('app-unexpected', { what: e instanceof Error ? e.name : 'Error' }, { cause: e });
}

/** Errors of a part that leave the rest of the screen standing (a card-level refusal or bad data). */
function partial(e: unknown): LensError {
  const err = asError(e);
  if (err.code.startsWith('sw-') || err.code.startsWith('licence-') || err.code === 'pin-not-verified') return err;
  throw e;
}

export class LicenceSessionModel {
  private snap: LicenceSnapshot = {};
  private readonly listeners = new Set<Listener>();
  /** The card the data belongs to (the session's `recognised` object when it was read). */
  private card: RecognisedCard | undefined;

  constructor(private readonly session: CardSessionModel) {
    session.subscribe((s) => {
      if (this.card && (s.phase !== 'ready' || s.recognised !== this.card)) this.clear();
    });
  }

  get value(): LicenceSnapshot {
    return this.snap;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: LicenceSnapshot): void {
    this.snap = next;
    for (const l of this.listeners) l(next);
  }

  /** Only while bound to the card on screen: a late answer after a removal or leave is dropped. */
  private patch(p: Partial<LicenceSnapshot>): void {
    if (!this.card || this.card !== this.session.value.recognised) return;
    this.set({ ...this.snap, ...p });
  }

  /** Forget everything read (the screen calls this when it is left). */
  clear(): void {
    this.card = undefined;
    if (Object.keys(this.snap).length) this.set({});
  }

  private bind(): void {
    const r = this.session.value.recognised;
    if (r !== this.card) {
      this.card = r;
      this.snap = {};
    }
  }

  /** Counters shown: what this model learned, else the overview's. */
  pinStatusOf(pin: 1 | 2 | 'myna'): PinStatus | undefined {
    const r = this.session.value.recognised;
    if (pin === 'myna') return this.snap.mynaPin ?? (r?.kind === 'my-number' ? r.mynaLicence?.pin : undefined);
    const own = pin === 1 ? this.snap.pin1 : this.snap.pin2;
    return own ?? (r?.kind === 'licence' ? (pin === 1 ? r.licence.pin1 : r.licence.pin2) : undefined);
  }

  private notePinError(key: 'pin1' | 'pin2' | 'mynaPin', pin: 1 | 2 | 'myna', err: LensError): void {
    const base = this.pinStatusOf(pin);
    if (!base) return;
    if (err.code === 'licence-pin-wrong' && typeof err.params.remaining === 'number') this.patch({ [key]: { ...base, remaining: err.params.remaining, blocked: false } });
    if (err.code === 'licence-pin-blocked') this.patch({ [key]: { ...base, remaining: 0, blocked: true } });
  }

  private async step(pin: 1 | 2 | 'myna', work: (rt: Runtime) => (channel: CardChannel) => Promise<void>): Promise<PinOutcome> {
    this.bind();
    let rt: Runtime;
    try {
      rt = await loadRuntime();
    } catch (e) {
      return { ok: false, error: asError(e) };
    }
    const run = work(rt);
    // pinId '' : the licence's counters are this model's own, not the overview's.
    const outcome = await this.session.runCardStep(pin === 'myna' ? 'personal' : 'verify', '', (channel) => run(channel));
    if (!outcome.ok) {
      this.notePinError(pin === 1 ? 'pin1' : pin === 2 ? 'pin2' : 'mynaPin', pin, outcome.error);
      if (OUTCOME_UNKNOWN.includes(outcome.error.code)) await this.rereadCounters(rt, pin);
    }
    return outcome;
  }

  /**
   * After an exchange whose outcome is unknown the card may or may not have counted a try: the
   * counters shown are read again (empty VERIFY, no try) before the dialog is used again. If that
   * fails too, the card session has already taken the card off the screen.
   */
  private async rereadCounters(rt: Runtime, pin: 1 | 2 | 'myna'): Promise<void> {
    await this.session.runCardStep('read', '', async (channel) => {
      if (pin === 'myna') {
        this.patch({ mynaPin: await new rt.MynaLicenceAp(channel).pinStatus() });
        return;
      }
      const ap = new rt.DriversLicenceAp(channel);
      this.patch({ pin1: await ap.pinStatus(1), pin2: await ap.pinStatus(2) });
    });
  }

  /**
   * PIN1 (or the DPIN when the card has none: `value` empty), then 記載事項, 記載事項変更等 and the
   * signature. The card layer validates the value, reads the counter and refuses an unacknowledged
   * last try or a blocked PIN before sending anything.
   */
  readWithPin1(value: string, acknowledgeLastTry: boolean): Promise<PinOutcome> {
    return this.step(1, (rt) => async (channel) => {
      const ap = new rt.DriversLicenceAp(channel);
      const { usedDpin } = await ap.verifyPin(1, value, { acknowledgeLastTry });
      const base = this.pinStatusOf(1);
      this.patch({ usedDpin, ...(base ? { pin1: { ...base, remaining: base.max, blocked: false } } : {}) });
      const entries = await ap.readEntries();
      this.patch({ entries });
      try {
        this.patch({ changes: await ap.readChanges() });
      } catch (e) {
        this.patch({ changesError: partial(e) });
      }
      try {
        this.patch({ signature: await ap.readSignature() });
      } catch (e) {
        this.patch({ signatureError: partial(e) });
      }
    });
  }

  /** PIN2 (PIN1 having been verified), then 本籍 and the photo. */
  readWithPin2(value: string, acknowledgeLastTry: boolean): Promise<PinOutcome> {
    return this.step(2, (rt) => async (channel) => {
      const ap = new rt.DriversLicenceAp(channel);
      const { usedDpin } = await ap.verifyPin(2, value, { acknowledgeLastTry });
      const base = this.pinStatusOf(2);
      this.patch({ usedDpin: usedDpin || this.snap.usedDpin === true, ...(base ? { pin2: { ...base, remaining: base.max, blocked: false } } : {}) });
      try {
        this.patch({ domicile: await ap.readDomicile() });
      } catch (e) {
        this.patch({ domicileError: partial(e) });
      }
      try {
        this.patch({ photo: await ap.readPhoto() });
      } catch (e) {
        this.patch({ photoError: partial(e) });
      }
    });
  }

  /** マイナ免許証: its PIN, then 免許情報 (what it needs is UNCONFIRMED; the PIN is asked first). */
  readMyna(value: string, acknowledgeLastTry: boolean): Promise<PinOutcome> {
    return this.step('myna', (rt) => async (channel) => {
      const ap = new rt.MynaLicenceAp(channel);
      await ap.verifyPin(value, { acknowledgeLastTry });
      const base = this.pinStatusOf('myna');
      if (base) this.patch({ mynaPin: { ...base, remaining: base.max, blocked: false } });
      this.patch({ myna: await ap.readLicenceInfo() });
    });
  }
}

let instance: LicenceSessionModel | undefined;

/** The page's one licence model, over the page's card session. */
export function licenceSession(session: CardSessionModel): LicenceSessionModel {
  instance ??= new LicenceSessionModel(session);
  return instance;
}
