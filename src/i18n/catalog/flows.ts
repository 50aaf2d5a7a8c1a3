import type { Catalog } from '../types';

// Strings of the app flows (src/app/reader, card, certificate, pin, mynumber, library, diagnostics —
// the app-flows issue), kept apart from the shell's app.ts so both can grow without touching each
// other. Keys: `error.<code>` for LensError codes, `app.flows.<what>` otherwise.
export const flowsCatalog: Catalog = {
  ja: {},
  en: {},
};
