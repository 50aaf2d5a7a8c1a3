/**
 * Application identifiers (DF names) and file identifiers of the My Number card, from
 * jpki-card.md §0 (OpenSC `jpki.h`; jpki/myna `src/jpki.rs`, `src/text.rs`, `src/visual.rs`;
 * myna-card `src/ap/*.rs`). Always SELECT by the full AID: the card matches prefixes (myna-card
 * `select_df`), so a short AID could select the wrong application.
 */
import { fromHex } from './bytes';

export const AID = {
  /** 公的個人認証AP (JPKI-AP) */
  jpki: fromHex('D3 92 F0 00 26 01 00 00 00 01'),
  /** 券面事項入力補助AP */
  kenhojo: fromHex('D3 92 10 00 31 00 01 01 04 08'),
  /** 券面事項確認AP */
  kenmen: fromHex('D3 92 10 00 31 00 01 01 04 02'),
  /** 共通カードAP (TRET: 個人番号カード用 AP; holds the 住民基本台帳用 PIN EF 001C) */
  common: fromHex('D3 92 10 00 31 00 01 01 01 00'),
} as const;

export type ApName = keyof typeof AID;

/** JPKI-AP EFs (jpki-card.md §3.1). */
export const JPKI_EF = {
  signCertificate: 0x0001,
  signCaCertificate: 0x0002,
  tokenInfo: 0x0006,
  certificatePresence: 0x0008,
  authCertificate: 0x000a,
  authCaCertificate: 0x000b,
  authKey: 0x0017,
  authPin: 0x0018,
  signKey: 0x001a,
  signPin: 0x001b,
} as const;

/** 券面事項入力補助AP EFs (jpki-card.md §4). */
export const KENHOJO_EF = {
  myNumber: 0x0001,
  basicInfo: 0x0002,
  integrity: 0x0003,
  certificate: 0x0004,
  pin: 0x0011,
} as const;

/** 券面事項確認AP EFs (jpki-card.md §5). */
export const KENMEN_EF = {
  face: 0x0002,
  certificate: 0x0004,
  myNumberImage: 0x0005,
  numberB: 0x0012,
  numberA: 0x0013,
} as const;

/** 共通カードAP PIN EF (個人番号カード用 / 住民基本台帳用 4-digit PIN; TRET `lookupRemainingPIN`). */
export const COMMON_EF = {
  pin: 0x001c,
} as const;
