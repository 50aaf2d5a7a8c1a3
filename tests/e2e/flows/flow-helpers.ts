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
        // The app's own precached code (JS, HTML, the JPEG 2000 decoder's wasm) holds the demo
        // card's documented PINs as constants or digits by chance; anything else cached (data,
        // text) is read in full.
        if (res && !/javascript|html|image|manifest|wasm/.test(res.headers.get('content-type') ?? '')) out.push(await res.text());
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

const hexOf = (s: string) => Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join(' ');

/** Collect every console message of the page (all levels), to prove no PIN is ever logged. */
export function recordConsole(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => seen.push(m.text()));
  return seen;
}

/** The diagnostics report as the user would copy it. */
export async function diagnosticsReport(page: Page): Promise<string> {
  await page.evaluate(() => (location.hash = '#/reader/diagnostics'));
  const area = page.getByTestId('diagnostics-report');
  await expect(area).toBeVisible();
  return area.inputValue();
}

/**
 * The secrets typed (PINs) appear nowhere: not in IndexedDB, localStorage, sessionStorage or Cache
 * Storage (as text or as the bytes sent), not in the console, not in the diagnostics report (as text
 * or hex), and no input on the page still holds a value.
 */
export async function expectSecretsNowhere(page: Page, secrets: readonly string[], consoleMessages: readonly string[]): Promise<void> {
  const stored = await storedEverywhere(page);
  const report = await diagnosticsReport(page);
  const inputs = await page.evaluate(() => {
    const values: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      root.querySelectorAll('input').forEach((i) => values.push(i.value));
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && walk(el.shadowRoot));
    };
    walk(document);
    return values.filter((v) => v !== '' && v !== 'on');
  });
  for (const secret of secrets) {
    for (const variant of new Set([secret, secret.toUpperCase()])) {
      expect(stored, `stored data holds ${variant}`).not.toContain(variant);
      // A 4-digit PIN can occur by chance in a timestamp or a byte count; its VERIFY encoding cannot.
      if (variant.length >= 6) expect(report, `diagnostics report holds ${variant}`).not.toContain(variant);
      const lc = variant.length.toString(16).padStart(2, '0');
      expect(report.toLowerCase(), `diagnostics report holds the bytes of ${variant}`).not.toContain(`${lc} ${hexOf(variant)}`);
      expect(consoleMessages.join('\n'), `console holds ${variant}`).not.toContain(variant);
      expect(inputs, `an input still holds ${variant}`).not.toContain(variant);
    }
  }
  expect(report).toContain('** **'); // the VERIFY is in the report, with its PIN bytes masked
}
