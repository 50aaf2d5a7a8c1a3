/**
 * CMS signatures both ways with openssl 3: a .p7s the app makes (signed by the virtual card's 署名用
 * key through JpkiAp) verifies with `openssl cms -verify`, and what `openssl cms -sign` makes
 * (detached, attached, PSS, EC with an untrusted CA) verifies — or fails for the right reason — in
 * the app. Tampered content, a wrong signer and an expired chain fail in both.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { JpkiAp } from '../../../src/card/jpki';
import { createVirtualMyNumberCard } from '../../../src/sim';
import { createDetachedSignature, verifyDetachedSignature } from '../../../src/sign/cms';
import { fixture, openssl, scratch } from './helpers';

const CONTENT = new TextEncoder().encode('JPKI Lens — 署名のテスト\r\nline two, with CRLF kept as bytes (-binary)\n');
const signCa = fixture('sign-ca.der');
const signCert = fixture('ordinary/sign.der');
const at = new Date('2026-12-01T00:00:00Z');

async function cardSigner() {
  const card = createVirtualMyNumberCard({ person: 'ordinary' });
  const ap = new JpkiAp(card);
  await ap.verifyPin('sign', 'ABC123');
  return { card, ap, sign: (di: Uint8Array) => ap.sign('sign', di) };
}

describe('a .p7s made by the app', () => {
  const s = scratch();
  let p7s: Uint8Array;
  beforeAll(async () => {
    const { sign } = await cardSigner();
    p7s = await createDetachedSignature({ content: CONTENT, signer: signCert, chain: [signCa], sign, signingTime: new Date('2026-11-30T12:34:56.789Z') });
    s.write('content.bin', CONTENT);
    s.write('x.p7s', p7s);
    s.write('sign-ca.der', signCa);
    openssl(['x509', '-inform', 'DER', '-in', s.path('sign-ca.der'), '-out', s.path('sign-ca.pem')]);
  });

  it('verifies with openssl cms -verify -binary -content FILE -CAfile <JPKI-TEST sign CA>', () => {
    const r = openssl(['cms', '-verify', '-binary', '-content', s.path('content.bin'), '-inform', 'DER', '-in', s.path('x.p7s'),
      '-CAfile', s.path('sign-ca.pem'), '-attime', String(Math.floor(at.getTime() / 1000)), '-out', '/dev/null']);
    expect(r.out).toContain('Verification successful');
    expect(r.code).toBe(0);
  });

  it('has contentType, signingTime, messageDigest, signingCertificateV2 in DER order, and the structure openssl prints', () => {
    const info = pkijs.ContentInfo.fromBER(p7s.slice());
    const sd = new pkijs.SignedData({ schema: info.content });
    const si = sd.signerInfos[0];
    expect(si.signedAttrs?.attributes.map((a) => a.type)).toEqual([
      '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.5', '1.2.840.113549.1.9.4', '1.2.840.113549.1.9.16.2.47',
    ]);
    const encoded = si.signedAttrs!.attributes.map((a) => Buffer.from(a.toSchema().toBER(false)));
    const sorted = [...encoded].sort((a, b) => Buffer.compare(a, b));
    expect(encoded).toEqual(sorted);
    expect(sd.encapContentInfo.eContent).toBeUndefined();
    expect(sd.certificates).toHaveLength(2);
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', s.path('x.p7s')]).out;
    expect(printed).toContain('contentType: pkcs7-signedData');
    expect(printed).toContain('eContent: <ABSENT>');
    expect(printed).toMatch(/signingTime[\s\S]*UTCTIME:Nov 30 12:34:56 2026 GMT/);
    expect(printed).toContain('algorithm: rsaEncryption');
    expect(printed).toMatch(/object: id-smime-aa-signingCertificateV2/);
  });

  it('verifies in the app: signature, chain to the test root, signingTime as the signer claims it', async () => {
    const r = await verifyDetachedSignature(p7s, CONTENT, { at, trustTestRoots: true });
    expect(r.problems).toEqual([]);
    expect(r.signatureValid).toBe(true);
    expect(r.chain?.status).toBe('valid');
    expect(r.chain?.links.at(-1)?.anchor?.source).toBe('jpki-test');
    expect(Buffer.from(r.signer).equals(Buffer.from(signCert))).toBe(true);
    expect(r.signingTime?.toISOString()).toBe('2026-11-30T12:34:56.000Z');
    expect(r.attached).toBe(false);
  });

  it('without the test roots the chain is not trusted, but the signature is still valid', async () => {
    const r = await verifyDetachedSignature(p7s, new Blob([CONTENT]), { at });
    expect(r.signatureValid).toBe(true);
    expect(r.chain?.status).toBe('invalid');
    expect(r.problems).toEqual(['chain-invalid']);
  });

  it('tampered content: digest mismatch in the app, and openssl refuses', async () => {
    const tampered = CONTENT.slice();
    tampered[3] ^= 1;
    const r = await verifyDetachedSignature(p7s, tampered, { at, trustTestRoots: true });
    expect(r.signatureValid).toBe(false);
    expect(r.problems).toContain('digest-mismatch');
    s.write('tampered.bin', tampered);
    const o = openssl(['cms', '-verify', '-binary', '-content', s.path('tampered.bin'), '-inform', 'DER', '-in', s.path('x.p7s'),
      '-CAfile', s.path('sign-ca.pem'), '-attime', String(Math.floor(at.getTime() / 1000)), '-out', '/dev/null']);
    expect(o.code).not.toBe(0);
    expect(o.out).toMatch(/content verify error|digest failure/i);
  });

  it('expired chain: after the signer certificate expired the chain fails (app and openssl -attime)', async () => {
    const later = new Date('2031-01-01T00:00:00Z');
    const r = await verifyDetachedSignature(p7s, CONTENT, { at: later, trustTestRoots: true });
    expect(r.signatureValid).toBe(true);
    expect(r.chain?.status).toBe('invalid');
    expect(r.chain?.reasonKey).toBe('pki.chain.expired');
    expect(r.problems).toEqual(['chain-invalid']);
    const o = openssl(['cms', '-verify', '-binary', '-content', s.path('content.bin'), '-inform', 'DER', '-in', s.path('x.p7s'),
      '-CAfile', s.path('sign-ca.pem'), '-attime', String(Math.floor(later.getTime() / 1000)), '-out', '/dev/null']);
    expect(o.code).not.toBe(0);
    expect(o.out).toMatch(/certificate has expired/);
  });

  it('wrong signer: the sid and certificate swapped for another holder\'s → signature invalid in the app and in openssl', async () => {
    const other = fixture('long-address/sign.der');
    const info = pkijs.ContentInfo.fromBER(p7s.slice());
    const sd = new pkijs.SignedData({ schema: info.content });
    const otherCert = pkijs.Certificate.fromBER(other.slice());
    sd.certificates = [otherCert, pkijs.Certificate.fromBER(signCa.slice())];
    sd.signerInfos[0].sid = new pkijs.IssuerAndSerialNumber({ issuer: otherCert.issuer, serialNumber: otherCert.serialNumber });
    const swapped = new Uint8Array(new pkijs.ContentInfo({ contentType: info.contentType, content: sd.toSchema(true) }).toSchema().toBER(false));
    const r = await verifyDetachedSignature(swapped, CONTENT, { at, trustTestRoots: true });
    expect(r.signatureValid).toBe(false);
    expect(r.problems).toContain('signature-invalid');
    expect(r.problems).toContain('signing-certificate-mismatch');
    s.write('swapped.p7s', swapped);
    const o = openssl(['cms', '-verify', '-binary', '-content', s.path('content.bin'), '-inform', 'DER', '-in', s.path('swapped.p7s'),
      '-CAfile', s.path('sign-ca.pem'), '-attime', String(Math.floor(at.getTime() / 1000)), '-out', '/dev/null']);
    expect(o.code).not.toBe(0);
  });

  it('a detached signature without its file says the content is missing', async () => {
    const r = await verifyDetachedSignature(p7s, null, { at, trustTestRoots: true });
    expect(r.signatureValid).toBe(false);
    expect(r.problems).toContain('content-missing');
  });

  it('refuses to make a signature the signer certificate does not verify (another holder\'s certificate)', async () => {
    const { sign } = await cardSigner();
    await expect(createDetachedSignature({ content: CONTENT, signer: fixture('long-address/sign.der'), chain: [signCa], sign }))
      .rejects.toMatchObject({ code: 'sign-signature-check-failed' });
  });

  it('a Blob is hashed in a stream with progress up to its size', async () => {
    const { sign } = await cardSigner();
    const big = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) & 0xff);
    const seen: number[] = [];
    const made = await createDetachedSignature({ content: new Blob([big]), signer: signCert, chain: [signCa], sign, onProgress: (d) => seen.push(d) });
    expect(seen.at(-1)).toBe(big.length);
    expect(seen.length).toBeGreaterThan(1);
    expect((await verifyDetachedSignature(made, big, { at, trustTestRoots: true })).signatureValid).toBe(true);
  });
});

describe('CMS made by openssl cms -sign, verified in the app', () => {
  const s = scratch();
  beforeAll(() => {
    s.write('content.bin', CONTENT);
    s.write('sign.der', signCert);
    s.write('sign.key.p8', fixture('ordinary/sign.key.p8'));
    openssl(['x509', '-inform', 'DER', '-in', s.path('sign.der'), '-out', s.path('sign.pem')]);
    openssl(['pkey', '-inform', 'DER', '-in', s.path('sign.key.p8'), '-out', s.path('sign.key.pem')]);
  });
  const sign = (out: string, extra: string[]) => {
    const r = openssl(['cms', '-sign', '-binary', '-in', s.path('content.bin'), '-signer', s.path('sign.pem'), '-inkey', s.path('sign.key.pem'),
      '-md', 'sha256', '-outform', 'DER', '-out', s.path(out), ...extra]);
    expect(r.code, r.out).toBe(0);
    return s.read(out);
  };

  it('detached (-cades): valid, signingCertificateV2 matches, chain to the test root', async () => {
    const p7s = sign('d.p7s', ['-cades']);
    const r = await verifyDetachedSignature(p7s, CONTENT, { at, trustTestRoots: true });
    expect(r.problems).toEqual([]);
    expect(r.signatureValid).toBe(true);
    expect(r.attached).toBe(false);
    expect(r.signingTime).toBeInstanceOf(Date);
  });

  it('attached (-nodetach): the content comes from eContent', async () => {
    const p7s = sign('a.p7s', ['-nodetach']);
    const r = await verifyDetachedSignature(p7s, null, { at, trustTestRoots: true });
    expect(r.attached).toBe(true);
    expect(r.contentLength).toBe(CONTENT.length);
    expect(r.problems).toEqual([]);
    expect(r.signatureValid).toBe(true);
  });

  it('attached and streamed (-stream, BER with a constructed eContent) also verifies', async () => {
    const p7s = sign('as.p7s', ['-nodetach', '-stream']);
    const r = await verifyDetachedSignature(p7s, null, { at, trustTestRoots: true });
    expect(r.signatureValid).toBe(true);
    expect(r.contentLength).toBe(CONTENT.length);
  });

  it('RSASSA-PSS (-keyopt rsa_padding_mode:pss) verifies', async () => {
    const p7s = sign('pss.p7s', ['-keyopt', 'rsa_padding_mode:pss']);
    const r = await verifyDetachedSignature(p7s, CONTENT, { at, trustTestRoots: true });
    expect(r.signatureAlgorithm).toBe('1.2.840.113549.1.1.10');
    expect(r.signatureValid).toBe(true);
  });

  it('without signed attributes (-noattr): PKCS#1 v1.5 over the content digest', async () => {
    const p7s = sign('noattr.p7s', ['-noattr']);
    const r = await verifyDetachedSignature(p7s, CONTENT, { at, trustTestRoots: true });
    expect(r.signedAttributes).toBe(false);
    expect(r.signatureValid).toBe(true);
    const bad = CONTENT.slice();
    bad[0] ^= 0x20;
    expect((await verifyDetachedSignature(p7s, bad, { at, trustTestRoots: true })).problems).toContain('signature-invalid');
  });

  it('without certificates (-nocerts): the signer is looked for in the certificates given', async () => {
    const p7s = sign('nocerts.p7s', ['-nocerts']);
    expect((await verifyDetachedSignature(p7s, CONTENT, { at, trustTestRoots: true })).problems).toContain('signer-certificate-missing');
    const r = await verifyDetachedSignature(p7s, CONTENT, { at, trustTestRoots: true, certificates: [signCert] });
    expect(r.signatureValid).toBe(true);
  });

  it('an EC P-256 signer with a self-signed openssl certificate: signature valid, chain not to J-LIS', async () => {
    const e = scratch();
    e.write('content.bin', CONTENT);
    const key = e.write('k.pem', '');
    const gen = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
    expect(gen.code, gen.out).toBe(0);
    const self = openssl(['req', '-new', '-x509', '-key', key, '-subj', '/C=JP/CN=EC signer', '-days', '30', '-out', e.path('ec.pem'),
      '-addext', 'keyUsage=critical,digitalSignature']);
    expect(self.code, self.out).toBe(0);
    const made = openssl(['cms', '-sign', '-binary', '-in', e.path('content.bin'), '-signer', e.path('ec.pem'), '-inkey', key, '-md', 'sha256',
      '-outform', 'DER', '-out', e.path('ec.p7s')]);
    expect(made.code, made.out).toBe(0);
    const r = await verifyDetachedSignature(e.read('ec.p7s'), CONTENT);
    expect(r.signatureAlgorithm.startsWith('1.2.840.10045')).toBe(true);
    expect(r.signatureValid).toBe(true);
    expect(r.chain?.status).toBe('invalid');
    expect(r.chain?.reasonKey).toBe('pki.chain.untrustedRoot');
  });

  it('not CMS at all is a named error', async () => {
    await expect(verifyDetachedSignature(CONTENT, CONTENT)).rejects.toMatchObject({ code: 'sign-not-cms' });
    const cert = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' }), new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.OctetString()] })] });
    await expect(verifyDetachedSignature(new Uint8Array(cert.toBER(false)), CONTENT)).rejects.toMatchObject({ code: 'sign-not-signed-data' });
  });
});
