/**
 * Every LensError code thrown anywhere in src/ has its `error.<code>` text in both languages.
 * Scans the source text, so a code added anywhere is checked without registering it; the failure
 * lists every missing key at once.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { hasMessage } from '../../../src/i18n';

const SRC = resolve(import.meta.dirname, '../../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** `new LensError('code'`, `new LensError("code"` and `new LensError(\`code\`` without interpolation. */
const STATIC_CODE = /\bLensError\(\s*(['"`])([a-z0-9][a-z0-9-]*)\1/g;

function thrownCodes(): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const file of tsFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATIC_CODE)) {
      const code = m[2];
      const line = text.slice(0, m.index).split('\n').length;
      where.set(code, [...(where.get(code) ?? []), `${relative(SRC, file)}:${line}`]);
    }
  }
  return where;
}

describe('error texts', () => {
  it('finds the codes (the scan itself works)', () => {
    const codes = thrownCodes();
    expect(codes.has('store-backup-invalid')).toBe(true);
    expect(codes.has('store-unavailable')).toBe(true);
  });

  it('every LensError code thrown in src/ has error.<code> in ja and en', () => {
    const missing: string[] = [];
    for (const [code, places] of [...thrownCodes()].sort(([a], [b]) => a.localeCompare(b))) {
      const langs = (['ja', 'en'] as const).filter((l) => !hasMessage(`error.${code}`, l));
      if (langs.length) missing.push(`error.${code} (missing ${langs.join('+')}) — thrown at ${places.join(', ')}`);
    }
    expect(missing, `${missing.length} error code(s) without text:\n${missing.join('\n')}`).toEqual([]);
  });
});
