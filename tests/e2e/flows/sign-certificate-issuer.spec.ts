/**
 * Issue 13 item 9: a certificate read from the sign-certificate EF whose issuer is not recognised as
 * J-LIS said 「基本 4 情報の記録が見つかりませんでした」 while the page lead said it holds them. The
 * lead and the 基本情報 tab now follow what was decoded and say the issuer was not recognised.
 * The foreign certificate is made by openssl here (C=JP, O=Example Trust Services — not JPKI).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, appReady, expectAccessible, screenshot, withLocale, VIEWPORTS } from '../harness';
import { LOCALES, overviewCounters } from './flow-helpers';

function foreignCertificate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'foreign-cert-'));
  try {
    const der = join(dir, 'cert.der');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-subj', '/C=JP/O=Example Trust Services/CN=Example Signing CA',
      '-days', '3650', '-outform', 'DER', '-out', der], { stdio: 'pipe' });
    return readFileSync(der).toString('base64');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe('sign-certificate EF holding a certificate not issued by J-LIS', () => {
  test.use({ sim: { devices: [{ profile: 'scr3310-nttcom', card: { signCertificateDer: foreignCertificate() } }], chooser: 'first' } });

  for (const locale of LOCALES) {
    test(`the lead and the 基本情報 tab say the issuer was not recognised (${locale})`, async ({ page }, testInfo) => {
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
      const view = page.locator('jpki-certificate-view');
      await expect(view.locator('[role="tabpanel"]')).toBeVisible({ timeout: 15_000 });

      const lead = page.getByTestId('lead-mismatch');
      await expect(lead).toContainText(locale === 'ja' ? '発行者を J-LIS (公的個人認証サービス) の認証局と認識できませんでした' : 'its issuer was not recognised as a J-LIS (JPKI) authority');
      await expect(page.locator('jpki-card-certificate-page p.lead')).not.toContainText(locale === 'ja' ? '基本 4 情報が入っています' : 'Holds the basic 4 information');

      const panel = view.locator('[role="tabpanel"]');
      await expect(panel.getByTestId('kind-mismatch')).toContainText('Example Trust Services');
      await expect(panel.getByTestId('kind-mismatch')).toContainText(locale === 'ja' ? 'J-LIS の認証局と認識できませんでした' : 'was not recognised as a J-LIS authority');
      // Not the old contradiction: "no 4 info found in this signature certificate".
      await expect(panel).not.toContainText(locale === 'ja' ? '基本 4 情報の記録が見つかりませんでした' : 'No basic 4 information was found in this signature certificate');
      // The tab presents it as what it is: a certificate not recognised as JPKI.
      await expect(panel).toContainText(locale === 'ja' ? '公的個人認証サービス (JPKI) の証明書としては認識できませんでした' : 'Not recognised as a Japanese Public Key Infrastructure (JPKI) certificate');
      await expectAccessible(page, testInfo, `sign-foreign-issuer-${locale}`);
      await screenshot(page, 'flow-06c-sign-foreign-issuer', locale, 'desktop');
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, 'flow-06c-sign-foreign-issuer', locale, 'phone');
    });
  }
});
