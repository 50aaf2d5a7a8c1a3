import type { Page } from '@playwright/test';

/** Start the app in a language as if the user had chosen it earlier (the remembered choice). */
export async function withLocale(page: Page, locale: 'ja' | 'en'): Promise<void> {
  await page.addInitScript((l) => {
    if (!localStorage.getItem('jpki-lens.locale')) localStorage.setItem('jpki-lens.locale', l);
  }, locale);
}
