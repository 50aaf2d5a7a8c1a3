/**
 * Dates of the licence: 7 JIS X 0201 characters, an era digit (1 明治, 2 大正, 3 昭和, 4 平成, 5 令和)
 * then YYMMDD in that era (jpki-card.md §9.3; TRET `toDateFromJapanese`, JDCard
 * `toJISX0201DateString`, soft-studio "元号(注6)YYMMDD"). A class not held is its era digit followed
 * by `000000`. Year 01 of an era is 元年.
 *
 * Era first days (Gregorian): 明治 1868-01-25 (the lunar 明治元年1月1日; the solar calendar began
 * 1873-01-01, 明治6年, 太政官布告第337号 — earlier 明治 dates are lunar and not converted exactly
 * here), 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08 (元号を改める政令 昭和64年政令第1号), 令和
 * 2019-05-01 (元号を改める政令 平成31年政令第143号). A date outside its era's span is decoded but
 * flagged `consistent: false` rather than refused: the card is the record, the app only reports.
 */
import { LensError } from '../../errors';

export type Era = 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa';

export interface LicenceDate {
  /** The 7 characters as stored. */
  readonly raw: string;
  readonly era: Era;
  /** Year within the era (1 = 元年). */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Gregorian `YYYY-MM-DD` (for 明治 before 1873 the Gregorian year of that era year, see above). */
  readonly iso: string;
  /** The date lies inside its era's span (first day … day before the next era). */
  readonly consistent: boolean;
}

interface EraSpan {
  readonly era: Era;
  readonly start: string;
  readonly startYear: number;
}

const ERAS: Readonly<Record<string, EraSpan>> = {
  '1': { era: 'meiji', start: '1868-01-25', startYear: 1868 },
  '2': { era: 'taisho', start: '1912-07-30', startYear: 1912 },
  '3': { era: 'showa', start: '1926-12-25', startYear: 1926 },
  '4': { era: 'heisei', start: '1989-01-08', startYear: 1989 },
  '5': { era: 'reiwa', start: '2019-05-01', startYear: 2019 },
};
const ORDER = ['1', '2', '3', '4', '5'];

export const ERA_DIGIT: Readonly<Record<Era, string>> = { meiji: '1', taisho: '2', showa: '3', heisei: '4', reiwa: '5' };

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/**
 * Decode a licence date. Returns `null` for "not held" (era digit + 000000). A malformed value is a
 * `licence-date-malformed` error naming the field (never its value).
 */
export function decodeLicenceDate(value: Uint8Array, field: string): LicenceDate | null {
  const raw = String.fromCharCode(...value);
  if (!/^[0-9]{7}$/.test(raw)) throw new LensError('licence-date-malformed', { field });
  // Not held: era digit + 000000 (§9.3); an all-zero value is read the same way (tolerance).
  if (raw.slice(1) === '000000') return null;
  if (!/^[1-5]/.test(raw)) throw new LensError('licence-date-malformed', { field });
  const span = ERAS[raw[0]];
  const year = Number(raw.slice(1, 3));
  const month = Number(raw.slice(3, 5));
  const day = Number(raw.slice(5, 7));
  if (year < 1 || month < 1 || month > 12 || day < 1) throw new LensError('licence-date-malformed', { field });
  const gy = span.startYear + year - 1;
  const d = new Date(Date.UTC(gy, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) throw new LensError('licence-date-malformed', { field });
  const iso = `${pad(gy, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const next = ERAS[ORDER[ORDER.indexOf(raw[0]) + 1] ?? ''];
  const consistent = iso >= span.start && (!next || iso < next.start);
  return { raw, era: span.era, year, month, day, iso, consistent };
}

/** Packed BCD `YYYYMMDD` in 4 bytes (共通データ要素 交付年月日/有効期限, §9.2). */
export function decodeBcdDate(value: Uint8Array, field: string): string {
  if (value.length !== 4) throw new LensError('licence-date-malformed', { field });
  let s = '';
  for (const b of value) {
    const hi = b >> 4;
    const lo = b & 0x0f;
    if (hi > 9 || lo > 9) throw new LensError('licence-date-malformed', { field });
    s += `${hi}${lo}`;
  }
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || dt.getUTCFullYear() !== y) {
    throw new LensError('licence-date-malformed', { field });
  }
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
