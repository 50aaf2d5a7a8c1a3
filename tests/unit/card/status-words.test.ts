import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardStatusError, NAMED_STATUS_WORDS, describeStatusWord, isBlockedStatus, triesLeft } from '../../../src/card/status-words';
import { messages as cardJa } from '../../../src/i18n/catalog/card/ja';
import { messages as cardEn } from '../../../src/i18n/catalog/card/en';
import { t } from '../../../src/i18n';

describe('status words', () => {
  it('names 63Cx with the count, in code, params and message (architecture rule 4)', () => {
    const e = new CardStatusError(0x63c2, 'VERIFY');
    expect(e.code).toBe('sw-63cx');
    expect(e.params).toMatchObject({ sw: '63C2', tries: 2 });
    expect(e.message).toBe('SW 63C2 (PIN wrong, 2 tries left) after VERIFY');
    expect(new CardStatusError(0x63c1).message).toBe('SW 63C1 (PIN wrong, 1 try left)');
    expect(t('error.sw-63cx', e.params, 'ja')).toBe('暗証番号が違います。残り 2 回です。');
    expect(t('error.sw-63cx', e.params, 'en')).toBe('Wrong PIN. Tries left: 2.');
  });
  it('gives every listed SW a code sw-xxxx and a name', () => {
    expect(new CardStatusError(0x6982).code).toBe('sw-6982');
    expect(new CardStatusError(0x6982).message).toBe('SW 6982 (security status not satisfied)');
    for (const sw of [0x63c0, 0x6983, 0x6984, 0x6985, 0x6a82, 0x6a86, 0x6a88, 0x6700, 0x6b00, 0x6282, 0x6d00, 0x6e00, 0x69fc, 0x6882, 0x66f1]) {
      const d = describeStatusWord(sw);
      expect(d.code).not.toBe('sw-unknown');
      expect(d.name.length).toBeGreaterThan(3);
    }
    expect(describeStatusWord(0x6c10)).toMatchObject({ code: 'sw-6cxx', params: { count: 16 } });
    expect(describeStatusWord(0x6100)).toMatchObject({ code: 'sw-61xx', params: { count: 256 } });
    expect(describeStatusWord(0x1234)).toMatchObject({ code: 'sw-unknown', params: { sw: '1234' } });
  });
  it('treats 63C0, 6983 and 6984 as blocked (jpki-card.md §3.2)', () => {
    expect([0x63c0, 0x6983, 0x6984].every(isBlockedStatus)).toBe(true);
    expect([0x63c1, 0x9000, 0x6982].some(isBlockedStatus)).toBe(false);
    expect(triesLeft(0x63c3)).toBe(3);
    expect(triesLeft(0x63c0)).toBeUndefined();
  });
});

describe('card catalog', () => {
  const ja = cardJa;
  const en = cardEn;
  it('has the same keys in ja and en', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });
  it('has text for every status-word code', () => {
    const codes = new Set([...NAMED_STATUS_WORDS.map((sw) => describeStatusWord(sw).code), 'sw-63cx', 'sw-63c0', 'sw-61xx', 'sw-6cxx', 'sw-unknown']);
    for (const c of codes) {
      expect(ja[`error.${c}`], c).toBeTruthy();
      expect(en[`error.${c}`], c).toBeTruthy();
    }
  });
  it('has text for every LensError code thrown in src/card', () => {
    const dir = join(__dirname, '../../../src/card');
    const codes = new Set<string>();
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/LensError\('([a-z0-9-]+)'/g)) codes.add(m[1]);
      for (const m of src.matchAll(/Code: '([a-z0-9-]+)'/g)) codes.add(m[1]);
      for (const m of src.matchAll(/emptyCode \?\? '([a-z0-9-]+)'/g)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(30);
    for (const c of codes) {
      expect(ja[`error.${c}`], c).toBeTruthy();
      expect(en[`error.${c}`], c).toBeTruthy();
    }
  });
});
