// runCommand in-process (no tsx spawn): argument checks that must stop before any verification.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/cli/commands';
import { isLensError } from '../../../src/errors';

const REPO = resolve(import.meta.dirname, '../../..');
const read = (p: string) => new Uint8Array(readFileSync(resolve(REPO, p)));
const CERT = 'tests/fixtures/jpki-test/ordinary/auth.der';

async function errorCode(argv: string[]): Promise<string> {
  try {
    await runCommand(argv, read);
    return 'none';
  } catch (e) {
    return isLensError(e) ? e.code : 'other';
  }
}

describe('verify --at', () => {
  it.each(['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-01-01T24:00', '2024-01-01T12:60Z'])('refuses %s (not a calendar date/time) as usage', async (at) => {
    expect(await errorCode(['verify', CERT, '--at', at, '--trust-test-roots'])).toBe('pki-cli-usage');
  });
  it.each(['2024-02-29', '2026-06-01T09:00', '2026-06-01T09:00:00+09:00'])('accepts %s', async (at) => {
    const out = await runCommand(['verify', CERT, '--at', at, '--trust-test-roots'], read);
    expect(out.stdout).toMatch(/^chain: /);
  });
});
