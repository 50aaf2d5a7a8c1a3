// The 基本4情報 in a JPKI sign certificate's SubjectAltName: otherNames 1.2.392.200149.8.5.5.1–6
// (../shared/reference/jpki-card.md §8.3). Keyed by OID, never by position: the test card's order is
// .1, .4, .3, .5, .2, .6. Personal data: the app shows it, logs never carry it.
import type { Field, GeneralNameModel, JpkiPersonalData } from '../model/types';
import { JPKI_OID } from '../oid/jpki-oids';
import { parseJpkiBirthDate, type BirthDate } from './era';

export interface OtherNameDecoder {
  readonly oid: string;
  readonly labelKey: string;
  decode(value: string): { fields: Field[]; apply(out: MutablePersonal): void };
}

export interface MutablePersonal {
  name?: string;
  nameSubstitutedPositions?: number[];
  sex?: string;
  dateOfBirth?: BirthDate;
  address?: string;
  addressSubstitutedPositions?: number[];
}

/** Positions (0-based) of '1' in a substitute-character flag string ("0010" → [2]). */
export function substitutedPositions(flags: string): number[] {
  const out: number[] = [];
  [...flags].forEach((c, i) => { if (c === '1') out.push(i); });
  return out;
}

// JIS X 0303 (= ISO/IEC 5218) codes: 0 不明, 1 男, 2 女, 9 適用不能.
const SEX_CODES = new Set(['0', '1', '2', '9']);

const decoders = new Map<string, OtherNameDecoder>();

/** Register a decoder for one SubjectAltName otherName type (architecture rule 3). */
export function registerOtherName(d: OtherNameDecoder): void {
  decoders.set(d.oid, d);
}

export function otherNameDecoder(oid: string): OtherNameDecoder | undefined {
  return decoders.get(oid);
}

/** The 代替文字使用位置情報 decoders (5.5.2 for 氏名, 5.5.6 for 住所) share one shape: a 0/1 flag per character. */
function substituteFlags(oid: string, labelKey: string, apply: (o: MutablePersonal, positions: number[]) => void): OtherNameDecoder {
  return {
    oid, labelKey,
    decode: (v) => {
      const pos = substitutedPositions(v);
      return {
        fields: [{ key: labelKey, value: v, params: { count: pos.length, positions: pos.map((p) => p + 1).join(', ') },
          valueKey: pos.length ? 'pki.jpki.substituted' : 'pki.jpki.noneSubstituted' }],
        apply: (o) => { apply(o, pos); },
      };
    },
  };
}

registerOtherName({
  oid: JPKI_OID.name, labelKey: 'pki.jpki.name',
  decode: (v) => ({ fields: [{ key: 'pki.jpki.name', value: v }], apply: (o) => { o.name = v; } }),
});
registerOtherName(substituteFlags(JPKI_OID.nameSubstitute, 'pki.jpki.nameSubstitute', (o, pos) => { o.nameSubstitutedPositions = pos; }));
registerOtherName({
  oid: JPKI_OID.sex, labelKey: 'pki.jpki.sex',
  decode: (v) => ({
    fields: [{ key: 'pki.jpki.sex', value: v, valueKey: SEX_CODES.has(v) ? `pki.jpki.sex.${v}` : 'pki.jpki.sex.unknown' }],
    apply: (o) => { o.sex = v; },
  }),
});
registerOtherName({
  oid: JPKI_OID.dateOfBirth, labelKey: 'pki.jpki.dateOfBirth',
  decode: (v) => {
    const d = parseJpkiBirthDate(v);
    const children: Field[] = [];
    if (d?.western) children.push({ key: 'pki.jpki.dateOfBirth.western', value: d.western });
    if (d?.wareki) children.push({ key: 'pki.jpki.dateOfBirth.wareki', value: d.wareki.text });
    if (d) children.push({ key: 'pki.jpki.dateOfBirth.eraDigit', value: d.eraDigit, valueKey: d.declaredEra ? `pki.era.${d.declaredEra}` : 'pki.era.unknown' });
    if (d && !d.eraConsistent) children.push({ key: 'pki.jpki.dateOfBirth.eraMismatch', value: v });
    if (!d) children.push({ key: 'pki.jpki.dateOfBirth.unparsed', value: v });
    return {
      fields: [{ key: 'pki.jpki.dateOfBirth', value: v, children }],
      apply: (o) => { if (d) o.dateOfBirth = d; },
    };
  },
});
registerOtherName({
  oid: JPKI_OID.address, labelKey: 'pki.jpki.address',
  decode: (v) => ({ fields: [{ key: 'pki.jpki.address', value: v }], apply: (o) => { o.address = v; } }),
});
registerOtherName(substituteFlags(JPKI_OID.addressSubstitute, 'pki.jpki.addressSubstitute', (o, pos) => { o.addressSubstitutedPositions = pos; }));

/** The personal data in a SubjectAltName, or undefined when it has no JPKI otherName. */
export function personalDataFrom(names: readonly GeneralNameModel[]): JpkiPersonalData | undefined {
  const out: MutablePersonal = {};
  const fields: Field[] = [];
  let hit = false;
  for (const g of names) {
    if (g.type !== 'otherName' || !g.otherName) continue;
    const d = otherNameDecoder(g.otherName.typeOid);
    // The profile's values are UTF8String (jpki-card.md §8.3). Any other inner type would reach us as the
    // hex of its DER, which must not be shown as a name or address: leave it to the raw SAN view.
    if (!d || g.otherName.valueTag !== 12) continue;
    hit = true;
    const r = d.decode(g.otherName.value);
    r.apply(out);
    fields.push(...r.fields);
  }
  return hit ? { ...out, fields } : undefined;
}
