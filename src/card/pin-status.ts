/**
 * The counters of every PIN on the card in one pass, spending no try: for each, SELECT its
 * application (only when it changes) and its IEF, then the empty VERIFY. An application the card
 * lacks (6A82 on SELECT) is reported as absent, not as an error, so a smartphone token or an old
 * 住基カード still shows what it has.
 */
import type { CardSession } from './session';
import { type PinReference, type PinStatus, readPinStatus } from './pin';
import { USER_PINS } from './pin-references';
import { CardStatusError } from './status-words';
import { isLensError } from '../errors';

export interface PinStatusEntry {
  readonly id: string;
  /** The counter, or undefined when the PIN (or its application) is not on this card. */
  readonly status?: PinStatus;
  readonly absent?: boolean;
  /** Another failure for this PIN only (its code); the others are still reported. */
  readonly errorCode?: string;
}

export async function readAllPinStatus(session: CardSession, pins: readonly PinReference[] = USER_PINS): Promise<PinStatusEntry[]> {
  const out: PinStatusEntry[] = [];
  for (const pin of pins) {
    try {
      out.push({ id: pin.id, status: await readPinStatus(session, pin) });
    } catch (e) {
      if (isLensError(e, 'pin-absent') || (e instanceof CardStatusError && e.sw === 0x6a86)) out.push({ id: pin.id, absent: true });
      else if (e instanceof CardStatusError) out.push({ id: pin.id, errorCode: e.code });
      else if (isLensError(e) && e.code.startsWith('apdu-response')) out.push({ id: pin.id, errorCode: e.code });
      else throw e; // transport trouble: the card is gone, stop
    }
  }
  return out;
}
