import { test, expect, appReady } from './harness';

test.describe('the shell', () => {
  test.use({ locale: 'ja-JP' });

  test('loads in Japanese for a Japanese browser, with the three sections', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    const nav = page.getByRole('navigation', { name: '主なページ' });
    await expect(nav.getByRole('link')).toHaveText(['カードを読む', '保存した証明書', '鍵を使う', 'アプリについて']);
    await expect(nav.getByRole('link', { name: 'カードを読む' })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle('カードを読む — JPKI Lens');
  });

  test('switches to English, remembers only the language across a reload', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('navigation', { name: 'Main pages' }).getByRole('link')).toHaveText(['Read a card', 'Saved certificates', 'Use the keys', 'About']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Read a card — JPKI Lens');
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    await appReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'About', exact: true })).toBeVisible();
    const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    expect(stored).toEqual([['jpki-lens.locale', 'en']]);

    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'アプリについて', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  });

  test('routes by hash, moves focus to the new screen, and unknown routes fall back to the reader', async ({ page }) => {
    await page.goto('/#/about');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('このアプリについて');
    const nav = page.getByRole('navigation', { name: '主なページ' });
    await nav.getByRole('link', { name: '保存した証明書' }).click();
    await expect(page).toHaveURL(/#\/library$/);
    await expect(page.locator('jpki-library-screen')).toBeAttached();
    await expect(nav.getByRole('link', { name: '保存した証明書' })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('jpki-app main')).toBeFocused();
    await page.goto('/#/no-such-page');
    await expect(page.locator('jpki-reader-screen')).toBeAttached();
    await expect(nav.getByRole('link', { name: 'カードを読む' })).toHaveAttribute('aria-current', 'page');
  });
});

test.describe('the shell in an English browser', () => {
  test.use({ locale: 'en-US' });

  test('defaults to English', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Read a card' })).toHaveAttribute('aria-current', 'page');
  });
});
