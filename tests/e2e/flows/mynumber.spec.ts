/**
 * 個人番号 + 4 info through the 入力補助AP with the 4-digit PIN (SCR3310-NTTCom double): the counter is
 * shown before typing, the values are masked until revealed, the integrity result sits beside them
 * with the honest note about the issuer signature, and everything is gone when the screen is left —
 * not in the page, not in any storage, not in the diagnostics report. Both languages.
 */
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS } from '../harness';
import { LOCALES, expectSecretsNowhere, overviewCounters, pinVerifies, recordConsole, storedEverywhere } from './flow-helpers';

test.use({ sim: { devices: [{ profile: 'scr3310-nttcom' }], chooser: 'first' } });

for (const locale of LOCALES) {
  test(`My Number and 4 info: masked, revealed on demand, gone afterwards (${locale})`, async ({ page }, testInfo) => {
    const logged = recordConsole(page);
    await withLocale(page, locale);
    await page.goto('/');
    await appReady(page);
    await page.getByTestId('connect').click();
    await overviewCounters(page);
    const person = await page.evaluate(() => {
      const p = window.__jpkiLensSim!.card(0)!.person;
      return { number: p.myNumber, name: p.name };
    });

    await page.getByTestId('open-mynumber').click();
    await expect(page).toHaveURL(/#\/reader\/mynumber$/);
    await screenshot(page, 'flow-08-mynumber-ask', locale, 'desktop');
    await page.getByTestId('read-personal').click();
    const dialog = page.getByTestId('pin-dialog');
    await expect(dialog.getByTestId('pin-tries')).toContainText('3');
    const input = dialog.locator('input[name="pin"]');
    await expect(input).toHaveAttribute('inputmode', 'numeric');
    // Cancel sends nothing.
    const before = await page.evaluate(() => window.__jpkiLensSim!.card(0)!.log.length);
    await input.fill('1234');
    await dialog.getByRole('button', { name: locale === 'ja' ? 'キャンセル' : 'Cancel' }).click();
    expect(await page.evaluate(() => window.__jpkiLensSim!.card(0)!.log.length)).toBe(before);
    await expect(input).toHaveValue('');

    await page.getByTestId('read-personal').click();
    await input.fill('1234');
    await input.press('Enter');
    const value = page.getByTestId('mynumber-value');
    await expect(value).toBeVisible({ timeout: 15_000 });
    expect(await pinVerifies(page)).toHaveLength(1);

    // Masked by default: neither the number nor the name is anywhere in the rendered text.
    const mainText = () => page.locator('main').innerText();
    expect(await mainText()).not.toContain(person.number.slice(0, 4) + ' ' + person.number.slice(4, 8));
    expect(await mainText()).not.toContain(person.name);
    await expect(page.getByTestId('integrity')).toContainText(locale === 'ja' ? '一致しました' : 'matches');
    await expectAccessible(page, testInfo, `mynumber-${locale}`);
    await screenshot(page, 'flow-09-mynumber-masked', locale, 'desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'flow-09-mynumber-masked', locale, 'phone');
    await page.setViewportSize(VIEWPORTS.desktop);

    await page.getByTestId('reveal-number').click();
    await expect(value).toHaveText(person.number.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3'));
    await page.getByTestId('reveal-info').click();
    await expect(page.getByTestId('info-panel')).toContainText(person.name);
    await page.getByTestId('reveal-number').click();
    await expect(value).not.toContainText(person.number.slice(0, 4));

    // The optional card face (券面AP), with 照合番号A taken from the number just read.
    await page.getByTestId('read-face').click();
    await expect(page.getByTestId('sig-face')).toBeVisible({ timeout: 15_000 });
    expect(await pinVerifies(page)).toHaveLength(2);
    await page.getByTestId('reveal-face').click();
    // Name, address and security code on the front, the 個人番号 image on the back; the photo on a canvas.
    const images = page.getByTestId('face-compare').locator('img');
    await expect(images).toHaveCount(4);
    for (const img of await images.all()) expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    await expect(page.locator('jpki-photo')).toHaveAttribute('data-state', 'shown', { timeout: 20_000 });
    await expectAccessible(page, testInfo, `card-face-${locale}`);
    await screenshot(page, 'flow-09b-card-face', locale, 'desktop');

    // Leave the screen: the data is forgotten; coming back asks for the PIN again.
    await page.evaluate(() => (location.hash = '#/reader'));
    await overviewCounters(page);
    await page.evaluate(() => (location.hash = '#/reader/mynumber'));
    await expect(page.getByTestId('read-personal')).toBeVisible();
    await expect(page.getByTestId('mynumber-value')).toHaveCount(0);
    await expect(page.getByTestId('face-compare')).toHaveCount(0);

    const stored = await storedEverywhere(page);
    expect(stored).not.toContain(person.number);
    expect(stored).not.toContain(person.name);
    await expectSecretsNowhere(page, ['1234'], logged);
    const report = await page.getByTestId('diagnostics-report').inputValue();
    expect(report).not.toContain(person.number);
    expect(report.toLowerCase()).not.toContain(Array.from(new TextEncoder().encode(person.number), (b) => b.toString(16).padStart(2, '0')).join(' '));
  });
}
