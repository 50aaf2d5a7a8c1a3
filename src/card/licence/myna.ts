/**
 * マイナ免許証: the licence instance on a My Number card (jpki-card.md §9.4; DLC
 * `jpdlc_mynumbercard.cpp`, Qiita hmpow, both one author's reading of 仕様書 v010 — **UNCONFIRMED**
 * beyond that). WEF01 `001A` PIN設定 (3 bytes, tag `C1`, value 01/00); WEF02 `001B` 免許情報, which
 * starts with tags `C2`/`C3` (経歴証明) and has e.g. `C5` 有効期限 as era+YYMMDD in JIS X 0201.
 * Every other tag is shown as stored, marked unconfirmed.
 */
import { LensError } from '../../errors';
import { type LicenceDate, decodeLicenceDate } from './dates';
import { parseSimpleTlvs } from './tlv';

export function decodeMynaPinSetting(buf: Uint8Array): boolean {
  const tlvs = parseSimpleTlvs(buf, 'mynaPinSetting');
  const t = tlvs.find((x) => x.tag === 0xc1) ?? tlvs[0];
  if (!t || t.value.length !== 1) throw new LensError('licence-field-malformed', { field: 'mynaPinSetting' });
  if (t.value[0] === 0x01) return true;
  if (t.value[0] === 0x00) return false;
  throw new LensError('licence-pin-setting-unknown', { value: t.value[0].toString(16).padStart(2, '0') });
}

export interface MynaLicenceField {
  readonly tag: string;
  readonly length: number;
  /** What the sources say the tag is (`C2`/`C3` 経歴証明, `C5` 有効期限); undefined when they do not. */
  readonly known?: 'history' | 'expiry';
  /** Decoded when the value is an era date. */
  readonly date?: LicenceDate;
  /** Printable JIS X 0201 text. */
  readonly text?: string;
  readonly hex: string;
}

export interface MynaLicenceInfo {
  readonly expiry?: LicenceDate;
  readonly fields: readonly MynaLicenceField[];
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function decodeMynaLicenceInfo(buf: Uint8Array): MynaLicenceInfo {
  const tlvs = parseSimpleTlvs(buf, 'mynaLicenceInfo');
  let expiry: LicenceDate | undefined;
  const fields = tlvs.map((t): MynaLicenceField => {
    const known = t.tag === 0xc2 || t.tag === 0xc3 ? 'history' : t.tag === 0xc5 ? 'expiry' : undefined;
    let date: LicenceDate | undefined;
    if (t.value.length === 7 && /^[0-9]{7}$/.test(String.fromCharCode(...t.value))) {
      try {
        date = decodeLicenceDate(t.value, 'mynaLicenceInfo') ?? undefined;
      } catch {
        date = undefined;
      }
    }
    if (known === 'expiry' && date) expiry = date;
    const printable = t.value.length > 0 && t.value.every((b) => b >= 0x20 && b <= 0x7e);
    return {
      tag: t.tag.toString(16).toUpperCase().padStart(2, '0'),
      length: t.value.length,
      ...(known ? { known } : {}),
      ...(date ? { date } : {}),
      ...(printable ? { text: String.fromCharCode(...t.value) } : {}),
      hex: hex(t.value),
    };
  });
  return { ...(expiry ? { expiry } : {}), fields };
}
