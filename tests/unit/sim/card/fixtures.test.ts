import { readFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../../../../src/sim';
import * as generated from '../../../../src/sim/card/fixtures.generated';
import { fixture, x } from './helpers';
import { personalData } from './san';

// The synthetic JPKI-TEST hierarchy against the real profile (jpki-card.md §8, shared/corpus/jpki-ca/).
const cert = (file: string): pkijs.Certificate => pkijs.Certificate.fromBER(fixture(file));
const ext = (c: pkijs.Certificate, oid: string): pkijs.Extension | undefined => c.extensions?.find((e) => e.extnID === oid);
const rdns = (n: pkijs.RelativeDistinguishedNames): string[] =>
  n.typesAndValues.map((tv) => `${tv.type}=${tv.value.constructor.name}:${String(tv.value.valueBlock.value)}`);
const REAL_ROOT = new URL('../../../../../shared/corpus/jpki-ca/signca03.cer', import.meta.url);

async function verifiedBy(child: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  return child.verify(issuer);
}

describe('JPKI-TEST CA certificates', () => {
  it.each(['auth', 'sign'] as const)('%s CA is shaped like the real root', async (kind) => {
    const ca = cert(`${kind}-ca.der`);
    const ou = kind === 'auth' ? 'JPKI for user authentication' : 'JPKI for digital signature';
    const dn = [
      '2.5.4.6=PrintableString:JP',
      '2.5.4.10=Utf8String:JPKI-TEST',
      `2.5.4.11=Utf8String:${ou}`,
      '2.5.4.11=Utf8String:Japan Agency for Local Authority Information Systems',
    ];
    expect(rdns(ca.subject)).toEqual(dn);
    expect(rdns(ca.issuer)).toEqual(dn);
    // four single-valued RDN SETs, as in the real roots (not one multi-valued SET)
    expect((ca.subject.toSchema()).valueBlock.value).toHaveLength(4);
    expect(ca.extensions?.map((e) => [e.extnID, e.critical])).toEqual([
      ['2.5.29.15', true],
      ['2.5.29.17', false],
      ['2.5.29.19', true],
      ['2.5.29.31', false],
      ['2.5.29.14', false],
    ]);
    expect(x(new Uint8Array(ext(ca, '2.5.29.15')!.extnValue.valueBlock.valueHexView))).toBe('03 02 01 06');
    expect(x(new Uint8Array(ext(ca, '2.5.29.19')!.extnValue.valueBlock.valueHexView))).toBe('30 03 01 01 FF');
    expect(ca.signatureAlgorithm.algorithmId).toBe('1.2.840.113549.1.1.11');
    expect(await verifiedBy(ca, ca)).toBe(true);
    // SKI = SHA-1 of the public key BIT STRING (how the real roots' SKI is made)
    const ski = new Uint8Array((ext(ca, '2.5.29.14')!.parsedValue as asn1js.OctetString).valueBlock.valueHexView);
    const sha1 = new Uint8Array(await crypto.subtle.digest('SHA-1', ca.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice()));
    expect(x(ski)).toBe(x(sha1));
  });

  it('the real signca03 has the same extension list, criticality and DN string types', () => {
    const real = pkijs.Certificate.fromBER(new Uint8Array(readFileSync(REAL_ROOT)));
    const ours = cert('sign-ca.der');
    expect(ours.extensions?.map((e) => [e.extnID, e.critical])).toEqual(real.extensions?.map((e) => [e.extnID, e.critical]));
    expect(rdns(ours.subject).map((r) => r.replace('JPKI-TEST', 'JPKI'))).toEqual(rdns(real.subject));
  });
});

describe('JPKI-TEST end-entity certificates', () => {
  it.each(['ordinary', 'long-address', 'substitute'] as const)('%s sign certificate carries the sign profile and the 4 info', async (id) => {
    const person = PEOPLE[id];
    const c = cert(`${id}/sign.der`);
    const ca = cert('sign-ca.der');
    expect(await verifiedBy(c, ca)).toBe(true);
    const subject = rdns(c.subject);
    expect(subject.slice(0, 3)).toEqual(['2.5.4.6=PrintableString:JP', `2.5.4.7=Utf8String:${person.prefectureRomaji}`, `2.5.4.7=Utf8String:${person.cityRomaji}`]);
    expect(subject[3]).toMatch(/^2\.5\.4\.3=Utf8String:\d{14}\d{5}\w+$/);
    expect(x(new Uint8Array(ext(c, '2.5.29.15')!.extnValue.valueBlock.valueHexView))).toBe('03 02 06 C0');
    expect(ext(c, '2.5.29.15')!.critical).toBe(true);
    const policies = ext(c, '2.5.29.32')!;
    expect(policies.critical).toBe(true);
    expect((policies.parsedValue as pkijs.CertificatePolicies).certificatePolicies[0].policyIdentifier).toBe('1.2.392.200149.8.5.1.0.20');
    const aki = (ext(c, '2.5.29.35')!.parsedValue as pkijs.AuthorityKeyIdentifier).keyIdentifier!;
    const caSki = ext(ca, '2.5.29.14')!.parsedValue as asn1js.OctetString;
    expect(x(new Uint8Array(aki.valueBlock.valueHexView))).toBe(x(new Uint8Array(caSki.valueBlock.valueHexView)));
    const san = personalData(fixture(`${id}/sign.der`));
    expect([...san.keys()]).toEqual(['1', '4', '3', '5', '2', '6'].map((n) => `1.2.392.200149.8.5.5.${n}`));
    expect(san.get('1.2.392.200149.8.5.5.2')).toHaveLength([...person.name].length);
    expect(san.get('1.2.392.200149.8.5.5.6')).toHaveLength([...person.address].length);
    expect(san.get('1.2.392.200149.8.5.5.4')).toMatch(/^[1-5]\d{8}$/);
    const pub = c.subjectPublicKeyInfo.parsedKey as pkijs.RSAPublicKey;
    const modulus = Array.from(pub.modulus.valueBlock.valueHexView);
    while (modulus[0] === 0) modulus.shift();
    expect([modulus.length, modulus[0] >= 0x80]).toEqual([256, true]); // RSA-2048
    expect(pub.publicExponent.valueBlock.valueDec).toBe(65537);
  });

  it('substitute-character flags and era digits', () => {
    expect(personalData(fixture('substitute/sign.der')).get('1.2.392.200149.8.5.5.2')).toBe('10000');
    expect(personalData(fixture('substitute/sign.der')).get('1.2.392.200149.8.5.5.6')).toMatch(/^0+10+$/);
    expect(personalData(fixture('substitute/sign.der')).get('1.2.392.200149.8.5.5.4')).toBe('219250101');
    expect(personalData(fixture('ordinary/sign.der')).get('1.2.392.200149.8.5.5.4')).toBe('319850401');
    expect(personalData(fixture('long-address/sign.der')).get('1.2.392.200149.8.5.5.4')).toBe('420010217');
  });

  it.each(['ordinary', 'long-address', 'substitute', 'under15'] as const)('%s auth certificate: C=JP + 23-char CN, digitalSignature, clientAuth', async (id) => {
    const c = cert(`${id}/auth.der`);
    expect(await verifiedBy(c, cert('auth-ca.der'))).toBe(true);
    const subject = rdns(c.subject);
    expect(subject[0]).toBe('2.5.4.6=PrintableString:JP');
    expect(subject[1]).toMatch(/^2\.5\.4\.3=Utf8String:[0-9A-Z]{23}$/);
    expect(subject).toHaveLength(2);
    expect(x(new Uint8Array(ext(c, '2.5.29.15')!.extnValue.valueBlock.valueHexView))).toBe('03 02 07 80');
    expect((ext(c, '2.5.29.37')!.parsedValue as pkijs.ExtKeyUsage).keyPurposes).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(ext(c, '2.5.29.17')).toBeUndefined();
    expect(c.notAfter.value.toISOString()).toMatch(/^2030-\d\d-\d\dT14:59:59/);
  });

  it('chain-test CAs: expired, impostor (same DN, other key), tampered', async () => {
    const expired = cert('auth-ca-expired.der');
    expect(expired.notAfter.value.toISOString()).toBe('2025-10-19T14:59:59.000Z');
    expect(rdns(expired.subject)).toEqual(rdns(cert('auth-ca.der').subject));
    const impostor = cert('sign-ca-impostor.der');
    expect(rdns(impostor.subject)).toEqual(rdns(cert('sign-ca.der').subject));
    expect(await impostor.verify(impostor)).toBe(true);
    expect(await cert('ordinary/sign.der').verify(impostor)).toBe(false);
    const tampered = cert('sign-ca-tampered.der');
    expect(await tampered.verify(tampered)).toBe(false);
  });
});

describe('JPKI-TEST CRLs', () => {
  it('the auth CRL revokes the superseded certificate of ordinary; the sign CRL is empty; both verify', async () => {
    const authCrl = pkijs.CertificateRevocationList.fromBER(fixture('auth-ca.crl'));
    const signCrl = pkijs.CertificateRevocationList.fromBER(fixture('sign-ca.crl'));
    expect(await authCrl.verify({ issuerCertificate: cert('auth-ca.der') })).toBe(true);
    expect(await signCrl.verify({ issuerCertificate: cert('sign-ca.der') })).toBe(true);
    const revoked = authCrl.revokedCertificates ?? [];
    expect(revoked).toHaveLength(1);
    const serial = x(new Uint8Array(cert('ordinary/auth-revoked.der').serialNumber.valueBlock.valueHexView));
    expect(x(new Uint8Array(revoked[0].userCertificate.valueBlock.valueHexView))).toBe(serial);
    expect(authCrl.isCertificateRevoked(cert('ordinary/auth-revoked.der'))).toBe(true);
    expect(authCrl.isCertificateRevoked(cert('ordinary/auth.der'))).toBe(false);
    expect(signCrl.revokedCertificates ?? []).toHaveLength(0);
  });
});

describe('generated module', () => {
  it('holds the same certificates and keys as the fixture files', () => {
    const b = (s: string | undefined): string => x(Buffer.from(s ?? '', 'base64'));
    expect(b(generated.AUTH_CA_CERT)).toBe(x(fixture('auth-ca.der')));
    expect(b(generated.SIGN_CA_CERT)).toBe(x(fixture('sign-ca.der')));
    for (const id of ['ordinary', 'long-address', 'substitute', 'under15'] as const) {
      const p = generated.GENERATED_PEOPLE[id];
      expect(b(p.authCert)).toBe(x(fixture(`${id}/auth.der`)));
      expect(b(p.authKey)).toBe(x(fixture(`${id}/auth.key.p8`)));
      expect(b(p.kenhojoIntegrity)).toBe(x(fixture(`${id}/kenhojo-ef0003.bin`)));
      if (PEOPLE[id].hasSignCertificate) {
        expect(b(p.signCert)).toBe(x(fixture(`${id}/sign.der`)));
        expect(b(p.signKey)).toBe(x(fixture(`${id}/sign.key.p8`)));
      } else {
        expect(p.signCert).toBeUndefined();
      }
    }
  });
});
