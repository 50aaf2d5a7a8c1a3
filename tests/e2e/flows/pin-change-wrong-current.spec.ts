/**
 * Issue 13 item 9, the PIN change dialog: a wrong current value with tries left is a typing mistake,
 * shown at the "current" field with the PIN's name and the tries left — not in the error box.
 */
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS } from '../harness';
import { LOCALES, overviewCounters, pinVerifies } from './flow-helpers';

test.use({ sim: { devices: [{ profile: 'scr3310-nttcom' }], chooser: 'first' } });

for (const locale of LOCALES) {
  test(`wrong current authentication PIN: said at the field, with the tries left (${locale})`, async ({ page }, testInfo) => {
    await withLocale(page, locale);
    await page.goto('/');
    await appReady(page);
    await page.getByTestId('connect').click();
    await overviewCounters(page);
    await page.locator('tr[data-pin="jpki-auth"] button').click();
    const change = page.getByTestId('pin-change-dialog');
    await change.locator('#current').fill('9999');
    await change.locator('#next').fill('5678');
    await change.locator('#again').fill('5678');
    await change.locator('#again').press('Enter');
    const fieldError = change.getByTestId('pin-field-error');
    await expect(fieldError).toHaveText(locale === 'ja' ? '利用者証明用の暗証番号が違います。残り 2 回です。' : 'Wrong authentication PIN. Tries left: 2.');
    await expect(change.locator('#current')).toHaveAttribute('aria-invalid', 'true');
    await expect(change.locator('#current')).toHaveAttribute('aria-describedby', /current-field-error/);
    await expect(change.locator('jpki-error-notice')).toHaveCount(0);
    expect(await pinVerifies(page)).toHaveLength(1);
    await expectAccessible(page, testInfo, `pin-change-wrong-${locale}`);
    await screenshot(page, 'flow-15b-pin-change-wrong-current', locale, 'desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'flow-15b-pin-change-wrong-current', locale, 'phone');
  });
}
