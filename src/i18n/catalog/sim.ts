import type { Catalog } from '../types';

// Strings of the sim domain. Keys: `error.<code>` for LensError codes, `sim.<what>` otherwise.
export const simCatalog: Catalog = {
  ja: {
    'error.sim-card-removed': '仮想カードが取り外されています。',
  },
  en: {
    'error.sim-card-removed': 'The virtual card has been removed.',
  },
};
