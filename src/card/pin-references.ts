/**
 * Every PIN on the card that a reader app may present or query (jpki-card.md §0, §3.2, §4, §5.1,
 * §6). Limits: JPKI 3 and 5 (OpenSC `JPKI_AUTH_PIN_MAX_TRIES` / `JPKI_SIGN_PIN_MAX_TRIES`); the
 * other 4-digit PINs lock after 3 (municipal pages cited there). 照合番号A of the 券面AP: 3, from one
 * source only (sc-tools-myna's notes on real cards, tests/fixtures/real/jpki-card-behaviour-notes.txt §4);
 * the card's own 63Cx answer is what counts either way.
 */
import { AID, COMMON_EF, JPKI_EF, KENHOJO_EF, KENMEN_EF } from './aids';
import type { PinReference } from './pin';

export const PIN = {
  /** 利用者証明用電子証明書の暗証番号 (4 digits, 3 tries) */
  jpkiAuth: { id: 'jpki-auth', aid: AID.jpki, ef: JPKI_EF.authPin, format: 'digits-4', max: 3 },
  /** 署名用電子証明書の暗証番号 = 署名用パスワード (6–16 A–Z0–9, 5 tries) */
  jpkiSign: { id: 'jpki-sign', aid: AID.jpki, ef: JPKI_EF.signPin, format: 'sign-password', max: 5 },
  /** 券面事項入力補助用暗証番号 (4 digits, 3 tries) */
  kenhojo: { id: 'kenhojo', aid: AID.kenhojo, ef: KENHOJO_EF.pin, format: 'digits-4', max: 3 },
  /** 住民基本台帳用暗証番号, EF 001C of the 共通カードAP (4 digits, 3 tries; TRET `lookupRemainingPIN`) */
  common: { id: 'common', aid: AID.common, ef: COMMON_EF.pin, format: 'digits-4', max: 3 },
  /** 照合番号A of the 券面事項確認AP: the 12-digit 個人番号 (3 tries, one source: sc-tools-myna, jpki-card-behaviour-notes.txt) */
  kenmenA: { id: 'kenmen-a', aid: AID.kenmen, ef: KENMEN_EF.numberA, format: 'digits-12', max: 3 },
  /** 照合番号B of the 券面事項確認AP: 14 digits from the printed face, §5.1 (3 tries, the same single source as 照合番号A) */
  kenmenB: { id: 'kenmen-b', aid: AID.kenmen, ef: KENMEN_EF.numberB, format: 'digits-14', max: 3 },
} as const satisfies Record<string, PinReference>;

/** The four user PINs whose counters a status page shows, in card order (JPKI first). */
export const USER_PINS: readonly PinReference[] = [PIN.jpkiAuth, PIN.jpkiSign, PIN.kenhojo, PIN.common];
