// `npm run bench app`: what the app costs a person opening it.
//
// 1. Size, from a fresh production build (into reports/bench-dist, so the shared dist/ is left alone):
//    the initial JS (the entry chunk plus every chunk it imports statically, which the browser
//    fetches before first paint), gzip -9; the lazy chunks; the service worker's precache total; and
//    whether pkijs is anywhere in the initial JS (it must load only when a certificate is explained).
//    Target: initial ≤ 80 KB gzip (issue 6).
// 2. Time, in Chromium through Playwright, against that build with the simulated SCR3310-NTTCom and
//    virtual card (test-build/sim-usb.js, the e2e injection):
//    - sign certificate: from the virtual card's last response of the sign-certificate read (a
//      timestamp taken inside the page when the card returns its last APDU answer; the reader
//      double's transfer of those bytes to the host follows within the same task queue) to the
//      viewer's tab panel in the DOM — the first certificate explained, so it includes fetching and
//      compiling the pkijs chunk;
//    - auth certificate, opened from the overview afterwards (DER already in memory, pkijs warm):
//      from the click to the tab panel.
//    Each is the median of RUNS fresh pages.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'reports/bench-dist');
const SIM = join(ROOT, 'test-build/sim-usb.js');
const RUNS = 3;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Static imports of an ES chunk (`import{…}from"./x.js"`, `import"./x.js"`), not `import()`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) out.push(m[1]);
  return out;
}

function initialChunks(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="\/?([^"]+)"/g)].map((m) => join(dir, m[1]));
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const rel of staticImports(readFileSync(file, 'utf8'))) walk(join(file, '..', rel));
  };
  entries.forEach(walk);
  return [...seen];
}

function sourcesOf(file: string): string[] {
  const map = `${file}.map`;
  if (!existsSync(map)) return [];
  return (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources;
}

function precacheBytes(dir: string): { entries: number; bytes: number } {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
  let bytes = 0;
  for (const u of urls) {
    const f = join(dir, u.replace(/^\//, ''));
    if (existsSync(f)) bytes += statSync(f).size;
  }
  return { entries: urls.length, bytes };
}

/**
 * A fresh production build's initial JS (also used by bench/image.bench.ts): the static import graph
 * of the entry, and each language's catalog chunk (src/i18n/catalog/<lang>.ts), which main.ts awaits
 * before the first render — so the first download is the static graph plus the active language's one.
 */
export function initialJs(): { chunks: string[]; gzip: number; language: Record<'ja' | 'en', number> } {
  execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const chunks = initialChunks(OUT);
  const assets = join(OUT, 'assets');
  const languageChunk = (lang: string) => {
    const f = readdirSync(assets).find((n) => new RegExp(`^${lang}-[\\w-]{8}\\.js$`).test(n));
    return f ? gz(join(assets, f)) : 0;
  };
  return { chunks, gzip: chunks.reduce((n, f) => n + gz(f), 0), language: { ja: languageChunk('ja'), en: languageChunk('en') } };
}

function sizes(): void {
  const built = initialJs();
  const initial = built.chunks;
  const assets = join(OUT, 'assets');
  const lazy = readdirSync(assets)
    .filter((f) => f.endsWith('.js') && !initial.includes(join(assets, f)))
    .map((f) => ({ f, gz: gz(join(assets, f)) }))
    .sort((a, b) => b.gz - a.gz);
  const initialGz = initial.reduce((n, f) => n + gz(f), 0);
  const pkijsInInitial = initial.some((f) => sourcesOf(f).some((s) => s.includes('node_modules/pkijs')));
  const pre = precacheBytes(OUT);
  console.log(`initial JS: ${initial.length} chunk(s), ${kb(initialGz)} gzip (target ≤ 80 KB) — ${initialGz <= 80 * 1024 ? 'within' : 'OVER'} budget`);
  const first = (lang: 'ja' | 'en') => initialGz + built.language[lang];
  console.log(`first download (initial JS + the active language's catalogs, awaited before the first render): ja ${kb(first('ja'))}, en ${kb(first('en'))} gzip — ${Math.max(first('ja'), first('en')) <= 80 * 1024 ? 'within' : 'OVER'} budget; the other language (ja ${kb(built.language.ja)} / en ${kb(built.language.en)}) loads on a switch`);
  for (const f of initial) console.log(`  ${f.slice(OUT.length + 1)}  ${kb(gz(f))} gzip`);
  console.log(`pkijs in the initial JS: ${pkijsInInitial ? 'YES (should be lazy)' : 'no'}`);
  console.log(`lazy chunks (gzip): ${lazy.map((l) => `${l.f.replace(/-[\w-]{8}\.js$/, '')} ${kb(l.gz)}`).join(', ')}`);
  console.log(`precache: ${pre.entries} entries, ${kb(pre.bytes)} raw`);
}

async function serve(dir: string): Promise<{ origin: string; server: Server }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.json': 'application/json' };
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      let file = join(dir, path === '/' ? 'index.html' : path);
      if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, server };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timings(): Promise<void> {
  if (!existsSync(SIM)) {
    console.log(`render timing: skipped (${SIM} missing: run \`npm run build\` first)`);
    return;
  }
  const { chromium } = await import('@playwright/test');
  const { origin, server } = await serve(OUT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const sign: number[] = [];
  const auth: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { __JPKI_LENS_SIM__: unknown }).__JPKI_LENS_SIM__ = { devices: [{ profile: 'scr3310-nttcom' }], chooser: 'first' };
      });
      await page.addInitScript({ path: SIM });
      await page.goto(origin);
      await page.getByTestId('connect').click();
      await page.getByTestId('card-overview').waitFor({ timeout: 20_000 });
      // Timestamp every answer of the virtual card from now on.
      await page.evaluate(() => {
        const card = window.__jpkiLensSim!.card(0)!;
        const transmit = card.transmit.bind(card);
        const w = window as unknown as { __lastCardAnswer: number };
        card.transmit = async (apdu: Uint8Array) => {
          const r = await transmit(apdu);
          w.__lastCardAnswer = performance.now();
          return r;
        };
      });
      await page.getByTestId('read-sign').click();
      const input = page.getByTestId('pin-dialog').locator('input[name="pin"]');
      await input.fill('ABC123');
      await input.press('Enter');
      await page.locator('jpki-certificate-view [role="tabpanel"]').waitFor({ timeout: 20_000 });
      sign.push(
        await page.evaluate(async () => {
          // The panel exists; take the time of the frame that painted it.
          const painted = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
          return painted - (window as unknown as { __lastCardAnswer: number }).__lastCardAnswer;
        }),
      );
      await page.evaluate(() => (location.hash = '#/reader'));
      await page.getByTestId('card-overview').waitFor();
      const t0 = await page.evaluate(() => performance.now());
      await page.locator('[data-kind="auth"] a.open').click();
      await page.locator('jpki-certificate-view [role="tabpanel"]').waitFor({ timeout: 20_000 });
      const t1 = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
      auth.push(t1 - t0);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`sign certificate, last card answer → viewer rendered (first explain, pkijs chunk loaded): median ${median(sign).toFixed(0)} ms of ${RUNS} [${sign.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`auth certificate, click → viewer rendered (pkijs warm; includes Playwright's click round trip): median ${median(auth).toFixed(0)} ms of ${RUNS} [${auth.map((x) => x.toFixed(0)).join(', ')}]`);
}

export async function run(): Promise<void> {
  sizes();
  await timings();
}
