/**
 * Issue 13 item 7 end to end through the RC-S380 double: with "card silent above 106" armed
 * (window.__jpkiLensSim.armRf, src/sim/webusb/install.ts) the card is still read — at 106 kbit/s
 * after the first exchange at 424 failed — and the reader check panel says so and why; the
 * "always 106 kbit/s" setting is toggled there and remembered across a reload.
 */
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS } from '../harness';
import { overviewCounters } from './flow-helpers';

test.use({ sim: { devices: [{ profile: 'rcs380' }], chooser: 'first' } });

const TEXT = {
  ja: { rate106: '106 kbit/s', fellBack: '速い速度での最初のやり取りに失敗したため', setting: '常に 106 kbit/s で通信する', user: '設定に従っています' },
  en: { rate106: '106 kbit/s', fellBack: 'The first exchange at the faster rate failed', setting: 'Always use 106 kbit/s', user: 'As set by' },
} as const;

for (const lang of ['ja', 'en'] as const) {
  test(`card silent above 106: read at 106 kbit/s, and the panel says why (${lang})`, async ({ page }, testInfo) => {
    await withLocale(page, lang);
    await page.goto('/');
    await appReady(page);
    await page.evaluate(() => window.__jpkiLensSim!.armRf(0, 'silent-above-106'));
    await page.getByTestId('connect').click();
    const counters = await overviewCounters(page);
    expect(counters['jpki-auth']).toMatch(/3/);
    await expect(page.locator('[data-kind="auth"] a.open')).toBeVisible();
    const rate = page.getByTestId('contactless-rate');
    await expect(rate).toContainText(TEXT[lang].rate106);
    await expect(page.getByTestId('contactless-rate-reason')).toHaveAttribute('data-reason', 'fallback-after-failure');
    await expect(rate).toContainText(TEXT[lang].fellBack);
    await expect(page.getByTestId('force-106')).not.toBeChecked();
    // The double saw the fast rate fail and the card answer at 106: its air log ends without time-outs.
    const air = await page.evaluate(() => {
      const d = window.__jpkiLensSim!.raw(0) as unknown as { field: { stats: { timeouts: number } } };
      return d.field.stats.timeouts;
    });
    expect(air).toBe(3); // the I-block and two R(NAK)s at 424 (ISO/IEC 14443-4 §7.5.4), nothing after
    await expectAccessible(page, testInfo, `contactless-rate-fallback-${lang}`);
    await page.getByTestId('reader-check').scrollIntoViewIfNeeded();
    await screenshot(page, 'contactless-rate-fallback', lang, 'desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'contactless-rate-fallback', lang, 'phone');
  });
}

test('the "always 106 kbit/s" setting is toggled in the panel and remembered across a reload', async ({ page }, testInfo) => {
  await withLocale(page, 'ja');
  await page.goto('/');
  await appReady(page);
  await page.getByTestId('connect').click();
  await overviewCounters(page);
  await expect(page.getByTestId('contactless-rate')).toContainText('424 kbit/s');
  await expect(page.getByTestId('contactless-rate-reason')).toHaveAttribute('data-reason', 'card-and-reader');

  await page.getByLabel(TEXT.ja.setting).check();
  await expect(page.getByTestId('force-106-pending')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('jpki-lens.contactless-106'))).toBe('1');
  await expectAccessible(page, testInfo, 'contactless-rate-setting-pending');

  await page.reload();
  await appReady(page);
  await page.evaluate(() => window.__jpkiLensSim!.armRf(0, 'silent-above-106'));
  await page.getByTestId('connect').click();
  await overviewCounters(page);
  await expect(page.getByTestId('force-106')).toBeChecked();
  await expect(page.getByTestId('contactless-rate')).toContainText('106 kbit/s');
  await expect(page.getByTestId('contactless-rate-reason')).toHaveAttribute('data-reason', 'user-setting');
  await expect(page.getByTestId('contactless-rate')).toContainText(TEXT.ja.user);
  const timeouts = await page.evaluate(() => (window.__jpkiLensSim!.raw(0) as unknown as { field: { stats: { timeouts: number } } }).field.stats.timeouts);
  expect(timeouts).toBe(0); // never tried 424
  await screenshot(page, 'contactless-rate-forced', 'ja', 'desktop');

  await page.getByTestId('force-106').uncheck();
  await page.reload();
  await appReady(page);
  await page.getByTestId('connect').click();
  await overviewCounters(page);
  await expect(page.getByTestId('force-106')).not.toBeChecked();
  await expect(page.getByTestId('contactless-rate')).toContainText('424 kbit/s');
  expect(await page.evaluate(() => localStorage.getItem('jpki-lens.contactless-106'))).toBeNull();
});
