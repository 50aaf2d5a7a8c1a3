// Shared by the pki tests: every fixture certificate and every real root, and an openssl runner.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
export const ROOTS_DIR = resolve(REPO, '../shared/corpus/jpki-ca');
export const FIXTURES = join(REPO, 'tests/fixtures/jpki-test');

function derFiles(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...derFiles(p, ext));
    else if (ext.test(f)) out.push(p);
  }
  return out;
}

export const ROOT_FILES = derFiles(ROOTS_DIR, /\.cer$/);
export const FIXTURE_CERTS = derFiles(FIXTURES, /\.der$/);
export const FIXTURE_CRLS = derFiles(FIXTURES, /\.crl$/);
export const ALL_CERTS = [...ROOT_FILES, ...FIXTURE_CERTS];

export function read(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export function openssl(args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8' });
}

export function rel(path: string): string {
  return path.startsWith(REPO) ? path.slice(REPO.length + 1) : path.replace(resolve(REPO, '..'), '..');
}
