/**
 * Issue 14's e2e, on the SCR3310-NTTCom and RC-S380 doubles: the login proof (a wrong PIN once, then the
 * right one; PKCS#1 v1.5 and PSS verified in the page), signing a file → the .p7s downloaded → verified
 * in the app and with openssl; tampered content and an openssl-made attached CMS; the kit's bundle
 * downloaded and equal to the pinned roots; the acceptance check (demo: test roots trusted). Typed PINs
 * and the file's content appear nowhere (storage, console, diagnostics); the harness fails any test on
 * a request off the origin. Screenshots ja/en, desktop and phone.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, appReady, expectAccessible, findSecrets, screenshot, withLocale, VIEWPORTS } from '../harness';
import { expectSecretsNowhere, overviewCounters, pinVerifies, recordConsole, storedEverywhere } from './flow-helpers';

const REPO = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(REPO, 'tests/fixtures/jpki-test');
const CA_DIR = resolve(REPO, '../shared/corpus/jpki-ca');
const CONTENT_MARKER = 'KEYS-E2E-CONTENT-7f3a';
// PINs that occur nowhere by chance (not the documented defaults, which are in the demo's code).
const AUTH_PIN = '4821';
const WRONG_PIN = '5307';
const SIGN_PASSWORD = 'HAYAKU7KAERU';
const CONTENT = Buffer.from(`${CONTENT_MARKER}\r\n契約書 — 署名のテスト\n`);

function openssl(args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { code: err.status ?? -1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

async function connect(page: Page, locale: 'ja' | 'en'): Promise<void> {
  await withLocale(page, locale);
  await page.goto('/');
  await appReady(page);
  await page.getByTestId('connect').click();
  await overviewCounters(page);
}

async function enterPin(page: Page, pin: string): Promise<void> {
  const input = page.getByTestId('pin-dialog').locator('input[name="pin"]');
  await input.fill(pin);
  await input.press('Enter');
}

async function cardCommands(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.__jpkiLensSim?.card(0)?.log ?? []).map((e) => e.command));
}

const cases = [
  { profile: 'scr3310-nttcom', locales: ['ja', 'en'] },
  { profile: 'rcs380', locales: ['en'] },
] as const;

for (const { profile, locales } of cases) {
  test.describe(`use the keys on the ${profile} double`, () => {
    test.use({ sim: { devices: [{ profile, card: { pins: { auth: AUTH_PIN, sign: SIGN_PASSWORD } } }], chooser: 'first' } });

    for (const locale of locales) {
      test(`login proof, sign a file, verify it, the kit (${locale})`, async ({ page, guard }, testInfo) => {
        test.setTimeout(180_000);
        const shots = profile === 'scr3310-nttcom';
        const logged = recordConsole(page);
        await connect(page, locale);

        // ---- the overview of the key pages
        await page.evaluate(() => (location.hash = '#/keys'));
        await expect(page.getByTestId('open-login')).toBeVisible({ timeout: 15_000 });
        if (shots) {
          await expectAccessible(page, testInfo, `keys-${locale}`);
          await screenshot(page, 'keys-01-overview', locale, 'desktop');
          await page.setViewportSize(VIEWPORTS.phone);
          await screenshot(page, 'keys-01-overview', locale, 'phone');
          await page.setViewportSize(VIEWPORTS.desktop);
        }

        // ---- login proof: a wrong PIN once, then the right one
        await page.getByTestId('open-login').click();
        await page.getByTestId('proof-start').click();
        const dialog = page.getByTestId('pin-dialog');
        await expect(dialog.getByTestId('pin-tries')).toContainText('3');
        await enterPin(page, WRONG_PIN);
        await expect(dialog.getByTestId('pin-field-error')).toHaveAttribute('data-code', 'pin-wrong');
        await expect(dialog.getByTestId('pin-tries')).toContainText('2');
        expect(await pinVerifies(page)).toHaveLength(1);
        await enterPin(page, AUTH_PIN);
        const result = page.getByTestId('proof-result');
        await expect(result).toBeVisible({ timeout: 20_000 });
        await expect(result.getByTestId('proof-pkcs1-v1_5')).toHaveAttribute('data-valid', 'true');
        await expect(result.getByTestId('proof-pss')).toHaveAttribute('data-valid', 'true');
        expect(await pinVerifies(page)).toHaveLength(2); // the PSS attempt sent no PIN of its own
        const commands = await cardCommands(page);
        expect(commands.some((c) => c.startsWith('80 2A 00 80 33 30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20'))).toBe(true);
        expect(commands.some((c) => c.startsWith('80 2A 04 80 20'))).toBe(true);
        if (shots) {
          await expectAccessible(page, testInfo, `keys-login-${locale}`);
          await screenshot(page, 'keys-02-login-proof', locale, 'desktop');
          await page.setViewportSize(VIEWPORTS.phone);
          await screenshot(page, 'keys-02-login-proof', locale, 'phone');
          await page.setViewportSize(VIEWPORTS.desktop);
        }

        // ---- sign a file
        await page.evaluate(() => (location.hash = '#/keys/sign'));
        await page.getByTestId('sign-file-input').setInputFiles({ name: 'contract.txt', mimeType: 'text/plain', buffer: CONTENT });
        await expect(page.getByTestId('sign-digest')).toHaveText(createHash('sha256').update(CONTENT).digest('hex'), { timeout: 15_000 });
        await page.getByTestId('sign-start').click();
        await expect(dialog.getByTestId('pin-tries')).toContainText('5');
        await enterPin(page, SIGN_PASSWORD);
        await expect(page.getByTestId('sign-done')).toBeVisible({ timeout: 20_000 });
        if (shots) {
          await expectAccessible(page, testInfo, `keys-sign-${locale}`);
          await screenshot(page, 'keys-03-signed', locale, 'desktop');
          await page.setViewportSize(VIEWPORTS.phone);
          await screenshot(page, 'keys-03-signed', locale, 'phone');
          await page.setViewportSize(VIEWPORTS.desktop);
        }
        const downloadP7s = page.waitForEvent('download');
        await page.getByTestId('sign-download').click();
        const p7sDownload = await downloadP7s;
        expect(p7sDownload.suggestedFilename()).toBe('contract.txt.p7s');
        const dir = mkdtempSync(join(tmpdir(), 'keys-e2e-'));
        const p7sPath = join(dir, 'contract.txt.p7s');
        await p7sDownload.saveAs(p7sPath);
        writeFileSync(join(dir, 'contract.txt'), CONTENT);
        openssl(['x509', '-inform', 'DER', '-in', join(FIXTURES, 'sign-ca.der'), '-out', join(dir, 'sign-ca.pem')]);
        const verified = openssl(['cms', '-verify', '-binary', '-content', join(dir, 'contract.txt'), '-inform', 'DER', '-in', p7sPath, '-CAfile', join(dir, 'sign-ca.pem'), '-out', '/dev/null']);
        expect(verified.code, verified.out).toBe(0);

        // ---- verify it in the app (the test hierarchy is not trusted outside demo mode: honest "untrusted root")
        await page.getByTestId('sign-verify-here').click();
        await expect(page).toHaveURL(/#\/keys\/verify$/);
        await page.getByTestId('verify-start').click();
        const vr = page.getByTestId('verify-result');
        await expect(vr).toHaveAttribute('data-valid', 'true', { timeout: 20_000 });
        await expect(vr).toHaveAttribute('data-chain', 'invalid');
        await expect(vr.getByTestId('verify-time')).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
        await expect(vr.locator('jpki-certificate-view')).toHaveCount(0); // personal data only on request
        await vr.getByTestId('verify-show-signer').click();
        await expect(vr.locator('jpki-certificate-view [role="tabpanel"]')).toBeVisible({ timeout: 15_000 });
        if (shots) {
          await expectAccessible(page, testInfo, `keys-verify-${locale}`);
          await screenshot(page, 'keys-04-verified', locale, 'desktop');
          await page.setViewportSize(VIEWPORTS.phone);
          await screenshot(page, 'keys-04-verified', locale, 'phone');
          await page.setViewportSize(VIEWPORTS.desktop);
        }

        // the downloaded .p7s with a changed file: digest mismatch
        const tampered = Buffer.from(CONTENT);
        tampered[0] ^= 1;
        await page.getByTestId('verify-signature-input').setInputFiles(p7sPath);
        await page.getByTestId('verify-content-input').setInputFiles({ name: 'contract.txt', mimeType: 'text/plain', buffer: tampered });
        await page.getByTestId('verify-start').click();
        await expect(vr).toHaveAttribute('data-valid', 'false', { timeout: 20_000 });
        await expect(vr.locator('[data-problem="digest-mismatch"]')).toBeVisible();

        // an attached CMS made by openssl cms -sign -nodetach
        openssl(['x509', '-inform', 'DER', '-in', join(FIXTURES, 'ordinary/sign.der'), '-out', join(dir, 's.pem')]);
        openssl(['pkey', '-inform', 'DER', '-in', join(FIXTURES, 'ordinary/sign.key.p8'), '-out', join(dir, 'k.pem')]);
        const made = openssl(['cms', '-sign', '-binary', '-nodetach', '-in', join(dir, 'contract.txt'), '-signer', join(dir, 's.pem'), '-inkey', join(dir, 'k.pem'), '-outform', 'DER', '-out', join(dir, 'attached.p7m')]);
        expect(made.code, made.out).toBe(0);
        await page.getByTestId('verify-content-input').setInputFiles([]);
        await page.getByTestId('verify-signature-input').setInputFiles(join(dir, 'attached.p7m'));
        await page.getByTestId('verify-start').click();
        await expect(vr).toHaveAttribute('data-valid', 'true', { timeout: 20_000 });

        // ---- the kit: the bundle equals the pinned roots; the card's certificate is checked
        await page.evaluate(() => (location.hash = '#/keys/kit'));
        const downloadBundle = page.waitForEvent('download');
        await page.getByTestId('kit-bundle').click();
        const bundle = await downloadBundle;
        expect(bundle.suggestedFilename()).toBe('jpki-auth-ca-bundle.pem');
        const bundlePath = join(dir, 'bundle.pem');
        await bundle.saveAs(bundlePath);
        const blocks = [...readFileSync(bundlePath, 'utf8').matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)]
          .map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
        expect(blocks.map((b) => createHash('sha256').update(b).digest('hex'))).toEqual(
          ['authca03.cer', 'authca02.cer', 'authca01.cer'].map((f) => createHash('sha256').update(readFileSync(join(CA_DIR, f))).digest('hex')),
        );
        await page.getByTestId('kit-check-card').click();
        // A server with the real J-LIS bundle refuses the virtual card's JPKI-TEST certificate.
        await expect(page.getByTestId('kit-result')).toHaveAttribute('data-accepted', 'false');
        await expect(page.locator('[data-check="chain"] jpki-badge')).toHaveAttribute('tone', 'danger');
        await expect(page.locator('[data-check="client-auth"] jpki-badge')).toHaveAttribute('tone', 'success');

        // ---- nothing typed or read is kept
        const stored = await storedEverywhere(page);
        expect(stored).not.toContain(CONTENT_MARKER);
        expect(logged.join('\n')).not.toContain(CONTENT_MARKER);
        await expectSecretsNowhere(page, [WRONG_PIN, AUTH_PIN, SIGN_PASSWORD], logged);
        expect(await findSecrets(page, guard, [WRONG_PIN, AUTH_PIN, SIGN_PASSWORD, CONTENT_MARKER])).toEqual([]);
      });
    }
  });
}

test.describe('the kit in demo mode (the JPKI-TEST roots are trusted there)', () => {
  for (const locale of ['ja', 'en'] as const) {
    test(`the card's auth certificate is accepted and the snippets carry its fingerprint (${locale})`, async ({ page }, testInfo) => {
      await withLocale(page, locale);
      await page.goto('/');
      await appReady(page);
      await page.getByTestId('demo').click();
      await overviewCounters(page);
      await page.evaluate(() => (location.hash = '#/keys/kit'));
      await page.getByTestId('kit-check-card').click();
      const result = page.getByTestId('kit-result');
      await expect(result).toHaveAttribute('data-accepted', 'true');
      const sha1 = createHash('sha1').update(readFileSync(join(FIXTURES, 'ordinary/auth.der'))).digest('hex');
      await expect(page.getByTestId('kit-sha1')).toHaveText(sha1);
      await page.getByTestId('kit-snippet-nginx').locator('summary').click();
      await expect(page.getByTestId('kit-snippet-nginx').locator('pre')).toContainText(`${sha1} 1;`);
      await expect(page.getByTestId('kit-sources').locator('li')).toHaveCount(17);
      await expectAccessible(page, testInfo, `keys-kit-${locale}`);
      await screenshot(page, 'keys-05-kit', locale, 'desktop');
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, 'keys-05-kit', locale, 'phone');
    });
  }
});

test('verifying a signature works offline (the keys chunk is precached)', async ({ page, context, guard }) => {
  const dir = mkdtempSync(join(tmpdir(), 'keys-offline-'));
  writeFileSync(join(dir, 'f.txt'), CONTENT);
  openssl(['x509', '-inform', 'DER', '-in', join(FIXTURES, 'ordinary/sign.der'), '-out', join(dir, 's.pem')]);
  openssl(['pkey', '-inform', 'DER', '-in', join(FIXTURES, 'ordinary/sign.key.p8'), '-out', join(dir, 'k.pem')]);
  const made = openssl(['cms', '-sign', '-binary', '-in', join(dir, 'f.txt'), '-signer', join(dir, 's.pem'), '-inkey', join(dir, 'k.pem'), '-outform', 'DER', '-out', join(dir, 'f.txt.p7s')]);
  expect(made.code, made.out).toBe(0);
  await withLocale(page, 'en');
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-sw', 'activated', { timeout: 20_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
  guard.allow(/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/);
  await page.goto('/?from=home-screen#/keys/verify'); // a full navigation, served by the SW; the never-loaded keys chunk comes from the precache
  await appReady(page);
  await page.getByTestId('verify-signature-input').setInputFiles(join(dir, 'f.txt.p7s'));
  await page.getByTestId('verify-content-input').setInputFiles(join(dir, 'f.txt'));
  await page.getByTestId('verify-start').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-valid', 'true', { timeout: 20_000 });
  await context.setOffline(false);
});
