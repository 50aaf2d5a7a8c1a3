/**
 * What the reader screen needs to know about the card before it picks an overview (issue 11 item 1):
 * a My Number card (with or without the マイナ免許証 instance), an old 住基カード, an IC driver's
 * licence (with what it gives without a PIN), or a card this app does not know (with its ATR).
 * Kept out of card-session.ts so that file only routes.
 */
import type { CardChannel } from '../../card/channel';
import type { JpkiCardInfo } from '../../card/card-info';
import type { CardFamily } from '../../card/recognise';
import type { LicenceOverview, MynaLicenceOverview } from '../../card/licence/overview';
import { toHex } from '../../bytes';

type Runtime = typeof import('./runtime');

export type RecognisedCard =
  | { readonly kind: 'my-number'; readonly atr: string; readonly mynaLicence?: MynaLicenceOverview }
  /** The old 住民基本台帳カード: its JPKI certificate service has ended. */
  | { readonly kind: 'juki'; readonly atr: string }
  | { readonly kind: 'licence'; readonly atr: string; readonly licence: LicenceOverview }
  | { readonly kind: 'unknown'; readonly atr: string };

export async function recogniseOther(rt: Runtime, channel: CardChannel, family: Exclude<CardFamily, 'jpki'>, atr: Uint8Array): Promise<RecognisedCard> {
  const hex = toHex(atr);
  if (family === 'licence') return { kind: 'licence', atr: hex, licence: await rt.readLicenceOverview(channel) };
  return { kind: 'unknown', atr: hex };
}

/** After the JPKI overview: 住基カード by its token label, else a My Number card, probed for the licence instance. */
export async function recogniseJpki(rt: Runtime, channel: CardChannel, info: JpkiCardInfo, atr: Uint8Array): Promise<RecognisedCard> {
  const hex = toHex(atr);
  if (info.token.kind === 'juki-card') return { kind: 'juki', atr: hex };
  const mynaLicence = await rt.probeMynaLicence(channel);
  return { kind: 'my-number', atr: hex, ...(mynaLicence ? { mynaLicence } : {}) };
}
