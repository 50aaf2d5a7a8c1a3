/**
 * The licence's PINs: 暗証番号1 (IEF01) and 暗証番号2 (IEF02) at the MF, 4 digits sent as JIS X 0201
 * (`30`–`39`), 3 tries; a blocked PIN is reset only at a licence centre or police station
 * (jpki-card.md §9.1; JDCard, soft-studio, TRET, miscellaneous.tokyo). The マイナ免許証 instance has
 * one PIN at IEF01 `0006` (SFI 6; `63 CA` = 10 tries seen on one card, §9.4).
 *
 * The same guard as JPKI (src/card/pin.ts, the house rules): the value is validated locally before
 * any I/O; the counter is read first with an empty VERIFY (case 1, spends no try); a blocked PIN
 * sends nothing; one try left sends nothing unless acknowledged; a cancelled entry sends nothing;
 * exactly one VERIFY, masked in the transcript, its bytes zeroed afterwards; never re-sent.
 *
 * VERIFY uses the short-EF-identifier form P2 = 80 + SFI (`00 20 00 81` / `82` with the MF current,
 * `00 20 00 86` in the instance), for both the counter and the value, as §9.1/§9.4 give them.
 */
import type { CardSession } from '../session';
import { fromAscii } from '../bytes';
import type { PinStatus, VerifyOptions } from '../pin';
import { CardStatusError, SW_OK, isBlockedStatus, triesLeft } from '../status-words';
import { LensError } from '../../errors';
import { DPIN } from './ids';

export type LicencePinId = 'licence-pin1' | 'licence-pin2' | 'myna-licence';

export interface LicencePinRef {
  readonly id: LicencePinId;
  /** P2 of VERIFY: 80 + SFI. */
  readonly p2: number;
  /** The try limit the sources state. */
  readonly max: number;
  /** Make the PIN's level current (MF for the card, the instance for マイナ免許証). */
  readonly select: (session: CardSession) => Promise<void>;
}

/** Validate a typed value: exactly 4 digits (NFKC, so full-width digits from an IME count). Throws `pin-format-4-digits`. */
export function licencePinBytes(value: string): Uint8Array {
  const v = value.normalize('NFKC');
  if (!/^[0-9]{4}$/.test(v)) throw new LensError('pin-format-4-digits');
  return fromAscii(v);
}

export function dpinBytes(): Uint8Array {
  return fromAscii(DPIN);
}

export async function readLicencePinStatus(session: CardSession, pin: LicencePinRef): Promise<PinStatus> {
  await pin.select(session);
  const r = await session.send({ cla: 0x00, ins: 0x20, p1: 0x00, p2: pin.p2 });
  if (isBlockedStatus(r.sw)) return { remaining: 0, max: pin.max, blocked: true };
  const tries = triesLeft(r.sw);
  if (tries !== undefined) return { remaining: tries, max: Math.max(pin.max, tries), blocked: false };
  if (r.sw === SW_OK) return { remaining: pin.max, max: pin.max, blocked: false }; // a 9000 to an empty VERIFY is a full counter, never "already verified" (jpki-card-behaviour-notes.txt)
  if (r.sw === 0x6a82) throw new LensError('pin-absent', { pin: pin.id }, { cause: new CardStatusError(r.sw, 'VERIFY (counter)') });
  throw new CardStatusError(r.sw, 'VERIFY (counter)');
}

/**
 * The guarded VERIFY of `encoded` (from `licencePinBytes` or `dpinBytes`). The caller validated it
 * before any I/O and zeroes it afterwards.
 */
export async function verifyLicencePin(session: CardSession, pin: LicencePinRef, encoded: Uint8Array, options: VerifyOptions = {}): Promise<void> {
  const status = await readLicencePinStatus(session, pin);
  if (status.blocked) throw new LensError('licence-pin-blocked', { pin: pin.id });
  if (status.remaining === 1 && !options.acknowledgeLastTry) throw new LensError('licence-pin-last-try-not-acknowledged', { pin: pin.id, remaining: 1 });
  if (options.signal?.aborted) throw new LensError('pin-cancelled', { pin: pin.id });
  const r = await session.sensitive(() => session.send({ cla: 0x00, ins: 0x20, p1: 0x00, p2: pin.p2, data: encoded }, { secret: true }));
  if (r.sw === SW_OK) return;
  const cause = new CardStatusError(r.sw, 'VERIFY');
  if (isBlockedStatus(r.sw)) throw new LensError('licence-pin-blocked', { pin: pin.id }, { cause });
  const tries = triesLeft(r.sw);
  if (tries !== undefined) throw new LensError('licence-pin-wrong', { pin: pin.id, remaining: tries }, { cause });
  throw cause;
}
