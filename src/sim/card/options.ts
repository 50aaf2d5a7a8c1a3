/** Options and variants of the virtual My Number card. */
import { fromHex } from './bytes';
import type { FaceVariant } from './face-images';
import type { PersonId } from './people';
import type { MynaLicenceOptions } from '../licence/myna-instance';

/** The contact ATRs seen on real cards (jpki-card.md §1.1). All T=1 only. */
export const KNOWN_CONTACT_ATRS = {
  /** Compact-TLV historical bytes; card capabilities byte C0 = chaining + extended Lc/Le (OpenSC#3021). */
  'jpki-02': fromHex('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B'),
  /** The only ATR OpenSC's JPKI driver lists (card-jpki.c jpki_atrs); pcsc-list calls it JUKICARD. */
  'jpki-01': fromHex('3B E0 00 FF 81 31 FE 45 14'),
  /** Capabilities byte 00: no extended-length flag. */
  'jpki-03': fromHex('3B C5 FF 81 31 FB 45 80 73 C6 01 00 00'),
  'jpki-04': fromHex('3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6'),
  'jpki-05': fromHex('3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 B3 A1 15'),
} as const;
export type KnownAtr = keyof typeof KNOWN_CONTACT_ATRS;

/**
 * ATRs a PC/SC reader synthesises for the contactless (Type B) card: `3B 88 80 01` + ATQB application
 * data + protocol info + MBLI/CID + TCK (jpki-card.md §1.1; pcsc-list). For contactless reader doubles.
 */
export const KNOWN_CONTACTLESS_ATRS = {
  'typeb-1': fromHex('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F'),
  'typeb-2': fromHex('3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B'),
  'typeb-3': fromHex('3B 88 80 01 00 4B 51 FF 00 81 D1 00 BC'),
  'typeb-4': fromHex('3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F'),
} as const;

/** The card's credentials by name (EF in brackets, jpki-card.md §0). */
export type PinName =
  | 'auth' // JPKI 利用者証明用PIN (0018)
  | 'sign' // JPKI 署名用パスワード (001B)
  | 'kenhojo' // 入力補助AP 暗証番号 (0011)
  | 'common' // 共通カードAP / 住基 PIN (001C)
  | 'kenhojoA' // 入力補助AP 照合番号A (0014)
  | 'kenhojoB' // 入力補助AP 照合番号B (0015)
  | 'kenkakuA' // 券面AP 照合番号A (0013)
  | 'kenkakuB' // 券面AP 照合番号B (0012)
  | 'kenkakuBirth' // 券面AP 生年月日 (0011)
  | 'licence'; // マイナ免許証 instance PIN (IEF 0006, src/sim/licence/myna-instance.ts)

/** Token label in EF 0006 (jpki-card.md §3.1). */
export type TokenKind = 'card' | 'android' | 'iphone' | 'juki';
export const TOKEN_LABELS: Readonly<Record<TokenKind, string>> = {
  card: 'JPKIAPICCTOKEN2',
  android: 'JPKIAPGPSETOKEN',
  iphone: 'JPKIAPIOSTOKEN',
  juki: 'JPKIAPICCTOKEN',
};

export interface VirtualCardOptions {
  /** Which synthetic holder (tests/fixtures/README.md). Default `ordinary`. */
  readonly person?: PersonId;
  /** Override: a card without the sign certificate/key/password (default: the person's, under15 → none). */
  readonly signCertificate?: boolean;
  /**
   * Variant: the DER (base64, so it passes through the e2e JSON config) held in the sign-certificate
   * EF 0001 instead of the person's — e.g. a certificate whose issuer is not J-LIS (issue 13 item 9).
   */
  readonly signCertificateDer?: string;
  /** PIN values; defaults in DEFAULT_PINS (documented in tests/fixtures/README.md). */
  readonly pins?: Partial<Record<'auth' | 'sign' | 'kenhojo' | 'common', string>>;
  /** Tries left at start, e.g. `{ sign: 1, auth: 0 }` (0 = blocked). Default: the maximum. */
  readonly remaining?: Partial<Record<PinName, number>>;
  /** 券面AP face data: as issued (default), `tampered` (name image changed, signature kept) or `corrupt-photo`. */
  readonly face?: FaceVariant;
  /** Token label of EF 0006; on smartphone tokens the auth certificate also needs the PIN (jpki/myna#6). */
  readonly token?: TokenKind;
  /** Accept extended Lc/Le (default true, as the default ATR advertises; false → extended APDUs get 6700). */
  readonly extendedLength?: boolean;
  /** One of the known contact ATRs or explicit bytes. Default `jpki-02`. */
  readonly atr?: KnownAtr | Uint8Array;
  /**
   * The answer to an empty VERIFY while that PIN is verified. `counter` (default): 63Cx as before the
   * PIN — what a real JPKI card does (OpenSC PR #959, hamano: "JPKI card always return tries_left when
   * calling 00 20 00 80", the only hardware evidence; tests/fixtures/real/jpki-card-behaviour-notes.txt §1).
   * `ok-when-verified`: 9000, the ISO/IEC 7816-4 §11.5.6 reading ("verification not required"), kept as
   * a variant so hosts are tested against both.
   */
  readonly emptyVerify?: 'counter' | 'ok-when-verified';
  /** How many exchanges `log` keeps (oldest dropped first; default 10 000 — the demo runs for long). */
  readonly logLimit?: number;
  /** A マイナ免許証: the licence instance (jpki-card.md §9.4) on this card; `true` for the defaults. */
  readonly licence?: MynaLicenceOptions | true;
}

export const DEFAULT_PINS = { auth: '1234', sign: 'ABC123', kenhojo: '1234', common: '1234' } as const;

/**
 * Retry limits (jpki-card.md §3.2, §4). 券面AP 照合番号A/B (0013/0012): 3 each, from sc-tools-myna's notes on
 * real cards (tests/fixtures/real/jpki-card-behaviour-notes.txt §4; one source). 入力補助AP 照合番号A/B and
 * the birth-date key: no source — 10 chosen (UNCONFIRMED).
 */
export const PIN_LIMITS: Readonly<Record<PinName, number>> = {
  auth: 3,
  sign: 5,
  kenhojo: 3,
  common: 3,
  kenhojoA: 10,
  kenhojoB: 10,
  kenkakuA: 3,
  kenkakuB: 3,
  kenkakuBirth: 10,
  licence: 10, // 63 CA on the one card reported (§9.4)
};
