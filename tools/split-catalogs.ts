/**
 * Converts two-language i18n catalogs into one file per language, so that the app's first download
 * carries only the active language (issue 13 item 9) and the other is loaded on a switch.
 *
 *   old:  src/i18n/catalog/<domain>.ts          export const xCatalog: Catalog = { ja: {…}, en: {…} };
 *   new:  src/i18n/catalog/<domain>/ja.ts       export const messages: Messages = {…};
 *         src/i18n/catalog/<domain>/en.ts
 *         src/i18n/catalog/ja.ts, en.ts         the registries: every domain folder, generated here
 *
 * The objects are copied as text (comments, quotes and order kept), found by a scanner that skips
 * strings and comments. Idempotent: with no old-shape file left it only rewrites the registries, to
 * the same bytes. When an old-shape file and a folder of the same domain both exist (a branch that
 * still edited the old file was merged), the old file is the newer text: it replaces the folder.
 *
 *   npx tsx tools/split-catalogs.ts            # convert, write the registries, list what it did
 *   npx tsx tools/split-catalogs.ts --check    # exit 1 if anything would change (for CI or the lead)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LOCALES = ['ja', 'en'] as const;
type Lang = (typeof LOCALES)[number];

/** Index just past the string, template or comment starting at `i`, or `i` when none starts there. */
function skipNonCode(text: string, i: number): number {
  const c = text[i];
  if (c === '/' && text[i + 1] === '/') {
    const end = text.indexOf('\n', i);
    return end < 0 ? text.length : end;
  }
  if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    if (end < 0) throw new Error('unterminated comment');
    return end + 2;
  }
  if (c === "'" || c === '"' || c === '`') {
    let j = i + 1;
    while (j < text.length && text[j] !== c) {
      if (text[j] === '\\') j++;
      else if (c === '`' && text[j] === '$' && text[j + 1] === '{') throw new Error('template literal with ${…} in a catalog: convert it by hand');
      j++;
    }
    if (j >= text.length) throw new Error('unterminated string');
    return j + 1;
  }
  return i;
}

/** The `{ … }` that opens at `open`: the index of its matching `}`. */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; ) {
    const skipped = skipNonCode(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
    i++;
  }
  throw new Error('unbalanced braces');
}

/** Top-level property `name: {` of the object literal spanning (open, close): the body between its braces. */
function propertyBody(text: string, open: number, close: number, name: string): string {
  let depth = 0;
  for (let i = open + 1; i < close; ) {
    const skipped = skipNonCode(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && text.startsWith(name, i) && /[\s,{]/.test(text[i - 1] ?? ' ')) {
      const m = /^\s*:\s*\{/.exec(text.slice(i + name.length));
      if (m) {
        const brace = i + name.length + m[0].length - 1;
        return text.slice(brace + 1, matchBrace(text, brace));
      }
    }
    i++;
  }
  throw new Error(`no top-level "${name}: {" in the catalog`);
}

/**
 * The domain's description: the comment lines at the top of the file (imports skipped) and the comment
 * block right above `export const` (no blank line between) — not the comments inside helper objects,
 * which stay with their keys.
 */
function headerComment(text: string, exportAt: number): string[] {
  const lines = text.slice(0, exportAt).split('\n');
  const isComment = (l: string) => /^\s*(\/\/|\/\*|\*)/.test(l);
  const top: string[] = [];
  for (const l of lines) {
    if (isComment(l)) top.push(l);
    else if (l.trim() && !l.startsWith('import ')) break;
  }
  const above: string[] = [];
  let i = lines.length - 1;
  while (i >= 0 && !lines[i].trim()) i--;
  for (; i >= 0 && isComment(lines[i]); i--) above.unshift(lines[i]);
  return [...top, ...above.filter((l) => !top.includes(l))];
}

/** Lines without their common indentation, then indented by two spaces; blank lines at the ends dropped. */
function reindent(body: string): string {
  const lines = body.split('\n').map((l) => l.trimEnd());
  while (lines.length && !lines[0]) lines.shift();
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  const indent = Math.min(...lines.filter(Boolean).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => (l ? `  ${l.slice(indent)}` : '')).join('\n');
}

/** The body of a top-level `const name … = { … }` in the file (for catalogs built from spreads). */
function constBody(text: string, name: string): string {
  const m = new RegExp(`\\bconst\\s+${name}\\s*(?::[^=]+)?=\\s*\\{`).exec(text);
  if (!m) throw new Error(`spread ...${name}: no top-level const ${name} = { … } in the catalog`);
  const open = m.index + m[0].length - 1;
  return text.slice(open + 1, matchBrace(text, open));
}

/** An object body with every `...name` spread of a const object replaced by that object's entries. */
function expandSpreads(text: string, body: string): string {
  const segments: string[] = [];
  const marked = body.replace(/\.\.\.([A-Za-z_$][\w$]*)\s*,?/g, (_m, name: string) => {
    segments.push(reindent(expandSpreads(text, constBody(text, name))));
    return `\n@@spread-${segments.length - 1}@@\n`;
  });
  if (!segments.length) return reindent(body);
  return reindent(marked)
    .split('\n')
    .map((l) => {
      const m = /^\s*@@spread-(\d+)@@$/.exec(l);
      return m ? (segments[Number(m[1])] ?? '') : l;
    })
    .join('\n');
}

export interface SplitDomain {
  readonly header: string[];
  /** The object bodies, spreads expanded, indented by two spaces. */
  readonly ja: string;
  readonly en: string;
}

/** Parses an old-shape catalog file's text into its header and the two object bodies. */
export function splitCatalogText(text: string): SplitDomain {
  const m = /export\s+const\s+\w+\s*(?::\s*\w+\s*)?=\s*\{/.exec(text);
  if (!m) throw new Error('no `export const … = {` in the catalog');
  const open = m.index + m[0].length - 1;
  const close = matchBrace(text, open);
  return {
    header: headerComment(text, m.index),
    ja: expandSpreads(text, propertyBody(text, open, close, 'ja')),
    en: expandSpreads(text, propertyBody(text, open, close, 'en')),
  };
}

const LANG_NAME: Record<Lang, string> = { ja: 'Japanese', en: 'English' };

export function languageFile(domain: string, lang: Lang, split: SplitDomain): string {
  const other = lang === 'ja' ? 'en' : 'ja';
  const body = split[lang];
  return [
    ...split.header,
    `// ${LANG_NAME[lang]} strings of the ${domain} domain; ./${other}.ts has the same keys in ${LANG_NAME[other]} (a unit`,
    `// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.`,
    `import type { Messages } from '../../types';`,
    '',
    'export const messages: Messages = {',
    body,
    '};',
    '',
  ].join('\n');
}

const camel = (domain: string): string => domain.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

export function registryFile(lang: Lang, domains: readonly string[]): string {
  return [
    `// Every domain's ${LANG_NAME[lang]} strings: the chunk src/i18n loads when ${lang} is shown (the other language`,
    '// is another chunk, loaded on a switch). Generated by tools/split-catalogs.ts from the folders in',
    '// src/i18n/catalog/ — do not edit; add a domain as <domain>/ja.ts + <domain>/en.ts and run the tool.',
    "import type { Messages } from '../types';",
    ...domains.map((d) => `import { messages as ${camel(d)} } from './${d}/${lang}';`),
    '',
    'export const domains: readonly (readonly [string, Messages])[] = [',
    ...domains.map((d) => `  ['${d}', ${camel(d)}],`),
    '];',
    '',
  ].join('\n');
}

export interface SplitResult {
  readonly converted: string[];
  readonly replaced: string[];
  readonly domains: string[];
  readonly changed: string[];
}

/** Converts every old-shape catalog under `catalogDir` and rewrites the registries. */
export function splitCatalogs(catalogDir: string, options: { check?: boolean } = {}): SplitResult {
  const converted: string[] = [];
  const replaced: string[] = [];
  const changed: string[] = [];
  const write = (path: string, content: string): void => {
    if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
    changed.push(path);
    if (options.check) return;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  for (const name of readdirSync(catalogDir).sort()) {
    const path = join(catalogDir, name);
    const domain = name.replace(/\.ts$/, '');
    if (!name.endsWith('.ts') || (LOCALES as readonly string[]).includes(domain) || statSync(path).isDirectory()) continue;
    const split = splitCatalogText(readFileSync(path, 'utf8'));
    if (existsSync(join(catalogDir, domain))) replaced.push(domain);
    for (const lang of LOCALES) write(join(catalogDir, domain, `${lang}.ts`), languageFile(domain, lang, split));
    converted.push(domain);
    changed.push(path);
    if (!options.check) rmSync(path);
  }
  const domains = readdirSync(catalogDir)
    .filter((d) => statSync(join(catalogDir, d)).isDirectory() && LOCALES.every((l) => existsSync(join(catalogDir, d, `${l}.ts`))))
    .concat(options.check ? converted : [])
    .filter((d, i, all) => all.indexOf(d) === i)
    .sort();
  for (const lang of LOCALES) write(join(catalogDir, `${lang}.ts`), registryFile(lang, domains));
  return { converted, replaced, domains, changed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const check = process.argv.includes('--check');
  const r = splitCatalogs(join(root, 'src/i18n/catalog'), { check });
  for (const d of r.converted) console.log(`${check ? 'would convert' : 'converted'} ${d}.ts → ${d}/ja.ts + ${d}/en.ts`);
  for (const d of r.replaced) console.log(`  note: ${d}/ already existed; the old-shape ${d}.ts replaced it (the newer text)`);
  console.log(`registries: ${r.domains.length} domains (${r.domains.join(', ')})`);
  const index = readFileSync(join(root, 'src/i18n/index.ts'), 'utf8');
  const stale = [...index.matchAll(/from '\.\/catalog\/([\w-]+)'/g)].map((m) => m[1]).filter((d) => !(LOCALES as readonly string[]).includes(d));
  if (stale.length) console.log(`  warning: src/i18n/index.ts still imports old-shape catalogs (${stale.join(', ')}): remove those lines; the registries list every domain`);
  if (check && r.changed.length) {
    console.log(`${r.changed.length} file(s) would change`);
    process.exitCode = 1;
  }
}
