// 和暦 (Japanese era) conversion for the JPKI date of birth (SAN otherName 1.2.392.200149.8.5.5.4,
// `EYYYYMMDD`: era digit + Gregorian date, ../shared/reference/jpki-card.md §8.3). Pure, no imports:
// the app may use it eagerly.
//
// Era start dates (first day of year 1, Gregorian), with the instrument that set each:
//   明治 1868-01-25 — the 改元の詔 of 慶応4年9月8日 (1868-10-23) made 明治 retroactive to 慶応4年1月1日 of the
//                     lunisolar calendar, which is 1868-01-25; Japan used the Gregorian calendar only from
//                     明治6年1月1日 (1873-01-01, 改暦ノ布告 明治5年太政官布告第337号), so a 明治 date before 1873
//                     converts by Gregorian year only and is flagged (see `lunisolarPeriod`).
//   大正 1912-07-30 and 昭和 1926-12-25 — 改元詔書 effective the same day (that day is year 1 of the new era).
//   平成 1989-01-08 — 元号を改める政令 (昭和64年政令第1号), in force the day after promulgation.
//   令和 2019-05-01 — 元号を改める政令 (平成31年政令第143号).
// Each era ends the day before the next starts. Cross-checked against the dates listed by ja.wikipedia
// "元号一覧 (日本)" (official, retroactive reading) and ls-nagomi.com/meiji-reiwa.
// Year 1 of an era is written 元年.

export type EraId = 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa';

export interface Era {
  readonly id: EraId;
  readonly kanji: string;
  readonly romaji: string;
  /** The JPKI era digit (1 明治 … 5 令和). */
  readonly digit: string;
  /** First day, as YYYYMMDD number for easy comparison. */
  readonly start: number;
}

export const ERAS: readonly Era[] = [
  { id: 'meiji', kanji: '明治', romaji: 'Meiji', digit: '1', start: 18680125 },
  { id: 'taisho', kanji: '大正', romaji: 'Taisho', digit: '2', start: 19120730 },
  { id: 'showa', kanji: '昭和', romaji: 'Showa', digit: '3', start: 19261225 },
  { id: 'heisei', kanji: '平成', romaji: 'Heisei', digit: '4', start: 19890108 },
  { id: 'reiwa', kanji: '令和', romaji: 'Reiwa', digit: '5', start: 20190501 },
];

export interface WarekiDate {
  readonly era: Era;
  /** Year within the era; 1 is written 元年. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** "昭和55年2月17日", "令和元年5月1日". */
  readonly text: string;
  /** True for 明治 dates before 1873-01-01 (the lunisolar period: month/day are Gregorian, not 旧暦). */
  readonly lunisolarPeriod: boolean;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidGregorian(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The era a Gregorian date falls in, or undefined before 明治. */
export function eraOf(year: number, month: number, day: number): Era | undefined {
  const n = year * 10000 + month * 100 + day;
  let hit: Era | undefined;
  for (const e of ERAS) if (n >= e.start) hit = e;
  return hit;
}

export function eraYearText(year: number): string {
  return year === 1 ? '元' : String(year);
}

/** Gregorian → 和暦. Undefined for invalid dates and dates before 明治. */
export function toWareki(year: number, month: number, day: number): WarekiDate | undefined {
  if (!isValidGregorian(year, month, day)) return undefined;
  const era = eraOf(year, month, day);
  if (!era) return undefined;
  const eraYear = year - Math.floor(era.start / 10000) + 1;
  return {
    era, year: eraYear, month, day,
    text: `${era.kanji}${eraYearText(eraYear)}年${month}月${day}日`,
    lunisolarPeriod: year < 1873,
  };
}

export interface BirthDate {
  /** The value as encoded, e.g. "319800217". */
  readonly raw: string;
  readonly eraDigit: string;
  /** The era the digit names (undefined for 0 = 不明 or an unknown digit). */
  readonly declaredEra?: EraId;
  /** "1980-02-17"; undefined when the date part is not a valid date (e.g. 00 for an unknown month/day). */
  readonly western?: string;
  readonly wareki?: WarekiDate;
  /** False when the era digit disagrees with the era the Western date falls in. */
  readonly eraConsistent: boolean;
}

/** Decode `EYYYYMMDD`. Returns undefined unless it is 9 ASCII digits. */
export function parseJpkiBirthDate(raw: string): BirthDate | undefined {
  if (!/^[0-9]{9}$/.test(raw)) return undefined;
  const eraDigit = raw[0] ?? '';
  const declared = ERAS.find((e) => e.digit === eraDigit);
  const y = Number(raw.slice(1, 5));
  const m = Number(raw.slice(5, 7));
  const d = Number(raw.slice(7, 9));
  const valid = isValidGregorian(y, m, d);
  const wareki = valid ? toWareki(y, m, d) : undefined;
  return {
    raw, eraDigit,
    ...(declared ? { declaredEra: declared.id } : {}),
    ...(valid ? { western: `${raw.slice(1, 5)}-${raw.slice(5, 7)}-${raw.slice(7, 9)}` } : {}),
    ...(wareki ? { wareki } : {}),
    // Digit 0 (不明) makes no claim; otherwise the digit must name the era of the date. A valid date
    // before 明治 (no era of ours) cannot agree with any digit; an invalid date (e.g. month 00) is not judged.
    eraConsistent: eraDigit === '0' ? true : !!declared && (valid ? wareki?.era.id === declared.id : true),
  };
}
