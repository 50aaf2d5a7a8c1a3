/**
 * The lazily registered licence screens' catalog (src/i18n/catalog/licence-screens.ts) under the same
 * rules as the static catalogs: same keys in ja and en, no empty text, matching placeholders, no key
 * another domain defines; and addLazyCatalog makes its texts available without overriding any.
 */
import { describe, expect, it } from 'vitest';
import { addLazyCatalog, catalogs, hasMessage, t } from '../../../src/i18n';
import { licenceScreensCatalog as c } from '../../../src/i18n/catalog/licence-screens';

describe('licence screens catalog', () => {
  it('same keys in both languages, none empty, placeholders matching', () => {
    expect(Object.keys(c.ja).sort()).toEqual(Object.keys(c.en).sort());
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    const problems = Object.entries(c.ja).filter(([k, v]) => !v.trim() || !c.en[k]?.trim() || ph(v) !== ph(c.en[k] ?? ''));
    expect(problems).toEqual([]);
  });

  it('defines no key of another domain', () => {
    const taken = new Set(catalogs.flatMap((x) => Object.keys(x.en)));
    expect(Object.keys(c.en).filter((k) => taken.has(k))).toEqual([]);
  });

  it('addLazyCatalog adds the texts', () => {
    expect(hasMessage('licence.screen.heading', 'en')).toBe(false);
    addLazyCatalog(c);
    expect(t('licence.screen.heading', {}, 'en')).toBe('What the driver’s licence records');
    expect(t('licence.pin.tries', { remaining: 2, max: 3 }, 'ja')).toBe('残り 2 回 (最大 3 回)');
    // Never overrides a key already there.
    addLazyCatalog({ ja: { 'app.nav.about': 'x' }, en: { 'app.nav.about': 'x' } });
    expect(t('app.nav.about', {}, 'en')).toBe('About');
  });
});
