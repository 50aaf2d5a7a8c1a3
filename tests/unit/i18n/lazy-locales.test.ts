/**
 * Issue 13 item 9: the first download carried both languages' catalogs. Each language is now a chunk
 * loaded on demand: a fresh src/i18n has none, loads only the one asked for, switches after loading,
 * and tells its listeners once the text is there.
 */
import { describe, expect, it, vi } from 'vitest';

async function freshI18n(): Promise<typeof import('../../../src/i18n')> {
  vi.resetModules(); // a new module instance: nothing loaded (the setup file loaded the shared one)
  return import('../../../src/i18n');
}

describe('lazily loaded languages', () => {
  it('a fresh i18n has no strings; setLocale loads only that language, then switches and notifies', async () => {
    const i18n = await freshI18n();
    expect(i18n.isLocaleLoaded('ja')).toBe(false);
    expect(i18n.isLocaleLoaded('en')).toBe(false);
    expect(i18n.t('app.nav.about')).toBe('app.nav.about');
    const heard: string[] = [];
    i18n.onLocaleChange((l) => heard.push(l));
    const switching = i18n.setLocale('en');
    expect(i18n.getLocale()).toBe('ja'); // not before its strings are there
    await switching;
    expect(i18n.getLocale()).toBe('en');
    expect(heard).toEqual(['en']);
    expect(i18n.isLocaleLoaded('en')).toBe(true);
    expect(i18n.isLocaleLoaded('ja')).toBe(false);
    expect(i18n.t('app.nav.about')).toBe('About');
    // The other language falls back to the loaded one until it is loaded itself.
    expect(i18n.t('app.nav.about', {}, 'ja')).toBe('About');
    await i18n.loadLocale('ja');
    expect(i18n.t('app.nav.about', {}, 'ja')).toBe('アプリについて');
  });

  it('a later request wins over a slower earlier one', async () => {
    const i18n = await freshI18n();
    const a = i18n.setLocale('en');
    const b = i18n.setLocale('ja');
    await Promise.all([a, b]);
    expect(i18n.getLocale()).toBe('ja');
  });

  it('tBoth needs both loaded: loadLocales gives errors their ja and en texts', async () => {
    const i18n = await freshI18n();
    await i18n.loadLocales(i18n.LOCALES);
    expect(i18n.tBoth('error.store-text-too-long', { max: 200 })).toEqual({
      ja: '入力が長すぎます(200 文字まで)。',
      en: 'The text is too long (at most 200 characters).',
    });
  });
});
