/**
 * Identifiers of the IC driver's licence (ICカード運転免許証) and of the licence instance on a My
 * Number card (マイナ免許証), from jpki-card.md §9.1 and §9.4 (TRET `DriversLicenseReaderCommands.swift`,
 * JDCard, DLC `jpdlc_conventional.cpp` / `jpdlc_mynumbercard.cpp`, soft-studio, Qiita hmpow).
 */
import { fromHex } from '../bytes';

export const LICENCE_AID = {
  /** DF1: 記載事項 */
  df1: fromHex('A0 00 00 02 31 01 00 00 00 00 00 00 00 00 00 00'),
  /** DF2: 写真 */
  df2: fromHex('A0 00 00 02 31 02 00 00 00 00 00 00 00 00 00 00'),
  /** マイナ免許証 インスタンス (the ELF `…04` and 実行モジュール `…05` AIDs answer 6A82; §9.4). */
  mynaInstance: fromHex('A0 00 00 02 31 06 00 00 00 00 00 00 00 00 00 00'),
} as const;

/** EFs under the MF (§9.1). */
export const MF_EF = {
  common: 0x2f01,
  pinSetting: 0x000a,
} as const;

/** EFs under DF1 (§9.1; sizes are the spec's, as the peers report them). */
export const DF1_EF = {
  entries: { fid: 0x0001, size: 880 },
  domicile: { fid: 0x0002, size: 82 },
  gaiji: { fid: 0x0003, size: 264 },
  changes: { fid: 0x0004, size: 640 },
  changesGaiji: { fid: 0x0005, size: 663 },
  changesDomicile: { fid: 0x0006, size: 256 },
  signature: { fid: 0x0007, size: 578 },
} as const;

/** DF2/EF01: the photo (tag 5F40, a JPEG 2000 codestream, ~2000 bytes; soft-studio). */
export const DF2_EF_PHOTO = 0x0001;

/** EFs of the マイナ免許証 instance (§9.4, one author: UNCONFIRMED beyond DLC/hmpow). */
export const MYNA_EF = {
  pinSetting: 0x001a,
  pin: 0x0006,
  licenceInfo: 0x001b,
  signature: 0x001c,
} as const;

/** The "DPIN" the card expects while no PIN is set: `****` in JIS X 0201 (§9.1; TRET). */
export const DPIN = '****';
