/**
 * 照合番号B of the 券面事項確認AP (EF 0012, jpki-card.md §5.1): 14 digits =
 *   birth date as YYMMDD with YY the year *within the era printed on the card*
 *   + the expiry year (西暦, 4 digits) + the 4-digit セキュリティコード printed under the photo.
 * Example from the reference: born 1980-02-17 (昭和55年), expires 2035, code 2285 → `55021720352285`.
 *
 * Sources and what each says (none is J-LIS's specification, which is not public):
 * - myna-card `data.rs verification_code_b`: era YYMMDD + expiry year + code, "confirmed on a card".
 * - jsapdu (AokiApp) comment: "YYMMDD + 有効期限年 + セキュリティコード" (does not say which calendar).
 * - jpki-rs doc: "YYYYMMDD + YYYY + 4 digits" — 16 digits, contradicted by both above; not used.
 * UNCONFIRMED: cards that print the birth date in 西暦 (issued to some foreign residents). No source
 * says what their key holds. We use YY = the last two digits of the printed 西暦 year, i.e. "the date
 * as printed", which is what the official software asks for; the other plausible reading (the era
 * year of that date) is `cardFaceKeyB({ birth: toWarekiInput(...) })`. The UI says this is unconfirmed
 * and a wrong guess costs one try, which the counter shows before anything is sent.
 *
 * Validation is local and complete (a malformed key sent to the card costs a try, §10 pitfall 5):
 * the date must exist in the Gregorian calendar and fall inside the named era (昭和64年1月8日 and
 * 平成元年1月7日 do not exist). Era boundaries are those of src/pki/jpki/era.ts (pure data, no pki
 * machinery), each cited there with the instrument that set it.
 */
import { ERAS, type EraId, isValidGregorian } from '../pki/jpki/era';
import { LensError } from '../errors';

export type { EraId } from '../pki/jpki/era';

export type PrintedBirthDate =
  | { readonly calendar: 'wareki'; readonly era: EraId; readonly year: number; readonly month: number; readonly day: number }
  | { readonly calendar: 'seireki'; readonly year: number; readonly month: number; readonly day: number };

export interface CardFaceKeyBInput {
  readonly birth: PrintedBirthDate;
  /** 有効期限 year as printed (西暦, 4 digits). */
  readonly expiryYear: number | string;
  /** The 4-digit セキュリティコード printed on the front. */
  readonly securityCode: string;
}

/** Which field a `card-key-b-invalid` error is about, so the UI can put the message at that field. */
export type KeyBField = 'era' | 'year' | 'month' | 'day' | 'date' | 'expiryYear' | 'securityCode';

function invalid(field: KeyBField): LensError {
  return new LensError('card-key-b-invalid', { field });
}

function int(v: unknown, field: KeyBField): number {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.normalize('NFKC').trim() : '';
  if (!/^[0-9]{1,4}$/.test(s)) throw invalid(field);
  return Number(s);
}

/** Gregorian year of year `eraYear` of `era`. */
export function gregorianYearOf(era: EraId, eraYear: number): number {
  const e = ERAS.find((x) => x.id === era);
  if (!e) throw invalid('era');
  return Math.floor(e.start / 10000) + eraYear - 1;
}

/** The 6 birth digits, validated. */
function birthDigits(b: PrintedBirthDate): string {
  const month = int(b.month, 'month');
  const day = int(b.day, 'day');
  if (month < 1 || month > 12) throw invalid('month');
  if (day < 1 || day > 31) throw invalid('day');
  if (b.calendar === 'seireki') {
    const year = int(b.year, 'year');
    if (year < 1868 || year > 9999) throw invalid('year');
    if (!isValidGregorian(year, month, day)) throw invalid('date');
    return String(year % 100).padStart(2, '0') + pad2(month) + pad2(day);
  }
  if (b.calendar !== 'wareki') throw invalid('era');
  const index = ERAS.findIndex((x) => x.id === b.era);
  if (index < 0) throw invalid('era');
  const eraYear = int(b.year, 'year');
  if (eraYear < 1 || eraYear > 99) throw invalid('year');
  const gy = gregorianYearOf(b.era, eraYear);
  if (!isValidGregorian(gy, month, day)) throw invalid('date');
  const n = gy * 10000 + month * 100 + day;
  const start = ERAS[index]?.start ?? 0;
  const next = ERAS[index + 1]?.start;
  if (n < start || (next !== undefined && n >= next)) throw invalid('date');
  return pad2(eraYear) + pad2(month) + pad2(day);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The 14-digit 照合番号B, or a `card-key-b-invalid` LensError naming the bad field. Full-width digits
 * typed through an IME are accepted (NFKC), as for the PINs.
 */
export function cardFaceKeyB(input: CardFaceKeyBInput): string {
  const birth = birthDigits(input.birth);
  const expiry = int(input.expiryYear, 'expiryYear');
  // A card is valid for 10 years (5 for minors) from issue; issuing began in 2016.
  if (expiry < 2016 || expiry > 2100) throw invalid('expiryYear');
  const code = typeof input.securityCode === 'string' ? input.securityCode.normalize('NFKC').trim() : '';
  if (!/^[0-9]{4}$/.test(code)) throw invalid('securityCode');
  return `${birth}${String(expiry)}${code}`;
}
