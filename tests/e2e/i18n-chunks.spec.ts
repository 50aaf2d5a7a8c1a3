/**
 * Issue 13 item 9: the first download carried both languages' catalogs. Now the page fetches only the
 * active language's chunk; the other comes on a switch, from the service worker's precache when
 * offline. An error notice fetches the other language for its folded translation.
 */
import type { Page } from '@playwright/test';
import { test, expect, appReady, withLocale } from './harness';

/** Every catalog chunk (assets/ja-*.js, assets/en-*.js) the page requests, in order. */
function catalogRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/(ja|en)-[\w-]{8}\.js$/.exec(new URL(r.url()).pathname);
    if (m?.[1]) seen.push(m[1]);
  });
  return seen;
}

for (const [locale, other] of [['ja', 'en'], ['en', 'ja']] as const) {
  test(`first load in ${locale} fetches only the ${locale} catalogs; switching fetches ${other}`, async ({ page }) => {
    const seen = catalogRequests(page);
    await withLocale(page, locale);
    await page.goto('/');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'ja' ? 'カードを読む' : 'Read a card');
    expect(seen).toEqual([locale]);
    await page.getByRole('button', { name: other === 'ja' ? '日本語' : 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(other === 'ja' ? 'カードを読む' : 'Read a card');
    await expect(page.locator('html')).toHaveAttribute('lang', other);
    expect(seen).toEqual([locale, other]);
  });
}

test('offline, the other language still loads on a switch (precached)', async ({ page, context, guard }) => {
  const seen = catalogRequests(page);
  await withLocale(page, 'ja');
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-sw', 'activated', { timeout: 20_000 });
  await page.reload(); // now controlled by the service worker
  await appReady(page);
  await context.setOffline(true);
  guard.allow(/ERR_INTERNET_DISCONNECTED|Failed to load resource/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Read a card');
  expect(seen).toContain('en');
  await context.setOffline(false);
});

test.describe('an error notice', () => {
  test.use({ sim: { devices: [] }, locale: 'ja-JP' });
  test('loads the other language for its folded translation', async ({ page }) => {
    const seen = catalogRequests(page);
    await withLocale(page, 'ja');
    await page.goto('/');
    await appReady(page);
    expect(seen).toEqual(['ja']);
    // No reader in the chooser: the "no device selected" notice, with its English text folded underneath.
    await page.getByTestId('connect').click();
    const notice = page.locator('jpki-error-notice');
    await expect(notice).toHaveAttribute('data-code', 'no-device-selected');
    await notice.locator('summary').click();
    await expect(notice.locator('details p[lang="en"]')).toBeVisible();
    await expect(notice.locator('details p[lang="en"]')).not.toHaveText(/^error\.|^app\./);
    expect(seen).toEqual(['ja', 'en']);
  });
});
