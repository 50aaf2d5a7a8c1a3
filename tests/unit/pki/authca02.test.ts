// authca02 (利用者証明用 CA, generation 2, ../shared/corpus/jpki-ca/authca02.cer), pinned from the corpus:
//  - an auth certificate issued under a CA of the same shape (openssl-made RSA-2048 CA with authca02's DN
//    byte for byte and its extension profile) chains to that CA by signature and never to the pinned
//    authca02 of the same name;
//  - authca02 as a trust anchor is valid exactly where `openssl verify -attime` says it is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { JLIS_ROOTS, explainCertificate as buildCertificateModel, verifyChain } from '../../../src/pki';
import { ROOTS_DIR, read } from './helpers';

const AUTHCA02 = read(join(ROOTS_DIR, 'authca02.cer'));
const hex = (b: ArrayBuffer | Uint8Array) => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex').toUpperCase();

/** The DER of authca02's subject, and its SubjectAltName value (the Japanese DirName), for the shaped CA. */
function authca02Parts(): { subjectHex: string; sanHex: string } {
  const c = pkijs.Certificate.fromBER(AUTHCA02.slice().buffer);
  const san = c.extensions?.find((e) => e.extnID === '2.5.29.17');
  if (!san) throw new Error('authca02 without SubjectAltName');
  return { subjectHex: hex(c.subject.toSchema().toBER()), sanHex: hex(san.extnValue.valueBlock.valueHexView) };
}

interface Shaped {
  readonly ca: Uint8Array;
  readonly ee: Uint8Array;
  readonly dir: string;
}

/**
 * `openssl ca` (fixed dates, so the test does not age): a self-signed RSA-2048 CA with authca02's DN and
 * extensions in its order (keyUsage critical keyCertSign+cRLSign, SAN = authca02's DirName bytes,
 * basicConstraints critical CA:TRUE, CRL DP DirName = own DN, SKI) and generation 2's validity, then a
 * 利用者証明用-shaped end entity under it (as the real jpki-auth-ee-cert-2019.pem: keyUsage critical
 * digitalSignature, EKU clientAuth, critical policy 1.2.392.200149.8.5.1.3.30 with CPS, AKI, SKI).
 */
function makeShapedCa(sanHex: string): Shaped {
  const dir = mkdtempSync(join(tmpdir(), 'authca02-shape-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const dn = 'C = JP\nO = JPKI\n0.OU = JPKI for user authentication\n1.OU = Japan Agency for Local Authority Information Systems\n';
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '7E57A2\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    `[req]\ndistinguished_name = dn\nstring_mask = utf8only\nutf8 = yes\nprompt = no\n[dn]\n${dn}`
      + `[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\nserial = serial\nnew_certs_dir = .\ndefault_md = sha256\npolicy = any\n`
      + `string_mask = utf8only\nutf8 = yes\npreserve = yes\nemail_in_dn = no\nunique_subject = no\n[any]\ncountryName = supplied\n`
      + `organizationName = optional\norganizationalUnitName = optional\ncommonName = optional\n`
      + `[caext]\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectAltName = DER:${sanHex}\nbasicConstraints = critical, CA:TRUE\n`
      + `crlDistributionPoints = cdp\nsubjectKeyIdentifier = hash\n[cdp]\nfullname = dirName:cdpdn\n[cdpdn]\n${dn}`
      + `[eeext]\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = clientAuth\n`
      + `certificatePolicies = critical, @pol\nauthorityKeyIdentifier = keyid\nsubjectKeyIdentifier = hash\n`
      + `[pol]\npolicyIdentifier = 1.2.392.200149.8.5.1.3.30\nCPS.1 = http://www.jpki.go.jp/cps.html\n`,
  );
  writeFileSync(join(dir, 'ee.cnf'), '[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nC = JP\nCN = 840444E37TESTSHAPE0001A\n');
  run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'ca.key']);
  run(['req', '-new', '-key', 'ca.key', '-config', 'ca.cnf', '-out', 'ca.csr']);
  run(['ca', '-batch', '-selfsign', '-config', 'ca.cnf', '-keyfile', 'ca.key', '-in', 'ca.csr', '-extensions', 'caext',
    '-startdate', '20190914234159Z', '-enddate', '20290914145959Z', '-notext', '-out', 'ca.pem']);
  run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'ee.key']);
  run(['req', '-new', '-key', 'ee.key', '-config', 'ee.cnf', '-out', 'ee.csr']);
  run(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', 'ee.csr', '-extensions', 'eeext',
    '-startdate', '20240101000000Z', '-enddate', '20281231145959Z', '-notext', '-out', 'ee.pem']);
  const der = (pem: string) => new Uint8Array(run(['x509', '-in', pem, '-outform', 'DER']));
  return { ca: der('ca.pem'), ee: der('ee.pem'), dir };
}

describe('authca02 and a certificate made under a key of the same shape', () => {
  let shaped: Shaped;
  const AT = new Date('2026-06-01T00:00:00Z');
  beforeAll(() => {
    shaped = makeShapedCa(authca02Parts().sanHex);
  }, 60_000);

  it('the shaped CA has authca02 DN byte for byte, RSA-2048 and the same extension order', async () => {
    const { subjectHex } = authca02Parts();
    const mine = pkijs.Certificate.fromBER(shaped.ca.slice().buffer);
    expect(hex(mine.subject.toSchema().toBER())).toBe(subjectHex);
    expect(hex(mine.issuer.toSchema().toBER())).toBe(subjectHex);
    const real = pkijs.Certificate.fromBER(AUTHCA02.slice().buffer);
    expect(mine.extensions?.map((e) => `${e.extnID}${e.critical ? '!' : ''}`)).toEqual(real.extensions?.map((e) => `${e.extnID}${e.critical ? '!' : ''}`));
    const model = await buildCertificateModel(shaped.ca);
    expect(model.publicKey.sizeBits).toBe(2048);
    expect(model.validity.notBefore.iso).toBe('2019-09-14T23:41:59Z');
    expect(model.validity.notAfter.iso).toBe('2029-09-14T14:59:59Z');
  });

  it('an auth certificate under it does not chain to the pinned authca02 (same DN, other key)', async () => {
    const res = await verifyChain(shaped.ee, { at: AT });
    expect(res.status).toBe('invalid');
    expect(res.reasonKey).toBe('pki.chain.signatureMismatch');
    const pinned = JLIS_ROOTS.find((r) => r.file === 'authca02.cer');
    const pinnedModel = await buildCertificateModel(pinned?.der ?? new Uint8Array());
    expect(res.rejectedCandidates.map((c) => c.sha256)).toContain(pinnedModel.fingerprints.sha256);
  });

  it('chains to the shaped CA by signature when it is the anchor, even with every pinned root in the pool', async () => {
    const res = await verifyChain(shaped.ee, { at: AT, anchors: [shaped.ca] });
    expect(res.status).toBe('valid');
    expect(res.links).toHaveLength(2);
    expect(res.links[1]?.anchor).toEqual({ source: 'caller' });
    expect(res.links[1]?.sha256).toBe((await buildCertificateModel(shaped.ca)).fingerprints.sha256);
  });

  it('openssl agrees: the end entity verifies under the shaped CA and not under authca02', () => {
    const pem = (der: Uint8Array, name: string) => {
      const p = join(shaped.dir, name);
      writeFileSync(p, `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`);
      return p;
    };
    const verify = (ca: string) => {
      try {
        execFileSync('openssl', ['verify', '-attime', String(AT.getTime() / 1000), '-CAfile', ca, join(shaped.dir, 'ee.pem')], { stdio: ['ignore', 'pipe', 'pipe'] });
        return true;
      } catch {
        return false;
      }
    };
    expect(verify(join(shaped.dir, 'ca.pem'))).toBe(true);
    expect(verify(pem(AUTHCA02, 'authca02.pem'))).toBe(false);
  });
});

describe('authca02 as a trust anchor: valid where openssl verify says, notAfter inclusive as RFC 5280 says', () => {
  const dir = mkdtempSync(join(tmpdir(), 'authca02-'));
  const pemPath = join(dir, 'authca02.pem');
  writeFileSync(pemPath, execFileSync('openssl', ['x509', '-inform', 'DER', '-in', join(ROOTS_DIR, 'authca02.cer')]));
  const opensslOk = (at: Date) => {
    try {
      execFileSync('openssl', ['verify', '-attime', String(Math.floor(at.getTime() / 1000)), '-CAfile', pemPath, pemPath], { stdio: ['ignore', 'pipe', 'pipe'] });
      return true;
    } catch {
      return false;
    }
  };
  // The edges of 2019-09-14T23:41:59Z … 2029-09-14T14:59:59Z, a second either side, and dates well inside/outside.
  const dates = ['2019-09-14T23:41:58Z', '2019-09-14T23:41:59Z', '2019-09-15T00:00:00Z', '2024-05-02T00:00:00Z',
    '2029-09-14T14:59:59Z', '2029-09-14T15:00:00Z', '2030-01-01T00:00:00Z', '2019-01-01T00:00:00Z'];
  // One second differs, on purpose: at notAfter itself RFC 5280 §4.1.2.5 says valid ("notBefore through
  // notAfter, inclusive"); openssl says expired (X509_cmp_time counts "equal" as "earlier", x509_vfy.c
  // check_cert_time). At notBefore both say valid. Every other date must agree with openssl.
  const RFC_INCLUSIVE_END = '2029-09-14T14:59:59Z';
  it.each(dates)('at %s', async (iso) => {
    const at = new Date(iso);
    const ours = await verifyChain(AUTHCA02, { at });
    const expected = iso === RFC_INCLUSIVE_END ? true : opensslOk(at);
    expect(ours.status === 'valid').toBe(expected);
    if (ours.status === 'valid') expect(ours.links[0]?.anchor).toEqual({ source: 'jlis', file: 'authca02.cer', generation: 2 });
    else expect(ours.reasonKey).toBe(at < new Date('2020-01-01') ? 'pki.chain.notYetValid' : 'pki.chain.expired');
  });
  it('openssl is valid from notBefore inclusive to notAfter exclusive (so the comparison is not vacuous)', () => {
    expect(dates.map((d) => opensslOk(new Date(d)))).toEqual([false, true, true, true, false, false, false, false]);
  });
});
