/**
 * What goes wrong with real hardware, through the doubles: the reader unplugged mid-read, the card
 * pulled mid-read, a class-0x0B reader picked through "my reader isn't listed", the chooser
 * cancelled. Each time the user sees the named error (ja/en text and code, never a stack trace) and
 * carries on without reloading.
 */
import { test, expect, appReady, expectAccessible, screenshot, withLocale } from '../harness';
import { LOCALES, overviewCounters } from './flow-helpers';

const problem = (page: import('@playwright/test').Page) => page.getByTestId('session-problem');

test.describe('reader unplugged or card pulled mid-read', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom' }], chooser: 'first' } });

  for (const locale of LOCALES) {
    test(`unplugged mid-read: named error, then a new connect works (${locale})`, async ({ page, guard }, testInfo) => {
      guard.allow(/Failed to load resource|NotFoundError|disconnected/i);
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      // The reader is pulled out while the card is being read: at the card's 8th APDU (the
      // certificate reads), as a person yanking the cable would.
      await page.evaluate(() => {
        const sim = window.__jpkiLensSim!;
        const card = sim.card(0)!;
        const transmit = card.transmit.bind(card);
        let n = 0;
        card.transmit = (apdu: Uint8Array) => {
          if (++n === 8) sim.unplug(0);
          return transmit(apdu);
        };
      });
      await page.getByTestId('connect').click();
      await expect(problem(page)).toHaveAttribute('data-code', 'reader-unplugged', { timeout: 15_000 });
      await expect(problem(page)).toContainText(locale === 'ja' ? '取り外されました' : 'unplugged');
      await expect(page.getByTestId('connect')).toBeVisible();
      await expectAccessible(page, testInfo, `unplugged-${locale}`);
      await screenshot(page, 'flow-10-reader-unplugged', locale, 'desktop');

      await page.evaluate(() => window.__jpkiLensSim!.plug({ profile: 'scr3310-nttcom' }));
      await page.getByTestId('connect').click();
      await overviewCounters(page);
      await expect(problem(page)).toHaveCount(0);
    });

    test(`card pulled mid-read: named error, reinserted card is read (${locale})`, async ({ page, guard }, testInfo) => {
      guard.allow(/Failed to load resource/i);
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      await page.evaluate(() => window.__jpkiLensSim!.arm(0, 'card-pulled'));
      await page.getByTestId('connect').click();
      await expect(page.getByTestId('no-card')).toBeVisible({ timeout: 15_000 });
      await expect(problem(page)).toHaveAttribute('data-code', 'card-removed');
      await expect(problem(page)).toContainText(locale === 'ja' ? '抜かれました' : 'removed');
      await expectAccessible(page, testInfo, `card-pulled-${locale}`);
      await screenshot(page, 'flow-11-card-pulled', locale, 'desktop');
      await page.evaluate(() => window.__jpkiLensSim!.insertCard(0));
      await overviewCounters(page);
      await expect(problem(page)).toHaveCount(0);
    });

    test(`card removed after reading: the overview and what was read are gone (${locale})`, async ({ page }) => {
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      await page.getByTestId('connect').click();
      await overviewCounters(page);
      await page.evaluate(() => window.__jpkiLensSim!.removeCard(0));
      await expect(page.getByTestId('no-card')).toBeVisible({ timeout: 10_000 });
      await expect(page.getByTestId('card-overview')).toHaveCount(0);
      await expect(problem(page)).toHaveCount(0); // taken out while idle: no error, just waiting
      await page.evaluate(() => window.__jpkiLensSim!.insertCard(0));
      await overviewCounters(page);
    });
  }
});

test.describe('a class-0x0B reader', () => {
  test.use({ sim: { devices: [{ profile: 'class0b-extended' }], chooser: 'first' } });

  for (const locale of LOCALES) {
    test(`"my reader isn't listed" explains the protected class, then a usable reader works (${locale})`, async ({ page }, testInfo) => {
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      // The normal chooser does not even list it.
      await page.getByTestId('connect').click();
      await expect(problem(page)).toHaveAttribute('data-code', 'no-device-selected');
      await page.getByTestId('unlisted').click();
      await expect(problem(page)).toHaveAttribute('data-code', 'protected-class', { timeout: 15_000 });
      await expect(problem(page)).toContainText('0x0B');
      // …and where such a reader leads: the CLI over PC/SC, with the one command to run.
      await expect(problem(page).getByTestId('pcsc-hint')).toContainText('npx jpki-lens card');
      await expect(page.getByTestId('identified')).toBeVisible();
      await expect(page.locator('main')).not.toContainText(/\bat \S+:\d+:\d+/); // no stack trace
      await expectAccessible(page, testInfo, `protected-class-${locale}`);
      await screenshot(page, 'flow-12-protected-class', locale, 'desktop');

      await page.evaluate(() => window.__jpkiLensSim!.plug({ profile: 'scr3310-nttcom' }));
      await page.getByTestId('connect').click();
      await overviewCounters(page);
    });
  }
});

test.describe('a reader an operating-system driver holds', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', heldByOsDriver: 'claim' }], chooser: 'first' } });

  for (const locale of LOCALES) {
    test(`interface-busy with the advice for this OS, then connect again (${locale})`, async ({ page }, testInfo) => {
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      await page.getByTestId('connect').click();
      await expect(problem(page)).toHaveAttribute('data-code', 'interface-busy', { timeout: 15_000 });
      // The per-OS advice under the error (the OS comes from the browser's user agent; Playwright's
      // desktop Chrome profile reports Windows, so the advice is the WinUSB one).
      await expect(problem(page).locator('p.advice')).toContainText('WinUSB');
      await expectAccessible(page, testInfo, `interface-busy-${locale}`);
      await screenshot(page, 'flow-18-interface-busy', locale, 'desktop');
      await problem(page).getByRole('button').last().click();
      await expect(problem(page)).toHaveCount(0);
      await expect(page.getByTestId('connect')).toBeEnabled();
    });
  }
});
