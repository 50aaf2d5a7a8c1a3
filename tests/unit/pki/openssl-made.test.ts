// Certificates made by openssl here, covering what the JPKI fixtures do not (EKU, AIA, user notices,
// IPv6, registered IDs, otherNames openssl knows, AKI with issuer+serial, pathlen, unknown extensions,
// negative and 20-byte serials, CRL DPs with reasons, GeneralizedTime, multi-valued RDNs, RFC 2253 quoting, EC keys):
// our dump and text must still equal openssl's own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asn1Dump, certificateText, explainCertificate, stripAnnotations } from '../../../src/pki';

const dir = mkdtempSync(join(tmpdir(), 'pki-made-'));
const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const EXT = `[ext]
keyUsage = critical, digitalSignature, keyEncipherment, dataEncipherment, keyAgreement, keyCertSign, cRLSign, encipherOnly
extendedKeyUsage = serverAuth, clientAuth, codeSigning, 1.2.3.4
subjectAltName = @san
issuerAltName = email:ca@example.jp, URI:http://ca.example.jp/
authorityInfoAccess = OCSP;URI:http://ocsp.example.jp/, caIssuers;URI:http://ca.example.jp/ca.cer
crlDistributionPoints = URI:http://crl.example.jp/a.crl, URI:ldap://crl.example.jp/cn=x
certificatePolicies = critical, @pol1, 1.2.3.6
basicConstraints = critical, CA:TRUE, pathlen:3
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always, issuer:always
1.2.3.4.99 = ASN1:UTF8String:hello
[san]
email.1 = a@example.jp
DNS.1 = www.example.jp
URI.1 = https://example.jp/x?y=1
IP.1 = 192.0.2.1
IP.2 = 2001:db8::1
RID.1 = 1.2.3.4.5
otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:user@example.jp
otherName.2 = 1.2.3.9;UTF8:plain text
otherName.3 = 1.2.3.10;INT:5
dirName.1 = dn_sect
[dn_sect]
C = JP
O = Example / Org + Co
[pol1]
policyIdentifier = 1.2.3.5
CPS.1 = http://example.jp/cps
userNotice.1 = @notice
[notice]
explicitText = "Explicit"
organization = "Org"
noticeNumbers = 1, 2, 3
[dps]
crlDistributionPoints = dp1, dp2, dp3, dp4, dp5
[dp1]
fullname = URI:http://crl.example.jp/a.crl
reasons = keyCompromise, CACompromise
[dp2]
CRLissuer = dirName:dn_sect
[dp3]
fullname = URI:http://crl.example.jp/b.crl, URI:http://crl.example.jp/c.crl
CRLissuer = dirName:dn_sect
[dp4]
fullname = URI:http://crl.example.jp/d.crl
reasons = superseded, AACompromise
[dp5]
relativename = rel
reasons = keyCompromise
[rel]
CN = Part, One
+O = Org
`;

const CASES: Record<string, string[]> = {
  kitchen: ['-subj', '/C=JP/O=A, "B" <C>/OU=#hash/CN= lead\\\\trail /emailAddress=x@example.jp', '-set_serial', '0x0102030405060708090A0B0C0D0E0F1011121314', '-extensions', 'ext'],
  negativeSerial: ['-subj', '/CN=neg', '-set_serial', '-12345', '-extensions', 'ext'],
  multiValued: ['-multivalue-rdn', '-subj', '/CN=a+OU=b/O=c', '-set_serial', '9223372036854775807', '-days', '20000'],
  utf8: ['-utf8', '-subj', '/C=JP/O=公的個人認証サービス/CN=テスト', '-set_serial', '1'],
  // Several CRL distribution points with reasons and CRL issuers: openssl's line breaks and blank lines.
  crlDistributionPoints: ['-subj', '/CN=dps', '-set_serial', '2', '-extensions', 'dps'],
};

beforeAll(() => {
  writeFileSync(join(dir, 'ext.cnf'), `[req]\ndistinguished_name = dn\n[dn]\n${EXT}`);
  run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'rsa.key']);
  run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', 'ec.key']);
  for (const [name, args] of Object.entries(CASES)) {
    run(['req', '-new', '-x509', '-key', 'rsa.key', '-config', 'ext.cnf', '-days', '30', ...args, '-outform', 'DER', '-out', `${name}.der`]);
  }
  run(['req', '-new', '-x509', '-key', 'ec.key', '-config', 'ext.cnf', '-subj', '/CN=ec', '-days', '30', '-outform', 'DER', '-out', 'ec.der']);
}, 60_000);

describe.each([...Object.keys(CASES), 'ec'])('openssl-made certificate "%s"', (name) => {
  it('dump and text equal openssl', async () => {
    const file = join(dir, `${name}.der`);
    const der = new Uint8Array(readFileSync(file));
    expect(asn1Dump(der, { withJpki: false })).toBe(run(['asn1parse', '-i', '-inform', 'DER', '-in', file]));
    const m = await explainCertificate(der);
    expect(m.jpki).toBeUndefined();
    expect(stripAnnotations(certificateText(m))).toBe(run(['x509', '-inform', 'DER', '-in', file, '-text', '-noout']));
    expect(`subject=${m.subject.text}\n`).toBe(run(['x509', '-inform', 'DER', '-in', file, '-noout', '-subject']));
  });
});

describe('decoded values of the kitchen-sink certificate', () => {
  it('keeps unknown extensions visible with dotted OID and raw value', async () => {
    const m = await explainCertificate(new Uint8Array(readFileSync(join(dir, 'kitchen.der'))));
    const unknown = m.extensions.find((e) => e.oid === '1.2.3.4.99');
    expect(unknown).toMatchObject({ name: '1.2.3.4.99', status: 'unknown', valueHex: '0C0568656C6C6F' });
    expect(m.basicConstraints).toEqual({ ca: true, pathLen: 3 });
    expect(m.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.3', '1.2.3.4']);
    expect(m.serial.hex).toBe('0102030405060708090A0B0C0D0E0F1011121314');
    const san = m.extensions.find((e) => e.oid === '2.5.29.17')?.data as { type: string; value: string }[];
    expect(san.map((g) => `${g.type}:${g.value}`)).toContain('iPAddress:2001:DB8:0:0:0:0:0:1');
  });
});
