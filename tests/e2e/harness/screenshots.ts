/**
 * Screenshots for reviewers: reports/screenshots/<name>-<lang>-<viewport>.png. Not under
 * test-results/, which Playwright empties at the start of every run (stack.md gotcha 14).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../reports/screenshots');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export async function screenshot(page: Page, name: string, lang: string, viewport: ViewportName): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}-${lang}-${viewport}.png`);
  // Let fonts settle so Japanese is not captured in a fallback face.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
