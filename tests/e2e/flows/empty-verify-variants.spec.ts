/**
 * The PIN flows on both answers a card may give to an empty VERIFY right after a correct PIN:
 * `counter` (63Cx, what a real card does — tests/fixtures/real/jpki-card-behaviour-notes.txt §1, OpenSC
 * PR #959; the virtual card's default, so every other flow spec runs on it) and `ok-when-verified` (9000,
 * the ISO/IEC 7816-4 reading). Either way: the counters shown stay right after "Read again" re-reads them
 * behind a verified PIN, the next read of the sign certificate asks for the password and sends it again, and the My Number read asks for its PIN.
 */
import { test, expect, appReady, withLocale } from '../harness';
import { overviewCounters, pinVerifies } from './flow-helpers';

for (const emptyVerify of ['counter', 'ok-when-verified'] as const) {
  test.describe(`empty VERIFY after a correct PIN answers as ${emptyVerify}`, () => {
    test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: { emptyVerify } }], chooser: 'first' } });

    test('sign certificate twice, then My Number: every step presents its PIN, counters stay full', async ({ page }) => {
      await withLocale(page, 'en');
      await page.goto('/');
      await appReady(page);
      await page.getByTestId('connect').click();
      expect((await overviewCounters(page))['jpki-sign']).toMatch(/5/);

      for (let round = 1; round <= 2; round++) {
        await page.getByTestId('read-sign').click();
        const dialog = page.getByTestId('pin-dialog');
        await expect(dialog.getByTestId('pin-tries')).toContainText('5');
        const input = dialog.locator('input[name="pin"]');
        await input.fill('ABC123');
        await input.press('Enter');
        await expect(page).toHaveURL(/#\/reader\/certificate\/sign$/, { timeout: 15_000 });
        await expect(page.locator('jpki-certificate-view [role="tabpanel"]')).toBeVisible({ timeout: 15_000 });
        expect(await pinVerifies(page)).toHaveLength(round);
        await page.evaluate(() => (location.hash = '#/reader'));
        expect((await overviewCounters(page))['jpki-sign']).toMatch(/5/);
        // Read again: the counters are re-read by empty VERIFY right after the correct one (63C5 or 9000),
        // and the sign certificate is dropped, so round 2 must ask for the password again.
        await page.getByRole('button', { name: 'Read again' }).click();
        await expect(page.getByTestId('read-sign')).toBeVisible({ timeout: 15_000 });
        expect((await overviewCounters(page))['jpki-sign']).toMatch(/5/);
      }

      await page.getByTestId('open-mynumber').click();
      await page.getByTestId('read-personal').click();
      const dialog = page.getByTestId('pin-dialog');
      await expect(dialog.getByTestId('pin-tries')).toContainText('3');
      const input = dialog.locator('input[name="pin"]');
      await input.fill('1234');
      await input.press('Enter');
      await expect(page.getByTestId('mynumber-value')).toBeVisible({ timeout: 15_000 });
      expect(await pinVerifies(page)).toHaveLength(3);
    });
  });
}
