/**
 * Recognising a My Number card (or a JPKI token) and what it carries.
 *
 * Detection is by SELECT of the JPKI AID, never by ATR: at least five contact and four contactless
 * ATRs are in circulation, and contactless readers synthesise their own (jpki-card.md §1.1, pitfall
 * 2; OpenSC `jpki_match_card` falls back to exactly this SELECT).
 */
import { AID, JPKI_EF } from './aids';
import { ascii } from './bytes';
import type { CardSession } from './session';
import { readPrefix } from './read';
import { CardStatusError } from './status-words';

/** What answered as the JPKI-AP, from the token label in EF 0006 (jpki-card.md §3.1). */
export type TokenKind = 'my-number-card' | 'android-token' | 'iphone-token' | 'juki-card' | 'unknown';

const LABELS: Readonly<Record<string, TokenKind>> = {
  JPKIAPICCTOKEN2: 'my-number-card',
  JPKIAPGPSETOKEN: 'android-token',
  JPKIAPIOSTOKEN: 'iphone-token',
  JPKIAPICCTOKEN: 'juki-card', // the old 住民基本台帳カード (myna-go api.go CheckCard)
};

export interface TokenLabel {
  /** The label with its NUL/space padding removed (printable ASCII only). */
  readonly label: string;
  readonly kind: TokenKind;
}

/** EF 0006 starts with CK_TOKEN_INFO.label: 32 bytes, space padded (myna `jpki.rs` trims NUL/space). */
export function decodeTokenLabel(raw: Uint8Array): TokenLabel {
  const label = ascii(raw.subarray(0, 32))
    .replace(/[^\x20-\x7e]/g, ' ')
    .trim();
  return { label, kind: LABELS[label] ?? 'unknown' };
}

export interface CertificatePresence {
  /** First byte 8F: the 署名用電子証明書 is there (false e.g. for holders under 15). */
  readonly sign: boolean;
  /** Second byte 8F: the 利用者証明用電子証明書 is there. */
  readonly auth: boolean;
  /** The bytes as read (hex), since their meaning rests on one card's observation. */
  readonly raw: string;
}

/**
 * EF 0008: 3 bytes, `8F 8F 00` on a card with both certificates (myna-card `CertificateAvailability`).
 * UNCONFIRMED: observed on a single card; only "8F = present" is relied on, any other value is
 * reported as absent, and the third byte is kept raw.
 */
export function decodeCertificatePresence(raw: Uint8Array): CertificatePresence | null {
  if (raw.length < 2) return null;
  return { sign: raw[0] === 0x8f, auth: raw[1] === 0x8f, raw: Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('') };
}

export interface JpkiCardInfo {
  readonly token: TokenLabel;
  /** null when EF 0008 is missing or unreadable (older cards, smartphone tokens). */
  readonly certificates: CertificatePresence | null;
}

/** SELECT the JPKI AID: true on 90 00, false when the card says it has no such application. */
export async function selectJpkiIfPresent(session: CardSession): Promise<boolean> {
  try {
    await session.selectDf(AID.jpki);
    return true;
  } catch (e) {
    // 6A82 file not found; 6A86/6D00/6E00 from cards that do not speak this command set at all.
    if (e instanceof CardStatusError && [0x6a82, 0x6a86, 0x6a87, 0x6d00, 0x6e00, 0x6999].includes(e.sw)) return false;
    throw e;
  }
}

/** Token label and certificate presence; the JPKI-AP must be selected. */
export async function readJpkiCardInfo(session: CardSession): Promise<JpkiCardInfo> {
  await session.selectEf(JPKI_EF.tokenInfo);
  const token = decodeTokenLabel(await readPrefix(session, 32));
  let certificates: CertificatePresence | null = null;
  try {
    await session.selectEf(JPKI_EF.certificatePresence);
    certificates = decodeCertificatePresence(await readPrefix(session, 3));
  } catch (e) {
    if (!(e instanceof CardStatusError)) throw e;
  }
  return { token, certificates };
}
