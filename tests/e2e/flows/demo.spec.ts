/**
 * Demo mode: with no reader at all, one click runs the simulated SCR3310-NTTCom with a virtual card
 * through the same openReader path, badged DEMO on every screen; the simulator chunk is fetched by
 * the page only after that click. Both languages, desktop and phone.
 */
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS } from '../harness';
import { LOCALES, overviewCounters } from './flow-helpers';

for (const locale of LOCALES) {
  test(`demo: every screen without hardware, badged DEMO (${locale})`, async ({ page }, testInfo) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await withLocale(page, locale);
    await page.goto('/');
    await appReady(page);
    expect(scripts.filter((s) => /\/sim-[^/]*\.js$/.test(s))).toEqual([]);
    await page.getByTestId('demo').click();
    await overviewCounters(page);
    expect(scripts.some((s) => /\/sim-[^/]*\.js$/.test(s))).toBe(true);
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await expect(page.getByTestId('reader-check')).toContainText('DEMO');
    await expectAccessible(page, testInfo, `demo-${locale}`);
    await screenshot(page, 'flow-14-demo-overview', locale, 'desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'flow-14-demo-overview', locale, 'phone');
    await page.setViewportSize(VIEWPORTS.desktop);

    // The PIN dialogs tell a newcomer the demo card's PIN.
    await page.getByTestId('read-sign').click();
    await expect(page.getByTestId('pin-dialog')).toContainText('ABC123');
    const input = page.getByTestId('pin-dialog').locator('input[name="pin"]');
    await input.fill('ABC123');
    await input.press('Enter');
    await expect(page).toHaveURL(/#\/reader\/certificate\/sign$/, { timeout: 15_000 });
    await expect(page.getByTestId('demo-banner')).toBeVisible();

    // PIN change of the demo card's sign password: local rules first, then the card.
    await page.evaluate(() => (location.hash = '#/reader'));
    await overviewCounters(page);
    await page.locator('tr[data-pin="jpki-sign"] button').click();
    const change = page.getByTestId('pin-change-dialog');
    await expect(change).toContainText('HAYAKUKAETTEKOI4');
    await change.locator('#current').fill('ABC123');
    await change.locator('#next').fill('HAYAKUKAETTEKOI');
    await change.locator('#again').fill('HAYAKUKAETTEKOI');
    await change.locator('#next').press('Enter');
    await expect(change.locator('jpki-error-notice')).toHaveAttribute('data-code', 'pin-new-needs-letters-and-digits');
    await expectAccessible(page, testInfo, `pin-change-${locale}`);
    await screenshot(page, 'flow-15-pin-change', locale, 'desktop');
    await change.locator('#current').fill('ABC123');
    await change.locator('#next').fill('Hanabi2026');
    await change.locator('#again').fill('HANABI2026');
    await change.locator('#again').press('Enter');
    await expect(change.getByTestId('pin-change-done')).toBeVisible({ timeout: 15_000 });
    await screenshot(page, 'flow-16-pin-changed', locale, 'desktop');
  });
}
