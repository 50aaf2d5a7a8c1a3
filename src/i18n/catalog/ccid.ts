import type { Catalog } from '../types';

// Strings of the ccid domain. Keys: `error.<code>` for LensError codes, `ccid.<what>` otherwise.
export const ccidCatalog: Catalog = {
  ja: {},
  en: {},
};
