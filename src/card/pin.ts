/**
 * PIN counters, VERIFY with a guard, CHANGE REFERENCE DATA — shared by the JPKI, 入力補助, 券面 and
 * 共通 applications. The rules of the house (common brief): no try is spent without an explicit
 * user action, a VERIFY is never re-sent by recovery logic, PINs are never logged or kept.
 *
 * The counter is read with an empty VERIFY `00 20 00 80` (case 1), which answers 63Cx without
 * spending a try (jpki-card.md §2, §3.2: OpenSC SC_PIN_CMD_GET_INFO, myna `read_pin`).
 */
import type { CardSession } from './session';
import { type PinFormat, newPinBytes, pinBytes } from './pin-rules';
import { CardStatusError, SW_OK, isBlockedStatus, triesLeft } from './status-words';
import { LensError } from '../errors';

export interface PinReference {
  /** Stable id used in error params and results: `jpki-auth`, `jpki-sign`, `kenhojo`, … */
  readonly id: string;
  readonly aid: Uint8Array;
  /** The PIN IEF (VERIFY P2=80 refers to the currently selected one). */
  readonly ef: number;
  readonly format: PinFormat;
  /** The card's try limit, or null where no source states it. */
  readonly max: number | null;
}

/**
 * A PIN counter. It never says whether the PIN is verified: a real JPKI card answers the empty VERIFY
 * with 63Cx even right after the correct PIN (OpenSC PR #959, tests/fixtures/real/jpki-card-behaviour-
 * notes.txt §1), and a 90 00 (the ISO/IEC 7816-4 §11.5.6 reading, "verification not required") is taken
 * only as "not blocked, counter full" — never as a reason to skip a VERIFY. Login state is what this
 * session verified itself (session.ts), nothing the card is asked about.
 */
export interface PinStatus {
  /** Tries left; `max` when the card answered 90 00 (a correct entry resets the counter). */
  readonly remaining: number;
  readonly max: number;
  readonly blocked: boolean;
}

export interface VerifyOptions {
  /** The user was told this is the last try and chose to go on. Without it a VERIFY is refused
   * when one try is left (jpki-card.md §10 pitfall 4). */
  readonly acknowledgeLastTry?: boolean;
  /** Cancels before the VERIFY is sent (a VERIFY already on the wire cannot be called back). */
  readonly signal?: AbortSignal;
}

/** Select the PIN's application and IEF. */
export async function selectPin(session: CardSession, pin: PinReference): Promise<void> {
  await session.selectDf(pin.aid);
  await session.selectEf(pin.ef);
}

/** The counter of `pin`, spending no try. */
export async function readPinStatus(session: CardSession, pin: PinReference): Promise<PinStatus> {
  try {
    await selectPin(session, pin);
  } catch (e) {
    // 6A82: no such application or PIN EF (e.g. the sign password of an under-15 card).
    if (e instanceof CardStatusError && e.sw === 0x6a82) throw new LensError('pin-absent', { pin: pin.id }, { cause: e });
    throw e;
  }
  const r = await session.send({ cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80 });
  const max = pin.max ?? 0;
  if (isBlockedStatus(r.sw)) return { remaining: 0, max, blocked: true };
  const tries = triesLeft(r.sw);
  if (tries !== undefined) return { remaining: tries, max: Math.max(max, tries), blocked: false };
  if (r.sw === SW_OK) return { remaining: max, max, blocked: false };
  // 63 00 (a key without retry limit, myna-card) and everything else: not a counter we understand.
  throw new CardStatusError(r.sw, 'VERIFY (counter)');
}

function checkCancelled(signal: AbortSignal | undefined, pin: PinReference): void {
  if (signal?.aborted) throw new LensError('pin-cancelled', { pin: pin.id });
}

/**
 * Validate `value` for `pin` *before any I/O* (a malformed value sent to the card costs a try), and
 * refuse an already-cancelled entry; then run `use` with the encoded bytes and zero them afterwards,
 * whatever happens. Validation failures come back as a rejected promise, so a caller's
 * `session.run` (and its SELECTs) never starts.
 */
export function withPinBytes<T>(pin: PinReference, value: string, options: VerifyOptions, use: (encoded: Uint8Array) => Promise<T>): Promise<T> {
  let encoded: Uint8Array;
  try {
    encoded = pinBytes(pin.format, value);
    checkCancelled(options.signal, pin);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  return use(encoded).finally(() => encoded.fill(0));
}

/** As `withPinBytes` for a change: both values validated (the new one with the registration rules). */
export function withNewPinBytes<T>(
  pin: PinReference,
  current: string,
  next: string,
  options: VerifyOptions,
  use: (current: Uint8Array, next: Uint8Array) => Promise<T>,
): Promise<T> {
  let a: Uint8Array | undefined;
  let b: Uint8Array | undefined;
  try {
    a = pinBytes(pin.format, current);
    b = newPinBytes(pin.format, next);
    checkCancelled(options.signal, pin);
  } catch (e) {
    a?.fill(0);
    b?.fill(0);
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  const [x, y] = [a, b];
  return use(x, y).finally(() => {
    x.fill(0);
    y.fill(0);
  });
}

/**
 * Present an encoded PIN (from `withPinBytes`): read the counter, refuse when blocked or when one try
 * is left without `acknowledgeLastTry`, then send exactly one VERIFY. Nothing is presented when any
 * check fails. The PIN bytes are masked in the transcript; the caller zeroes them.
 */
export async function verifyPin(session: CardSession, pin: PinReference, encoded: Uint8Array, options: VerifyOptions = {}): Promise<void> {
  const status = await readPinStatus(session, pin);
  if (status.blocked) throw new LensError('pin-blocked', { pin: pin.id });
  if (status.remaining === 1 && !options.acknowledgeLastTry) {
    throw new LensError('pin-last-try-not-acknowledged', { pin: pin.id, remaining: 1 });
  }
  checkCancelled(options.signal, pin);
  await presentVerify(session, pin, encoded);
}

/** One VERIFY `00 20 00 80 Lc <PIN>`, masked and sensitive; maps the answer to a named error. */
async function presentVerify(session: CardSession, pin: PinReference, encoded: Uint8Array): Promise<void> {
  const r = await session.sensitive(() => session.send({ cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80, data: encoded }, { secret: true }));
  if (r.sw === SW_OK) {
    session.markVerified(pin.ef);
    return;
  }
  session.markUnverified(pin.ef);
  const cause = new CardStatusError(r.sw, 'VERIFY');
  if (isBlockedStatus(r.sw)) throw new LensError('pin-blocked', { pin: pin.id }, { cause });
  const tries = triesLeft(r.sw);
  if (tries !== undefined) throw new LensError('pin-wrong', { pin: pin.id, remaining: tries }, { cause });
  throw cause;
}

/**
 * Change `pin`: the guarded VERIFY of `current`, then CHANGE REFERENCE DATA `00 24 01 80 Lc <new>`
 * (P1=01: only the new value in the data field, the old one having just been verified; jpki/myna
 * `change_pin`, myna-card `change_reference_data`). Both values come from `withNewPinBytes`.
 */
export async function changePin(
  session: CardSession,
  pin: PinReference,
  current: Uint8Array,
  next: Uint8Array,
  options: VerifyOptions = {},
): Promise<void> {
  await verifyPin(session, pin, current, options);
  const r = await session.sensitive(() => session.send({ cla: 0x00, ins: 0x24, p1: 0x01, p2: 0x80, data: next }, { secret: true }));
  if (r.sw !== SW_OK) throw new CardStatusError(r.sw, 'CHANGE REFERENCE DATA');
}
