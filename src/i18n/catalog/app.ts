import type { Catalog } from '../types';

// Strings of the app domain. Keys: `error.<code>` for LensError codes, `app.<what>` otherwise.
export const appCatalog: Catalog = {
  ja: {},
  en: {},
};
