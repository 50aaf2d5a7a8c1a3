// tests/fixtures/real/jpki-auth-ee-cert-2019.pem: a real 利用者証明用 certificate (serial 012D57CA, issued by
// authca01, 2019-07-25 → 2024-05-02; source and rating in tests/fixtures/README.md "Real data"). It chains to
// the pinned authca01 at a date inside its validity, is reported expired today, and its text and ASN.1 dump
// equal openssl's.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asn1Dump, certificateText, derFromFile, explainCertificate, opensslOidFile, stripAnnotations, verifyChain } from '../../../src/pki';
import { REPO, openssl, read } from './helpers';

const PEM = join(REPO, 'tests/fixtures/real/jpki-auth-ee-cert-2019.pem');
const der = derFromFile(read(PEM));
const oidFile = join(mkdtempSync(join(tmpdir(), 'real-ee-')), 'jpki.oid');
writeFileSync(oidFile, opensslOidFile());

describe('jpki-auth-ee-cert-2019.pem (real 利用者証明用 certificate)', () => {
  it('is read as a production auth certificate (not JPKI-TEST) with the serial and dates the corpus lists', async () => {
    const m = await explainCertificate(der);
    expect(m.serial.hex).toBe('012D57CA');
    expect(m.subject.text).toBe('C = JP, CN = 840444E37PAFHN08220003A');
    expect(m.validity.notBefore.iso).toBe('2019-07-25T15:28:06Z');
    expect(m.validity.notAfter.iso).toBe('2024-05-02T14:59:59Z');
    expect(m.jpki?.kind).toBe('auth');
    expect(m.jpki?.test).toBe(false);
  });

  it('chains to the pinned authca01 by signature at a date inside its validity (openssl verify -attime 1600000000 agrees)', async () => {
    const at = new Date(1_600_000_000_000);
    const res = await verifyChain(der, { at });
    expect(res.status).toBe('valid');
    expect(res.links.map((l) => l.signature.ok)).toEqual([true, true]);
    expect(res.links[1]?.anchor).toEqual({ source: 'jlis', file: 'authca01.cer', generation: 1 });
    // authca02 and authca03 share the DN; the issuer is decided by signature, so they are tried and rejected or skipped.
    expect(res.rejectedCandidates.every((c) => c.reasonKey === 'pki.chain.signatureMismatch')).toBe(true);
  });

  it('is reported expired today with its notAfter date', async () => {
    const res = await verifyChain(der, { at: new Date() });
    expect(res.status).toBe('invalid');
    expect(res.reasonKey).toBe('pki.chain.expired');
    expect(res.links[0]?.validity).toEqual({ ok: false, reasonKey: 'pki.chain.expired', params: { date: '2024-05-02T14:59:59Z' } });
    expect(res.links[0]?.signature.ok).toBe(true);
  });

  it('text (annotations removed) equals openssl x509 -text -noout', async () => {
    const m = await explainCertificate(der);
    expect(stripAnnotations(certificateText(m))).toBe(openssl(['x509', '-in', PEM, '-text', '-noout']));
  });

  it('ASN.1 dump equals openssl asn1parse -i, with OpenSSL names and with our OID file', () => {
    expect(asn1Dump(der, { withJpki: false })).toBe(openssl(['asn1parse', '-i', '-in', PEM]));
    expect(asn1Dump(der)).toBe(openssl(['asn1parse', '-i', '-in', PEM, '-oid', oidFile]));
  });
});
