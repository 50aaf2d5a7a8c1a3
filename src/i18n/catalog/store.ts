import type { Catalog } from '../types';

// Strings of the store domain. Keys: `error.<code>` for LensError codes, `store.<what>` otherwise.
export const storeCatalog: Catalog = {
  ja: {},
  en: {},
};
