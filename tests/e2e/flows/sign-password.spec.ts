/**
 * The 署名用パスワード flow through the SCR3310-NTTCom double: the counter is shown before typing, a
 * wrong password decrements it, the last try needs the explicit acknowledgement, the right one
 * (typed in lower case: upper-cased as the J-LIS client does) reads the sign certificate; a blocked
 * password sends nothing (the virtual card's APDU log). Afterwards the passwords typed appear
 * nowhere. Both languages, screenshots of each step.
 */
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS } from '../harness';
import { LOCALES, expectSecretsNowhere, overviewCounters, pinVerifies, recordConsole } from './flow-helpers';

test.describe('sign password with two tries left', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: { remaining: { sign: 2 } } }], chooser: 'first' } });

  for (const locale of LOCALES) {
    test(`wrong, last try acknowledged, sign certificate read (${locale})`, async ({ page }, testInfo) => {
      const logged = recordConsole(page);
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      await page.getByTestId('connect').click();
      expect((await overviewCounters(page))['jpki-sign']).toMatch(/2/);

      await page.getByTestId('read-sign').click();
      const dialog = page.getByTestId('pin-dialog');
      const tries = dialog.getByTestId('pin-tries');
      await expect(tries).toContainText('2');
      await expectAccessible(page, testInfo, `sign-dialog-${locale}`);
      await screenshot(page, 'flow-04-sign-dialog', locale, 'desktop');
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, 'flow-04-sign-dialog', locale, 'phone');
      await page.setViewportSize(VIEWPORTS.desktop);

      // Not A–Z/0–9: refused locally, nothing sent.
      const input = dialog.locator('input[name="pin"]');
      await input.fill('PIN-WRONG-FORMAT');
      await input.press('Enter');
      await expect(dialog.locator('jpki-error-notice')).toHaveAttribute('data-code', 'pin-format-sign-password');
      expect(await pinVerifies(page)).toEqual([]);
      await expect(input).toHaveValue('');

      await input.fill('WRONG1');
      await input.press('Enter');
      await expect(dialog.locator('jpki-error-notice')).toHaveAttribute('data-code', 'pin-wrong');
      await expect(tries).toContainText('1');
      await expect(input).toHaveValue('');
      expect(await pinVerifies(page)).toHaveLength(1);

      // Last try: the submit stays disabled until the acknowledgement is ticked.
      const submit = dialog.locator('button[type="submit"]');
      await input.fill('abc123');
      await expect(submit).toBeDisabled();
      await screenshot(page, 'flow-05-sign-last-try', locale, 'desktop');
      await dialog.locator('#ack').check();
      await expect(submit).toBeEnabled();
      await submit.click();
      await expect(page).toHaveURL(/#\/reader\/certificate\/sign$/, { timeout: 15_000 });
      await expect(page.locator('jpki-certificate-view [role="tabpanel"]')).toBeVisible({ timeout: 15_000 });
      expect(await pinVerifies(page)).toHaveLength(2);
      expect(await page.evaluate(() => window.__jpkiLensSim!.card(0)!.log.some((e) => e.command.startsWith('00 20 00 80 06 41 42 43')))).toBe(false); // masked in the card's own log too
      await expectAccessible(page, testInfo, `sign-certificate-${locale}`);
      await screenshot(page, 'flow-06-sign-certificate', locale, 'desktop');

      await page.evaluate(() => (location.hash = '#/reader'));
      expect((await overviewCounters(page))['jpki-sign']).toMatch(/5/); // a right entry resets the counter
      await expectSecretsNowhere(page, ['WRONG1', 'abc123', 'PIN-WRONG-FORMAT'], logged);
    });
  }
});

test.describe('blocked sign password', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: { remaining: { sign: 0 } } }], chooser: 'first' } });

  for (const locale of LOCALES) {
    test(`says where to reset it and sends nothing (${locale})`, async ({ page }, testInfo) => {
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      await page.getByTestId('connect').click();
      await overviewCounters(page);
      const before = await page.evaluate(() => window.__jpkiLensSim!.card(0)!.log.length);
      await page.getByTestId('read-sign').click();
      const dialog = page.getByTestId('pin-dialog');
      await expect(dialog.getByTestId('pin-blocked')).toBeVisible();
      await expect(dialog.getByTestId('pin-blocked')).toContainText(locale === 'ja' ? '市区町村' : 'municipal office');
      await expect(dialog.locator('input[name="pin"]')).toHaveCount(0);
      await expectAccessible(page, testInfo, `sign-blocked-${locale}`);
      await screenshot(page, 'flow-07-sign-blocked', locale, 'desktop');
      await dialog.getByRole('button').last().click();
      expect(await page.evaluate(() => window.__jpkiLensSim!.card(0)!.log.length)).toBe(before); // not one APDU
      expect(await pinVerifies(page)).toEqual([]);
    });
  }
});
