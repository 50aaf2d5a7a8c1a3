/**
 * The overall bound on one `CardReader.transmit()` — one APDU, from the first byte sent to the last
 * byte of the answer — whatever the card asks for on the way (house rule 6: every wait has a bound).
 *
 * Why a separate bound: each protocol lets the card extend its own wait again and again, legally.
 * T=1 S(WTX) (ISO/IEC 7816-3:2006 §11.3.2.2: we honour 200 per command, each up to 255 × BWT), CCID
 * time extension (CCID Rev 1.10 §6.2.6: 100 per command, each bError ≤ 255 × the exchange bound) and
 * ISO-DEP S(WTX) (ISO/IEC 14443-4 §7.3: each up to FWT(14) ≈ 5 s) — the per-exchange bounds multiply
 * into hours, during which the page would just wait.
 *
 * Why 60 s by default: the slowest thing the My Number Card does is an RSA-2048 private-key operation
 * (COMPUTE DIGITAL SIGNATURE), which takes well under 2 s on the card; a 256-byte READ BINARY takes
 * about 0.3 s even at 9600 bit/s. 60 s is a wide margin over that, and still short enough that a user
 * is told something instead of waiting on a stuck reader.
 *
 * When it passes, the reader runs its recovery path (CCID abort or reset; Sony cancel and field off)
 * and fails with `timeout`. The command is never sent again: it may have reached the card, so its
 * outcome is unknown (a VERIFY may have spent a try; the caller re-reads the retry counter).
 */
import { LensError } from '../errors';

export const DEFAULT_COMMAND_DEADLINE_MS = 60_000;

/** What `what` says in the timeout error, so a report tells the deadline from a single exchange. */
export const COMMAND_DEADLINE_WHAT = 'APDU (overall command deadline)';

/** The bound an option asks for, or the default; non-positive or non-finite values fall back too. */
export function commandDeadlineMs(option: number | undefined): number {
  return option !== undefined && Number.isFinite(option) && option > 0 ? option : DEFAULT_COMMAND_DEADLINE_MS;
}

/** The error a transmit ends with when its deadline passed (`cause`: the exchange that was cut). */
export function commandDeadlineError(ms: number, cause?: unknown): LensError {
  return new LensError('timeout', { what: COMMAND_DEADLINE_WHAT, ms: Math.round(ms) }, cause === undefined ? {} : { cause });
}
