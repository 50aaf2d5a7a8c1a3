import type { Catalog } from '../types';

// Strings of the sim domain. Keys: `error.<code>` for LensError codes, `sim.<what>` otherwise.
export const simCatalog: Catalog = {
  ja: {},
  en: {},
};
