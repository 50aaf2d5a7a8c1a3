/**
 * The contactless link's rate in the session snapshot: after each card read the reader check panel
 * and the diagnostics report show which rate the card was read at and why (issue 13 item 7).
 */
import type { CardReader } from '../../readers/types';
import type { ConnectedReader } from './card-session';

/** `connected` with the reader's current rate (kept as it was when the reader reports none). */
export function withContactlessRate(connected: ConnectedReader | undefined, reader: CardReader): ConnectedReader | undefined {
  const rate = reader.contactlessRate;
  if (!connected || !rate) return connected;
  const was = connected.contactlessRate;
  if (was?.kbps === rate.kbps && was.reason === rate.reason) return connected;
  return { ...connected, contactlessRate: { kbps: rate.kbps, reason: rate.reason } };
}
