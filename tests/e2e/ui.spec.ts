/**
 * The shared UI primitives that later screens build on, exercised in the real app page (and so under
 * its CSP): the modal dialog's focus, Escape and return value; the live notice's role.
 */
import { test, expect, appReady } from './harness';

test.use({ locale: 'en-US' });

test('jpki-dialog is a labelled modal: focus moves in, Escape dismisses with an empty return value', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.evaluate(() => {
    const d = document.createElement('jpki-dialog');
    d.heading = 'Confirm';
    d.id = 'probe';
    const p = document.createElement('p');
    p.textContent = 'Body text';
    const ok = document.createElement('button');
    ok.slot = 'actions';
    ok.textContent = 'OK';
    ok.addEventListener('click', () => d.close('ok'));
    d.append(p, ok);
    const w = window as unknown as { __closes: string[] };
    w.__closes = [];
    d.addEventListener('jpki-dialog-close', (e) => w.__closes.push((e as CustomEvent<{ returnValue: string }>).detail.returnValue));
    document.body.append(d);
    void d.show();
  });
  const dialog = page.getByRole('dialog', { name: 'Confirm' });
  await expect(dialog).toBeVisible();
  await expect(page.getByText('Body text')).toBeVisible(); // slotted content is not the dialog's DOM text
  // showModal moves focus into the dialog (its first focusable element, the slotted OK button).
  await expect(page.getByRole('button', { name: 'OK' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.evaluate(() => void document.querySelector('jpki-dialog')!.show());
  await expect(dialog).toBeVisible();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { __closes: string[] }).__closes)).toEqual(['', 'ok']);
});

test('a live danger notice is announced as an alert, a live info notice as a status', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.evaluate(() => {
    for (const tone of ['danger', 'info'] as const) {
      const n = document.createElement('jpki-notice');
      n.tone = tone;
      n.live = true;
      n.heading = `${tone} heading`;
      n.textContent = `${tone} body`;
      document.body.append(n);
    }
  });
  await expect(page.getByRole('alert')).toContainText('danger heading');
  await expect(page.getByRole('status').filter({ hasText: 'info heading' })).toBeVisible();
});
