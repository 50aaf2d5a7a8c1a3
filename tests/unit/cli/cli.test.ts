// The CLI as scripts use it: `npx tsx src/cli/main.ts …` in a child process, checking output and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const FX = 'tests/fixtures/jpki-test';
const ROOT = '../shared/corpus/jpki-ca/signca03.cer';

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function openssl(...args: string[]): string {
  return spawnSync('openssl', args, { cwd: REPO, encoding: 'utf8' }).stdout;
}

// Each spawn starts tsx (~1–3 s on a busy 2-core machine): generous per-test timeouts.
describe('jpki-lens CLI', { timeout: 120_000 }, () => {
  it('inspect --json prints the model (schema in src/cli/README.md)', () => {
    const r = cli('inspect', `${FX}/ordinary/sign.der`, '--json');
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out) as { serial: { hex: string }; jpki: { kind: string; personal: { name: string } }; fingerprints: { sha256: string } };
    expect(m.serial.hex).toBe('7E57B10001');
    expect(m.jpki.kind).toBe('sign');
    expect(m.jpki.personal.name).toBe('見本　太郎');
    expect(`sha256 Fingerprint=${m.fingerprints.sha256}\n`).toBe(openssl('x509', '-inform', 'DER', '-in', `${FX}/ordinary/sign.der`, '-noout', '-fingerprint', '-sha256'));
  });
  it('text accepts PEM and, without annotations, equals openssl x509 -text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const pem = join(dir, 'root.pem');
    writeFileSync(pem, openssl('x509', '-inform', 'DER', '-in', ROOT));
    const r = cli('text', pem, '--no-annotations');
    expect(r.code).toBe(0);
    expect(r.out).toBe(openssl('x509', '-in', pem, '-text', '-noout'));
  });
  it('asn1 equals openssl asn1parse; --strparse reaches into an extension', () => {
    expect(cli('asn1', ROOT, '--plain').out).toBe(openssl('asn1parse', '-i', '-inform', 'DER', '-in', ROOT));
    const san = cli('asn1', `${FX}/ordinary/sign.der`, '--strparse', '695');
    expect(san.code).toBe(0);
    expect(san.out).toContain(':JPKI date of birth');
  });
  it('verify: 0 verified (revocation not checked), 1 failed or revoked', () => {
    const ok = cli('verify', `${FX}/ordinary/auth.der`, '--trust-test-roots', '--at', '2026-06-01');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('chain: verified');
    expect(ok.out).toContain('revocation: not checked');
    expect(cli('verify', `${FX}/ordinary/auth.der`, '--at', '2026-06-01').code).toBe(1);
    const revoked = cli('verify', `${FX}/ordinary/auth-revoked.der`, '--trust-test-roots', '--crl', `${FX}/auth-ca.crl`, '--at', '2026-06-01');
    expect(revoked.code).toBe(1);
    expect(revoked.out).toContain('Revoked (2025-10-27T01:23:45Z) (superseded)');
    const expired = cli('verify', '../shared/corpus/jpki-ca/authca01.cer', '--at', '2026-01-01', '--json');
    expect(expired.code).toBe(1);
    expect((JSON.parse(expired.out) as { reasonParams: { date: string } }).reasonParams.date).toBe('2025-10-19T14:59:59Z');
  });
  it('verify: 0 with a CRL that does not list the serial, 4 when the CRL cannot establish revocation', () => {
    const good = cli('verify', `${FX}/ordinary/auth.der`, '--trust-test-roots', '--crl', `${FX}/auth-ca.crl`, '--at', '2029-12-01');
    expect(good.code).toBe(0);
    expect(good.out).toContain('revocation: Not listed in the CRL');
    expect(cli('verify', `${FX}/ordinary/auth.der`, '--trust-test-roots', '--crl', `${FX}/sign-ca.crl`, '--at', '2026-06-01').code).toBe(4);
  });
  it('2 for usage errors, 3 for bad input', () => {
    expect(cli().code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('inspect').code).toBe(2);
    expect(cli('verify', ROOT, '--at', 'yesterday').code).toBe(2);
    const missing = cli('inspect', 'no/such/file.der');
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('pki-file-unreadable');
    const notCert = cli('inspect', 'package.json');
    expect(notCert.code).toBe(3);
  });
  it('oids and bundle', () => {
    expect(cli('oids').out.split('\n')[0]).toBe('1.2.392.200149.8.5.5.1 jpkiName JPKI name');
    const b = cli('bundle', '--at', '2026-06-01');
    expect(b.code).toBe(0);
    // Valid on that date: authca03 and authca02 (pinned since it arrived in the corpus); authca01 expired.
    expect(b.out.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(b.out).toContain('authca03.cer');
    expect(b.out).toContain('authca02.cer');
  });
});
