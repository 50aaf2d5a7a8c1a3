/**
 * Every screen, in both languages, at a desktop and a phone viewport: axe (no serious or critical
 * violation), the harness's console / CSP / foreign-request guard, and a screenshot for review in
 * reports/screenshots/.
 */
import { resolve } from 'node:path';
import { test, expect, appReady, expectAccessible, screenshot, seedLibrary, withLocale, VIEWPORTS, type ViewportName } from './harness';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/jpki-test');

const SCREENS = [
  { name: 'reader', hash: '#/reader' },
  { name: 'library-empty', hash: '#/library' },
  { name: 'about', hash: '#/about' },
  // The key-use screens are a lazy chunk: wait for their h1 before checking.
  { name: 'keys', hash: '#/keys', lazy: true },
  { name: 'keys-login-no-card', hash: '#/keys/login', lazy: true },
  { name: 'keys-verify-empty', hash: '#/keys/verify', lazy: true },
  { name: 'keys-kit-no-card', hash: '#/keys/kit', lazy: true },
] as const;

for (const lang of ['ja', 'en'] as const) {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    test(`screens in ${lang} on ${viewport}: accessible, clean, captured`, async ({ page }, testInfo) => {
      await page.setViewportSize(VIEWPORTS[viewport]);
      await withLocale(page, lang);
      for (const s of SCREENS) {
        await page.goto(`/${s.hash}`);
        await appReady(page);
        if ('lazy' in s) await expect(page.locator('jpki-keys-screen h1')).toBeVisible({ timeout: 15_000 });
        await expectAccessible(page, testInfo, `${s.name}-${lang}-${viewport}`);
        await screenshot(page, s.name, lang, viewport);
      }

      await seedLibrary(page, [
        { derFile: `${FIXTURES}/ordinary/auth.der`, label: lang === 'ja' ? '自宅 NAS 用' : 'For the home NAS', note: lang === 'ja' ? 'TLS クライアント認証に使う' : 'Used for TLS client authentication', readAt: '2026-11-20T09:30:00.000Z', savedAt: '2026-11-20T09:31:00.000Z', cardKind: 'my-number-card', certificateKind: 'auth' },
        { derFile: `${FIXTURES}/auth-ca.der`, label: '', note: '', readAt: '2026-11-20T09:30:00.000Z', savedAt: '2026-11-20T09:31:00.000Z', cardKind: 'my-number-card', certificateKind: 'auth-ca' },
      ]);
      await page.goto('/#/library');
      await appReady(page);
      await expect(page.getByText(lang === 'ja' ? '自宅 NAS 用' : 'For the home NAS')).toBeVisible();
      await expectAccessible(page, testInfo, `library-saved-${lang}-${viewport}`);
      await screenshot(page, 'library-saved', lang, viewport);
    });
  }
}

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('screens in dark mode: accessible and captured', async ({ page }, testInfo) => {
    await page.setViewportSize(VIEWPORTS.desktop);
    await withLocale(page, 'ja');
    for (const s of SCREENS) {
      await page.goto(`/${s.hash}`);
      await appReady(page);
      await expectAccessible(page, testInfo, `${s.name}-ja-dark`);
      await screenshot(page, `${s.name}-dark`, 'ja', 'desktop');
    }
  });
});
