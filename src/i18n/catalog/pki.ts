import type { Catalog } from '../types';

// Strings of the pki domain. Keys: `error.<code>` for LensError codes, `pki.<what>` otherwise.
export const pkiCatalog: Catalog = {
  ja: {},
  en: {},
};
