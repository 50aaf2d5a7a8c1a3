/**
 * The auth certificate read from the virtual card through the SCR3310-NTTCom double opens in the
 * certificate viewer (source: card, chain offered the card's auth CA) and is saved to the library
 * with the card kind and read time; the library then opens it. No PIN is involved anywhere.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, appReady, screenshot, withLocale } from '../harness';

test.use({ sim: { devices: [{ profile: 'scr3310-nttcom' }], chooser: 'first' } });

const FIX = resolve(import.meta.dirname, '../../fixtures/jpki-test');

test('auth certificate from the card: viewer, chain to the card CA, saved and reopened from the library', async ({ page }) => {
  await withLocale(page, 'en');
  await page.goto('/');
  await appReady(page);
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('card-overview')).toBeVisible({ timeout: 15_000 });
  await page.locator('[data-kind="auth"] a.open').click();
  const view = page.locator('jpki-certificate-view');
  await expect(view.locator('[role="tabpanel"]')).toBeVisible({ timeout: 15_000 });
  await expect(view.locator('jpki-badge').filter({ hasText: 'Read from the card' })).toBeVisible();
  // The view reports how long it took from the DER to the explained view (pki chunk load included); recorded, not asserted.
  const explainMs = await view.evaluate((el) => (el as HTMLElement & { lastExplainMs?: number }).lastExplainMs);
  expect(typeof explainMs).toBe('number');
  test.info().annotations.push({ type: 'explain-ms', description: String(Math.round(explainMs ?? -1)) });
  console.log(`certificate view: DER → explained view ${Math.round(explainMs ?? -1)} ms`);

  // The chain: with the card's auth CA offered as an anchor, labelled as not pinned.
  await view.locator('#tab-verify').click();
  const verification = view.locator('jpki-certificate-verification');
  await expect(verification.locator('[data-chain="valid"]')).toHaveAttribute('data-anchor', 'caller');
  await expect(verification.locator('jpki-notice[data-chain]')).toHaveAttribute('tone', 'warning');
  await expect(verification).toContainText('CA certificate read from the card');
  await expect(verification).toContainText('not one of the J-LIS roots pinned in the app');
  await expect(verification.locator('[data-revocation="not-checked"]')).toBeVisible();
  await screenshot(page, 'certificate-card-verify', 'en', 'desktop');

  // Exported DER = what the card holds = the stored entry.
  const download = page.waitForEvent('download');
  await view.locator('button[data-export="der"]').click();
  const der = readFileSync(await (await download).path());
  expect(der[0]).toBe(0x30);

  await view.getByRole('button', { name: 'Save to the library…' }).click();
  const dialog = view.locator('jpki-save-certificate');
  await dialog.getByLabel('Name').fill('My card, auth');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(view.getByText('Saved to the library.')).toBeVisible();

  await page.goto('/#/library');
  await appReady(page);
  const entry = page.locator('jpki-library-screen ul.list > li').filter({ hasText: 'My card, auth' });
  await expect(entry).toContainText('My Number Card');
  await expect(entry).toContainText('User authentication certificate');
  const id = createHash('sha256').update(der).digest('hex');
  await expect(entry).toHaveAttribute('data-id', id);
  // The virtual card is the fixtures' "ordinary" holder.
  expect(Buffer.compare(der, readFileSync(resolve(FIX, 'ordinary/auth.der')))).toBe(0);
  await entry.getByRole('link').click();
  await expect(page.locator('jpki-certificate-view jpki-badge').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.locator('jpki-certificate-view [role="tabpanel"]')).toBeVisible();
});
