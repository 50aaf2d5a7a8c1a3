/**
 * The library end to end: import certificate files (several at once), search, open a saved one in
 * the certificate view, save from a file view, keep working with the network off after a reload,
 * backup → delete all → restore byte-identical, delete one with confirmation, and the sign
 * certificate only with the explicit acknowledgement. Screenshots of the list in both languages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS, type ViewportName } from '../harness';

const FIX = resolve(import.meta.dirname, '../../fixtures/jpki-test');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface StoredEntry { id: string; der: number[]; label: string; certificateKind: string; cardKind: string }

/** Every entry in the app's IndexedDB library (database 'jpki-lens', store 'certificates'). */
async function stored(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => { const r = indexedDB.open('jpki-lens'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(new Error('idb')); });
    if (!db.objectStoreNames.contains('certificates')) { db.close(); return []; }
    const all = await new Promise<{ id: string; der: Uint8Array; label: string; certificateKind: string; cardKind: string }[]>((ok) => {
      const r = db.transaction('certificates').objectStore('certificates').getAll();
      r.onsuccess = () => ok(r.result as never);
    });
    db.close();
    return all.map((e) => ({ id: e.id, der: [...e.der], label: e.label, certificateKind: e.certificateKind, cardKind: e.cardKind }));
  });
}

async function library(page: Page): Promise<void> {
  await page.goto('/#/about');
  await page.goto('/#/library');
  await appReady(page);
}

async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.locator('input[data-action="import-files"]').setInputFiles(files.map((f) => resolve(FIX, f)));
}

const entries = (page: Page) => page.locator('jpki-library-screen ul.list > li');

test('import files, search, open; save from a file view; offline reload still shows and opens them', async ({ page, context, guard }) => {
  test.setTimeout(90_000); // waits for the service worker to precache the whole app first
  await withLocale(page, 'en');
  await library(page);
  await expect(page.locator('html')).toHaveAttribute('data-sw', 'activated', { timeout: 20_000 });
  await importFiles(page, ['ordinary/auth.der', 'auth-ca.der']);
  await expect(page.locator('[data-outcome]')).toContainText('Saved 2 certificate(s)');
  await expect(entries(page)).toHaveCount(2);
  const kinds = (await stored(page)).map((e) => e.certificateKind).sort();
  expect(kinds).toEqual(['auth', 'auth-ca']);

  // Search narrows by subject / kind, and says how many are shown.
  const search = page.getByRole('searchbox');
  await search.fill('no-such-certificate');
  await expect(entries(page)).toHaveCount(0);
  await expect(page.getByText('Showing 0 of 2')).toBeVisible();
  await search.fill('T00001');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('User authentication certificate');
  await search.fill('');

  // Save a third one from the "open a file" view (not saved until asked).
  await page.locator('input[data-action="open-file"]').setInputFiles(resolve(FIX, 'under15/auth.der'));
  const view = page.locator('jpki-certificate-view');
  await view.getByRole('button', { name: 'Save to the library…' }).click();
  const dialog = view.locator('jpki-save-certificate');
  await dialog.getByLabel('Name').fill('Under-15 test card');
  await dialog.getByLabel('Note (optional)').fill('kept for the offline check');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(view.getByText('Saved to the library.')).toBeVisible();
  const under15 = readFileSync(resolve(FIX, 'under15/auth.der'));
  const saved = (await stored(page)).find((e) => e.id === sha256(under15));
  expect(saved && Buffer.from(saved.der).equals(under15)).toBe(true);
  expect(saved?.label).toBe('Under-15 test card');
  expect(saved?.cardKind).toBe('file');

  // Offline: reload, the list is there and a saved certificate opens with every tab (pki chunk from the precache).
  await context.setOffline(true);
  guard.allow(/ERR_INTERNET_DISCONNECTED|Failed to load resource/);
  await page.reload();
  await appReady(page);
  await expect(entries(page)).toHaveCount(3);
  await entries(page).filter({ hasText: 'Under-15 test card' }).getByRole('link', { name: /Open/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Under-15 test card');
  for (const name of ['basic', 'details', 'asn1', 'verify']) {
    await view.locator(`#tab-${name}`).click();
    await expect(view.locator(`[role="tabpanel"][data-tab="${name}"]`)).toBeVisible();
    if (name === 'asn1') await expect(view.locator('jpki-asn1-explorer [role="option"]').first()).toBeVisible();
  }
  await expect(view.locator('jpki-certificate-verification [data-chain]')).toBeVisible();
  await context.setOffline(false);
});

test('backup → delete all → restore is byte-identical', async ({ page }) => {
  await withLocale(page, 'ja');
  await library(page);
  await importFiles(page, ['ordinary/auth.der', 'auth-ca.der', 'sign-ca.der', 'long-address/auth.der']);
  await expect(entries(page)).toHaveCount(4);
  const before = await stored(page);

  const first = page.waitForEvent('download');
  await page.getByRole('button', { name: 'バックアップを書き出す' }).click();
  const backup = await first;
  expect(backup.suggestedFilename()).toMatch(/^jpki-lens-library-\d{4}-\d{2}-\d{2}\.json$/);
  const backupPath = await backup.path();
  const text = readFileSync(backupPath, 'utf8');
  const parsed = JSON.parse(text) as { certificates: { id: string; der: string }[] };
  expect(parsed.certificates).toHaveLength(4);
  for (const c of parsed.certificates) expect(sha256(Buffer.from(c.der, 'base64'))).toBe(c.id);

  await page.getByRole('button', { name: 'すべて削除…' }).click();
  const confirmAll = page.locator('jpki-dialog#confirm-delete-all');
  await expect(confirmAll.getByRole('dialog', { name: '保存した証明書をすべて削除しますか?' })).toBeVisible();
  await confirmAll.getByRole('button', { name: 'すべて削除する' }).click();
  await expect(page.locator('[data-outcome]')).toContainText('すべて削除しました');
  expect(await stored(page)).toEqual([]);
  await expect(page.getByRole('heading', { name: 'まだ保存した証明書はありません' })).toBeVisible();

  await page.locator('input[data-action="import-backup"]').setInputFiles(backupPath);
  await expect(page.locator('[data-outcome]')).toContainText('追加 4 件');
  await expect(entries(page)).toHaveCount(4);
  const after = await stored(page);
  const byId = (l: StoredEntry[]) => [...l].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId(after)).toEqual(byId(before));

  // And the re-exported backup is the same file apart from its export time.
  const second = page.waitForEvent('download');
  await page.getByRole('button', { name: 'バックアップを書き出す' }).click();
  const again = readFileSync(await (await second).path(), 'utf8');
  const strip = (s: string) => s.replace(/"exportedAt": "[^"]*"/, '');
  expect(strip(again)).toBe(strip(text));
});

test('delete one asks first; the sign certificate is imported only with the acknowledgement', async ({ page }) => {
  await withLocale(page, 'en');
  await library(page);
  await importFiles(page, ['ordinary/auth.der', 'ordinary/sign.der']);
  // The dialog's buttons are slotted into <jpki-dialog>: scope by the host element.
  const ack = page.locator('jpki-dialog#confirm-sign-import');
  await expect(ack.getByRole('dialog', { name: 'Signature certificates included' })).toBeVisible();
  await expect(ack.getByRole('button', { name: 'Save all' })).toBeDisabled();
  await ack.getByRole('button', { name: 'Do not save those' }).click();
  await expect(page.locator('[data-outcome]')).toContainText('1 signature certificate(s) were not saved');
  expect((await stored(page)).map((e) => e.certificateKind)).toEqual(['auth']);

  await importFiles(page, ['ordinary/sign.der']);
  await ack.getByRole('checkbox').check();
  await ack.getByRole('button', { name: 'Save all' }).click();
  await expect(entries(page)).toHaveCount(2);
  expect((await stored(page)).map((e) => e.certificateKind).sort()).toEqual(['auth', 'sign']);
  // The list never shows the holder's personal data, only the certificate's own names.
  await expect(page.locator('jpki-library-screen')).not.toContainText('見本');

  const sign = entries(page).filter({ hasText: 'Digital signature certificate' });
  await sign.getByRole('button', { name: /Delete/ }).click();
  const confirm = page.locator('jpki-dialog#confirm-delete');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(entries(page)).toHaveCount(2);
  await sign.getByRole('button', { name: /Delete/ }).click();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(entries(page)).toHaveCount(1);
  expect((await stored(page)).map((e) => e.certificateKind)).toEqual(['auth']);
});

test('a file that is not a certificate is reported by name and the others still import', async ({ page }) => {
  await withLocale(page, 'en');
  await library(page);
  await page.locator('input[data-action="import-files"]').setInputFiles([
    { name: 'notes.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n') },
    { name: 'auth.cer', mimeType: 'application/pkix-cert', buffer: readFileSync(resolve(FIX, 'ordinary/auth.der')) },
  ]);
  await expect(page.locator('[data-outcome]')).toContainText('notes.pem');
  await expect(page.locator('[data-outcome]')).toContainText('Saved 1 certificate(s)');
  await expect(entries(page)).toHaveCount(1);
});

for (const lang of ['ja', 'en'] as const) {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    test(`library screens (${lang}, ${viewport}): empty, filled, opened — accessible and captured`, async ({ page }, testInfo) => {
      test.setTimeout(90_000); // three axe scans and screenshots on a shared machine
      await page.setViewportSize(VIEWPORTS[viewport]);
      await withLocale(page, lang);
      await library(page);
      await expectAccessible(page, testInfo, `library-empty-${lang}-${viewport}`);
      await screenshot(page, 'library-flow-empty', lang, viewport);
      await importFiles(page, ['ordinary/auth.der', 'auth-ca.der', 'sign-ca.der']);
      await expect(entries(page)).toHaveCount(3);
      await expectAccessible(page, testInfo, `library-list-${lang}-${viewport}`);
      await screenshot(page, 'library-flow-list', lang, viewport);
      await entries(page).first().getByRole('link').click();
      await expect(page.locator('jpki-certificate-view [role="tablist"]')).toBeVisible();
      await expectAccessible(page, testInfo, `library-open-${lang}-${viewport}`);
      await screenshot(page, 'library-flow-open', lang, viewport);
    });
  }
}
