/**
 * Japanese era dates as the licence stores them: 7 JIS X 0201 characters, the era digit (1 明治,
 * 2 大正, 3 昭和, 4 平成, 5 令和) then YYMMDD within the era (jpki-card.md §9.3; TRET
 * `toDateFromJapanese`, soft-studio "元号(注6)YYMMDD"). The simulator's own table, independent of the
 * host's era code (house rule 1). Era first days: 大正 1912-07-30, 昭和 1926-12-25 (the days the 改元
 * took effect), 平成 1989-01-08 (政令 of 1989-01-07), 令和 2019-05-01 (政令 of 2019-04-01); 明治 counted
 * from 1868 (years before the 1873 calendar reform do not occur on a licence).
 */
const ERAS: readonly { readonly digit: string; readonly first: string; readonly year: number }[] = [
  { digit: '5', first: '20190501', year: 2019 },
  { digit: '4', first: '19890108', year: 1989 },
  { digit: '3', first: '19261225', year: 1926 },
  { digit: '2', first: '19120730', year: 1912 },
  { digit: '1', first: '18680101', year: 1868 },
];

/** `YYYYMMDD` (Gregorian) → the card's `EYYMMDD` (year 1 of an era is `01`, "元年"). */
export function eraDate(yyyymmdd: string): string {
  if (!/^\d{8}$/.test(yyyymmdd)) throw new RangeError(`sim licence: not a YYYYMMDD date: ${yyyymmdd}`);
  const era = ERAS.find((e) => yyyymmdd >= e.first);
  if (!era) throw new RangeError(`sim licence: ${yyyymmdd} is before 明治`);
  const year = Number(yyyymmdd.slice(0, 4)) - era.year + 1;
  return `${era.digit}${String(year).padStart(2, '0')}${yyyymmdd.slice(4)}`;
}

/** The value of a class the holder does not have: the era digit, then `000000` (JDCard comment). */
export function notHeld(eraDigit: string): string {
  return `${eraDigit}000000`;
}
