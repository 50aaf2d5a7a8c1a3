/**
 * Decoders for the 券面事項入力補助AP files (jpki-card.md §4; myna-card `src/ap/text.rs`; myna-go
 * `text_ap.go`). Pure functions over the bytes read; every malformed input gives a named LensError.
 */
import { LensError } from '../errors';
import { type Bytes, ascii, equalBytes } from './bytes';
import { type CardSignature, type CvcTrust } from './cvc';
import { checkRecordSignature } from './signed-records';
import { type CardDate, type CardSex, decodeCardDate, decodeSex, decodeUtf8 } from './text';
import { type TlvHeader, children, parseTlv, requireChild, valueOf } from './tlv';

export const TAG = {
  myNumber: 0xff10,
  basicInfo: 0xff20,
  offsets: 0xdf21,
  name: 0xdf22,
  address: 0xdf23,
  birthDate: 0xdf24,
  sex: 0xdf25,
  integrity: 0xff30,
  myNumberDigest: 0xdf31,
  basicInfoDigest: 0xdf32,
  issuerSignature: 0xdf33,
} as const;

/** The physical size of EF 0001: `FF 10 0C <12 digits> FF FF` (jpki-card.md §4.1). */
export const MY_NUMBER_FILE_LENGTH = 17;

function outer(raw: Uint8Array, tag: number, what: string): TlvHeader {
  const h = parseTlv(raw);
  if (h.tag !== tag) throw new LensError('card-unexpected-tag', { what, tag: h.tag.toString(16).toUpperCase(), expected: tag.toString(16).toUpperCase() });
  return h;
}

export interface MyNumber {
  /** The 12 digits. Personal data: handle on purpose (architecture rule 7). */
  readonly value: string;
  /** The 12th digit checks out per 番号法施行令 第8条 (a mismatch means a damaged read or a test card). */
  readonly checkDigitValid: boolean;
}

/**
 * Check digit of the 個人番号 (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令
 * 第8条): with Pn the n-th of the first 11 digits counted from the right and Qn = n+1 (n ≤ 6),
 * n−5 (n ≥ 7), the check digit is 11 − (ΣPn·Qn mod 11), or 0 when that remainder is 0 or 1.
 */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function decodeMyNumber(raw: Uint8Array): MyNumber {
  const h = outer(raw, TAG.myNumber, '個人番号');
  const value = ascii(valueOf(raw, h));
  if (!/^[0-9]{12}$/.test(value)) throw new LensError('kenhojo-my-number-malformed');
  return { value, checkDigitValid: myNumberCheckDigit(value.slice(0, 11)) === Number(value[11]) };
}

export interface BasicInfo {
  /** 氏名 (family and given name separated by U+3000). */
  readonly name: string;
  /** 住所 */
  readonly address: string;
  readonly birthDate: CardDate;
  readonly sex: CardSex;
  /** DF21's four offsets point at the DF22–DF25 tags (myna-card checks the table instead of trusting it). */
  readonly offsetsConsistent: boolean;
}

export function decodeBasicInfo(raw: Uint8Array): BasicInfo {
  const h = outer(raw, TAG.basicInfo, '基本4情報');
  const list = children(raw, h);
  const name = requireChild(list, TAG.name, '氏名');
  const address = requireChild(list, TAG.address, '住所');
  const birth = requireChild(list, TAG.birthDate, '生年月日');
  const sex = requireChild(list, TAG.sex, '性別');
  // DF21: 4 × u16 big-endian byte offsets from the start of the file, one per field tag
  // (myna-card text.rs: `FF 20 65 / DF 21 08 000E 0020 0059 0064`, 000E = where DF22 starts).
  const table = list.find((c) => c.tag === TAG.offsets);
  let offsetsConsistent = false;
  if (table && table.length === 8) {
    const starts = [name.start, address.start, birth.start, sex.start];
    offsetsConsistent = starts.every((s, i) => ((raw[table.valueStart + 2 * i] << 8) | raw[table.valueStart + 2 * i + 1]) === s);
  }
  return {
    name: decodeUtf8(valueOf(raw, name), '氏名'),
    address: decodeUtf8(valueOf(raw, address), '住所'),
    birthDate: decodeCardDate(valueOf(raw, birth), '生年月日'),
    sex: decodeSex(valueOf(raw, sex), '性別'),
    offsetsConsistent,
  };
}

/**
 * What DF32 hashes: the FF20 *value* from the first object after the DF21 offset table to the end
 * of the value — the table skipped, the filler after the object excluded (jpki-card.md §4.3,
 * pitfall 8; myna-card `Attributes::digest_source`). Fields are located by parsing, not by the
 * offsets table, which is only cross-checked.
 */
export function basicInfoDigestSource(raw: Uint8Array): Bytes {
  const h = outer(raw, TAG.basicInfo, '基本4情報');
  const first = parseTlv(raw, h.valueStart, h.end);
  if (first.tag !== TAG.offsets) throw new LensError('card-unexpected-tag', { what: '基本4情報', tag: first.tag.toString(16).toUpperCase(), expected: 'DF21' });
  return raw.slice(first.end, h.end);
}

export interface IntegrityRecord {
  /** DF31: SHA-256 of the whole 17-byte 個人番号 file, filler included. */
  readonly myNumberDigest: Bytes;
  /** DF32: SHA-256 of the 基本4情報 from DF22 to the end of the FF20 value. */
  readonly basicInfoDigest: Bytes;
  /** DF33: RSA-2048 signature by the key EF 0004 certifies (checked by `checkIntegrity`). */
  readonly issuerSignature: Bytes;
}

export function decodeIntegrityRecord(raw: Uint8Array): IntegrityRecord {
  const h = outer(raw, TAG.integrity, '完全性情報');
  const list = children(raw, h);
  const d1 = requireChild(list, TAG.myNumberDigest, 'DF31');
  const d2 = requireChild(list, TAG.basicInfoDigest, 'DF32');
  const sig = requireChild(list, TAG.issuerSignature, 'DF33');
  if (d1.length !== 32 || d2.length !== 32) throw new LensError('kenhojo-integrity-malformed');
  return { myNumberDigest: valueOf(raw, d1), basicInfoDigest: valueOf(raw, d2), issuerSignature: valueOf(raw, sig) };
}

export type DigestVerdict = 'match' | 'mismatch';

export interface IntegrityCheck {
  readonly myNumber: DigestVerdict;
  readonly basicInfo: DigestVerdict;
  /**
   * DF33 checked with the key certified by the AP's CV certificate (EF 0004), and that certificate
   * under the CA key its 証明者鍵ID names (5000033 in production; cvc.ts). `unknown-ca` is the case
   * that stays "not verifiable offline": the record matches the card's key, but who certified that key
   * could not be checked. The digests above show the files agree with the record; this shows who
   * wrote the record.
   */
  readonly issuerSignature: CardSignature;
}

export async function checkIntegrity(
  myNumberFile: Uint8Array,
  basicInfoFile: Uint8Array,
  record: IntegrityRecord,
  recordFile?: Uint8Array,
  cvc?: Uint8Array,
  trust: CvcTrust = {},
): Promise<IntegrityCheck> {
  const sha256 = async (b: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', b.slice()));
  const a = await sha256(myNumberFile);
  const b = await sha256(basicInfoDigestSource(basicInfoFile));
  return {
    myNumber: equalBytes(a, record.myNumberDigest) ? 'match' : 'mismatch',
    basicInfo: equalBytes(b, record.basicInfoDigest) ? 'match' : 'mismatch',
    issuerSignature: recordFile ? await checkRecordSignature(recordFile, TAG.issuerSignature, cvc, trust) : { status: 'absent', missing: 'signature' },
  };
}
