/**
 * Issue 7's e2e: the same auth-certificate + 4-info flow through the Sony doubles — RC-S380 (Port-100
 * with the page running ISO 14443 Type B) and RC-S300 (vendor interface, experimental) — with the
 * virtual card in their field.
 */
import { test, expect, appReady, expectAccessible, screenshot, withLocale } from '../harness';
import { overviewCounters, pinVerifies } from './flow-helpers';

for (const profile of ['rcs380', 'rcs300'] as const) {
  test.describe(`${profile} double`, () => {
    test.use({ sim: { devices: [{ profile }], chooser: 'first' } });

    test(`auth certificate and 4 info through the ${profile}`, async ({ page }, testInfo) => {
      await withLocale(page, 'en');
      await page.goto('/');
      await appReady(page);
      await page.getByTestId('connect').click();
      const counters = await overviewCounters(page);
      expect(counters['jpki-auth']).toMatch(/3/);
      await expect(page.getByTestId('reader-check')).toContainText('Contactless');
      if (profile === 'rcs300') await expect(page.getByTestId('reader-check')).toContainText('Experimental');
      await expectAccessible(page, testInfo, `${profile}-overview`);
      await screenshot(page, `flow-13-${profile}-overview`, 'en', 'desktop');

      await page.locator('[data-kind="auth"] a.open').click();
      await expect(page.locator('jpki-certificate-view [role="tabpanel"]')).toBeVisible({ timeout: 15_000 });

      await page.evaluate(() => (location.hash = '#/reader/mynumber'));
      await page.getByTestId('read-personal').click();
      const input = page.getByTestId('pin-dialog').locator('input[name="pin"]');
      await input.fill('1234');
      await input.press('Enter');
      await expect(page.getByTestId('mynumber-value')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('integrity')).toContainText('matches');
      expect(await pinVerifies(page)).toHaveLength(1);
    });
  });
}

test.describe('a smartphone token on the RC-S380', () => {
  test.use({ sim: { devices: [{ profile: 'rcs380', card: { token: 'android' } }], chooser: 'first' } });

  test('the auth certificate needs the auth PIN there: asked for, then opened', async ({ page }, testInfo) => {
    await withLocale(page, 'ja');
    await page.goto('/');
    await appReady(page);
    await page.getByTestId('connect').click();
    await overviewCounters(page);
    await expect(page.getByTestId('token-kind')).toContainText('Android');
    await page.getByTestId('read-auth').click();
    const dialog = page.getByTestId('pin-dialog');
    await expect(dialog.getByTestId('pin-tries')).toContainText('3');
    const input = dialog.locator('input[name="pin"]');
    await input.fill('1234');
    await input.press('Enter');
    await expect(page.locator('[data-kind="auth"] a.open')).toBeVisible({ timeout: 15_000 });
    expect(await pinVerifies(page)).toHaveLength(1);
    await expectAccessible(page, testInfo, 'smartphone-token');
    await screenshot(page, 'flow-19-smartphone-token', 'ja', 'desktop');
  });
});
