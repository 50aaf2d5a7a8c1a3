// PEM/DER handling, crafted ASN.1 edge cases against openssl, the tree's byte ranges and the OID file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asn1Dump, derFromFile, nodeAt, opensslOidFile, parseAsn1Tree, parsePem, toPem, type Asn1Node } from '../../../src/pki';
import { fromHex } from '../../../src/pki/bytes';
import { isLensError } from '../../../src/errors';
import { FIXTURES, openssl, read } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'pki-asn1-'));

describe('PEM', () => {
  it('round-trips DER through PEM with 64-character lines', () => {
    const der = read(`${FIXTURES}/sign-ca.der`);
    const pem = toPem(der);
    expect(pem.split('\n').slice(1, -3).every((l) => l.length === 64)).toBe(true);
    expect(derFromFile(new TextEncoder().encode(pem))).toEqual(der);
    expect(pem).toBe(openssl(['x509', '-inform', 'DER', '-in', `${FIXTURES}/sign-ca.der`]));
  });
  it('passes DER through and names the failures', () => {
    expect(derFromFile(Uint8Array.of(0x30, 0x00))).toEqual(Uint8Array.of(0x30, 0x00));
    const codes = [new Uint8Array(0), new TextEncoder().encode('-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n'),
      new TextEncoder().encode('-----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL-----\n')].map((x) => {
      try { derFromFile(x); return 'none'; } catch (e) { return isLensError(e) ? e.code : 'other'; }
    });
    expect(codes).toEqual(['pki-empty-input', 'pki-bad-pem', 'pki-bad-pem']);
    expect(parsePem('x -----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL----- y')).toEqual([{ label: 'X509 CRL', der: Uint8Array.of(0x30, 0) }]);
  });
});

describe('asn1 dump edge cases equal openssl asn1parse', () => {
  const cases: Record<string, string> = {
    bmp: '1e0400410042', badObject: '06028001', emptyObject: '0600', badInteger: '02020001', emptyInteger: '0200',
    negative: '0202ff7f', minusOne: '0201ff', minus256: '0202ff00', application: '4001aa', private: 'c001aa',
    privateConstructed: 'e0020500', highContextTag: '9f6401aa', boolean2: '01020101', boolean0: '0100',
    generalString: '1b0141', octetNewline: '04030a4142', octetEmpty: '0400', octetConstructed: '2403040141', universal13: '0d0141',
    bitString: '030200ff', real: '090100', enumerated: '0a0101', enumeratedPadded: '0a0200ff', objectDescriptor: '070141',
    primitiveSequence: '1000', null1: '050100', bigArc: '060b2a83088c9b55080505ff7f', indefinite: '3080050000003080248004014100000000',
    twoTopLevel: '05000500', visible: '1a03616263',
  };
  it.each(Object.entries(cases))('%s', (name, hex) => {
    const file = join(dir, `${name}.der`);
    writeFileSync(file, fromHex(hex));
    expect(asn1Dump(fromHex(hex), { withJpki: false })).toBe(openssl(['asn1parse', '-i', '-inform', 'DER', '-in', file]));
  });
  it('refuses truncated input with pki-asn1-malformed and its offset', () => {
    try {
      asn1Dump(fromHex('3005020101'));
      expect.unreachable();
    } catch (e) {
      expect(isLensError(e, 'pki-asn1-malformed')).toBe(true);
    }
  });
});

describe('tree byte ranges', () => {
  it('gives header start, content start and end; nodeAt finds the innermost node', () => {
    const der = read(`${FIXTURES}/ordinary/sign.der`);
    const [root] = parseAsn1Tree(der);
    expect(root).toMatchObject({ offset: 0, headerLength: 4, contentStart: 4, end: der.length });
    const serialNode = root?.children[0]?.children[1];
    expect(serialNode).toMatchObject({ tagNumber: 2, offset: 13, contentStart: 15 });
    expect(nodeAt(parseAsn1Tree(der), 16)).toEqual(serialNode);
  });
});

describe('openssl OID file', () => {
  it('lists exactly the JPKI OIDs OpenSSL lacks, one "OID sn ln" line each, and openssl loads it', () => {
    const text = opensslOidFile();
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe('1.2.392.200149.8.5.5.1 jpkiName JPKI name');
    const file = join(dir, 'jpki.oid');
    writeFileSync(file, text);
    writeFileSync(join(dir, 'oid.der'), fromHex('060a2a83088c9b5508050506'));
    expect(openssl(['asn1parse', '-inform', 'DER', '-in', join(dir, 'oid.der'), '-oid', file])).toContain(':JPKI address substitute-character positions');
  });
});

describe('encapsulated DER (extension values, keys) in the tree', () => {
  it('decodes what openssl shows with -strparse, at absolute offsets, and leaves the plain tree alone', async () => {
    const { walkAsn1: walk } = await import('../../../src/pki');
    const file = `${FIXTURES}/ordinary/sign.der`;
    const der = read(file);
    expect(parseAsn1Tree(der)[0]?.children[0]?.children.some((n) => n.encapsulated)).toBe(false);
    const tree = parseAsn1Tree(der, { encapsulated: true });
    const all = (ns: readonly Asn1Node[]): Asn1Node[] => ns.flatMap((n) => [n, ...all(n.children), ...all(n.encapsulated ?? [])]);
    const san = all(tree).find((n) => n.offset === 695);
    expect(san?.tagNumber).toBe(4);
    const inner = [...walk(san?.encapsulated ?? [])];
    const theirs = openssl(['asn1parse', '-i', '-inform', 'DER', '-in', file, '-strparse', '695']).trim().split('\n');
    expect(inner.map((n) => n.offset - (san?.contentStart ?? 0))).toEqual(theirs.map((l) => Number(l.split(':')[0])));
    expect(inner.map((n) => n.depth - (san?.depth ?? 0) - 1)).toEqual(theirs.map((l) => Number(/d=(\d+)/.exec(l)?.[1])));
    // The RSA key inside the subjectPublicKey BIT STRING, and nodeAt reaching into it.
    const spkiBits = tree[0]?.children[0]?.children[6]?.children[1];
    expect(spkiBits?.encapsulated?.[0]?.children.map((n) => n.tagNumber)).toEqual([2, 2]);
    const modulus = spkiBits?.encapsulated?.[0]?.children[0];
    expect(nodeAt(tree, (modulus?.contentStart ?? 0) + 10)).toEqual(modulus);
  });
});
