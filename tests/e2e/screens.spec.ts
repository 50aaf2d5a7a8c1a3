/**
 * Every screen, in both languages, at a desktop and a phone viewport: axe (no serious or critical
 * violation), the harness's console / CSP / foreign-request guard, and a screenshot for review in
 * reports/screenshots/.
 */
import { test, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS, type ViewportName } from './harness';

const SCREENS = [
  { name: 'reader', hash: '#/reader' },
  { name: 'library-empty', hash: '#/library' },
  { name: 'about', hash: '#/about' },
] as const;

for (const lang of ['ja', 'en'] as const) {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    test(`screens in ${lang} on ${viewport}: accessible, clean, captured`, async ({ page }, testInfo) => {
      await page.setViewportSize(VIEWPORTS[viewport]);
      await withLocale(page, lang);
      for (const s of SCREENS) {
        await page.goto(`/${s.hash}`);
        await appReady(page);
        await expectAccessible(page, testInfo, `${s.name}-${lang}-${viewport}`);
        await screenshot(page, s.name, lang, viewport);
      }
    });
  }
}
