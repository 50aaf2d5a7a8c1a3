/**
 * Which card is in the reader, told by SELECTs, never by the ATR alone (jpki-card.md §1.1 pitfall 2:
 * ≥ 5 contact and ≥ 4 contactless My Number ATRs exist, and contactless readers synthesise their
 * own): the JPKI AID answers on a My Number card (and on the old 住基カード, told apart later by its
 * token label, card-info.ts); DF1 of the IC driver's licence answers on a licence (§9.1); anything
 * else is unknown and is reported with its ATR.
 *
 * Order: JPKI first (the common case, and the very SELECT the JPKI overview starts with, so it costs
 * nothing there), then the licence DF1. A SELECT of a foreign AID is harmless on both cards (6A82).
 */
import type { CardChannel } from './channel';
import { selectJpkiIfPresent } from './card-info';
import { CardSession } from './session';
import { CardStatusError } from './status-words';
import { LICENCE_AID } from './licence/ids';

export type CardFamily = 'jpki' | 'licence' | 'unknown';

async function answers(session: CardSession, select: () => Promise<unknown>): Promise<boolean> {
  try {
    await select();
    return true;
  } catch (e) {
    if (e instanceof CardStatusError) return false;
    throw e;
  }
}

export function recogniseCard(channel: CardChannel): Promise<CardFamily> {
  const session = CardSession.of(channel);
  return session.run(async () => {
    if (await answers(session, async () => {
      if (!(await selectJpkiIfPresent(session))) throw new CardStatusError(0x6a82, 'SELECT');
    })) return 'jpki';
    if (await answers(session, () => session.selectDf(LICENCE_AID.df1, { force: true }))) return 'licence';
    return 'unknown';
  });
}
