/**
 * Connect the SCR3310-NTTCom double through the chooser path (the page's filtered requestDevice) →
 * card overview (JPKI detected by SELECT, every counter, three certificates without a PIN) → the
 * auth certificate opens in the viewer. Both languages; screenshots of each step, desktop and phone.
 */
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS } from '../harness';
import { LOCALES, overviewCounters, pinVerifies } from './flow-helpers';

test.use({ sim: { devices: [{ profile: 'scr3310-nttcom' }], chooser: 'first' } });

for (const locale of LOCALES) {
  test(`connect via the chooser, card overview, auth certificate (${locale})`, async ({ page }, testInfo) => {
    await withLocale(page, locale);
    await page.goto('/');
    await appReady(page);
    await screenshot(page, 'flow-01-start', locale, 'desktop');
    await page.getByTestId('connect').click();
    const counters = await overviewCounters(page);
    expect(Object.keys(counters)).toEqual(['jpki-auth', 'jpki-sign', 'kenhojo', 'common']);
    expect(counters['jpki-sign']).toMatch(/5/);
    await expect(page.getByTestId('token-kind')).toHaveText(locale === 'ja' ? 'マイナンバーカード' : 'My Number Card');
    await expect(page.getByTestId('reader-verdict')).toBeVisible();
    expect(await pinVerifies(page)).toEqual([]); // nothing was presented to read the overview
    expect(await page.evaluate(() => window.__jpkiLensSim!.chooserCalls)).toBe(1);
    await expectAccessible(page, testInfo, `overview-${locale}`);
    await screenshot(page, 'flow-02-overview', locale, 'desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'flow-02-overview', locale, 'phone');
    await page.setViewportSize(VIEWPORTS.desktop);

    await page.locator('[data-kind="auth"] a.open').click();
    await expect(page).toHaveURL(/#\/reader\/certificate\/auth$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'ja' ? '利用者証明用電子証明書' : 'User authentication certificate');
    await expect(page.locator('jpki-certificate-view [role="tabpanel"]')).toBeVisible({ timeout: 15_000 });
    await expectAccessible(page, testInfo, `auth-certificate-${locale}`);
    await screenshot(page, 'flow-03-auth-certificate', locale, 'desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'flow-03-auth-certificate', locale, 'phone');
  });
}
