// Shared by the sign tests: fixtures, a scratch directory and an openssl runner that never throws.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/jpki-test');

export function fixture(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, rel)));
}

export interface Scratch {
  readonly dir: string;
  write(name: string, data: Uint8Array | string): string;
  read(name: string): Uint8Array;
  path(name: string): string;
}

export function scratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'lens-sign-'));
  return {
    dir,
    write(name, data) {
      const p = join(dir, name);
      writeFileSync(p, data);
      return p;
    },
    read: (name) => new Uint8Array(readFileSync(join(dir, name))),
    path: (name) => join(dir, name),
  };
}

export interface OpensslResult {
  readonly code: number;
  readonly out: string;
}

/** Runs openssl; stdout and stderr together, with the exit code. */
export function openssl(args: readonly string[], cwd?: string): OpensslResult {
  const r = spawnSync('openssl', [...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}
