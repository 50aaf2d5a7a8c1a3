/**
 * The sign domains (sign, sign-ui, sign-kit) are ordinary per-language catalogs now (the general catalog
 * test compares their languages key by key): here, that every static `t('sign.…')` key the sign code
 * uses has a text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, loadLocales, loadedDomains } from '../../../src/i18n';

const SRC = resolve(import.meta.dirname, '../../../src');

describe('sign catalogs', () => {
  beforeAll(() => loadLocales(LOCALES));

  it("every static t('sign.…') key in the sign code has a text in ja and en", () => {
    const files = [
      ...readdirSync(join(SRC, 'app/sign')).map((f) => join(SRC, 'app/sign', f)),
      ...readdirSync(join(SRC, 'sign/kit')).map((f) => join(SRC, 'sign/kit', f)),
      join(SRC, 'cli/sign-commands.ts'),
    ];
    const used = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/['`](sign\.[a-z0-9.-]+[a-z0-9])['`]/g)].map((m) => m[1] ?? ''));
    expect(used.length).toBeGreaterThan(50);
    for (const locale of LOCALES) {
      const known = new Set(loadedDomains(locale).flatMap(([, messages]) => Object.keys(messages)));
      expect(used.filter((k) => !known.has(k))).toEqual([]);
    }
  });
});
