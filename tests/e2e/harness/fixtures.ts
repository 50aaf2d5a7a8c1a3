/**
 * The e2e harness every spec imports instead of `@playwright/test`:
 *
 * - `page` comes with the simulated WebUSB installed before the app loads (test-build/sim-usb.js,
 *   configured by the `sim` option: `test.use({ sim: { devices: [...] } })`), so the app never
 *   touches the real `navigator.usb` (whose requestDevice hangs headless, stack.md gotcha 2).
 * - `guard` records console errors, uncaught page errors, CSP violations and every request whose
 *   origin is not the app's (from the page and from its service worker), and the test fails at the
 *   end if any occurred. A test that provokes one on purpose declares it with `guard.allow(re)`.
 */
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SimConfig } from '../../../src/sim/webusb/install';

export const SIM_SCRIPT = resolve(import.meta.dirname, '../../../test-build/sim-usb.js');

export interface Problem {
  readonly kind: 'console' | 'pageerror' | 'csp' | 'foreign-request';
  readonly text: string;
}

export class Guard {
  readonly problems: Problem[] = [];
  /** Every console message of the page (all types), for checks such as "no PIN in the console". */
  readonly consoleLog: string[] = [];
  private readonly allowed: RegExp[] = [];

  constructor(readonly origin: string) {}

  /** Tolerate problems whose text matches (for a test that provokes one on purpose). */
  allow(re: RegExp): void {
    this.allowed.push(re);
  }

  record(p: Problem): void {
    if (!this.allowed.some((re) => re.test(p.text))) this.problems.push(p);
  }

  onRequest(r: Request): void {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = url;
    }
    if (origin !== this.origin) this.record({ kind: 'foreign-request', text: `${r.method()} ${url}` });
  }
}

/** Listens inside the page so a CSP violation is recorded even if the browser logs nothing for it. */
function cspListener(): void {
  document.addEventListener('securitypolicyviolation', (e) => {
    const w = window as unknown as { __cspViolations?: string[] };
    (w.__cspViolations ??= []).push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  try {
    return await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  } catch {
    return []; // page closed or navigating: console errors still catch what Chromium reports
  }
}

export async function installSim(page: Page, config: SimConfig): Promise<void> {
  if (!existsSync(SIM_SCRIPT)) throw new Error(`${SIM_SCRIPT} is missing: run \`npm run build\` first`);
  await page.addInitScript((cfg) => {
    (window as unknown as { __JPKI_LENS_SIM__: unknown }).__JPKI_LENS_SIM__ = cfg;
  }, config);
  await page.addInitScript({ path: SIM_SCRIPT });
}

interface Fixtures {
  sim: SimConfig;
  guard: Guard;
}

export const test = base.extend<Fixtures>({
  sim: [{ devices: [] }, { option: true }],
  guard: async ({ baseURL }, use) => {
    await use(new Guard(new URL(baseURL ?? 'http://localhost:4173').origin));
  },
  page: async ({ page, context, guard, sim }, use) => {
    context.on('request', (r) => guard.onRequest(r));
    page.on('console', (m) => {
      guard.consoleLog.push(`${m.type()}: ${m.text()}`);
      if (m.type() === 'error') guard.record({ kind: 'console', text: `${m.text()} (${m.location().url}:${m.location().lineNumber})` });
    });
    page.on('pageerror', (e) => guard.record({ kind: 'pageerror', text: e.stack ?? e.message }));
    await page.addInitScript(cspListener);
    await installSim(page, sim);
    await use(page);
    for (const v of await cspViolations(page)) guard.record({ kind: 'csp', text: v });
    expect(guard.problems, 'console errors, CSP violations or requests to other origins').toEqual([]);
  },
});

export { expect };

/** Wait until the shell and the routed screen have rendered their main heading. */
export async function appReady(page: Page): Promise<void> {
  await expect(page.locator('jpki-app')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
