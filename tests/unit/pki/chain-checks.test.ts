// Per-link checks the JPKI fixtures cannot exercise, on an openssl-made CA: a keyUsage that does not
// decode is not "absent" (RFC 5280 §6.1.4 (n)), and an unprocessed critical extension rejects the
// certificate (RFC 5280 §4.2).
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../src/pki';
import { makeOpensslCa } from './openssl-ca';

const at = new Date(Date.now() + 86_400_000);
const leafExt = 'basicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature';

describe('issuer and extension checks per link', () => {
  it('a well-formed openssl CA and leaf verify (control)', async () => {
    const ca = makeOpensslCa();
    const res = await verifyChain(ca.leaf('ok', leafExt), { at, usePinnedRoots: false, anchors: [ca.ca] });
    expect(res.status).toBe('valid');
    expect(res.links.map((l) => l.criticalExtensions.ok)).toEqual([true, true]);
  });
  it('rejects an issuer whose keyUsage extension is present but undecodable (9 unused bits)', async () => {
    const ca = makeOpensslCa('basicConstraints = critical, CA:TRUE\nkeyUsage = critical, DER:03020900');
    const res = await verifyChain(ca.leaf('ok', leafExt), { at, usePinnedRoots: false, anchors: [ca.ca] });
    expect(res.status).toBe('invalid');
    expect(res.links[1]?.keyUsage).toEqual({ ok: false, reasonKey: 'pki.chain.noKeyCertSign' });
  });
  it('rejects a certificate with a critical extension it does not process, naming the OID', async () => {
    const ca = makeOpensslCa();
    const res = await verifyChain(ca.leaf('crit', `${leafExt}\n1.2.3.4.5 = critical, DER:0500`), { at, usePinnedRoots: false, anchors: [ca.ca] });
    expect(res.status).toBe('invalid');
    expect(res.reasonKey).toBe('pki.chain.unknownCriticalExtension');
    expect(res.reasonParams).toEqual({ oid: '1.2.3.4.5' });
    const nonCritical = await verifyChain(ca.leaf('noncrit', `${leafExt}\n1.2.3.4.5 = DER:0500`), { at, usePinnedRoots: false, anchors: [ca.ca] });
    expect(nonCritical.status).toBe('valid');
  });
});

describe('pathLenConstraint (RFC 5280 §6.1.4 (l)/(m))', () => {
  const caExt = (pathLen: number) => `basicConstraints = critical, CA:TRUE, pathlen:${pathLen}\nkeyUsage = critical, keyCertSign, cRLSign`;
  const subCaExt = 'basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign';
  it('pathlen:0 allows a leaf directly under the anchor but no intermediate CA', async () => {
    const ca = makeOpensslCa(caExt(0));
    const direct = await verifyChain(ca.leaf('direct', leafExt), { at, usePinnedRoots: false, anchors: [ca.ca] });
    expect(direct.status).toBe('valid');
    const sub = ca.leaf('sub', subCaExt, '0x20');
    const leaf = ca.leaf('leaf', leafExt, '0x21', 'sub');
    const res = await verifyChain(leaf, { at, usePinnedRoots: false, anchors: [ca.ca], intermediates: [sub] });
    expect(res.links).toHaveLength(3);
    expect(res.status).toBe('invalid');
    expect(res.links[2]?.basicConstraints).toEqual({ ok: false, reasonKey: 'pki.chain.pathLenExceeded', params: { pathLen: 0, intermediates: 1 } });
  });
  it('pathlen:1 allows one intermediate CA', async () => {
    const ca = makeOpensslCa(caExt(1));
    const sub = ca.leaf('sub', subCaExt, '0x20');
    const res = await verifyChain(ca.leaf('leaf', leafExt, '0x21', 'sub'), { at, usePinnedRoots: false, anchors: [ca.ca], intermediates: [sub] });
    expect(res.status).toBe('valid');
  });
});
