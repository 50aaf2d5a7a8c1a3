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

test.describe('a reader granted in an earlier visit', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', granted: true }] } });

  test('reconnects on load (getDevices) and is read without any click; unplug and replug update the screen live', async ({ page, guard }) => {
    guard.allow(/Failed to load resource|NotFoundError|disconnected/i);
    await withLocale(page, 'en');
    await page.goto('/');
    await appReady(page);
    await overviewCounters(page);
    expect(await page.evaluate(() => window.__jpkiLensSim!.chooserCalls)).toBe(0);
    await page.evaluate(() => window.__jpkiLensSim!.unplug(0));
    await expect(page.getByTestId('session-problem')).toHaveAttribute('data-code', 'reader-unplugged');
    // Plugged back in: a reader the user already granted reconnects by itself.
    await page.evaluate(() => window.__jpkiLensSim!.plug({ profile: 'scr3310-nttcom', granted: true }));
    await overviewCounters(page);
    expect(await page.evaluate(() => window.__jpkiLensSim!.chooserCalls)).toBe(0);
  });
});

test.describe('an empty reader', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: false }], chooser: 'first' } });

  test('waits for a card, then reads it when inserted', async ({ page }, testInfo) => {
    await withLocale(page, 'ja');
    await page.goto('/');
    await appReady(page);
    await page.getByTestId('connect').click();
    await expect(page.getByTestId('no-card')).toBeVisible();
    await expectAccessible(page, testInfo, 'no-card');
    await screenshot(page, 'flow-17-waiting-for-card', 'ja', 'desktop');
    await page.evaluate(() => window.__jpkiLensSim!.insertCard(0));
    await overviewCounters(page);
  });
});
