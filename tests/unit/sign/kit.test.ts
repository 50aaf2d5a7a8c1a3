/**
 * The client-certificate kit: the bundle is exactly the pinned 利用者証明用 roots and openssl accepts
 * the real 2019 auth certificate with it; the local acceptance check agrees with
 * `openssl verify -purpose sslclient`; the snippets carry the card's allowlist values.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derFromFile, parsePem } from '../../../src/pki';
import { wouldServerAccept } from '../../../src/sign/kit/acceptance';
import { clientAuthBundle } from '../../../src/sign/kit/bundle';
import { apacheSnippet, nginxSnippet, synologySnippet } from '../../../src/sign/kit/snippets';
import { fixture, openssl, scratch } from './helpers';

const CA_DIR = resolve(import.meta.dirname, '../../../../shared/corpus/jpki-ca');
const REAL_AUTH_PEM = resolve(import.meta.dirname, '../../../../shared/corpus/real/jpki-auth-ee-cert-2019.pem');

function pemBlocks(text: string): Buffer[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
}

describe('client-auth CA bundle', () => {
  it('holds authca03, authca02, authca01 (newest first), byte-identical to the corpus files', () => {
    const blocks = pemBlocks(clientAuthBundle());
    const files = ['authca03.cer', 'authca02.cer', 'authca01.cer'].map((f) => readFileSync(join(CA_DIR, f)));
    expect(blocks).toHaveLength(3);
    blocks.forEach((b, i) => expect(b.equals(files[i])).toBe(true));
    expect(parsePem(clientAuthBundle())).toHaveLength(3);
  });

  it('the test bundle adds only the synthetic JPKI-TEST auth CA', () => {
    const blocks = pemBlocks(clientAuthBundle({ includeTest: true }));
    expect(blocks).toHaveLength(4);
    expect(blocks.some((b) => b.equals(Buffer.from(fixture('auth-ca.der'))))).toBe(true);
  });

  it('openssl verify -purpose sslclient accepts the real 2019 auth certificate with it (at 2020)', () => {
    const s = scratch();
    const bundle = s.write('bundle.pem', clientAuthBundle());
    const r = openssl(['verify', '-CAfile', bundle, '-purpose', 'sslclient', '-attime', String(Date.UTC(2020, 5, 1) / 1000), REAL_AUTH_PEM]);
    expect(r.out).toContain(': OK');
  });
});

describe('would a server with this bundle accept this card?', () => {
  it('the real 2019 auth certificate in 2020: accepted, generation 1, days left to 2024-05-02', async () => {
    const der = derFromFile(new Uint8Array(readFileSync(REAL_AUTH_PEM)));
    const r = await wouldServerAccept(der, { at: new Date('2020-06-01T00:00:00Z') });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.accepted).toBe(true);
    expect(r.generation).toBe(1);
    expect(r.entry.sha1).toBe('9e821d99c16d8d4d99e90c02f3cf7c3d08c1e419');
    expect(r.entry.subjectCn).toBe('840444E37PAFHN08220003A');
    expect(r.entry.serialHex).toBe('012D57CA');
    expect(r.daysLeft).toBe(Math.floor((Date.parse(r.entry.notAfter) - Date.parse('2020-06-01T00:00:00Z')) / 86_400_000));
  });

  it('the same certificate today: expired, not accepted (as openssl says)', async () => {
    const der = derFromFile(new Uint8Array(readFileSync(REAL_AUTH_PEM)));
    const r = await wouldServerAccept(der, { at: new Date('2026-12-01T00:00:00Z') });
    expect(r.accepted).toBe(false);
    expect(r.checks.find((c) => c.id === 'validity')).toMatchObject({ ok: false, key: 'sign.kit.check.expired' });
    const s = scratch();
    const o = openssl(['verify', '-CAfile', s.write('b.pem', clientAuthBundle()), '-purpose', 'sslclient', '-attime', String(Date.UTC(2026, 11, 1) / 1000), REAL_AUTH_PEM]);
    expect(o.out).toMatch(/expired/);
  });

  it('the virtual card\'s auth certificate is accepted only with the test root', async () => {
    const at = new Date('2026-12-01T00:00:00Z');
    expect((await wouldServerAccept(fixture('ordinary/auth.der'), { at })).accepted).toBe(false);
    const r = await wouldServerAccept(fixture('ordinary/auth.der'), { at, trustTestRoots: true });
    expect(r.accepted).toBe(true);
    expect(r.generation).toBe(0);
  });

  it('a 署名用 certificate is refused: it chains to the sign CA, not to a bundle CA', async () => {
    const r = await wouldServerAccept(fixture('ordinary/sign.der'), { at: new Date('2026-12-01T00:00:00Z'), trustTestRoots: true });
    expect(r.accepted).toBe(false);
    expect(r.checks.find((c) => c.id === 'chain')?.ok).toBe(false);
  });

  it('renewal is due within 90 days: still accepted, with the renewal note', async () => {
    const r = await wouldServerAccept(fixture('ordinary/auth.der'), { at: new Date('2030-02-01T00:00:00Z'), trustTestRoots: true });
    expect(r.accepted).toBe(true);
    expect(r.checks.find((c) => c.id === 'validity')?.key).toBe('sign.kit.check.renew-soon');
  });
});

describe('server snippets', () => {
  it('nginx, Apache and Synology carry the allowlist values and the TLS 1.2 listener', async () => {
    const r = await wouldServerAccept(fixture('ordinary/auth.der'), { trustTestRoots: true });
    const o = { entries: [r.entry] };
    const nginx = nginxSnippet(o);
    expect(nginx).toContain(`    ${r.entry.sha1} 1;`);
    expect(nginx).toContain('ssl_verify_client on;');
    expect(nginx).toMatch(/ssl_verify_depth 1;/);
    expect(nginx).toMatch(/ssl_protocols TLSv1\.2;/);
    expect(nginx).toContain('ssl_client_certificate /etc/nginx/tls/jpki-auth-ca-bundle.pem;');
    const apache = apacheSnippet(o);
    expect(apache).toContain(`%{SSL_CLIENT_M_SERIAL} == '${r.entry.serialHex}' && %{SSL_CLIENT_S_DN_CN} == '${r.entry.subjectCn}'`);
    expect(apache).toContain('SSLProtocol -all +TLSv1.2');
    const syno = synologySnippet(o);
    expect(syno).toContain('/usr/local/etc/nginx/sites-enabled/jpki-client-auth.conf');
    expect(syno).toContain(r.entry.sha1);
  });
});
