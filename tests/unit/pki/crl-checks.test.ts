// CRL rules the JPKI fixture CRLs cannot exercise, on openssl-made CAs and CRLs: an unprocessed critical
// CRL extension (a delta CRL, an issuingDistributionPoint) makes the CRL unusable (RFC 5280 §5.2), the
// CRL issuer must be allowed cRLSign (§6.3.3 (f)), and serials compare with their sign.
import { describe, expect, it } from 'vitest';
import { parseCrl, verifyChain } from '../../../src/pki';
import { makeOpensslCa } from './openssl-ca';

const at = new Date(Date.now() + 86_400_000);
const leafExt = 'basicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature';

describe('CRL use', () => {
  it('a plain CRL: good for an unlisted leaf, revoked for a listed one (control)', async () => {
    const ca = makeOpensslCa();
    const good = ca.leaf('good', leafExt, '10');
    const bad = ca.leaf('bad', leafExt, '11');
    const crl = parseCrl(ca.crl('authorityKeyIdentifier = keyid:always', ['bad']));
    expect(crl.unprocessedCriticalExtensions).toEqual([]);
    expect((await verifyChain(good, { at, usePinnedRoots: false, anchors: [ca.ca], crl })).revocation.state).toBe('good');
    expect((await verifyChain(bad, { at, usePinnedRoots: false, anchors: [ca.ca], crl })).revocation.state).toBe('revoked');
  });
  it('a delta CRL (critical deltaCRLIndicator) never says good', async () => {
    const ca = makeOpensslCa();
    const leaf = ca.leaf('leaf', leafExt);
    const crl = parseCrl(ca.crl('2.5.29.27 = critical, DER:020101'));
    expect(crl.unprocessedCriticalExtensions).toEqual(['2.5.29.27']);
    const res = await verifyChain(leaf, { at, usePinnedRoots: false, anchors: [ca.ca], crl });
    expect(res.revocation).toEqual({ state: 'unknown', reasonKey: 'pki.revocation.crlCriticalExtension', params: { oid: '2.5.29.27' } });
  });
  it('a CRL signed by a CA whose keyUsage lacks cRLSign is not used', async () => {
    const ca = makeOpensslCa('basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign');
    const leaf = ca.leaf('leaf', leafExt);
    const res = await verifyChain(leaf, { at, usePinnedRoots: false, anchors: [ca.ca], crl: parseCrl(ca.crl('authorityKeyIdentifier = keyid:always')) });
    expect(res.status).toBe('valid');
    expect(res.revocation).toEqual({ state: 'unknown', reasonKey: 'pki.revocation.issuerNotCrlSigner' });
  });
  it('a revoked serial 4660 does not revoke a certificate with serial -4660', async () => {
    const ca = makeOpensslCa();
    ca.leaf('pos', leafExt, '4660');
    const neg = ca.leaf('neg', leafExt, '-4660');
    const crl = parseCrl(ca.crl('authorityKeyIdentifier = keyid:always', ['pos']));
    expect(crl.revoked.map((r) => [r.serialHex, r.serialNegative])).toEqual([['1234', false]]);
    const res = await verifyChain(neg, { at, usePinnedRoots: false, anchors: [ca.ca], crl });
    expect(res.revocation.state).toBe('good');
  });
});
