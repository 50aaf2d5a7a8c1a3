// verify-signature and client-auth-bundle through `npx tsx src/cli/main.ts`, on CMS files openssl made.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, openssl, scratch } from '../sign/helpers';

const REPO = resolve(import.meta.dirname, '../../..');

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI signature commands', { timeout: 120_000 }, () => {
  const s = scratch();
  beforeAll(() => {
    s.write('f.txt', 'JPKI Lens CLI\n');
    s.write('s.der', fixture('ordinary/sign.der'));
    s.write('k.p8', fixture('ordinary/sign.key.p8'));
    openssl(['x509', '-inform', 'DER', '-in', s.path('s.der'), '-out', s.path('s.pem')]);
    openssl(['pkey', '-inform', 'DER', '-in', s.path('k.p8'), '-out', s.path('k.pem')]);
    for (const [out, extra] of [['d.p7s', []], ['a.p7s', ['-nodetach']]] as const) {
      const r = openssl(['cms', '-sign', '-binary', '-in', s.path('f.txt'), '-signer', s.path('s.pem'), '-inkey', s.path('k.pem'), '-outform', 'DER', '-out', s.path(out), ...extra]);
      expect(r.code, r.out).toBe(0);
    }
    openssl(['cms', '-sign', '-binary', '-in', s.path('f.txt'), '-signer', s.path('s.pem'), '-inkey', s.path('k.pem'), '-outform', 'PEM', '-out', s.path('d.pem')]);
  });

  it('verify-signature X.p7s FILE: valid with the test roots (exit 0), chain not verified without them (exit 1)', () => {
    const ok = cli('verify-signature', s.path('d.p7s'), s.path('f.txt'), '--trust-test-roots');
    expect(ok.out).toContain('signature: valid (detached)');
    expect(ok.out).toContain('chain: verified (jpki-test/sign-ca.der)');
    expect(ok.out).toMatch(/signing time \(the signer's claim, not a time-stamp\): \d{4}-/);
    expect(ok.code).toBe(0);
    const untrusted = cli('verify-signature', s.path('d.p7s'), s.path('f.txt'));
    expect(untrusted.code).toBe(1);
    expect(untrusted.out).toContain('problem: chain-invalid');
  });

  it('an attached CMS needs no FILE; a PEM CMS is read too; --json has the result', () => {
    const a = cli('verify-signature', s.path('a.p7s'), '--trust-test-roots', '--json');
    expect(a.code).toBe(0);
    const j = JSON.parse(a.out) as { signatureValid: boolean; attached: boolean; problems: string[] };
    expect(j).toMatchObject({ signatureValid: true, attached: true, problems: [] });
    expect(cli('verify-signature', s.path('d.pem'), s.path('f.txt'), '--trust-test-roots').code).toBe(0);
  });

  it('a changed file fails with exit 1 and the digest problem', () => {
    s.write('g.txt', 'JPKI Lens CLI!\n');
    const r = cli('verify-signature', s.path('d.p7s'), s.path('g.txt'), '--trust-test-roots');
    expect(r.code).toBe(1);
    expect(r.out).toContain('signature: INVALID');
    expect(r.out).toContain('problem: digest-mismatch');
  });

  it('client-auth-bundle prints the three 利用者証明用 CA generations; usage errors exit 2', () => {
    const r = cli('client-auth-bundle');
    expect(r.code).toBe(0);
    expect(r.out.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(3);
    expect(cli('client-auth-bundle', 'x').code).toBe(2);
    expect(cli('verify-signature').code).toBe(2);
  });
});
