/**
 * 照合番号B composition (jpki-card.md §5.1): era YYMMDD of the printed birth date + expiry year + security
 * code. Every era boundary (first and last day of each era, and the days that do not exist across a
 * change), the reference's own example, the 西暦-printed case (UNCONFIRMED reading) and bad inputs.
 */
import { describe, expect, it } from 'vitest';
import { cardFaceKeyB, type PrintedBirthDate } from '../../../src/card/kenmen';
import { PEOPLE, verificationCodeB } from '../../../src/sim';

const key = (birth: PrintedBirthDate, expiryYear: number | string = 2035, securityCode = '2285') => cardFaceKeyB({ birth, expiryYear, securityCode });
const w = (era: 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa', year: number, month: number, day: number): PrintedBirthDate => ({ calendar: 'wareki', era, year, month, day });
const field = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string; params?: { field?: string } }).code + ':' + String((e as { params?: { field?: string } }).params?.field);
  }
  return 'no error';
};

describe('cardFaceKeyB', () => {
  it('the reference example: 昭和55年2月17日, expiry 2035, code 2285', () => {
    expect(key(w('showa', 55, 2, 17))).toBe('55021720352285');
  });
  it('agrees with the virtual card for every synthetic holder', () => {
    for (const p of Object.values(PEOPLE)) {
      const y = Number(p.birthDate.slice(0, 4));
      const m = Number(p.birthDate.slice(4, 6));
      const d = Number(p.birthDate.slice(6, 8));
      const era = y > 2019 || (y === 2019 && m >= 5) ? 'reiwa' : y > 1989 || (y === 1989 && (m > 1 || d >= 8)) ? 'heisei' : y > 1926 || (y === 1926 && m === 12 && d >= 25) ? 'showa' : y > 1912 || (y === 1912 && (m > 7 || (m === 7 && d >= 30))) ? 'taisho' : 'meiji';
      const start = { meiji: 1868, taisho: 1912, showa: 1926, heisei: 1989, reiwa: 2019 }[era];
      expect(key(w(era, y - start + 1, m, d), p.cardExpiry.slice(0, 4), p.securityCode)).toBe(verificationCodeB(p));
    }
  });
  it.each([
    ['meiji', 45, 7, 29, '450729'],
    ['taisho', 1, 7, 30, '010730'],
    ['taisho', 15, 12, 24, '151224'],
    ['showa', 1, 12, 25, '011225'],
    ['showa', 64, 1, 7, '640107'],
    ['heisei', 1, 1, 8, '010108'],
    ['heisei', 31, 4, 30, '310430'],
    ['reiwa', 1, 5, 1, '010501'],
  ] as const)('era boundary %s %i/%i/%i → %s', (era, y, m, d, digits) => {
    expect(key(w(era, y, m, d))).toBe(`${digits}20352285`);
  });
  it.each([
    ['taisho', 1, 7, 29], // 明治45年7月29日 is the last 明治 day
    ['meiji', 45, 7, 30],
    ['showa', 1, 12, 24],
    ['taisho', 15, 12, 25],
    ['showa', 64, 1, 8], // 昭和64年 ended on 1月7日
    ['heisei', 1, 1, 7],
    ['heisei', 31, 5, 1],
    ['reiwa', 1, 4, 30],
    ['heisei', 3, 2, 29], // 1991 is not a leap year
    ['heisei', 2, 4, 31],
  ] as const)('a date outside its era or the calendar is refused locally: %s %i/%i/%i', (era, y, m, d) => {
    expect(field(() => key(w(era, y, m, d)))).toBe('card-key-b-invalid:date');
  });
  it('leap day inside an era is fine (平成4年2月29日 = 1992)', () => {
    expect(key(w('heisei', 4, 2, 29))).toBe('04022920352285');
  });
  it('西暦-printed cards: YY = the last two digits of the printed year (UNCONFIRMED reading)', () => {
    expect(key({ calendar: 'seireki', year: 1980, month: 2, day: 17 })).toBe('80021720352285');
    expect(key({ calendar: 'seireki', year: 2001, month: 1, day: 5 })).toBe('01010520352285');
    expect(field(() => key({ calendar: 'seireki', year: 2001, month: 2, day: 29 }))).toBe('card-key-b-invalid:date');
  });
  it('full-width digits typed through an IME are accepted', () => {
    expect(cardFaceKeyB({ birth: { calendar: 'wareki', era: 'showa', year: 55, month: 2, day: 17 }, expiryYear: '２０３５', securityCode: '２２８５' })).toBe('55021720352285');
  });
  it('names the bad field', () => {
    expect(field(() => key(w('showa', 0, 2, 17)))).toBe('card-key-b-invalid:year');
    expect(field(() => key(w('showa', 100, 2, 17)))).toBe('card-key-b-invalid:year');
    expect(field(() => key(w('showa', 55, 13, 17)))).toBe('card-key-b-invalid:month');
    expect(field(() => key(w('showa', 55, 2, 0)))).toBe('card-key-b-invalid:day');
    expect(field(() => key({ calendar: 'wareki', era: 'edo' as 'showa', year: 1, month: 1, day: 1 }))).toBe('card-key-b-invalid:era');
    expect(field(() => key(w('showa', 55, 2, 17), 35))).toBe('card-key-b-invalid:expiryYear');
    expect(field(() => key(w('showa', 55, 2, 17), '20x5'))).toBe('card-key-b-invalid:expiryYear');
    expect(field(() => key(w('showa', 55, 2, 17), 2035, '123'))).toBe('card-key-b-invalid:securityCode');
    expect(field(() => key(w('showa', 55, 2, 17), 2035, '12345'))).toBe('card-key-b-invalid:securityCode');
    expect(field(() => key(w('showa', 55, 2, 17), 2035, 'abcd'))).toBe('card-key-b-invalid:securityCode');
    expect(field(() => key({ calendar: 'seireki', year: 80, month: 2, day: 17 }))).toBe('card-key-b-invalid:year');
  });
});
