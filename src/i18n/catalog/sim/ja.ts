// Strings of the sim domain. Keys: `error.<code>` for LensError codes, `sim.<what>` otherwise.
// Japanese strings of the sim domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.sim-card-removed': '仮想カードが取り外されています。',
};
