/**
 * The synthetic holders of the virtual IC driver's licence. None is a real person: names use 見本
 * ("sample") / 試験 ("test"), the licence numbers start with `99` (no 公安委員会 has that code), the
 * streets are invented. Texts are written in Unicode and become JIS X 0208 through
 * `tools/gen-licence-text.ts` (iconv at fixture time, see jis.ts); `{1}`–`{7}` stand for 外字1–7
 * (codes FFF1–FFF7, glyphs in DF1/EF03 and EF05) and `{欠}` for a 欠字 (FFFA), jpki-card.md §9.3.
 *
 * Dates are Gregorian `YYYYMMDD` here; the card stores them as era + YYMMDD (era.ts) and the 共通データ要素
 * as packed BCD (§9.2). Tests and the fixtures README name holders by id; the default is `standard`.
 */

/** The 18 licence classes of §9.3, by their tag in DF1/EF01, in tag order. */
export const LICENCE_CLASSES = [
  { tag: 0x22, code: '二・小・原' },
  { tag: 0x23, code: '他' },
  { tag: 0x24, code: '二種' },
  { tag: 0x25, code: '大型' },
  { tag: 0x26, code: '普通' },
  { tag: 0x27, code: '大特' },
  { tag: 0x28, code: '大自二' },
  { tag: 0x29, code: '普自二' },
  { tag: 0x2a, code: '小特' },
  { tag: 0x2b, code: '原付' },
  { tag: 0x2c, code: 'け引' },
  { tag: 0x2d, code: '大二' },
  { tag: 0x2e, code: '普二' },
  { tag: 0x2f, code: '大特二' },
  { tag: 0x30, code: 'け引二' },
  { tag: 0x31, code: '中型' },
  { tag: 0x32, code: '中二' },
  { tag: 0x33, code: '準中型' },
] as const;
export type LicenceClassCode = (typeof LICENCE_CLASSES)[number]['code'];

/** One entry on the back of the card (DF1/EF04 記載事項変更等, or EF06 for 本籍). */
export interface LicenceChange {
  readonly kind: 'name' | 'kana' | 'address' | 'condition' | 'conditionLifted' | 'remark' | 'domicile';
  /** Gregorian YYYYMMDD of the change. */
  readonly date: string;
  readonly value: string;
  /** The 公安委員会 that wrote it. */
  readonly authority: string;
}

export type LicenceHolderId = 'standard' | 'all-classes' | 'conditions' | 'gaiji' | 'changes' | 'no-pin' | 'elder';

export interface LicenceHolder {
  readonly id: LicenceHolderId;
  /** 氏名: family and given name separated by U+3000 (JDCard: "氏と名の間にはスペース"). */
  readonly name: string;
  /** 呼び名 (カナ); empty when none. */
  readonly kana: string;
  /** 通称名; empty when none. */
  readonly alias: string;
  /** 統一氏名 (カナ); empty when none. */
  readonly unifiedName: string;
  readonly birth: string;
  readonly address: string;
  /** 交付年月日 (also in the 共通データ要素). */
  readonly issued: string;
  /** 有効期間の末日 (the 共通データ要素 有効期限 carries the same day). */
  readonly expiry: string;
  /** 照会番号 (JIS X 0201 digits). */
  readonly referenceNumber: string;
  /** 免許証の色区分 as the card spells it (§9.3: 優良/新規/その他). */
  readonly colour: '優良' | '新規' | 'その他';
  /** 免許の条件1–4 (at most 4). */
  readonly conditions: readonly string[];
  readonly authority: string;
  /** 免許証の番号, 12 JIS X 0201 digits. */
  readonly number: string;
  /** The classes held and since when; every other class is "not held" (era digit + 000000). */
  readonly classes: Partial<Record<LicenceClassCode, string>>;
  /** 本籍 (DF1/EF02). */
  readonly domicile: string;
  readonly changes: readonly LicenceChange[];
  /** Whether the holder set PINs (MF/EF 000A); when not, both are the DPIN `****` (§9.1). */
  readonly pinSet: boolean;
  /** 仕様書バージョン番号 in the 共通データ要素, 3 JIS X 0201 characters. */
  readonly specVersion: string;
}

const TOKYO = '東京都公安委員会';

export const LICENCE_HOLDERS: Readonly<Record<LicenceHolderId, LicenceHolder>> = {
  // One class, one condition, PINs set: the holder helper tests start from.
  standard: {
    id: 'standard',
    name: '見本　花子',
    kana: 'ミホン　ハナコ',
    alias: '',
    unifiedName: '',
    birth: '20000615',
    address: '東京都千代田区見本町一丁目２番３号',
    issued: '20240610',
    expiry: '20290715',
    referenceNumber: '00001',
    colour: '優良',
    conditions: ['眼鏡等'],
    authority: TOKYO,
    number: '991900000010',
    // 令和元年: the era's first year is 01 (元年).
    classes: { 他: '20190520', 普通: '20190520' },
    domicile: '東京都千代田区見本町一丁目１番地',
    changes: [],
    pinSet: true,
    specVersion: '009',
  },
  // Every class of §9.3 with its date ("フルビット"), in 昭和 (incl. 昭和64), 平成 and 令和.
  'all-classes': {
    id: 'all-classes',
    name: '試験　一郎',
    kana: 'シケン　イチロウ',
    alias: '',
    unifiedName: '',
    birth: '19600401',
    address: '北海道札幌市中央区見本通十二丁目３４番地',
    issued: '20230510',
    expiry: '20280501',
    referenceNumber: '00002',
    colour: 'その他',
    conditions: ['眼鏡等', '大型車は中型車（８ｔ）に限る', '準中型で運転できる準中型車は準中型車（５ｔ）に限る', '普通車はＡＴ車に限る'],
    authority: '北海道公安委員会',
    number: '991978000020',
    classes: {
      '二・小・原': '19780510',
      他: '19780901',
      二種: '19850301',
      大型: '19830201',
      普通: '19780901',
      大特: '19840701',
      大自二: '19790601',
      普自二: '19780510',
      小特: '19780510',
      原付: '19780510',
      け引: '19841001',
      大二: '19850301',
      普二: '19860110',
      大特二: '19880201',
      け引二: '19890107',
      中型: '20070602',
      中二: '20070602',
      準中型: '20170312',
    },
    domicile: '北海道札幌市中央区見本通一丁目１番地',
    changes: [],
    pinSet: true,
    specVersion: '009',
  },
  // Many conditions on a 普通 AT licence with 準中型(5t) and 中型(8t) limits.
  conditions: {
    id: 'conditions',
    name: '見本　三郎',
    kana: 'ミホン　サブロウ',
    alias: '',
    unifiedName: '',
    birth: '19850910',
    address: '神奈川県横浜市中区見本町二丁目５番６号',
    issued: '20250120',
    expiry: '20301010',
    referenceNumber: '00003',
    colour: '新規',
    conditions: ['眼鏡等', '中型車は中型車（８ｔ）に限る', '準中型で運転できる準中型車は準中型車（５ｔ）に限る', '普通車はＡＴ車に限る'],
    authority: '神奈川県公安委員会',
    number: '992004000030',
    classes: { 他: '20040301', 普通: '20040301', 中型: '20070602', 準中型: '20170312', 原付: '20040301', 小特: '20040301' },
    domicile: '神奈川県横浜市中区見本町一丁目１番地',
    changes: [],
    pinSet: true,
    specVersion: '010',
  },
  // 外字 in the name (外字1) and address (外字2), a 欠字 in 本籍; the glyphs are in DF1/EF03.
  gaiji: {
    id: 'gaiji',
    name: '{1}橋　試子',
    kana: 'タカハシ　シコ',
    alias: '見本　試子',
    unifiedName: 'タカハシ　シコ',
    birth: '19750301',
    address: '大阪府大阪市北区見本{2}町１番１号',
    issued: '20220401',
    expiry: '20270401',
    referenceNumber: '00004',
    colour: 'その他',
    conditions: ['眼鏡等'],
    authority: '大阪府公安委員会',
    number: '991995000040',
    classes: { 他: '19950801', 普通: '19950801', 中型: '20070602' },
    domicile: '大阪府大阪市北区見本{欠}町二丁目',
    changes: [],
    pinSet: true,
    specVersion: '009',
  },
  // A change of address and of a condition on the back (EF04), a new 本籍 (EF06), a new name with 外字3 (EF05 glyph).
  changes: {
    id: 'changes',
    name: '見本　次郎',
    kana: 'ミホン　ジロウ',
    alias: '',
    unifiedName: '',
    birth: '19921120',
    address: '東京都千代田区見本町三丁目４番５号',
    issued: '20230415',
    expiry: '20281220',
    referenceNumber: '00005',
    colour: '優良',
    conditions: ['眼鏡等'],
    authority: TOKYO,
    number: '992012000050',
    classes: { 他: '20120715', 普通: '20120715', 準中型: '20170312', 普自二: '20130801', '二・小・原': '20130801' },
    domicile: '東京都千代田区見本町一丁目１番地',
    changes: [
      { kind: 'address', date: '20250401', value: '埼玉県さいたま市浦和区見本台一丁目２番３号', authority: '埼玉県公安委員会' },
      { kind: 'conditionLifted', date: '20250401', value: '眼鏡等', authority: '埼玉県公安委員会' },
      { kind: 'name', date: '20250910', value: '{3}山　次郎', authority: '埼玉県公安委員会' },
      { kind: 'kana', date: '20250910', value: 'サキヤマ　ジロウ', authority: '埼玉県公安委員会' },
      { kind: 'domicile', date: '20250910', value: '埼玉県さいたま市浦和区見本台一丁目１番地', authority: '埼玉県公安委員会' },
    ],
    pinSet: true,
    specVersion: '009',
  },
  // No PIN set at the licence centre: both PINs are the DPIN `****` (§9.1).
  'no-pin': {
    id: 'no-pin',
    name: '見本　四郎',
    kana: 'ミホン　シロウ',
    alias: '',
    unifiedName: '',
    birth: '19700505',
    address: '愛知県名古屋市中区見本町四丁目５番６号',
    issued: '20260510',
    expiry: '20310605',
    referenceNumber: '00006',
    colour: 'その他',
    conditions: [],
    authority: '愛知県公安委員会',
    number: '991990000060',
    classes: { 他: '19900601', 普通: '19900601', 中型: '20070602' },
    domicile: '愛知県名古屋市中区見本町一丁目１番地',
    changes: [],
    pinSet: false,
    specVersion: '008',
  },
  // Born in 大正 (era digit 2, the oldest era on any holder), licensed since 昭和25年; 3-year validity past 70.
  elder: {
    id: 'elder',
    name: '試験　五郎',
    kana: 'シケン　ゴロウ',
    alias: '',
    unifiedName: '',
    birth: '19250211',
    address: '京都府京都市左京区見本町五丁目６番７号',
    issued: '20240301',
    expiry: '20270311',
    referenceNumber: '00007',
    colour: '優良',
    conditions: ['眼鏡等'],
    authority: '京都府公安委員会',
    number: '991950000070',
    classes: { 他: '19500401', 普通: '19500401', 中型: '20070602', 原付: '19500401', 小特: '19500401' },
    domicile: '京都府京都市左京区見本町一丁目１番地',
    changes: [],
    pinSet: true,
    specVersion: '009',
  },
};

export const LICENCE_HOLDER_IDS = Object.keys(LICENCE_HOLDERS) as LicenceHolderId[];

/** Every JIS X 0208 text the holders use (what tools/gen-licence-text.ts encodes). */
export function allLicenceTexts(): string[] {
  const out = new Set<string>();
  for (const h of Object.values(LICENCE_HOLDERS)) {
    for (const t of [h.name, h.kana, h.alias, h.unifiedName, h.address, h.colour, h.authority, h.domicile, ...h.conditions]) out.add(t);
    for (const c of h.changes) {
      out.add(c.value);
      out.add(c.authority);
    }
  }
  out.delete('');
  return [...out].sort();
}
