// Unit tests read texts in both languages (t(key, params, 'en'), tBoth, the catalog checks): load
// both catalogs once before any test file runs (they are lazy chunks in the app, src/i18n).
import { LOCALES, loadLocales } from '../../../src/i18n';

await loadLocales(LOCALES);
