/**
 * The CSP meta in index.html, directive by directive: script-src is 'self' plus exactly
 * 'wasm-unsafe-eval' (for the JPEG 2000 decoder's WebAssembly, src/image) — never 'unsafe-eval' or
 * 'unsafe-inline' anywhere. The e2e suite checks the built page and what the browser enforces.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const html = readFileSync(resolve(import.meta.dirname, '../../../index.html'), 'utf8');
const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
const directives = new Map(
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0])
    .map(([name, ...sources]) => [name, sources] as const),
);

describe('index.html CSP', () => {
  it('has a CSP meta', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it("script-src is 'self' 'wasm-unsafe-eval' and nothing else", () => {
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it("no directive allows 'unsafe-eval' or 'unsafe-inline'", () => {
    for (const [name, sources] of directives) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });

  it('connect-src stays same-origin (the decoder’s .wasm is fetched from the app itself)', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});
