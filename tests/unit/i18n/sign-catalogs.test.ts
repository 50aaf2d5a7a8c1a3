/**
 * The sign domain's lazily registered catalogs (sign-ui.ts, sign-kit.ts: not in `catalogs`, so the
 * general catalog test does not see them): same keys in ja and en, no empty text, same placeholders,
 * no key shared with an eager catalog, and every static `t('sign.…')` key the sign code uses exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../src/i18n';
import { signKitCatalog } from '../../../src/i18n/catalog/sign-kit';
import { signUiCatalog } from '../../../src/i18n/catalog/sign-ui';

const LAZY = { 'sign-ui': signUiCatalog, 'sign-kit': signKitCatalog };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
const SRC = resolve(import.meta.dirname, '../../../src');

describe('sign catalogs registered lazily', () => {
  for (const [name, c] of Object.entries(LAZY)) {
    it(`${name}: the same keys in ja and en, none empty, placeholders equal`, () => {
      expect(Object.keys(c.ja).sort()).toEqual(Object.keys(c.en).sort());
      const problems: string[] = [];
      for (const [k, ja] of Object.entries(c.ja)) {
        const en = c.en[k] ?? '';
        if (!ja.trim() || !en.trim()) problems.push(`${k}: empty`);
        if (placeholders(ja) !== placeholders(en)) problems.push(`${k}: {${placeholders(ja)}} vs {${placeholders(en)}}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('no key is also in an eager catalog or in the other lazy one', () => {
    const eager = new Set(catalogs.flatMap((c) => Object.keys(c.en)));
    const ui = Object.keys(signUiCatalog.en);
    const kit = Object.keys(signKitCatalog.en);
    expect([...ui, ...kit].filter((k) => eager.has(k))).toEqual([]);
    expect(ui.filter((k) => kit.includes(k))).toEqual([]);
  });

  it("every static t('sign.…') key in the sign code has a text", () => {
    const files = [
      ...readdirSync(join(SRC, 'app/sign')).map((f) => join(SRC, 'app/sign', f)),
      ...readdirSync(join(SRC, 'sign/kit')).map((f) => join(SRC, 'sign/kit', f)),
      join(SRC, 'cli/sign-commands.ts'),
    ];
    const known = new Set([...Object.keys(signUiCatalog.en), ...Object.keys(signKitCatalog.en), ...catalogs.flatMap((c) => Object.keys(c.en))]);
    const used = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/['`](sign\.[a-z0-9.-]+[a-z0-9])['`]/g)].map((m) => m[1] ?? ''));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
