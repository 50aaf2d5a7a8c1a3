/**
 * The EFs of the virtual licence, built from one holder (holders.ts). Layout and sizes per
 * jpki-card.md §9.1–§9.3 and the sources cited there; what no source fixes is marked UNCONFIRMED
 * and kept simple so a host that reads per §9 copes with it.
 */
import { concat } from '../card/bytes';
import { eraDate, notHeld } from './era';
import { GLYPH_BYTES, syntheticGlyph } from './glyphs';
import { LICENCE_CLASSES, type LicenceChange, type LicenceHolder } from './holders';
import { gaijiIn, jisX0201, jisX0208 } from './jis';
import { efBody, tlv } from './tlv';

/** EF sizes of §9.1 (TRET, soft-studio `DriversLicenseReader.java`). */
export const EF_SIZE = {
  common: 17,
  pinSetting: 3,
  entries: 880,
  domicile: 82,
  gaiji: 264,
  changes: 640,
  gaijiChanges: 663,
  domicileChanges: 256,
  signature: 578,
  /** The photo EF: soft-studio reads it with Le = 2000 (`00 B0 00 00 00 07 D0`). */
  photoMin: 2000,
} as const;

/**
 * Tag 11 "JIS X 0208 制定年番号": one byte. 0x78 is the value in the data example of the
 * takusan.negitoro.dev article (§9 sources); its meaning (1978 edition?) is UNCONFIRMED.
 */
export const JIS_YEAR = 0x78;

/** Packed BCD YYYYMMDD, 4 bytes (§9.2; DLC `packedBCDtoInt`). */
function bcdDate(yyyymmdd: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(yyyymmdd.match(/../g) ?? [], (pair) => (Number(pair[0]) << 4) | Number(pair[1]));
}

/**
 * MF/EF01 共通データ要素 (§9.2): `45 0B <version 3> <交付 BCD 4> <有効期限 BCD 4> 46 02 <maker> <crypto>`.
 * The maker and crypto-function identifiers are synthetic (`01`, `00`).
 */
export function commonData(h: LicenceHolder): Uint8Array<ArrayBuffer> {
  return concat(tlv(0x45, concat(jisX0201(h.specVersion), bcdDate(h.issued), bcdDate(h.expiry))), tlv(0x46, Uint8Array.of(0x01, 0x00)));
}

/** MF/EF02 (FID 000A) 暗証番号設定: `05 01 01` set / `05 01 00` not set (tag 05: DLC `TAG_OF_EF02`). */
export function pinSetting(h: LicenceHolder): Uint8Array<ArrayBuffer> {
  return tlv(0x05, Uint8Array.of(h.pinSet ? 0x01 : 0x00));
}

const text = (tag: number, value: string): Uint8Array<ArrayBuffer> => tlv(tag, value === '' ? new Uint8Array(0) : jisX0208(value));
const date = (tag: number, yyyymmdd: string): Uint8Array<ArrayBuffer> => tlv(tag, jisX0201(eraDate(yyyymmdd)));

/**
 * DF1/EF01 記載事項 (本籍除く), every tag of §9.3 in tag order; an empty field is a zero-length TLV
 * (soft-studio and TRET skip `L = 00`). A class not held is the era digit + `000000` (JDCard); the era
 * digit used is that of the 交付年月日 (which era the real card puts there is UNCONFIRMED).
 */
export function entries(h: LicenceHolder): Uint8Array<ArrayBuffer> {
  const issuedEra = eraDate(h.issued)[0];
  const conditions = [0, 1, 2, 3].map((i) => text(0x1c + i, h.conditions[i] ?? ''));
  const classes = LICENCE_CLASSES.map(({ tag, code }) => {
    const since = h.classes[code];
    return tlv(tag, jisX0201(since ? eraDate(since) : notHeld(issuedEra)));
  });
  return efBody(
    concat(
      tlv(0x11, Uint8Array.of(JIS_YEAR)),
      text(0x12, h.name),
      text(0x13, h.kana),
      text(0x14, h.alias),
      text(0x15, h.unifiedName),
      date(0x16, h.birth),
      text(0x17, h.address),
      date(0x18, h.issued),
      tlv(0x19, jisX0201(h.referenceNumber)),
      text(0x1a, h.colour),
      date(0x1b, h.expiry),
      ...conditions,
      text(0x20, h.authority),
      tlv(0x21, jisX0201(h.number)),
      ...classes,
    ),
    EF_SIZE.entries,
  );
}

/** DF1/EF02 本籍: one text TLV, tag 41 (soft-studio `parse_tag` case 0x41; TRET takes the first field). */
export function domicile(h: LicenceHolder): Uint8Array<ArrayBuffer> {
  return efBody(text(0x41, h.domicile), EF_SIZE.domicile);
}

/** Every 外字 number the holder's texts use (name, address, 本籍, the back). */
export function gaijiUsed(h: LicenceHolder): number[] {
  const all = [h.name, h.kana, h.alias, h.unifiedName, h.address, h.domicile, ...h.conditions, ...h.changes.map((c) => c.value)];
  return [...new Set(all.flatMap(gaijiIn))].sort((a, b) => a - b);
}

const glyphTlv = (tag: number, n: number): Uint8Array<ArrayBuffer> => {
  const g = syntheticGlyph(n);
  if (g.length !== GLYPH_BYTES) throw new Error('sim licence: glyph size');
  return tlv(tag, g);
};

/**
 * DF1/EF03 外字: 外字1 under tag 48, 外字2 under tag 49 (soft-studio `parse_tag`; matsusaka MF_DF1_EF03,
 * "３字以上の外字を有する場合…以降の外字は、DF1/EF05に記録"). Only the glyphs the holder uses are present.
 */
export function gaiji(h: LicenceHolder): Uint8Array<ArrayBuffer> {
  const used = gaijiUsed(h);
  const parts = [1, 2].filter((n) => used.includes(n)).map((n) => glyphTlv(0x47 + n, n));
  return efBody(concat(...parts), EF_SIZE.gaiji);
}

/**
 * DF1/EF05 記載事項変更 (外字): `A0 01 <追記の有無>` then 外字3–7 under tags A1–A5 (matsusaka MF_DF1_EF05;
 * the 追記の有無 value — "初回は11" there — is UNCONFIRMED: `00` none / `01` some here).
 */
export function gaijiChanges(h: LicenceHolder): Uint8Array<ArrayBuffer> {
  const used = gaijiUsed(h).filter((n) => n >= 3);
  const parts = used.map((n) => glyphTlv(0xa1 + n - 3, n));
  return efBody(concat(tlv(0xa0, Uint8Array.of(used.length ? 0x01 : 0x00)), ...parts), EF_SIZE.gaijiChanges);
}

/**
 * Tags of the back (DF1/EF04, EF06). UNCONFIRMED — invented for the simulator: the sources give the
 * field list (TRET `DriversLicenseCard.swift` comment: 追記の有無, then per entry JIS X 0208 制定年番号,
 * 変更年月日, the new value, 公安委員会名; kinds 新氏名, 新呼び名, 新住所, 新条件, 条件解除, 備考, 予備) and
 * soft-studio names tag 50 追記の有無, but no source we have gives the other tags. Each entry here is
 * `11 01 78`, `51 07 <変更年月日>`, `<kind tag> L <JIS X 0208>`, `5A L <公安委員会名>`.
 */
export const CHANGE_TAG = {
  present: 0x50,
  date: 0x51,
  name: 0x53,
  kana: 0x54,
  address: 0x55,
  condition: 0x56,
  conditionLifted: 0x57,
  remark: 0x58,
  authority: 0x5a,
  /** EF06: `60 01 <追記の有無>`, entries `11`, `61` date, `62` 新本籍, `63` 公安委員会名 (same caveat). */
  domicilePresent: 0x60,
  domicileDate: 0x61,
  domicile: 0x62,
  domicileAuthority: 0x63,
} as const;

function changeEntry(c: LicenceChange): Uint8Array<ArrayBuffer> {
  if (c.kind === 'domicile') {
    return concat(tlv(0x11, Uint8Array.of(JIS_YEAR)), date(CHANGE_TAG.domicileDate, c.date), text(CHANGE_TAG.domicile, c.value), text(CHANGE_TAG.domicileAuthority, c.authority));
  }
  return concat(tlv(0x11, Uint8Array.of(JIS_YEAR)), date(CHANGE_TAG.date, c.date), text(CHANGE_TAG[c.kind], c.value), text(CHANGE_TAG.authority, c.authority));
}

/** DF1/EF04 記載事項変更等 (本籍除く), 640 bytes. */
export function changes(h: LicenceHolder): Uint8Array<ArrayBuffer> {
  const list = h.changes.filter((c) => c.kind !== 'domicile');
  return efBody(concat(tlv(CHANGE_TAG.present, Uint8Array.of(list.length ? 0x01 : 0x00)), ...list.map(changeEntry)), EF_SIZE.changes);
}

/** DF1/EF06 記載事項変更 (本籍), 256 bytes. */
export function domicileChanges(h: LicenceHolder): Uint8Array<ArrayBuffer> {
  const list = h.changes.filter((c) => c.kind === 'domicile');
  return efBody(concat(tlv(CHANGE_TAG.domicilePresent, Uint8Array.of(list.length ? 0x01 : 0x00)), ...list.map(changeEntry)), EF_SIZE.domicileChanges);
}

/**
 * DF2/EF01 写真: `5F 40 82 HH LL <JPEG 2000 codestream>` — tag 5F40 and the FF4F codestream from soft-studio
 * `parse_tag_picture`, the `82 HH LL` length as TRET's generic TLV reader takes it (soft-studio reads two
 * length bytes low-first there, which no other source does; UNCONFIRMED which the card uses, TRET followed).
 */
export function photo(codestream: Uint8Array): Uint8Array<ArrayBuffer> {
  const body = tlv([0x5f, 0x40], codestream);
  return efBody(body, Math.max(EF_SIZE.photoMin, body.length));
}
