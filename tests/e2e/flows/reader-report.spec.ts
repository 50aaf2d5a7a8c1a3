/**
 * The "this worked / this failed on my reader" report on the diagnostics screen (SCR3310-NTTCom double):
 * after a session with the 署名用パスワード it names the reader, USB IDs, descriptor, ATR, app version,
 * rate and exchange level, holds no password, follows the outcome chosen, and "Save as a file" downloads
 * exactly the text shown (the `created:` time aside). Both languages, desktop and phone screenshots.
 */
import { readFileSync } from 'node:fs';
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS } from '../harness';
import { LOCALES, overviewCounters } from './flow-helpers';

test.use({ sim: { devices: [{ profile: 'scr3310-nttcom' }], chooser: 'first' } });

const withoutTime = (s: string) => s.replace(/^created: .*$/m, 'created: -');

for (const locale of LOCALES) {
  test(`reader report: outcome, reader facts, no password, copy and save (${locale})`, async ({ page }, testInfo) => {
    await withLocale(page, locale);
    await page.goto('/');
    await appReady(page);
    await page.getByTestId('connect').click();
    await overviewCounters(page);
    await page.getByTestId('read-sign').click();
    const input = page.getByTestId('pin-dialog').locator('input[name="pin"]');
    await input.fill('ABC123');
    await input.press('Enter');
    await expect(page).toHaveURL(/#\/reader\/certificate\/sign$/, { timeout: 15_000 });
    await page.evaluate(() => (location.hash = '#/reader/diagnostics'));

    const panel = page.getByTestId('reader-report');
    await expect(panel).toBeVisible();
    const text = page.getByTestId('reader-report-text');
    const report = await text.inputValue();
    expect(report.split('\n')[0]).toBe('JPKI Lens reader report v1');
    expect(report).toContain('outcome: worked');
    expect(report).toMatch(/^app: JPKI Lens \d+\.\d+\.\d+$/m);
    expect(report).toContain('usb: 04E6:511A');
    expect(report).toContain('exchange level: tpdu');
    expect(report).toMatch(/^rate: T=1, bmFindexDindex 13 \(Fi 372, Di 4/m);
    expect(report).toMatch(/^ccid descriptor: 36 21( [0-9a-f]{2}){52}$/m);
    expect(report).toContain('atr: 3b da 13 ff 81 31 fb 46 80 12 39 2f 31 c1 73 c6 01 c0 3b');
    expect(report).not.toContain('41 42 43 31 32 33'); // ABC123 in hex
    expect(report).toContain('[redacted:');

    await page.getByTestId('reader-report-failed').check();
    await expect(text).toHaveValue(/outcome: failed/);
    await expectAccessible(page, testInfo, `reader-report-${locale}`);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'flow-12-reader-report', locale, 'desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'flow-12-reader-report', locale, 'phone');
    await page.setViewportSize(VIEWPORTS.desktop);

    const download = page.waitForEvent('download');
    await page.getByTestId('reader-report-save').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^jpki-lens-reader-report-failed-\d{4}-\d{2}-\d{2}T\d{4}Z\.txt$/);
    const saved = readFileSync((await file.path()) ?? '', 'utf8');
    expect(withoutTime(saved).split('\n').slice(0, 16)).toEqual(withoutTime(await text.inputValue()).split('\n').slice(0, 16));
    await expect(panel.getByRole('status')).toContainText(file.suggestedFilename());
  });
}
