// `npm run bench`: runs every bench/*.bench.ts in turn and prints their reports. Speed and size
// targets are checked here, never in timed test assertions.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { LOCALES, loadLocales } from '../src/i18n';

// Benches render texts in both languages; the catalogs are lazy chunks (src/i18n).
await loadLocales(LOCALES);
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
for (const f of files) {
  console.log(`\n=== ${f}`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run?: () => Promise<void> | void };
  if (typeof mod.run !== 'function') throw new Error(`${f} exports no run()`);
  await mod.run();
}
