// Chains to the pinned roots (decided by signature, not name), expiry reported with the date, test
// roots only on request, and revocation against imported CRLs (never "good" without one).
import { describe, expect, it } from 'vitest';
import { JLIS_ROOTS, parseCrl, verifyChain } from '../../../src/pki';
import { FIXTURES, read } from './helpers';

const f = (p: string) => read(`${FIXTURES}/${p}`);
const AT = new Date('2026-06-01T00:00:00Z');

describe('pinned J-LIS roots', () => {
  it('embeds the six corpus roots (authca02 included) with their README SHA-256 and the two test CAs flagged as test', () => {
    expect(JLIS_ROOTS.filter((r) => !r.test).map((r) => `${r.kind}${r.generation}`)).toEqual(['auth1', 'auth2', 'auth3', 'sign1', 'sign2', 'sign3']);
    expect(JLIS_ROOTS.filter((r) => r.test).map((r) => r.kind)).toEqual(['auth', 'sign']);
  });
  it.each(JLIS_ROOTS.filter((r) => !r.test).map((r) => [r.file, r] as const))('%s verifies as a trust anchor inside its validity', async (_f, r) => {
    const at = new Date(r.generation === 1 ? '2020-01-01T00:00:00Z' : AT);
    const res = await verifyChain(r.der, { at });
    expect(res.status).toBe('valid');
    expect(res.links).toHaveLength(1);
    expect(res.links[0]?.anchor).toEqual({ source: 'jlis', file: r.file, generation: r.generation });
  });
  it('reports generation 01 as expired after 2025-10-19 with the date', async () => {
    const r = JLIS_ROOTS.find((x) => x.file === 'signca01.cer');
    const res = await verifyChain(r?.der ?? new Uint8Array(), { at: AT });
    expect(res.status).toBe('invalid');
    expect(res.reasonKey).toBe('pki.chain.expired');
    expect(res.links[0]?.validity).toEqual({ ok: false, reasonKey: 'pki.chain.expired', params: { date: '2025-10-19T14:59:59Z' } });
  });
});

describe('JPKI-TEST end entities', () => {
  it('do not verify unless the test roots are asked for', async () => {
    const res = await verifyChain(f('ordinary/sign.der'), { at: AT });
    expect(res.status).toBe('invalid');
    expect(res.reasonKey).toBe('pki.chain.noIssuer');
  });
  it('verify to the test sign CA with trustTestRoots', async () => {
    const res = await verifyChain(f('ordinary/sign.der'), { at: AT, trustTestRoots: true });
    expect(res.status).toBe('valid');
    expect(res.links.map((l) => l.signature.ok)).toEqual([true, true]);
    expect(res.links[1]?.anchor?.source).toBe('jpki-test');
    expect(res.revocation).toEqual({ state: 'not-checked', reasonKey: 'pki.revocation.noCrl' });
  });
  it('verify to a CA read from the card given as anchor, without pinned roots', async () => {
    const res = await verifyChain(f('ordinary/auth.der'), { at: AT, usePinnedRoots: false, anchors: [f('auth-ca.der')] });
    expect(res.status).toBe('valid');
    expect(res.links[1]?.anchor?.source).toBe('caller');
  });
  it('reject a same-DN CA whose key does not verify the signature, and pick the right one among same-DN candidates', async () => {
    const bad = await verifyChain(f('ordinary/sign.der'), { at: AT, usePinnedRoots: false, anchors: [f('sign-ca-impostor.der')] });
    expect(bad.status).toBe('invalid');
    expect(bad.reasonKey).toBe('pki.chain.signatureMismatch');
    expect(bad.rejectedCandidates).toHaveLength(1);
    const good = await verifyChain(f('ordinary/sign.der'), { at: AT, usePinnedRoots: false, anchors: [f('sign-ca-impostor.der'), f('sign-ca.der')] });
    expect(good.status).toBe('valid');
    const auth = await verifyChain(f('ordinary/auth.der'), { at: AT, usePinnedRoots: false, anchors: [f('auth-ca-expired.der'), f('auth-ca.der')] });
    expect(auth.status).toBe('valid');
    expect(auth.links[1]?.notAfter).toBe('2033-07-15T14:59:59Z');
  });
  it('reject a tampered anchor (bad self-signature)', async () => {
    const res = await verifyChain(f('sign-ca-tampered.der'), { at: AT, usePinnedRoots: false, anchors: [f('sign-ca-tampered.der')] });
    expect(res.status).toBe('invalid');
    expect(res.reasonKey).toBe('pki.chain.badSelfSignature');
  });
  it('report an expired link with its date', async () => {
    const res = await verifyChain(f('ordinary/auth.der'), { at: new Date('2031-01-01T00:00:00Z'), trustTestRoots: true });
    expect(res.status).toBe('invalid');
    expect(res.links[0]?.validity).toEqual({ ok: false, reasonKey: 'pki.chain.expired', params: { date: '2030-04-01T14:59:59Z' } });
    const nb = await verifyChain(f('ordinary/auth.der'), { at: new Date('2024-01-01T00:00:00Z'), trustTestRoots: true });
    expect(nb.links[0]?.validity).toEqual({ ok: false, reasonKey: 'pki.chain.notYetValid', params: { date: '2025-10-27T01:23:45Z' } });
  });
  it('refuse an end-entity certificate as issuer (not a CA)', async () => {
    const res = await verifyChain(f('ordinary/auth.der'), { at: AT, usePinnedRoots: false, anchors: [f('ordinary/sign.der')] });
    expect(res.status).toBe('invalid');
  });
});

describe('revocation with imported CRLs', () => {
  const authCrl = parseCrl(f('auth-ca.crl'));
  it('parses the CRL', () => {
    expect(authCrl.thisUpdate.iso).toBe('2025-11-01T00:00:00Z');
    expect(authCrl.nextUpdate?.iso).toBe('2035-11-01T00:00:00Z');
    expect(authCrl.crlNumber).toBe('2');
    expect(authCrl.revoked.map((r) => [r.serialHex, r.reason])).toEqual([['7E57A10000', 'superseded']]);
  });
  it('finds the revoked serial', async () => {
    const res = await verifyChain(f('ordinary/auth-revoked.der'), { at: AT, trustTestRoots: true, crl: authCrl });
    expect(res.revocation.state).toBe('revoked');
  });
  it('says good (not "valid") for a listed-nowhere serial, with the CRL window', async () => {
    const res = await verifyChain(f('ordinary/auth.der'), { at: AT, trustTestRoots: true, crl: authCrl });
    expect(res.revocation).toEqual({ state: 'good', thisUpdate: '2025-11-01T00:00:00Z', nextUpdate: '2035-11-01T00:00:00Z', stale: false, crlNumber: '2' });
  });
  it('warns when the CRL is stale at the validation date', async () => {
    const res = await verifyChain(f('ordinary/auth.der'), { at: new Date('2029-01-01T00:00:00Z'), trustTestRoots: true, crl: parseCrl(f('auth-ca.crl')) });
    expect(res.revocation.state).toBe('good');
    const late = await verifyChain(f('ordinary/auth.der'), { at: new Date('2036-01-01T00:00:00Z'), trustTestRoots: true, crl: authCrl });
    expect(late.revocation).toMatchObject({ state: 'good', stale: true });
  });
  it('does not use a CRL of another issuer', async () => {
    const res = await verifyChain(f('ordinary/auth.der'), { at: AT, trustTestRoots: true, crl: parseCrl(f('sign-ca.crl')) });
    expect(res.revocation).toEqual({ state: 'unknown', reasonKey: 'pki.revocation.crlIssuerMismatch' });
  });
  it('does not trust a CRL whose signature fails', async () => {
    const der = f('auth-ca.crl').slice();
    der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 0x01;
    const res = await verifyChain(f('ordinary/auth.der'), { at: AT, trustTestRoots: true, crl: parseCrl(der) });
    expect(res.revocation).toEqual({ state: 'unknown', reasonKey: 'pki.revocation.crlSignatureInvalid' });
  });
});

describe('bad input to verifyChain', () => {
  it('throws the named error of the certificate model', async () => {
    const { isLensError } = await import('../../../src/errors');
    const der = f('ordinary/auth.der').slice();
    // Turn notBefore's UTCTime digits into letters: still DER, not a time.
    const i = Buffer.from(der).indexOf(Buffer.from('251027012345Z'));
    der.set(new TextEncoder().encode('AB'), i);
    let code = 'none';
    try { await verifyChain(der); } catch (e) { code = isLensError(e) ? e.code : 'other'; }
    expect(code).toMatch(/^pki-/);
  });
});
