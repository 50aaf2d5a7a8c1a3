import { LOCALES, type Catalog, type Locale, type Messages } from './types';
import { appCatalog } from './catalog/app';
import { usbCatalog } from './catalog/usb';
import { ccidCatalog } from './catalog/ccid';
import { cardCatalog } from './catalog/card';
import { pkiCatalog } from './catalog/pki';
import { storeCatalog } from './catalog/store';
import { sonyCatalog } from './catalog/sony';
import { simCatalog } from './catalog/sim';
import { signCatalog } from './catalog/sign';

export type { Catalog, Locale, Messages } from './types';
export { LOCALES } from './types';

/** Every domain catalog; a domain adds its strings to its own file in ./catalog/. */
export const catalogs: readonly Catalog[] = [appCatalog, usbCatalog, ccidCatalog, cardCatalog, pkiCatalog, storeCatalog, sonyCatalog, simCatalog, signCatalog];

function merge(locale: Locale): Messages {
  const out: Record<string, string> = {};
  for (const c of catalogs) Object.assign(out, c[locale]);
  return out;
}
const merged: Record<Locale, Record<string, string>> = { ja: merge('ja'), en: merge('en') };

/**
 * Strings of a lazily loaded screen: its chunk registers them when it loads, so they are not in the
 * initial JS (issue 6 budget). A key already defined stays as it is (tests check there is none).
 */
export function registerCatalog(c: Catalog): void {
  for (const locale of LOCALES) {
    for (const [k, v] of Object.entries(c[locale])) if (!(k in merged[locale])) merged[locale][k] = v;
  }
}

let current: Locale = 'ja';
const listeners = new Set<(l: Locale) => void>();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  for (const l of listeners) l(locale);
}

/** Subscribe to language changes; returns the unsubscribe function. */
export function onLocaleChange(listener: (l: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The default from the browser's languages: Japanese unless the first preference is not Japanese. */
export function detectLocale(languages: readonly string[]): Locale {
  const first = languages[0]?.toLowerCase() ?? 'ja';
  return first.startsWith('ja') ? 'ja' : 'en';
}

export function hasMessage(key: string, locale: Locale = current): boolean {
  return key in merged[locale];
}

/** The text for `key` in the current (or given) language, with `{name}` placeholders filled. */
export function t(key: string, params: Readonly<Record<string, string | number>> = {}, locale: Locale = current): string {
  const text = merged[locale][key] ?? merged[locale === 'ja' ? 'en' : 'ja'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Both languages' text for one key (for errors that carry ja and en). */
export function tBoth(key: string, params: Readonly<Record<string, string | number>> = {}): { ja: string; en: string } {
  return { ja: t(key, params, 'ja'), en: t(key, params, 'en') };
}
