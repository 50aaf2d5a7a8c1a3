import type { Catalog } from '../types';

// Strings of the sony domain. Keys: `error.<code>` for LensError codes, `sony.<what>` otherwise.
export const sonyCatalog: Catalog = {
  ja: {},
  en: {},
};
