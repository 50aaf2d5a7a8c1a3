/**
 * tools/split-catalogs.ts: an old-shape catalog (`{ ja: {…}, en: {…} }`) becomes one file per language
 * with the same text (comments, quotes, tricky strings kept), the registries list every domain, and a
 * second run changes nothing (the lead re-runs it after merging other branches' new catalogs).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitCatalogText, splitCatalogs } from '../../../tools/split-catalogs';

const OLD = `import type { Catalog } from '../types';

// Strings of the demo domain. Keys: \`demo.<what>\`.
export const demoCatalog: Catalog = {
  ja: {
    'demo.brace': '{count} 件 } の { 括弧',
    // a comment with ja: { inside
    'demo.quote': "it's \\"quoted\\" en: {",
    'demo.escaped': 'a \\' b',
  },
  en: {
    'demo.brace': '{count} items } with { braces',
    // a comment with en: { inside
    'demo.quote': "it's \\"quoted\\" ja: {",
    'demo.escaped': 'a \\' b',
  },
};
`;

function run(dir: string) {
  return splitCatalogs(dir);
}

describe('split-catalogs', () => {
  it('finds the two objects by their braces, skipping strings and comments', () => {
    const s = splitCatalogText(OLD);
    expect(s.header).toEqual(['// Strings of the demo domain. Keys: `demo.<what>`.']);
    expect(s.ja).toContain("'demo.brace': '{count} 件 } の { 括弧',");
    expect(s.ja).toContain('// a comment with ja: { inside');
    expect(s.ja).not.toContain('items');
    expect(s.en).toContain("'demo.brace': '{count} items } with { braces',");
    expect(s.en).not.toContain('括弧');
  });

  it('writes <domain>/ja.ts and en.ts whose objects equal the old ones, removes the old file, lists it in both registries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'split-catalogs-'));
    try {
      writeFileSync(join(dir, 'demo.ts'), OLD);
      writeFileSync(join(dir, 'other-thing.ts'), OLD.replace('demoCatalog', 'otherThingCatalog').replaceAll("'demo.", "'other."));
      const r = run(dir);
      expect(r.converted).toEqual(['demo', 'other-thing']);
      expect(existsSync(join(dir, 'demo.ts'))).toBe(false);
      expect(readdirSync(join(dir, 'demo')).sort()).toEqual(['en.ts', 'ja.ts']);
      // The new files are real modules with the same objects as the old file's (types resolved from a stub).
      writeFileSync(join(dir, '..', 'types.ts'), 'export type Messages = Readonly<Record<string, string>>;\n');
      const oldModule = join(dir, 'old-demo.mjs');
      writeFileSync(oldModule, OLD.replace(/^import.*$/m, '').replace(': Catalog', ''));
      const old = ((await import(oldModule)) as { demoCatalog: { ja: object; en: object } }).demoCatalog;
      const jaNew = ((await import(join(dir, 'demo/ja.ts'))) as { messages: object }).messages;
      const enNew = ((await import(join(dir, 'demo/en.ts'))) as { messages: object }).messages;
      expect(jaNew).toEqual(old.ja);
      expect(enNew).toEqual(old.en);
      const registry = readFileSync(join(dir, 'ja.ts'), 'utf8');
      expect(registry).toContain("import { messages as demo } from './demo/ja';");
      expect(registry).toContain("import { messages as otherThing } from './other-thing/ja';");
      expect(readFileSync(join(dir, 'en.ts'), 'utf8')).toContain("['other-thing', otherThing],");
      rmSync(join(dir, '..', 'types.ts'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is idempotent: a second run changes no file; an old file merged in later is converted and replaces its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'split-catalogs-'));
    try {
      writeFileSync(join(dir, 'demo.ts'), OLD);
      run(dir);
      const again = run(dir);
      expect(again.converted).toEqual([]);
      expect(again.changed).toEqual([]);
      // A branch that still added a key to the old-shape file, merged after the split:
      writeFileSync(join(dir, 'demo.ts'), OLD.replace("'demo.escaped': 'a \\' b',\n  },", "'demo.escaped': 'a \\' b',\n    'demo.added': '追加',\n  },").replace("'demo.escaped': 'a \\' b',\n  },\n};", "'demo.escaped': 'a \\' b',\n    'demo.added': 'added',\n  },\n};"));
      const merged = run(dir);
      expect(merged.replaced).toEqual(['demo']);
      expect(readFileSync(join(dir, 'demo/ja.ts'), 'utf8')).toContain("'demo.added': '追加',");
      expect(readFileSync(join(dir, 'demo/en.ts'), 'utf8')).toContain("'demo.added': 'added',");
      expect(splitCatalogs(dir, { check: true }).changed).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the repository is converted: --check finds nothing to do', () => {
    expect(splitCatalogs(join(import.meta.dirname, '../../../src/i18n/catalog'), { check: true }).changed).toEqual([]);
  });
});
