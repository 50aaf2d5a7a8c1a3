/**
 * The PWA: the service worker installs and precaches everything, the app reloads and deep-links with
 * the network off, and Chrome sees nothing that stops it offering "Install".
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, appReady, installSim, Guard } from './harness';
import { serveDist } from './harness/static-server';

declare global {
  function idbPut(db: string, value: string): Promise<void>;
  function idbGet(db: string): Promise<unknown>;
}

/** Page-side helpers: one string value in a throwaway IndexedDB database. */
function defineIdbHelpers(): void {
  const open = (db: string) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(db, 1);
      r.onupgradeneeded = () => r.result.createObjectStore('s');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(String(r.error)));
    });
  globalThis.idbPut = async (db, value) => {
    const d = await open(db);
    await new Promise<void>((resolve, reject) => {
      const tx = d.transaction('s', 'readwrite');
      tx.objectStore('s').put(value, 'k');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    d.close();
  };
  globalThis.idbGet = async (db) => {
    const d = await open(db);
    const value = await new Promise<unknown>((resolve, reject) => {
      const g = d.transaction('s').objectStore('s').get('k');
      g.onsuccess = () => resolve(g.result);
      g.onerror = () => reject(new Error(String(g.error)));
    });
    d.close();
    return value;
  };
}

async function serviceWorkerActivated(page: Page): Promise<void> {
  // Installing means precaching the whole app: allow for a busy machine.
  await expect(page.locator('html')).toHaveAttribute('data-sw', 'activated', { timeout: 20_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

test.use({ locale: 'en-US' });

test('the service worker installs and precaches the app', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await serviceWorkerActivated(page);
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls.sort();
  });
  expect(cached).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png']));
  expect(cached.some((u) => /^\/assets\/index-.*\.js$/.test(u))).toBe(true);
  // Every emitted script, stylesheet and WebAssembly module (the lazily loaded JPEG 2000 decoder's
  // .wasm included), so a screen first opened offline still has its code.
  const emitted = readdirSync(join(import.meta.dirname, '../../dist/assets')).filter((f) => /\.(js|css|wasm)$/.test(f)).map((f) => `/assets/${f}`);
  expect(emitted.length).toBeGreaterThan(5);
  expect(cached).toEqual(expect.arrayContaining(emitted));
});

test('reloads with the network off, and a never-visited deep link works offline', async ({ page, context, guard }) => {
  await page.goto('/');
  await appReady(page);
  await serviceWorkerActivated(page);

  await context.setOffline(true);
  // The negative control: something not precached really fails now, so what follows is served by the SW.
  guard.allow(/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/);
  const probe = await page.evaluate(() => fetch(`/not-precached-${Date.now()}.txt`).then((r) => `status ${r.status}`, (e: Error) => e.name));
  expect(probe).toBe('TypeError');

  await page.reload();
  await appReady(page);
  await expect(page.locator('jpki-reader-screen')).toBeAttached();
  await expect(page.getByTestId('offline-notice')).toBeVisible();

  await page.goto('/?from=home-screen#/about');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About JPKI Lens');
  const nav = page.getByRole('navigation', { name: 'Main pages' });
  await nav.getByRole('link', { name: 'Saved certificates' }).click();
  await expect(page.locator('jpki-library-screen')).toBeAttached();
  await expect(nav.getByRole('link', { name: 'Saved certificates' })).toHaveAttribute('aria-current', 'page');
  await context.setOffline(false);
});

test('without a service worker the offline reload fails (the offline test is real)', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await appReady(page);
  await context.setOffline(true);
  const error = await page.reload().then(
    () => 'loaded',
    (e: Error) => e.message,
  );
  expect(error).toMatch(/ERR_INTERNET_DISCONNECTED/);
  await context.close();
});

test('Chrome reports no installability errors for the manifest', async ({ guard }, testInfo) => {
  // Playwright's normal contexts are incognito-like, and Chrome never offers "Install" there
  // ("in-incognito"), so this check runs in a persistent profile of its own.
  const dir = mkdtempSync(join(tmpdir(), 'jpki-lens-install-'));
  const use = testInfo.project.use;
  const context = await chromium.launchPersistentContext(dir, { ...use.launchOptions, headless: true, baseURL: use.baseURL, serviceWorkers: 'allow' });
  try {
    context.on('request', (r) => guard.onRequest(r));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') guard.record({ kind: 'console', text: m.text() });
    });
    await installSim(page, { devices: [] });
    await page.goto('/');
    await appReady(page);
    await serviceWorkerActivated(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = await page.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.json() as Promise<{ icons: { purpose: string; sizes: string }[]; display: string }>));
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the build has no inline script or style, and the CSP meta is the first thing in <head>', async ({ page }) => {
  const html = await (await page.request.get('/index.html')).text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style[\s>]/);
  expect(html).not.toMatch(/\sstyle=/);
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(csp).toBe(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; worker-src 'self'; manifest-src 'self'",
  );
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
});

test("the CSP lets WebAssembly compile ('wasm-unsafe-eval') but still refuses eval and string timers", async ({ browser, baseURL }) => {
  // Its own context: the refusals are the point here, so the harness's "no CSP violation" guard is not used.
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await installSim(page, { devices: [] });
    await page.goto('/');
    await appReady(page);
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { __violations: string[]; __ranFromString?: string };
      // A string timer runs in the page's own context (code run through DevTools is exempt from
      // CSP, so a direct eval() here would prove nothing): 'unsafe-eval' would be needed for it.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the refusal is what is tested
      setTimeout('window.__ranFromString = "timer"', 0);
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the refusal is what is tested
      setTimeout('window.__ranFromString = new Function("return \\"function\\"")()', 0);
      await new Promise((r) => setTimeout(r, 200));
      return { ran: w.__ranFromString ?? 'nothing', violations: w.__violations };
    });
    expect(outcome.ran).toBe('nothing');
    expect(outcome.violations).toEqual(['script-src eval', 'script-src eval']);
    // The one allowance: compiling a (minimal, empty) WebAssembly module, from a timer callback so it
    // also runs in the page's context.
    const wasm = await page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          setTimeout(() => {
            WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])).then(
              () => resolve('compiled'),
              (e: Error) => resolve(e.name),
            );
          }, 0),
        ),
    );
    expect(wasm).toBe('compiled');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length)).toBe(2);
  } finally {
    await context.close();
  }
});

test('a new version waits for the user, and reloading into it keeps saved data and the language', async ({ browser }) => {
  const server = await serveDist();
  const context = await browser.newContext({ baseURL: server.origin, serviceWorkers: 'allow', locale: 'en-US' });
  const guard = new Guard(server.origin);
  context.on('request', (r) => guard.onRequest(r));
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') guard.record({ kind: 'console', text: m.text() });
    });
    await installSim(page, { devices: [] });
    await page.addInitScript(defineIdbHelpers);
    await page.goto('/');
    await appReady(page);
    await serviceWorkerActivated(page);
    // A returning visit: the page is now controlled by the installed worker (a new worker only
    // waits while an old one controls a page).
    await page.reload();
    await appReady(page);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // Data the update must not drop: the language choice and a record in IndexedDB.
    await page.getByRole('button', { name: '日本語' }).click();
    await page.evaluate(() => idbPut('update-survivor', 'kept'));
    // A second tab of the app, open while the update happens.
    const other = await context.newPage();
    other.on('console', (m) => {
      if (m.type() === 'error') guard.record({ kind: 'console', text: m.text() });
    });
    await installSim(other, { devices: [] });
    await other.addInitScript(defineIdbHelpers);
    await other.goto('/#/about');
    await appReady(other);

    // The server now sends a byte-different sw.js: to the browser, a new version of the app.
    server.rewrite('/sw.js', (text) => `${text}\n// next version\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toBeVisible({ timeout: 20_000 }); // the new worker precaches everything first
    await expect(prompt).toContainText('新しいバージョンの準備ができました');
    // It waits for the user: the old worker still controls the page.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null))).toBe(true);

    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: '再読み込みして更新' }).click();
    await reloaded;
    await appReady(page);
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    const after = await page.evaluate(async () => ({
      value: await idbGet('update-survivor'),
      waiting: (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
      controlled: navigator.serviceWorker.controller !== null,
    }));
    expect(after).toEqual({ value: 'kept', waiting: null, controlled: true });

    // The other tab now runs older code than the worker serves: it offers the reload too, and it works.
    const otherPrompt = other.getByTestId('update-prompt');
    await expect(otherPrompt).toBeVisible({ timeout: 20_000 });
    const otherReloaded = other.waitForEvent('load');
    await otherPrompt.getByRole('button', { name: '再読み込みして更新' }).click();
    await otherReloaded;
    await appReady(other);
    await expect(other.getByTestId('update-prompt')).toHaveCount(0);
    expect(await other.evaluate(() => idbGet('update-survivor'))).toBe('kept');
    expect(guard.problems).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});
