import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasMessage, loadedDomains, t, tBoth, detectLocale, setLocale, getLocale, type Messages } from '../../../src/i18n';
import { messages as appEn } from '../../../src/i18n/catalog/app/en';
import { messages as storeEn } from '../../../src/i18n/catalog/store/en';

const CATALOG_DIR = resolve(import.meta.dirname, '../../../src/i18n/catalog');
const ja = new Map(loadedDomains('ja'));
const en = new Map(loadedDomains('en'));
const domains = [...new Set([...ja.keys(), ...en.keys()])].sort();
const pair = (d: string): { ja: Messages; en: Messages } => ({ ja: ja.get(d) ?? {}, en: en.get(d) ?? {} });

describe('i18n catalogs', () => {
  it('both registries list every domain folder (tools/split-catalogs.ts is up to date)', () => {
    const folders = readdirSync(CATALOG_DIR).filter((d) => statSync(join(CATALOG_DIR, d)).isDirectory()).sort();
    expect(folders.length).toBeGreaterThan(5);
    expect([...ja.keys()].sort()).toEqual(folders);
    expect([...en.keys()].sort()).toEqual(folders);
  });

  it('every catalog has exactly the same keys in ja and en', () => {
    const mismatches: string[] = [];
    for (const d of domains) {
      const c = pair(d);
      const jaKeys = new Set(Object.keys(c.ja));
      const enKeys = new Set(Object.keys(c.en));
      for (const k of jaKeys) if (!enKeys.has(k)) mismatches.push(`${d}: ${k} has no English text`);
      for (const k of enKeys) if (!jaKeys.has(k)) mismatches.push(`${d}: ${k} has no Japanese text`);
    }
    expect(mismatches).toEqual([]);
  });

  it('no key is defined by two domains (a later catalog would silently win)', () => {
    const owner = new Map<string, string>();
    const dupes: string[] = [];
    for (const d of domains) {
      for (const k of Object.keys(pair(d).en)) {
        const prev = owner.get(k);
        if (prev !== undefined && prev !== d) dupes.push(`${k}: ${prev} and ${d}`);
        owner.set(k, d);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('no text is empty, and placeholders match between the languages', () => {
    const problems: string[] = [];
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    for (const d of domains) {
      const c = pair(d);
      for (const [k, jaText] of Object.entries(c.ja)) {
        const enText = c.en[k];
        if (!jaText.trim() || (enText !== undefined && !enText.trim())) problems.push(`${k}: empty`);
        if (enText !== undefined && placeholders(jaText) !== placeholders(enText)) problems.push(`${k}: {${placeholders(jaText)}} vs {${placeholders(enText)}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the app and store domains keep to their key prefixes', () => {
    const stray = [
      ...Object.keys(appEn).filter((k) => !k.startsWith('app.') && !k.startsWith('error.')),
      ...Object.keys(storeEn).filter((k) => !k.startsWith('store.') && !k.startsWith('error.')),
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
    void setLocale('en'); // loaded already (tests/unit/setup/i18n.ts): the switch is immediate
    expect(t('app.nav.about')).toBe('About');
    void setLocale('ja');
    expect(t('app.nav.about')).toBe('アプリについて');
    void setLocale(before);
  });
});
