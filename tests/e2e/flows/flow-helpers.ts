/**
 * Helpers for the reader/card flows: reach the app's open shadow roots with Playwright's piercing
 * locators, read the simulated card's APDU log, and collect everything stored by the page
 * (IndexedDB, localStorage, sessionStorage, Cache Storage) to prove no PIN and no personal data is
 * kept.
 */
import type { Page } from '@playwright/test';
import { expect } from '../harness';

export const LOCALES = ['ja', 'en'] as const;

/** PIN-bearing VERIFY commands the virtual card in reader `index` received (empty counter queries excluded). */
export async function pinVerifies(page: Page, index = 0): Promise<string[]> {
  return page.evaluate((i) => (window.__jpkiLensSim?.card(i)?.log ?? []).map((e) => e.command).filter((c) => c.startsWith('00 20 00 80 ')), index);
}

/** Every string the page has stored anywhere, concatenated, for "the PIN appears nowhere" checks. */
export async function storedEverywhere(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i) ?? '';
      out.push(k, localStorage.getItem(k) ?? '');
    }
    for (let i = 0; i < sessionStorage.length; i++) {
      const k = sessionStorage.key(i) ?? '';
      out.push(k, sessionStorage.getItem(k) ?? '');
    }
    const dump = (v: unknown): string => {
      if (v instanceof Uint8Array) return Array.from(v, (b) => String.fromCharCode(b)).join('');
      if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}:${dump(x)}`).join('|');
      return String(v);
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(new Error(String(r.error)));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((res, rej) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(new Error(String(r.error)));
        });
        out.push(...all.map(dump));
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        out.push(req.url);
        const res = await cache.match(req);
        if (res && /json|text|javascript|html/.test(res.headers.get('content-type') ?? '')) out.push(await res.text());
      }
    }
    return out.join('\n');
  });
}

/** Wait for the card overview (the card was read) and return the PIN table's counters. */
export async function overviewCounters(page: Page): Promise<Record<string, string>> {
  await expect(page.getByTestId('card-overview')).toBeVisible({ timeout: 15_000 });
  const rows = page.locator('[data-testid="pin-table"] tbody tr');
  const out: Record<string, string> = {};
  for (const row of await rows.all()) out[(await row.getAttribute('data-pin')) ?? '?'] = (await row.getByTestId('pin-remaining').innerText()).trim();
  return out;
}
