// The library's pure parts: file reading (DER, PEM, bundles, bad files by name), list summaries and search.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainCertificate, toPem } from '../../../../src/pki';
import type { SavedCertificate } from '../../../../src/store';
import { certificatesFromFiles } from '../../../../src/app/library/file-import';
import { matches, summarise } from '../../../../src/app/library/entry-summary';

const FIX = resolve(import.meta.dirname, '../../../fixtures/jpki-test');
const read = (p: string) => new Uint8Array(readFileSync(resolve(FIX, p)));
const enc = (s: string) => new TextEncoder().encode(s);

describe('certificatesFromFiles', () => {
  it('takes DER as is and every CERTIFICATE block of a PEM bundle, byte-exact', () => {
    const auth = read('ordinary/auth.der');
    const ca = read('auth-ca.der');
    const bundle = `# comment\n${toPem(auth)}${toPem(ca, 'X509 CRL')}${toPem(ca)}`;
    const { found, problems } = certificatesFromFiles([
      { name: 'a.cer', bytes: auth },
      { name: 'bundle.pem', bytes: enc(bundle) },
    ]);
    expect(problems).toEqual([]);
    expect(found.map((f) => f.file)).toEqual(['a.cer', 'bundle.pem', 'bundle.pem']);
    expect([...found[0].der]).toEqual([...auth]);
    expect([...found[1].der]).toEqual([...auth]);
    expect([...found[2].der]).toEqual([...ca]);
  });

  it('reports empty files, broken PEM and PEM without a certificate by file name, and keeps the rest', () => {
    const { found, problems } = certificatesFromFiles([
      { name: 'empty.cer', bytes: new Uint8Array(0) },
      { name: 'broken.pem', bytes: enc('-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n') },
      { name: 'crl.pem', bytes: enc(toPem(read('auth-ca.crl'), 'X509 CRL')) },
      { name: 'ok.der', bytes: read('sign-ca.der') },
    ]);
    expect(problems).toEqual([
      { file: 'empty.cer', code: 'pki-empty-input' },
      { file: 'broken.pem', code: 'pki-bad-pem' },
      { file: 'crl.pem', code: 'pki-bad-pem' },
    ]);
    expect(found.map((f) => f.file)).toEqual(['ok.der']);
  });
});

const entry = (over: Partial<SavedCertificate>): SavedCertificate => ({
  id: 'ab'.repeat(32), der: new Uint8Array([0x30, 0]), label: '', note: '', readAt: '2026-11-20T00:00:00.000Z',
  savedAt: '2026-11-20T00:00:00.000Z', cardKind: 'file', certificateKind: 'auth', ...over,
});

describe('summaries and search', () => {
  it('summarises an end entity by CN and a CA by its organisation; never with personal data', async () => {
    const auth = summarise(await explainCertificate(read('ordinary/auth.der')));
    expect(auth.subject).toBe('CN = T00001E9AGCIEG25102701A');
    expect(auth.issuer).toBe('JPKI-TEST / JPKI for user authentication / Japan Agency for Local Authority Information Systems');
    expect(auth.notAfter).toBe('2030-04-01T14:59:59Z');
    expect(auth.jpkiKind).toBe('auth');
    expect(auth.test).toBe(true);
    const ca = summarise(await explainCertificate(read('auth-ca.der')));
    expect(ca.subject).toBe('JPKI-TEST / JPKI for user authentication / Japan Agency for Local Authority Information Systems');
    const sign = summarise(await explainCertificate(read('ordinary/sign.der')));
    expect(JSON.stringify(sign)).not.toContain('見本');
    expect(JSON.stringify(sign)).not.toContain('東京都');
  });

  it('matches every word, case-insensitively, over label, note, kind, subject, issuer, serial and id', async () => {
    const s = summarise(await explainCertificate(read('ordinary/auth.der')));
    const e = entry({ label: 'Home NAS', note: 'used for nginx' });
    expect(matches(e, s, 'User authentication certificate', '')).toBe(true);
    expect(matches(e, s, 'User authentication certificate', 'home nginx')).toBe(true);
    expect(matches(e, s, 'User authentication certificate', 'home apache')).toBe(false);
    expect(matches(e, s, 'User authentication certificate', 't00001')).toBe(true);
    expect(matches(e, s, 'User authentication certificate', s.serialHex.toLowerCase())).toBe(true);
    expect(matches(e, s, 'x', 'abab')).toBe(true);
    expect(matches(e, undefined, 'User authentication certificate', 't00001')).toBe(false);
  });
});
