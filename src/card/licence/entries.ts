/**
 * DF1/EF01 記載事項 (本籍除く), 880 bytes of simple TLV (jpki-card.md §9.3): the decoder from bytes to a
 * typed record. Tags it does not know are kept (tag list) rather than dropped; a known tag with a
 * value of the wrong shape is a named error for that field.
 */
import { LensError } from '../../errors';
import { CLASS_BY_TAG, CLASS_DEFS } from './classes';
import { type LicenceDate, decodeLicenceDate } from './dates';
import { type LicenceText, decodeJisText, decodeJisX0201 } from './text';
import { parseSimpleTlvs } from './tlv';

export interface LicenceClass {
  readonly code: string;
  readonly name: string;
  /** One of the three summary dates (二・小・原, 他, 二種), not a class of its own. */
  readonly summary: boolean;
  readonly held: boolean;
  readonly since?: LicenceDate;
}

/** 免許証の色区分 as the card writes it: 優良 (gold), 新規 (green), その他 (blue). */
export type ColourKind = 'excellent' | 'new' | 'other' | 'unrecognised';

export interface LicenceColour {
  readonly text: LicenceText;
  readonly kind: ColourKind;
}

export interface LicenceEntries {
  /** Tag 11: JIS X 0208 制定年番号, the byte as stored. */
  readonly jisEdition?: number;
  readonly name: LicenceText;
  readonly nameKana?: LicenceText;
  readonly commonName?: LicenceText;
  readonly unifiedNameKana?: LicenceText;
  readonly birthDate?: LicenceDate;
  readonly address?: LicenceText;
  readonly issueDate?: LicenceDate;
  readonly referenceNumber?: string;
  readonly colour?: LicenceColour;
  readonly expiry?: LicenceDate;
  /** 免許の条件 1–4, in order, empty ones left out (plain text; `conditionTexts` keeps 外字 segments). */
  readonly conditions: readonly string[];
  readonly conditionTexts: readonly LicenceText[];
  readonly authority?: LicenceText;
  readonly number?: string;
  /** Every class tag 22–33 in the order of the spec, held or not (a missing tag counts as not held). */
  readonly classes: readonly LicenceClass[];
  /** Tags present on the card that this decoder does not know (hex). */
  readonly unknownTags: readonly string[];
}

const TEXT_FIELDS: Readonly<Record<number, string>> = {
  0x12: 'name',
  0x13: 'nameKana',
  0x14: 'commonName',
  0x15: 'unifiedNameKana',
  0x17: 'address',
  0x1a: 'colour',
  0x1c: 'condition1',
  0x1d: 'condition2',
  0x1e: 'condition3',
  0x1f: 'condition4',
  0x20: 'authority',
};
const DATE_FIELDS: Readonly<Record<number, string>> = { 0x16: 'birthDate', 0x18: 'issueDate', 0x1b: 'expiry' };

export function colourKind(text: string): ColourKind {
  const t = text.replace(/[\s\u3000]/g, '');
  if (t === '優良') return 'excellent';
  if (t === '新規') return 'new';
  if (t === 'その他') return 'other';
  return 'unrecognised';
}

function isEmptyText(t: LicenceText): boolean {
  return t.segments.length === 0 || t.text.replace(/[\s\u3000]/g, '') === '';
}

export function decodeEntries(buf: Uint8Array): LicenceEntries {
  const tlvs = parseSimpleTlvs(buf, 'entries');
  const texts = new Map<string, LicenceText>();
  const dates = new Map<string, LicenceDate | null>();
  const since = new Map<number, LicenceDate | null>();
  const unknownTags: string[] = [];
  let jisEdition: number | undefined;
  let referenceNumber: string | undefined;
  let number: string | undefined;
  for (const { tag, value } of tlvs) {
    const textField = TEXT_FIELDS[tag];
    const dateField = DATE_FIELDS[tag];
    if (tag === 0x11) {
      if (value.length !== 1) throw new LensError('licence-field-malformed', { field: 'jisEdition' });
      jisEdition = value[0];
    } else if (textField) {
      texts.set(textField, decodeJisText(value, textField));
    } else if (dateField) {
      dates.set(dateField, decodeLicenceDate(value, dateField));
    } else if (tag === 0x19) {
      referenceNumber = decodeJisX0201(value, 'referenceNumber');
    } else if (tag === 0x21) {
      number = decodeJisX0201(value, 'number');
    } else if (CLASS_BY_TAG.has(tag)) {
      since.set(tag, decodeLicenceDate(value, CLASS_BY_TAG.get(tag)?.code ?? 'class'));
    } else {
      unknownTags.push(tag.toString(16).toUpperCase().padStart(2, '0'));
    }
  }
  const name = texts.get('name');
  if (!name) throw new LensError('licence-field-missing', { field: 'name' });
  const conditionTexts = ['condition1', 'condition2', 'condition3', 'condition4']
    .map((k) => texts.get(k))
    .filter((t): t is LicenceText => t !== undefined && !isEmptyText(t));
  const classes: LicenceClass[] = CLASS_DEFS.map((def) => {
    const d = since.get(def.tag) ?? null;
    return { code: def.code, name: def.name, summary: def.summary, held: d !== null, ...(d ? { since: d } : {}) };
  });
  const opt = <K extends string, V>(key: K, v: V | undefined | null) => (v === undefined || v === null ? {} : ({ [key]: v } as Record<K, V>));
  const colourText = texts.get('colour');
  const commonName = texts.get('commonName');
  return {
    ...opt('jisEdition', jisEdition),
    name,
    ...opt('nameKana', texts.get('nameKana')),
    ...opt('commonName', commonName && !isEmptyText(commonName) ? commonName : undefined),
    ...opt('unifiedNameKana', texts.get('unifiedNameKana')),
    ...opt('birthDate', dates.get('birthDate')),
    ...opt('address', texts.get('address')),
    ...opt('issueDate', dates.get('issueDate')),
    ...opt('referenceNumber', referenceNumber),
    ...opt('colour', colourText ? { text: colourText, kind: colourKind(colourText.text) } : undefined),
    ...opt('expiry', dates.get('expiry')),
    conditions: conditionTexts.map((t) => t.text),
    conditionTexts,
    ...opt('authority', texts.get('authority')),
    ...opt('number', number),
    classes,
    unknownTags,
  };
}

/** DF1/EF02 本籍: one JIS X 0208 text TLV (tag not stated by the sources; the first text value is
 * taken, §9.3 "one JIS X 0208 text TLV"). An empty EF is `licence-field-missing`. */
export function decodeDomicile(buf: Uint8Array): LicenceText {
  const tlvs = parseSimpleTlvs(buf, 'domicile');
  // Skip a leading 1-byte value (a JIS X 0208 制定年番号 like tag 11 of EF01, if the card has one).
  const t = tlvs.find((x) => x.value.length >= 2);
  if (!t) throw new LensError('licence-field-missing', { field: 'domicile' });
  return decodeJisText(t.value, 'domicile');
}
