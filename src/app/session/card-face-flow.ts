/**
 * The card-face check (issue 10) as steps of the card session: read the 照合番号B counter, open the
 * 券面事項確認AP with 照合番号B (no PIN) or with 照合番号A (the 個人番号 read with the 4-digit PIN),
 * and read the face and, with A, the back's 個人番号 image — each with its signature checked.
 *
 * House rules kept here as for the PINs: nothing is sent without the user's explicit action; the
 * typed birth date, expiry year and security code are composed into the key (cardFaceKeyB, local
 * validation first) and handed straight to the card layer, which sends one VERIFY after the counter
 * and zeroes the bytes — nothing here keeps them. The results live in the session snapshot only
 * (never saved) and are dropped with `clearPersonal()`, a card removal or a disconnect.
 *
 * The synthetic CVC CA of the virtual card is trusted only in demo mode — the switch that also
 * trusts the JPKI-TEST roots there (verification panel); on any other reader it is "CA key unknown".
 */
import type { CardFaceKeyBInput, CheckedCardFace, MyNumberImage } from '../../card/kenmen';
import { cardFaceKeyB } from '../../card/kenmen-key-b';
import type { PinStatus } from '../../card/pin';
import { LensError, isLensError } from '../../errors';
import type { CardSessionModel, PinOutcome, SessionSnapshot } from './card-session';

export interface FaceCheck {
  /** Which key opened the 券面AP. */
  readonly via: 'number-a' | 'number-b';
  readonly face: CheckedCardFace;
  /** The back (EF 0005): only 照合番号A opens it. */
  readonly back?: MyNumberImage;
}

function statusAfter(error: LensError, before: PinStatus | undefined): PinStatus | undefined {
  const max = before?.max ?? 0;
  if (error.code === 'pin-blocked') return { remaining: 0, max, blocked: true };
  if (error.code === 'pin-wrong' && typeof error.params.remaining === 'number') {
    const remaining = error.params.remaining;
    return { remaining, max: Math.max(max, remaining), blocked: remaining === 0 };
  }
  return undefined;
}

/** The 照合番号B counter (empty VERIFY: spends no try). */
export function readNumberBStatus(session: CardSessionModel): Promise<PinOutcome> {
  return session.runCardStep('face', 'kenmen-b', async (channel, rt) => ({ faceKeyB: await new rt.KenmenAp(channel).numberBStatus() }));
}

/**
 * 照合番号B from what the user read off the card, then the face. A typing mistake comes back as a
 * `card-key-b-invalid` error naming the field, before any I/O.
 */
export async function readFaceWithNumberB(session: CardSessionModel, input: CardFaceKeyBInput, acknowledgeLastTry: boolean): Promise<PinOutcome> {
  let key: string; // a string cannot be zeroed: it lives only in this call (the card layer zeroes its bytes)
  try {
    key = cardFaceKeyB(input);
  } catch (e) {
    if (isLensError(e)) return { ok: false, error: e };
    throw e;
  }
  const trustTestKeys = session.demo;
  const outcome = await session.runCardStep('face', 'kenmen-b', async (channel, rt): Promise<Partial<SessionSnapshot>> => {
    const ap = new rt.KenmenAp(channel);
    await ap.verifyNumberB(key, { acknowledgeLastTry });
    const before = session.value.faceKeyB;
    const face = await ap.readFace({ trustTestKeys });
    return { face: { via: 'number-b', face }, ...(before ? { faceKeyB: { ...before, remaining: before.max, blocked: false } } : {}) };
  });
  if (!outcome.ok) await noteCounter(session, outcome.error);
  return outcome;
}

/** Reflect a wrong or blocked 照合番号B in the counter shown, from the card's own answer (no APDU). */
async function noteCounter(session: CardSessionModel, error: LensError): Promise<void> {
  if (error.params.pin !== 'kenmen-b') return;
  const next = statusAfter(error, session.value.faceKeyB);
  if (next) await session.runCardStep('face', 'kenmen-b', () => Promise.resolve({ faceKeyB: next }));
}

/**
 * The 4-digit 券面事項入力補助用暗証番号, then 個人番号 + 4 info (入力補助AP), then 照合番号A = that
 * 個人番号 (right by construction, never typed) for the face and the back's 個人番号 image.
 */
export function readFaceWithPin(session: CardSessionModel, pin: string, acknowledgeLastTry: boolean): Promise<PinOutcome> {
  const trustTestKeys = session.demo;
  return session.runCardStep('face', 'kenhojo', async (channel, rt) => {
    const kenhojo = new rt.KenhojoAp(channel);
    await kenhojo.verifyPin(pin, { acknowledgeLastTry });
    const personal = await kenhojo.readAll({ trustTestKeys });
    const ap = new rt.KenmenAp(channel);
    // The counter of A is still read first by the card layer; its limit is UNCONFIRMED (§5.1).
    await ap.verifyNumberA(personal.myNumber.value);
    const face = await ap.readFace({ trustTestKeys });
    const back = await ap.readMyNumberImage({ trustTestKeys });
    return { personal, face: { via: 'number-a', face, back } };
  });
}

/** The My Number screen's path: 照合番号A from the 個人番号 already read there. */
export function readFaceAfterPersonal(session: CardSessionModel): Promise<PinOutcome> {
  const number = session.value.personal?.myNumber.value;
  if (!number) return Promise.resolve({ ok: false, error: new LensError('pin-not-verified', { pin: 'kenhojo' }) });
  const trustTestKeys = session.demo;
  return session.runCardStep('face', 'kenmen-a', async (channel, rt) => {
    const ap = new rt.KenmenAp(channel);
    await ap.verifyNumberA(number);
    const face = await ap.readFace({ trustTestKeys });
    const back = await ap.readMyNumberImage({ trustTestKeys });
    return { face: { via: 'number-a', face, back } };
  });
}
