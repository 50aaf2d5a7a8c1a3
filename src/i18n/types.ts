export type Locale = 'ja' | 'en';
export const LOCALES: readonly Locale[] = ['ja', 'en'];
/** Flat key → text. Placeholders are `{name}`; keys are dotted (`error.pin-blocked`, `app.title`). */
export type Messages = Readonly<Record<string, string>>;
/** One domain's strings in both languages; a unit test checks both have the same keys. */
export interface Catalog {
  readonly ja: Messages;
  readonly en: Messages;
}
