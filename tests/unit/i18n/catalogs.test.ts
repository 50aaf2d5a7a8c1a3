import { describe, expect, it } from 'vitest';
import { catalogs, hasMessage, t, tBoth, detectLocale, setLocale, getLocale } from '../../../src/i18n';
import { appCatalog } from '../../../src/i18n/catalog/app';
import { storeCatalog } from '../../../src/i18n/catalog/store';

const names = ['app', 'usb', 'ccid', 'card', 'pki', 'store', 'sony', 'sim', 'image', 'pin', 'licence'];

describe('i18n catalogs', () => {
  it('every catalog has exactly the same keys in ja and en', () => {
    const mismatches: string[] = [];
    catalogs.forEach((c, i) => {
      const ja = new Set(Object.keys(c.ja));
      const en = new Set(Object.keys(c.en));
      for (const k of ja) if (!en.has(k)) mismatches.push(`${names[i] ?? i}: ${k} has no English text`);
      for (const k of en) if (!ja.has(k)) mismatches.push(`${names[i] ?? i}: ${k} has no Japanese text`);
    });
    expect(mismatches).toEqual([]);
  });

  it('no key is defined by two domains (a later catalog would silently win)', () => {
    const owner = new Map<string, number>();
    const dupes: string[] = [];
    catalogs.forEach((c, i) => {
      for (const k of Object.keys(c.en)) {
        const prev = owner.get(k);
        if (prev !== undefined && prev !== i) dupes.push(`${k}: ${names[prev]} and ${names[i]}`);
        owner.set(k, i);
      }
    });
    expect(dupes).toEqual([]);
  });

  it('no text is empty, and placeholders match between the languages', () => {
    const problems: string[] = [];
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    for (const c of catalogs) {
      for (const [k, ja] of Object.entries(c.ja)) {
        const en = c.en[k];
        if (!ja.trim() || (en !== undefined && !en.trim())) problems.push(`${k}: empty`);
        if (en !== undefined && placeholders(ja) !== placeholders(en)) problems.push(`${k}: {${placeholders(ja)}} vs {${placeholders(en)}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the app and store domains keep to their key prefixes', () => {
    const stray = [
      ...Object.keys(appCatalog.en).filter((k) => !k.startsWith('app.') && !k.startsWith('error.')),
      ...Object.keys(storeCatalog.en).filter((k) => !k.startsWith('store.') && !k.startsWith('error.')),
    ];
    expect(stray).toEqual([]);
  });
});

describe('t and the locale', () => {
  it('fills placeholders and falls back to the key when a text is missing', () => {
    expect(t('app.library.count', { count: 3 }, 'en')).toBe('Certificates saved: 3');
    expect(t('app.library.count', { count: 3 }, 'ja')).toBe('保存した証明書:3 件');
    expect(t('no.such.key', {}, 'en')).toBe('no.such.key');
    expect(hasMessage('app.nav.reader', 'ja')).toBe(true);
    expect(tBoth('error.store-text-too-long', { max: 200 })).toEqual({
      ja: '入力が長すぎます(200 文字まで)。',
      en: 'The text is too long (at most 200 characters).',
    });
  });

  it('defaults from the first browser language', () => {
    expect(detectLocale(['ja-JP', 'en-US'])).toBe('ja');
    expect(detectLocale(['ja'])).toBe('ja');
    expect(detectLocale(['en-GB', 'ja'])).toBe('en');
    expect(detectLocale(['fr-FR'])).toBe('en');
    expect(detectLocale([])).toBe('ja');
  });

  it('setLocale switches the text t returns', () => {
    const before = getLocale();
    setLocale('en');
    expect(t('app.nav.about')).toBe('About');
    setLocale('ja');
    expect(t('app.nav.about')).toBe('アプリについて');
    setLocale(before);
  });
});
