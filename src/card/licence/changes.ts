/**
 * DF1/EF04 記載事項変更等 (本籍除く), 640 bytes — what is written on the back of the licence. The
 * sources give its fields but not its tags (jpki-card.md §9.1; TRET's commented field list:
 * 追記の有無, then per change JIS X 0208 制定年番号, 変更年月日, the new value — 新氏名, 新呼び名, 新住所,
 * 新条件, 条件解除, 備考 … — and the 公安委員会名). **UNCONFIRMED** tags, so the decoder works from the
 * shape of each value, which the spec fixes: a 1-byte value (追記の有無 / 制定年番号) is skipped, a
 * 7-digit era date starts a change, and the JIS X 0208 texts after it are its new value and its
 * authority. The tag of the new value is kept so the UI can show it raw.
 * DF1/EF06 記載事項変更 (本籍) has the same shape (one change of 本籍).
 */
import { type LicenceDate, decodeLicenceDate } from './dates';
import { type LicenceText, decodeJisText } from './text';
import { parseSimpleTlvs } from './tlv';

export interface LicenceChange {
  /** 変更年月日; undefined when the card gives texts before any date. */
  readonly date?: LicenceDate;
  /** Tag of the new value (hex), as stored (its meaning UNCONFIRMED). */
  readonly tag?: string;
  readonly value?: LicenceText;
  /** 公安委員会名 of this change. */
  readonly authority?: LicenceText;
  /** Further texts of the same change (kept, not interpreted). */
  readonly more: readonly LicenceText[];
}

const isEraDate = (v: Uint8Array) => v.length === 7 && /^[0-9]{7}$/.test(String.fromCharCode(...v));

export function decodeChanges(buf: Uint8Array, what = 'changes'): LicenceChange[] {
  const tlvs = parseSimpleTlvs(buf, what);
  const out: { date?: LicenceDate; tag?: string; value?: LicenceText; authority?: LicenceText; more: LicenceText[] }[] = [];
  let current: (typeof out)[number] | undefined;
  for (const t of tlvs) {
    if (t.value.length <= 1) continue;
    if (isEraDate(t.value)) {
      const date = decodeLicenceDate(t.value, what);
      current = { ...(date ? { date } : {}), more: [] };
      out.push(current);
      continue;
    }
    if (t.value.length % 2 !== 0) continue; // not a JIS X 0208 text: nothing this decoder can say
    const text = decodeJisText(t.value, what);
    if (text.text.replace(/[\s\u3000]/g, '') === '' && !text.segments.some((s) => s.kind !== 'text')) continue;
    if (!current) {
      current = { more: [] };
      out.push(current);
    }
    if (!current.value) {
      current.value = text;
      current.tag = t.tag.toString(16).toUpperCase().padStart(2, '0');
    } else if (!current.authority) current.authority = text;
    else current.more.push(text);
  }
  return out.filter((c) => c.value !== undefined || c.date !== undefined);
}
