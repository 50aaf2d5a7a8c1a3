import { describe, expect, it } from 'vitest';
import { parseHash, formatHash } from '../../../src/app/state/routes';

describe('hash routes', () => {
  it('parses the three routes and their sub-paths', () => {
    expect(parseHash('#/reader')).toEqual({ route: 'reader', rest: [] });
    expect(parseHash('#/library')).toEqual({ route: 'library', rest: [] });
    expect(parseHash('#/about/')).toEqual({ route: 'about', rest: [] });
    expect(parseHash('#/library/ab12/asn1')).toEqual({ route: 'library', rest: ['ab12', 'asn1'] });
    expect(parseHash('#library')).toEqual({ route: 'library', rest: [] });
  });

  it('falls back to the reader for empty or unknown hashes', () => {
    expect(parseHash('')).toEqual({ route: 'reader', rest: [] });
    expect(parseHash('#')).toEqual({ route: 'reader', rest: [] });
    expect(parseHash('#/admin/x')).toEqual({ route: 'reader', rest: [] });
    expect(parseHash('#main')).toEqual({ route: 'reader', rest: [] });
  });

  it('round-trips segments that need encoding, and tolerates bad escapes', () => {
    const hash = formatHash('library', 'a b/c', '証明書');
    expect(hash).toBe('#/library/a%20b%2Fc/%E8%A8%BC%E6%98%8E%E6%9B%B8');
    expect(parseHash(hash)).toEqual({ route: 'library', rest: ['a b/c', '証明書'] });
    expect(parseHash('#/library/%E0%A4%A')).toEqual({ route: 'library', rest: ['%E0%A4%A'] });
  });
});
