// Strings of the sim domain. Keys: `error.<code>` for LensError codes, `sim.<what>` otherwise.
// English strings of the sim domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.sim-card-removed': 'The virtual card has been removed.',
};
