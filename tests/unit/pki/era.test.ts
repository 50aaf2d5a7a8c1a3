import { describe, expect, it } from 'vitest';
import { parseJpkiBirthDate, toWareki } from '../../../src/pki/jpki/era';

describe('和暦 conversion at every era boundary', () => {
  it.each([
    [1868, 1, 24, undefined],
    [1868, 1, 25, '明治元年1月25日'],
    [1912, 7, 29, '明治45年7月29日'],
    [1912, 7, 30, '大正元年7月30日'],
    [1926, 12, 24, '大正15年12月24日'],
    [1926, 12, 25, '昭和元年12月25日'],
    [1989, 1, 7, '昭和64年1月7日'],
    [1989, 1, 8, '平成元年1月8日'],
    [2019, 4, 30, '平成31年4月30日'],
    [2019, 5, 1, '令和元年5月1日'],
    [2020, 1, 1, '令和2年1月1日'],
    [1980, 2, 17, '昭和55年2月17日'],
  ])('%i-%i-%i → %s', (y, m, d, text) => {
    expect(toWareki(y, m, d)?.text).toBe(text);
  });
  it('rejects impossible dates', () => {
    expect(toWareki(2019, 2, 29)).toBeUndefined();
    expect(toWareki(2020, 2, 29)?.text).toBe('令和2年2月29日');
  });
  it('flags the lunisolar period of early 明治', () => {
    expect(toWareki(1872, 12, 31)?.lunisolarPeriod).toBe(true);
    expect(toWareki(1873, 1, 1)?.lunisolarPeriod).toBe(false);
  });
});

describe('JPKI birth date EYYYYMMDD', () => {
  it('decodes era digit + Western date', () => {
    const d = parseJpkiBirthDate('319800217');
    expect(d?.western).toBe('1980-02-17');
    expect(d?.declaredEra).toBe('showa');
    expect(d?.wareki?.text).toBe('昭和55年2月17日');
    expect(d?.eraConsistent).toBe(true);
  });
  it('notices an era digit that disagrees with the date', () => {
    expect(parseJpkiBirthDate('419800217')?.eraConsistent).toBe(false);
    expect(parseJpkiBirthDate('419890107')?.eraConsistent).toBe(false);
    expect(parseJpkiBirthDate('419890108')?.eraConsistent).toBe(true);
  });
  it('does not call an era digit consistent with a valid date before 明治 (1868-01-25)', () => {
    expect(parseJpkiBirthDate('118680124')?.eraConsistent).toBe(false);
    expect(parseJpkiBirthDate('118680125')?.eraConsistent).toBe(true);
    expect(parseJpkiBirthDate('118670000')?.eraConsistent).toBe(true);
  });
  it('accepts era 0 (不明) and an unknown month/day without a Western date', () => {
    const d = parseJpkiBirthDate('019500000');
    expect(d?.declaredEra).toBeUndefined();
    expect(d?.western).toBeUndefined();
    expect(d?.eraConsistent).toBe(true);
  });
  it('refuses anything but 9 digits', () => {
    expect(parseJpkiBirthDate('31980021')).toBeUndefined();
    expect(parseJpkiBirthDate('3198002１7')).toBeUndefined();
  });
});
