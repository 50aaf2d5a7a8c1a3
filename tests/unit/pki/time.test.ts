// UTCTime / GeneralizedTime parsing (RFC 5280 §4.1.2.5): the 1950/2050 UTCTime window, and
// GeneralizedTime years below 100 judged by their own calendar (not 1900–1999's).
import { describe, expect, it } from 'vitest';
import { isLensError } from '../../../src/errors';
import { parseTime, timeToDate } from '../../../src/pki/model/time';

const ascii = (s: string) => new TextEncoder().encode(s);

function code(f: () => unknown): string {
  try { f(); return 'none'; } catch (e) { return isLensError(e) ? e.code : 'other'; }
}

describe('parseTime', () => {
  it('UTCTime YY 49 is 2049 and YY 50 is 1950 (RFC 5280 §4.1.2.5.1)', () => {
    expect(parseTime(23, ascii('491231235959Z')).iso).toBe('2049-12-31T23:59:59Z');
    expect(parseTime(23, ascii('500101000000Z')).iso).toBe('1950-01-01T00:00:00Z');
  });
  it('GeneralizedTime 0000-02-29 exists (year 0 is a leap year), 0100-02-29 does not', () => {
    expect(parseTime(24, ascii('00000229000000Z')).iso).toBe('0000-02-29T00:00:00Z');
    expect(code(() => parseTime(24, ascii('01000229000000Z')))).toBe('pki-bad-time');
  });
  it('a GeneralizedTime in year 49 stays in year 49', () => {
    expect(timeToDate(parseTime(24, ascii('00490101000000Z'))).getUTCFullYear()).toBe(49);
  });
  it('refuses local times and impossible dates', () => {
    expect(code(() => parseTime(23, ascii('2402300000Z')))).toBe('pki-bad-time');
    expect(code(() => parseTime(23, ascii('240230000000Z')))).toBe('pki-bad-time');
    expect(code(() => parseTime(24, ascii('20240101000000')))).toBe('pki-bad-time');
  });
});
