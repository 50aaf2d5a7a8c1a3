import type { Catalog } from '../types';

// Strings of the card domain. Keys: `error.<code>` for LensError codes, `card.<what>` otherwise.
export const cardCatalog: Catalog = {
  ja: {},
  en: {},
};
