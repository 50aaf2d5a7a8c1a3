// Every real J-LIS root and every JPKI-TEST fixture against openssl 3.0 run here: the asn1parse dump,
// the x509 -text layout and the individual fields openssl prints must agree to the byte.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JLIS_ROOTS, asn1Dump, certificateText, explainCertificate, opensslOidFile, parseAsn1Tree, stripAnnotations, walkAsn1 } from '../../../src/pki';
import { ALL_CERTS, FIXTURE_CRLS, FIXTURE_CERTS, ROOTS_DIR, ROOT_FILES, openssl, read, rel } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'pki-oid-'));
const oidFile = join(tmp, 'jpki.oid');
writeFileSync(oidFile, opensslOidFile());

describe('the inputs are there', () => {
  it('has every real root the corpus README lists, and the JPKI-TEST fixtures', () => {
    // Count what the corpus holds (its README table), not a number frozen in the test: a root added
    // to ../shared/corpus/jpki-ca must show up here and in the pinned set (tools/gen-roots.ts).
    const listed = [...readFileSync(join(ROOTS_DIR, 'README.md'), 'utf8').matchAll(/^\|\s*`([a-z0-9]+\.cer)`/gm)].map((m) => m[1]);
    expect(ROOT_FILES.map((f) => basename(f))).toEqual(listed.sort());
    expect(JLIS_ROOTS.filter((r) => !r.test).map((r) => r.file)).toEqual(listed.sort());
    expect(FIXTURE_CERTS.length).toBeGreaterThanOrEqual(13);
  });
});

describe.each([...ALL_CERTS, ...FIXTURE_CRLS].map((f) => [rel(f), f]))('asn1 dump of %s', (_name, file) => {
  const der = read(file);
  it('equals openssl asn1parse -i -inform DER (OpenSSL names only)', () => {
    expect(asn1Dump(der, { withJpki: false })).toBe(openssl(['asn1parse', '-i', '-inform', 'DER', '-in', file]));
  });
  it('equals openssl asn1parse -oid <our OID file> for the whole file and every extension value', () => {
    expect(asn1Dump(der)).toBe(openssl(['asn1parse', '-i', '-inform', 'DER', '-in', file, '-oid', oidFile]));
    // Extension values are OCTET STRINGs: dump each one as openssl -strparse does (JPKI OIDs live there).
    const octets = [...walkAsn1(parseAsn1Tree(der))].filter((n) => n.tagClass === 'universal' && n.tagNumber === 4 && !n.constructed && n.depth === 5);
    for (const n of octets) {
      const inner = der.subarray(n.contentStart, n.end);
      let ours: string;
      try { ours = asn1Dump(inner); } catch { continue; }
      expect(ours).toBe(openssl(['asn1parse', '-i', '-inform', 'DER', '-in', file, '-oid', oidFile, '-strparse', String(n.offset)]));
    }
  });
});

describe.each(ALL_CERTS.map((f) => [rel(f), f]))('certificate %s', (_name, file) => {
  it('text (annotations removed) equals openssl x509 -text -noout', async () => {
    const m = await explainCertificate(read(file));
    expect(stripAnnotations(certificateText(m))).toBe(openssl(['x509', '-inform', 'DER', '-in', file, '-text', '-noout']));
  });
  it('serial, validity, subject, issuer, fingerprints, key usage and EKU equal openssl x509', async () => {
    const m = await explainCertificate(read(file));
    const o = (...a: string[]) => openssl(['x509', '-inform', 'DER', '-in', file, '-noout', ...a]).trim();
    expect(`serial=${m.serial.hex}`).toBe(o('-serial'));
    expect(`subject=${m.subject.text}`).toBe(o('-subject'));
    expect(`issuer=${m.issuer.text}`).toBe(o('-issuer'));
    expect(`sha1 Fingerprint=${m.fingerprints.sha1}`).toBe(o('-fingerprint', '-sha1'));
    expect(`sha256 Fingerprint=${m.fingerprints.sha256}`).toBe(o('-fingerprint', '-sha256'));
    const date = (iso: string) => {
      const d = new Date(iso);
      const mon = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      return `${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()} GMT`;
    };
    expect(`notBefore=${date(m.validity.notBefore.iso)}`).toBe(o('-startdate'));
    expect(`notAfter=${date(m.validity.notAfter.iso)}`).toBe(o('-enddate'));
    const names: Record<string, string> = {
      digitalSignature: 'Digital Signature', nonRepudiation: 'Non Repudiation', keyEncipherment: 'Key Encipherment',
      dataEncipherment: 'Data Encipherment', keyAgreement: 'Key Agreement', keyCertSign: 'Certificate Sign', cRLSign: 'CRL Sign',
      encipherOnly: 'Encipher Only', decipherOnly: 'Decipher Only',
    };
    const ku = o('-ext', 'keyUsage').split('\n').slice(1).join('').trim();
    expect((m.keyUsage ?? []).map((k) => names[k]).join(', ')).toBe(ku);
    const ekuText = o('-ext', 'extendedKeyUsage').split('\n').slice(1).join('').trim();
    const ekuNames: Record<string, string> = { '1.3.6.1.5.5.7.3.2': 'TLS Web Client Authentication', '1.3.6.1.5.5.7.3.4': 'E-mail Protection' };
    expect((m.extendedKeyUsage ?? []).map((e) => ekuNames[e] ?? e).join(', ')).toBe(ekuText);
  });
});
