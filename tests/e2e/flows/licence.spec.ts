/**
 * The IC driver's licence (issue 11) in Chromium through the SCR3310-NTTCom (contact) and RC-S380
 * (contactless) doubles with the virtual licence of src/sim/licence: insert → the licence overview
 * (recognised by SELECT) → PIN1 → every field, the class grid with dates and the conditions (masked
 * until revealed) → PIN2 → 本籍 and the photo → gone when the screen is left; the typed PINs in no
 * storage, console or diagnostics. Also the DPIN card, the PIN guard's edges, and the マイナ免許証
 * instance on a My Number card. Screenshots ja/en, desktop and phone.
 */
import type { Page } from '@playwright/test';
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS } from '../harness';
import { LOCALES, diagnosticsReport, expectSecretsNowhere, recordConsole } from './flow-helpers';

// PINs that occur nowhere in the built app's files by chance (the precached wasm holds "1234").
const PIN1 = '7391';
const PIN2 = '8264';
const MYNA_PIN = '6052';
const HOLDER = { name: '試験　一郎', domicile: '北海道札幌市中央区見本通一丁目１番地', number: '991978000020' };

async function licenceVerifies(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.__jpkiLensSim?.licence(0)?.log ?? []).map((e) => e.command).filter((c) => /^00 20 00 8[126] 04/i.test(c)));
}

async function openOverview(page: Page, locale: 'ja' | 'en'): Promise<void> {
  await withLocale(page, locale);
  await page.goto('/');
  await appReady(page);
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('licence-overview')).toBeVisible({ timeout: 15_000 });
}

async function enterPin(page: Page, value: string, within = 'main'): Promise<void> {
  const dialog = page.locator(within).getByTestId('pin-dialog');
  const input = dialog.locator('input[name="pin"]');
  await input.fill(value);
  await input.press('Enter');
}

test.describe('SCR3310-NTTCom with an IC driver’s licence', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: { kind: 'drivers-licence', holder: 'all-classes', pins: { pin1: PIN1, pin2: PIN2 } } }], chooser: 'first' } });

  for (const locale of LOCALES) {
    test(`overview → PIN1 → the licence, masked then revealed → PIN2 → 本籍 and photo → forgotten (${locale})`, async ({ page }, testInfo) => {
      const logged = recordConsole(page);
      await openOverview(page, locale);
      const overview = page.getByTestId('licence-overview');
      await expect(overview.getByTestId('licence-spec')).toHaveText('009');
      await expect(overview.getByTestId('licence-pin1-tries')).toContainText('3');
      await expect(overview.getByTestId('licence-pin2-tries')).toContainText('3');
      expect(await licenceVerifies(page)).toEqual([]);
      await expectAccessible(page, testInfo, `licence-overview-${locale}`);
      await screenshot(page, 'licence-01-overview', locale, 'desktop');
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, 'licence-01-overview', locale, 'phone');
      await page.setViewportSize(VIEWPORTS.desktop);

      // Cancel sends nothing.
      await page.getByTestId('licence-read').click();
      const dialog = page.getByTestId('pin-dialog');
      await expect(dialog.getByTestId('pin-tries')).toContainText('3');
      await dialog.locator('input[name="pin"]').fill(PIN1);
      const before = await page.evaluate(() => window.__jpkiLensSim!.licence(0)!.log.length);
      await dialog.getByRole('button', { name: locale === 'ja' ? 'キャンセル' : 'Cancel' }).click();
      expect(await page.evaluate(() => window.__jpkiLensSim!.licence(0)!.log.length)).toBe(before);

      await page.getByTestId('licence-read').click();
      await enterPin(page, PIN1);
      await expect(page).toHaveURL(/#\/reader\/licence$/, { timeout: 15_000 });
      await expect(page.getByTestId('licence-front')).toBeVisible();
      expect(await licenceVerifies(page)).toHaveLength(1);

      // Masked until revealed.
      const main = () => page.locator('main').innerText();
      expect(await main()).not.toContain(HOLDER.name);
      expect(await main()).not.toContain(HOLDER.number);
      await expectAccessible(page, testInfo, `licence-masked-${locale}`);
      await screenshot(page, 'licence-02a-masked', locale, 'desktop');
      await page.getByTestId('licence-reveal').click();
      await expect(page.getByTestId('licence-name')).toHaveText(HOLDER.name);
      await expect(page.getByTestId('licence-number')).toContainText(HOLDER.number);
      await expect(page.getByTestId('licence-band')).toHaveAttribute('data-colour', 'other');
      // The three things the official tool leaves out: conditions, every class, each date.
      await expect(page.getByTestId('licence-conditions').locator('li')).toHaveCount(4);
      await expect(page.getByTestId('licence-conditions')).toContainText('眼鏡等');
      await expect(page.locator('[data-testid="licence-class-grid"] li[data-held="yes"]')).toHaveCount(15);
      const classes = page.getByTestId('licence-classes');
      await expect(classes.locator('tr[data-class="semi-medium"]')).toContainText('2017-03-12');
      await expect(classes.locator('tr[data-class="towing-2"]')).toContainText(locale === 'ja' ? '昭和64年1月7日' : 'Shōwa 64, 1/7');
      await expect(page.getByTestId('licence-signature-verdict')).toBeVisible();
      await expectAccessible(page, testInfo, `licence-revealed-${locale}`);
      await screenshot(page, 'licence-02-revealed', locale, 'desktop');
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, 'licence-02-revealed', locale, 'phone');
      await page.setViewportSize(VIEWPORTS.desktop);

      // PIN2: 本籍 and the photo.
      await page.getByTestId('licence-read-pin2').click();
      await enterPin(page, PIN2);
      await expect(page.getByTestId('licence-domicile')).toBeVisible({ timeout: 15_000 });
      expect(await licenceVerifies(page)).toHaveLength(2);
      expect(await main()).not.toContain(HOLDER.domicile);
      await page.getByTestId('licence-reveal-domicile').click();
      await expect(page.getByTestId('licence-domicile')).toHaveText(HOLDER.domicile);
      const photo = page.getByTestId('licence-photo');
      await expect(photo).toHaveAttribute('data-state', /shown|error/, { timeout: 15_000 });
      await page.getByTestId('licence-photo').scrollIntoViewIfNeeded();
      await screenshot(page, 'licence-03-pin2', locale, 'desktop');

      // The diagnostics report holds neither the holder's data nor the PINs.
      await page.getByTestId('licence-forget').click();
      await expect(page.getByTestId('licence-none')).toBeVisible();
      const report = await diagnosticsReport(page);
      for (const s of [HOLDER.name, HOLDER.domicile, HOLDER.number]) expect(report).not.toContain(s);
      // Nor their bytes: the licence number as JIS X 0201 (ASCII) hex, as the transcript would show it.
      const asciiHex = Array.from(HOLDER.number, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ');
      expect(report.toLowerCase()).not.toContain(asciiHex);
      expect(report).toMatch(/redacted|伏せ|\*\*/i);
      await expectSecretsNowhere(page, [PIN1, PIN2], logged);

      // Coming back: nothing is kept, PIN1 is asked again.
      await page.evaluate(() => (location.hash = '#/reader/licence'));
      await expect(page.getByTestId('licence-none')).toBeVisible();
    });
  }

  test('leaving the screen or removing the card drops the data', async ({ page }) => {
    await openOverview(page, 'en');
    await page.getByTestId('licence-read').click();
    await enterPin(page, PIN1);
    await expect(page.getByTestId('licence-front')).toBeVisible({ timeout: 15_000 });
    await page.evaluate(() => (location.hash = '#/reader'));
    await expect(page.getByTestId('licence-overview')).toBeVisible();
    await page.evaluate(() => (location.hash = '#/reader/licence'));
    await expect(page.getByTestId('licence-none')).toBeVisible();

    await page.evaluate(() => (location.hash = '#/reader'));
    await page.getByTestId('licence-read').click();
    await enterPin(page, PIN1);
    await expect(page.getByTestId('licence-front')).toBeVisible({ timeout: 15_000 });
    await page.evaluate(() => window.__jpkiLensSim!.removeCard(0));
    await expect(page.getByTestId('licence-none')).toBeVisible({ timeout: 15_000 });
  });
});

test.describe('the PIN guard on the licence', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: { kind: 'drivers-licence', holder: 'standard', remaining: { pin1: 1 } } }], chooser: 'first' } });

  test('last try needs the acknowledgement; a wrong PIN then blocks; blocked sends nothing', async ({ page }) => {
    await openOverview(page, 'ja');
    await expect(page.getByTestId('licence-pin1-tries')).toContainText('1');
    await page.getByTestId('licence-read').click();
    const dialog = page.getByTestId('pin-dialog');
    const submit = dialog.getByRole('button', { name: '送信' }).or(dialog.locator('button[type="submit"]'));
    await expect(submit.first()).toBeDisabled();
    await dialog.locator('#ack').check();
    await enterPin(page, '0000');
    await expect(dialog.getByTestId('pin-blocked')).toBeVisible({ timeout: 15_000 });
    expect(await licenceVerifies(page)).toHaveLength(1);
    await dialog.getByRole('button').first().click();
    await expect(page.getByTestId('licence-pin1-tries')).toContainText('ロック');
    await expect(page.getByTestId('licence-read')).toBeDisabled();
    expect(await licenceVerifies(page)).toHaveLength(1);
  });

  test('a typing mistake stays at the field and sends nothing', async ({ page }) => {
    await openOverview(page, 'en');
    await page.getByTestId('licence-read').click();
    await enterPin(page, '12a');
    const dialog = page.getByTestId('pin-dialog');
    await expect(dialog).toContainText('4');
    expect(await licenceVerifies(page)).toEqual([]);
  });
});

test.describe('a licence with no PIN set (DPIN)', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: { kind: 'drivers-licence', holder: 'no-pin' } }], chooser: 'first' } });

  test('the app presents the DPIN for the user and says so', async ({ page }) => {
    await openOverview(page, 'ja');
    await expect(page.getByTestId('licence-pin-setting')).toContainText('設定なし');
    await page.getByTestId('licence-read').click();
    await expect(page).toHaveURL(/#\/reader\/licence$/, { timeout: 15_000 });
    await expect(page.getByTestId('licence-dpin-used')).toBeVisible();
    await page.getByTestId('licence-read-pin2').click();
    await expect(page.getByTestId('licence-domicile')).toBeVisible({ timeout: 15_000 });
  });
});

test.describe('RC-S380 (contactless): a licence with 外字 placed on the reader', () => {
  test.use({ sim: { devices: [{ profile: 'rcs380', card: false }], chooser: 'first' } });

  for (const locale of LOCALES) {
    test(`placed → overview → PIN1 → the 外字 glyph drawn inline → PIN2 → 本籍 and photo (${locale})`, async ({ page }, testInfo) => {
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      await page.getByTestId('connect').click();
      await expect(page.getByTestId('no-card')).toBeVisible({ timeout: 15_000 });
      await page.evaluate(() => window.__jpkiLensSim!.insertCard(0, { kind: 'drivers-licence', holder: 'gaiji' }));
      await expect(page.getByTestId('licence-overview')).toBeVisible({ timeout: 20_000 });
      await page.getByTestId('licence-read').click();
      await enterPin(page, '1234');
      await expect(page.getByTestId('licence-front')).toBeVisible({ timeout: 20_000 });
      await page.getByTestId('licence-reveal').click();
      await expect(page.getByTestId('licence-name').locator('svg[data-testid="gaiji"]')).toHaveCount(1);
      await expect(page.getByTestId('licence-address').locator('svg[data-testid="gaiji"]')).toHaveCount(1);
      await expect(page.locator('[data-testid="licence-class-grid"] li[data-held="yes"]')).toHaveCount(2);
      await expectAccessible(page, testInfo, `licence-gaiji-${locale}`);
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, 'licence-04-gaiji-rcs380', locale, 'phone');
      await page.getByTestId('licence-read-pin2').click();
      await enterPin(page, '5678');
      await expect(page.getByTestId('licence-domicile')).toBeVisible({ timeout: 20_000 });
      await page.getByTestId('licence-reveal-domicile').click();
      // 本籍 of this holder has a 欠字, marked rather than guessed.
      await expect(page.getByTestId('licence-domicile').locator('.kesuji')).toHaveCount(1);
      await expect(page.getByTestId('licence-photo')).toHaveAttribute('data-state', /shown|error/, { timeout: 20_000 });
    });
  }
});

test.describe('a 住基カード', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: { token: 'juki' } }], chooser: 'first' } });

  test('is named, with the end of its JPKI service', async ({ page }, testInfo) => {
    await withLocale(page, 'ja');
    await page.goto('/');
    await appReady(page);
    await page.getByTestId('connect').click();
    await expect(page.getByTestId('juki-card')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('juki-card')).toContainText('2015');
    await expectAccessible(page, testInfo, 'juki-card');
  });
});

test.describe('マイナ免許証 on a My Number card', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: { licence: { pin: MYNA_PIN } } }], chooser: 'first' } });

  for (const locale of LOCALES) {
    test(`the overview offers the licence instance; its PIN (10 tries) → 免許情報, unconfirmed fields marked (${locale})`, async ({ page }, testInfo) => {
      const logged = recordConsole(page);
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      await page.getByTestId('connect').click();
      const panel = page.getByTestId('myna-licence');
      await expect(panel).toBeVisible({ timeout: 15_000 });
      await expect(panel.getByTestId('myna-licence-tries')).toContainText('10');
      await panel.getByTestId('myna-licence-read').click();
      await enterPin(page, MYNA_PIN, 'jpki-myna-licence-panel');
      await expect(panel.getByTestId('myna-licence-fields')).toBeVisible({ timeout: 15_000 });
      await expect(panel.getByTestId('myna-licence-fields').locator('tbody tr')).toHaveCount(3);
      await expect(panel).toContainText(locale === 'ja' ? '未確認' : 'unconfirmed');
      await panel.getByTestId('myna-licence-reveal').click();
      await expectAccessible(page, testInfo, `myna-licence-${locale}`);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'licence-05-myna', locale, 'desktop');
      const verifies = await page.evaluate(() => (window.__jpkiLensSim?.card(0)?.log ?? []).map((e) => e.command).filter((c) => c.startsWith('00 20 00 86 04')));
      expect(verifies).toHaveLength(1);
      await expectSecretsNowhere(page, [MYNA_PIN], logged);
    });
  }
});

test.describe('demo mode offers a licence', () => {
  test.use({ sim: { devices: [] } });

  test('デモ (運転免許証) opens the virtual licence with its PIN hint', async ({ page }) => {
    await withLocale(page, 'ja');
    await page.goto('/');
    await appReady(page);
    await page.getByTestId('demo-licence').click();
    await expect(page.getByTestId('licence-overview')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await page.getByTestId('licence-read').click();
    await expect(page.getByTestId('pin-dialog')).toContainText('1234');
  });
});
