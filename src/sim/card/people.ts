/**
 * The synthetic card holders of the JPKI-TEST fixtures. None of them is a real person: the names use
 * 見本 ("sample") / 試験 ("test"), the street names are invented, and the 個人番号 are of the form
 * 0000000000NC (a valid check digit so decoders accept them, an obviously synthetic pattern).
 *
 * This table is the single source of truth for the holder data: tools/gen-fixtures.ts writes it into
 * the sign certificate's SubjectAltName (jpki-card.md §8.3) and into the 入力補助AP files (§4.1, §4.2),
 * so the two always agree.
 */

export type PersonId = 'ordinary' | 'long-address' | 'substitute' | 'under15';

export interface SyntheticPerson {
  readonly id: PersonId;
  /** 12-digit 個人番号 (synthetic; check digit per the 個人番号 rule so validators accept it). */
  readonly myNumber: string;
  /** 氏名 as on the card: family and given name separated by U+3000 (§4.2, §8.3). */
  readonly name: string;
  /** One '0'/'1' per character of `name`; '1' = the character is a substitute (§8.3, OID …5.5.2). */
  readonly nameSubstitution: string;
  /** 住所 with full-width block numbers (§4.2). */
  readonly address: string;
  /** One '0'/'1' per character of `address` (§8.3, OID …5.5.6). */
  readonly addressSubstitution: string;
  /** Gregorian YYYYMMDD (§4.2 DF24). */
  readonly birthDate: string;
  /** JIS X 0303: '1' male, '2' female, '9' not applicable (§4.2 DF25, §8.3 …5.5.3). */
  readonly sex: '1' | '2' | '9';
  /** Sign-cert subject L values (romaji, §8.2). */
  readonly prefectureRomaji: string;
  readonly cityRomaji: string;
  /** 全国地方公共団体コード (5 digits, without the check digit, as in the 共通カードAP record) of the issuing municipality (§6). */
  readonly municipalityCode: string;
  /** Whether the card carries a sign certificate (under-15 holders do not, §3.1 EF 0008). */
  readonly hasSignCertificate: boolean;
  /** Card 有効期限 YYYYMMDD (券面AP DF29, 共通カードAP record). */
  readonly cardExpiry: string;
  /** 4-digit セキュリティコード printed on the card (part of 照合番号B, §5.1). */
  readonly securityCode: string;
}

function flags(text: string, substituted: readonly number[] = []): string {
  return Array.from(text, (_c, i) => (substituted.includes(i) ? '1' : '0')).join('');
}

const ordinaryName = '見本　太郎';
const ordinaryAddress = '東京都清瀬市見本町一丁目２－３';
const longName = '試験　花子';
const longAddress =
  '北海道札幌市中央区見本通十二丁目３４番地５６　サンプルヒルズ見本タワーレジデンス第二棟１２３４号室';
// 髙 (U+9AD9, not in the card's repertoire) registered as 高; 﨑 (U+FA11) registered as 崎.
const substituteName = '高橋　見本';
const substituteAddress = '大阪府大阪市北区見本崎町１－１';
const childName = '見本　次郎';
const childAddress = '東京都清瀬市見本町一丁目２－３';

export const PEOPLE: Readonly<Record<PersonId, SyntheticPerson>> = {
  ordinary: {
    id: 'ordinary',
    myNumber: '000000000019',
    name: ordinaryName,
    nameSubstitution: flags(ordinaryName),
    address: ordinaryAddress,
    addressSubstitution: flags(ordinaryAddress),
    birthDate: '19850401',
    sex: '1',
    prefectureRomaji: 'Tokyo-to',
    cityRomaji: 'Kiyose-shi',
    municipalityCode: '13221',
    hasSignCertificate: true,
    cardExpiry: '20350401',
    securityCode: '1111',
  },
  'long-address': {
    id: 'long-address',
    myNumber: '000000000027',
    name: longName,
    nameSubstitution: flags(longName),
    address: longAddress,
    addressSubstitution: flags(longAddress),
    birthDate: '20010217',
    sex: '2',
    prefectureRomaji: 'Hokkaido',
    cityRomaji: 'Sapporo-shi',
    municipalityCode: '01100',
    hasSignCertificate: true,
    cardExpiry: '20360217',
    securityCode: '2222',
  },
  substitute: {
    id: 'substitute',
    myNumber: '000000000035',
    name: substituteName,
    nameSubstitution: flags(substituteName, [0]),
    address: substituteAddress,
    addressSubstitution: flags(substituteAddress, [Array.from(substituteAddress).indexOf('崎')]),
    birthDate: '19250101',
    sex: '9',
    prefectureRomaji: 'Osaka-fu',
    cityRomaji: 'Osaka-shi',
    municipalityCode: '27100',
    hasSignCertificate: true,
    cardExpiry: '20350101',
    securityCode: '3333',
  },
  under15: {
    id: 'under15',
    myNumber: '000000000043',
    name: childName,
    nameSubstitution: flags(childName),
    address: childAddress,
    addressSubstitution: flags(childAddress),
    birthDate: '20150630',
    sex: '1',
    prefectureRomaji: 'Tokyo-to',
    cityRomaji: 'Kiyose-shi',
    municipalityCode: '13221',
    hasSignCertificate: false,
    cardExpiry: '20300630',
    securityCode: '4444',
  },
};

export const PERSON_IDS: readonly PersonId[] = ['ordinary', 'long-address', 'substitute', 'under15'];

/**
 * Era digit of a Gregorian date as used in the SAN birth date `EYYYYMMDD` (§8.3): 1 明治, 2 大正,
 * 3 昭和, 4 平成, 5 令和. Boundaries are the first days of each era.
 */
export function eraDigit(yyyymmdd: string): string {
  const d = Number(yyyymmdd);
  if (d >= 20190501) return '5';
  if (d >= 19890108) return '4';
  if (d >= 19261225) return '3';
  if (d >= 19120730) return '2';
  return '1';
}

/** 照合番号B: era YYMMDD of the birth date + card expiry year + security code, 14 digits (§5.1). */
export function verificationCodeB(person: SyntheticPerson): string {
  const yy = String(eraYear(person.birthDate)).padStart(2, '0');
  return `${yy}${person.birthDate.slice(4)}${person.cardExpiry.slice(0, 4)}${person.securityCode}`;
}

/** Year within the era (for 照合番号B, §5.1). */
export function eraYear(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const start = { '1': 1868, '2': 1912, '3': 1926, '4': 1989, '5': 2019 }[eraDigit(yyyymmdd)] ?? 1868;
  return y - start + 1;
}
