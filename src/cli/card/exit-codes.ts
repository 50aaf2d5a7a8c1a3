/**
 * Exit codes of the card commands (documented in src/cli/README.md). The pki commands' codes (0, 1,
 * 2, 3, 4, 70) keep their meaning; the card path adds 5–9, one per thing the user does about it.
 */
import { isLensError } from '../../errors';

export const CARD_EXIT = {
  ok: 0,
  usage: 2,
  /** Could not write the output file. */
  output: 3,
  /** PC/SC is not usable here: binding or library missing, service not running, access refused. */
  pcscUnavailable: 5,
  /** No reader, no card, or the card is held by another program: nothing was read. */
  noCard: 6,
  /** The card, reader or service went away (or stopped answering) during the command. */
  lost: 7,
  /** PIN: wrong, locked, last try not acknowledged, not given, or typed in the wrong format. */
  pin: 8,
  /** The card answered, with an error: not a JPKI card, certificate absent, another status word. */
  card: 9,
  internal: 70,
} as const;

const UNAVAILABLE = new Set(['pcsc-binding-missing', 'pcsc-library-missing', 'pcsc-platform-unsupported', 'pcsc-no-service', 'pcsc-access-denied']);
const NO_CARD = new Set(['pcsc-no-reader', 'pcsc-reader-not-found', 'pcsc-no-card', 'pcsc-sharing-violation', 'pcsc-card-unresponsive']);
const LOST = new Set([
  'pcsc-card-removed', 'pcsc-reader-gone', 'pcsc-service-stopped', 'pcsc-timeout', 'pcsc-no-response', 'pcsc-card-reset',
  'pcsc-cancelled', 'pcsc-closed', 'pcsc-failed',
]);

export function cardExitCode(e: unknown): number {
  if (!isLensError(e)) return CARD_EXIT.internal;
  if (e.code === 'pki-cli-usage') return CARD_EXIT.usage;
  if (e.code === 'cli-output-unwritable') return CARD_EXIT.output;
  if (UNAVAILABLE.has(e.code)) return CARD_EXIT.pcscUnavailable;
  if (NO_CARD.has(e.code)) return CARD_EXIT.noCard;
  if (LOST.has(e.code)) return CARD_EXIT.lost;
  if (e.code.startsWith('pin-') || e.code.startsWith('cli-pin-')) return CARD_EXIT.pin;
  return CARD_EXIT.card;
}
