/**
 * The certificate view, opened from a file (library screen → "open a file without saving"), in both
 * languages: every tab renders and passes axe; the SubjectAltName node highlights exactly the bytes
 * the model gives for it and a hex byte selects the innermost node; exports download the right
 * bytes; a CRL marks the revoked fixture revoked; the sign certificate is not saved without the
 * acknowledgement. Screenshots of each tab land in reports/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS, type ViewportName } from '../harness';
import { explainCertificate, parseAsn1Tree, nodeAt, toPem, certificateText, opensslOidFile } from '../../../src/pki';
import { LOCALES, loadLocales } from '../../../src/i18n';

const FIX = resolve(import.meta.dirname, '../../fixtures/jpki-test');
const TABS = ['basic', 'details', 'asn1', 'verify'] as const;

async function openFile(page: Page, file: string): Promise<void> {
  await page.goto('/#/about'); // a fresh library screen even when one is already shown
  await page.goto('/#/library');
  await appReady(page);
  await page.locator('input[data-action="open-file"]').setInputFiles(resolve(FIX, file));
  await expect(page.locator('jpki-certificate-view [role="tablist"]')).toBeVisible();
}

async function tab(page: Page, name: (typeof TABS)[number]): Promise<void> {
  await page.locator(`jpki-certificate-view #tab-${name}`).click();
  await expect(page.locator(`jpki-certificate-view [role="tabpanel"][data-tab="${name}"]`)).toBeVisible();
}

async function bytesOf(d: Download): Promise<Buffer> {
  return readFileSync(await d.path());
}

for (const lang of ['ja', 'en'] as const) {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    test(`sign certificate from a file, every tab (${lang}, ${viewport})`, async ({ page }, testInfo) => {
      // Four axe scans (the ASN.1 tab alone has ~2,000 elements) and screenshots: generous on a shared 2-core machine.
      test.setTimeout(120_000);
      await page.setViewportSize(VIEWPORTS[viewport]);
      await withLocale(page, lang);
      await openFile(page, 'ordinary/sign.der');
      const view = page.locator('jpki-certificate-view');
      // 基本情報: the 4 info with both calendars.
      await expect(view.locator('[data-field="name"]')).toContainText('見本　太郎');
      await expect(view.locator('[data-field="address"]')).toContainText('東京都清瀬市見本町一丁目２－３');
      await expect(view.locator('[data-field="birth"]')).toContainText('1985-04-01');
      await expect(view.locator('[data-field="birth"]')).toContainText('昭和60年4月1日');
      await expect(view.locator('[data-field="sex"]')).toHaveText(lang === 'ja' ? '男性' : /^\s*male\s*$/i);
      for (const name of TABS) {
        await tab(page, name);
        if (name === 'verify') await expect(view.locator('jpki-certificate-verification [data-chain]')).toBeVisible();
        await expectAccessible(page, testInfo, `certificate-${name}-${lang}-${viewport}`);
        await screenshot(page, `certificate-sign-${name}`, lang, viewport);
      }
    });
  }

  test(`auth certificate: tabs, SAN-free summary, CN explained (${lang})`, async ({ page }, testInfo) => {
    await withLocale(page, lang);
    await openFile(page, 'ordinary/auth.der');
    const view = page.locator('jpki-certificate-view');
    await expect(view.locator('[role="tabpanel"]')).toContainText(lang === 'ja' ? '氏名・住所・生年月日・性別は記録されていません' : 'does not contain your name');
    await expect(view.locator('[data-field="name"]')).toHaveCount(0);
    await tab(page, 'details');
    await expect(view.locator('[role="tabpanel"]')).toContainText('E9AGCIEG25102701A');
    await expect(view.locator('[role="tabpanel"]')).toContainText('1.2.392.200149.8.5.1.0.30');
    await screenshot(page, 'certificate-auth-details', lang, 'desktop');
    await tab(page, 'basic');
    await expectAccessible(page, testInfo, `certificate-auth-basic-${lang}`);
    await screenshot(page, 'certificate-auth-basic', lang, 'desktop');
  });
}

test('ASN.1: the SubjectAltName node highlights exactly its bytes; a hex byte selects the innermost node', async ({ page }) => {
  await withLocale(page, 'en');
  const der = readFileSync(resolve(FIX, 'ordinary/sign.der'));
  const model = await explainCertificate(der);
  const san = model.extensions.find((e) => e.oid === '2.5.29.17');
  expect(san?.range).toBeDefined();
  const range = san!.range!;
  await openFile(page, 'ordinary/sign.der');
  await tab(page, 'details');
  const view = page.locator('jpki-certificate-view');
  await view.locator('li.ext[data-oid="2.5.29.17"] button').click();
  const explorer = view.locator('jpki-asn1-explorer');
  await expect(explorer.locator('#sel-info')).toHaveAttribute('data-start', String(range.start));
  await expect(explorer.locator('#sel-info')).toHaveAttribute('data-end', String(range.end));
  await expect(explorer.locator('#sel-info')).toContainText(/Subject alternative name/i);
  const lit = await explorer.locator('.hex .b.h, .hex .b.c').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset['o'])));
  const header = await explorer.locator('.hex .b.h').count();
  expect(lit).toEqual(Array.from({ length: range.end - range.start }, (_, i) => range.start + i));
  expect(header).toBe(range.contentStart - range.start);
  await expect(explorer.locator('[role="option"][aria-selected="true"]')).toHaveAttribute('data-offset', String(range.start));
  await screenshot(page, 'certificate-asn1-san-selected', 'en', 'desktop');

  // A byte inside the holder's name (the UTF8String of otherName 5.5.1) selects that innermost node.
  const roots = parseAsn1Tree(der);
  const nameByte = der.indexOf(Buffer.from('見本', 'utf8'), range.start);
  const inner = nodeAt(roots, nameByte)!;
  await explorer.locator(`.hex [data-o="${nameByte}"]`).click();
  await expect(explorer.locator('#sel-info')).toHaveAttribute('data-start', String(inner.offset));
  await expect(explorer.locator('#sel-info')).toHaveAttribute('data-end', String(inner.end));

  // Keyboard: the tree is a listbox; ← goes to the parent, ↓ to the next line.
  await explorer.locator('[role="listbox"]').focus();
  await page.keyboard.press('ArrowLeft');
  const parent = nodeAt(roots, inner.offset - 1)!;
  await expect(explorer.locator('#sel-info')).not.toHaveAttribute('data-start', String(inner.offset));
  expect(Number(await explorer.locator('#sel-info').getAttribute('data-start'))).toBeLessThanOrEqual(parent.offset + 1);
  // The hex keeps up with the keyboard: → moves the cursor one byte and re-selects.
  await explorer.locator('.hex').focus();
  await page.keyboard.press('Home');
  await expect(explorer.locator('#sel-info')).toHaveAttribute('data-start', '0');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(explorer.locator('#sel-info')).toHaveAttribute('data-start', '4');
});

test('exports download the right bytes', async ({ page }) => {
  // The expected text is made here in Node with src/pki, whose labels come from the (lazily loaded) catalogs.
  await loadLocales(LOCALES);
  await withLocale(page, 'en');
  const der = readFileSync(resolve(FIX, 'ordinary/auth.der'));
  const model = await explainCertificate(der);
  await openFile(page, 'ordinary/auth.der');
  const view = page.locator('jpki-certificate-view');
  const get = async (what: string): Promise<Download> => {
    const wait = page.waitForEvent('download');
    await view.locator(`button[data-export="${what}"]`).click();
    return wait;
  };
  const serial = model.serial.hex.toLowerCase();
  const cer = await get('der');
  expect(cer.suggestedFilename()).toBe(`jpki-auth-${serial}.cer`);
  expect(Buffer.compare(await bytesOf(cer), der)).toBe(0);
  const pem = await get('pem');
  expect(pem.suggestedFilename()).toBe(`jpki-auth-${serial}.pem`);
  expect((await bytesOf(pem)).toString('utf8')).toBe(toPem(der));
  const txt = await get('text');
  expect(txt.suggestedFilename()).toBe(`jpki-auth-${serial}.txt`);
  expect((await bytesOf(txt)).toString('utf8')).toBe(certificateText(model, { locale: 'en' }));
  const oids = await get('oids');
  expect(oids.suggestedFilename()).toBe('jpki-openssl-oids.txt');
  expect((await bytesOf(oids)).toString('utf8')).toBe(opensslOidFile());
  const bundle = await get('bundle');
  expect(bundle.suggestedFilename()).toMatch(/^jpki-auth-ca-bundle-\d{4}-\d{2}-\d{2}\.pem$/);
  const bundleText = (await bytesOf(bundle)).toString('utf8');
  // The synthetic auth CA is in it (a test certificate is shown) and so are the real J-LIS auth roots.
  expect(bundleText).toContain(toPem(readFileSync(resolve(FIX, 'auth-ca.der'))));
  expect(bundleText.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0).toBeGreaterThan(1);
  expect(bundleText).not.toMatch(/PRIVATE KEY/);
});

test('verification: chain to the JPKI-TEST root when asked, and an imported CRL marks auth-revoked revoked', async ({ page }, testInfo) => {
  await withLocale(page, 'ja');
  await openFile(page, 'ordinary/auth-revoked.der');
  await tab(page, 'verify');
  const panel = page.locator('jpki-certificate-verification');
  // Not trusted by default: the synthetic roots are only used on request; revocation is honestly not checked.
  await expect(panel.locator('[data-chain="invalid"]')).toBeVisible();
  await expect(panel.locator('[data-revocation="not-checked"]')).toContainText('J-LIS');
  await panel.getByRole('checkbox').check();
  await expect(panel.locator('[data-chain="valid"]')).toHaveAttribute('data-anchor', 'jpki-test');
  await expect(panel.locator('[data-revocation="not-checked"]')).toBeVisible();
  await panel.locator('input[type="file"]').setInputFiles(resolve(FIX, 'auth-ca.crl'));
  await expect(panel.locator('[data-revocation="revoked"]')).toBeVisible();
  await expectAccessible(page, testInfo, 'certificate-verify-revoked-ja');
  await screenshot(page, 'certificate-verify-revoked', 'ja', 'desktop');

  // The validation date is the user's: after the end of validity the leaf is reported expired, with the date.
  await panel.locator('input[type="date"]').fill('2031-01-01');
  await expect(panel.locator('[data-chain="invalid"]')).toContainText('2030');
  await expect(panel.locator('[data-link="0"]')).toContainText('有効期間が切れています');

  // The same CRL says nothing bad about the ordinary auth certificate.
  await openFile(page, 'ordinary/auth.der');
  await tab(page, 'verify');
  await page.locator('jpki-certificate-verification').getByRole('checkbox').check();
  // This time the CRL comes as PEM.
  await page.locator('jpki-certificate-verification input[type="file"]').setInputFiles({
    name: 'auth-ca.crl.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(toPem(readFileSync(resolve(FIX, 'auth-ca.crl')), 'X509 CRL')),
  });
  const good = page.locator('jpki-certificate-verification');
  await expect(good.locator('[data-revocation="good"]')).toBeVisible();
  await expect(good).toContainText('auth-ca.crl.pem');
  // Past the CRL's nextUpdate (2035-11-01) the answer is flagged stale.
  await good.locator('input[type="date"]').fill('2036-01-01');
  await expect(good.locator('jpki-notice[tone="warning"]').filter({ hasText: '2035' })).toBeVisible();
});

test('saving the sign certificate is refused without the acknowledgement', async ({ page }) => {
  await withLocale(page, 'en');
  await openFile(page, 'ordinary/sign.der');
  const view = page.locator('jpki-certificate-view');
  await view.getByRole('button', { name: 'Save to the library…' }).click();
  const dialog = view.locator('jpki-save-certificate');
  await expect(dialog.getByRole('dialog')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.locator('jpki-notice')).toContainText('name, address, date of birth and sex');
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => { const r = indexedDB.open('jpki-lens'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(new Error('idb')); });
    if (!db.objectStoreNames.contains('certificates')) return 0;
    return new Promise<number>((ok) => { const r = db.transaction('certificates').objectStore('certificates').count(); r.onsuccess = () => ok(r.result); });
  });
  expect(stored).toBe(0);
  await screenshot(page, 'certificate-save-sign-refused', 'en', 'desktop');
  // With the tick it is saved.
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(view.getByText('Saved to the library.')).toBeVisible();
});

test('a real J-LIS root anchors to the pinned copy; its page offers the CA bundle', async ({ page }) => {
  await withLocale(page, 'en');
  await page.goto('/#/library');
  await appReady(page);
  await page.locator('input[data-action="open-file"]').setInputFiles(resolve(import.meta.dirname, '../../../../shared/corpus/jpki-ca/authca03.cer'));
  const view = page.locator('jpki-certificate-view');
  await expect(view.getByRole('heading', { name: 'Authentication CA certificate' })).toBeVisible();
  await expect(view.locator('button[data-export="bundle"]')).toBeVisible();
  await tab(page, 'verify');
  const panel = view.locator('jpki-certificate-verification');
  await expect(panel.locator('[data-chain="valid"]')).toHaveAttribute('data-anchor', 'jlis');
  await expect(panel.locator('jpki-notice[data-chain]')).toHaveAttribute('tone', 'success');
  await expect(panel).toContainText('J-LIS root certificate (generation');
  await expect(panel).toContainText('authca03.cer');
  await expect(panel.getByRole('checkbox')).toHaveCount(0); // no test-root offer for a real certificate
});

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('the tabs stay readable in dark mode (axe) and are captured', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await withLocale(page, 'ja');
    await openFile(page, 'ordinary/sign.der');
    for (const name of TABS) {
      await tab(page, name);
      await expectAccessible(page, testInfo, `certificate-${name}-dark`);
      await screenshot(page, `certificate-sign-${name}-dark`, 'ja', 'desktop');
    }
  });
});
