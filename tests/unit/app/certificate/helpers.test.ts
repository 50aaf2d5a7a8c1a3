// Pure helpers of the certificate view, against the JPKI-TEST fixtures and the src/pki model.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainCertificate, parseAsn1Tree, walkAsn1, asn1DumpLine, nodeAt } from '../../../../src/pki';
import { setLocale, t } from '../../../../src/i18n';
import { certificateNodeNames } from '../../../../src/app/certificate/asn1-labels';
import { innermostAt, type Asn1Entry } from '../../../../src/app/certificate/asn1-select';
import { expectedKindMismatch, resolveKind, storeKind, fileStem } from '../../../../src/app/certificate/kinds';
import { daysUntil, fieldLabel, fieldValue, formatDateTime, isoDay, spacedHex } from '../../../../src/app/certificate/format';

const FIX = resolve(import.meta.dirname, '../../../fixtures/jpki-test');
const read = (p: string) => new Uint8Array(readFileSync(resolve(FIX, p)));

async function entriesOf(der: Uint8Array): Promise<Asn1Entry[]> {
  const roots = parseAsn1Tree(der);
  return [...walkAsn1(roots)].map((node) => ({ node, line: asn1DumpLine(node, der) }));
}

describe('kinds', () => {
  it('follows what was decoded; the caller’s kind only until the certificate is decoded (issue 13 item 9)', () => {
    expect(resolveKind('sign', 'auth')).toBe('auth');
    expect(resolveKind('sign', 'sign')).toBe('sign');
    expect(resolveKind(undefined, 'auth-ca')).toBe('auth-ca');
    expect(resolveKind('unknown', 'sign')).toBe('sign');
    // read from the sign-certificate EF, decoded, issuer not recognised as J-LIS
    expect(resolveKind('sign', null)).toBe('unknown');
    // not decoded yet: where it was read from
    expect(resolveKind('sign', undefined)).toBe('sign');
    expect(resolveKind(undefined, undefined)).toBe('unknown');
    expect(resolveKind(undefined, 'something')).toBe('unknown');
  });
  it('names the expected kind only when the decoded one differs', () => {
    expect(expectedKindMismatch('sign', 'unknown')).toBe('sign');
    expect(expectedKindMismatch('sign', 'auth')).toBe('sign');
    expect(expectedKindMismatch('sign', 'sign')).toBeUndefined();
    expect(expectedKindMismatch(undefined, 'unknown')).toBeUndefined();
    expect(expectedKindMismatch('unknown', 'sign')).toBeUndefined();
  });
  it('maps to the library kind and file stem', () => {
    expect(storeKind('unknown')).toBe('imported');
    expect(storeKind('auth')).toBe('auth');
    expect(fileStem('auth-ca')).toBe('jpki-auth-ca');
    expect(fileStem('unknown')).toBe('certificate');
  });
});

describe('format', () => {
  it('shows validity in Japan time in both languages', () => {
    void setLocale('ja');
    expect(formatDateTime('2030-04-01T14:59:59Z', 'ja')).toBe('2030年4月1日 23:59:59 (日本時間)');
    void setLocale('en');
    expect(formatDateTime('2030-04-01T14:59:59Z', 'en')).toBe('1 Apr 2030, 23:59:59 (Japan time)');
    void setLocale('ja');
  });
  it('isoDay is the calendar day in Japan', () => {
    expect(isoDay(new Date('2026-11-24T15:30:00Z'))).toBe('2026-11-25');
    expect(isoDay(new Date('2026-11-24T14:59:59Z'))).toBe('2026-11-24');
  });
  it('counts whole days and spaces hex', () => {
    expect(daysUntil('2026-01-11T00:00:00Z', new Date('2026-01-01T00:00:00Z'))).toBe(10);
    expect(daysUntil('2026-01-01T00:00:00Z', new Date('2026-01-02T00:00:00Z'))).toBe(-1);
    expect(spacedHex('0A0B0C')).toBe('0A 0B 0C');
  });
  it('labels an otherName by its JPKI OID and reads enumerated values', () => {
    void setLocale('ja');
    expect(fieldLabel({ key: 'pki.generalName.otherName', params: { oid: '1.2.392.200149.8.5.5.3' } })).toBe('性別');
    expect(fieldLabel({ key: 'pki.generalName.otherName', params: { oid: '1.2.3.4' } })).toBe(t('pki.generalName.otherName', { oid: '1.2.3.4' }));
    expect(fieldValue({ key: 'pki.jpki.sex', value: '2', valueKey: 'pki.jpki.sex.2' })).toBe('2 女性');
    expect(fieldValue({ key: 'pki.field.keyUsage', valueKey: 'pki.keyUsage.digitalSignature' })).toBe('デジタル署名');
  });
});

describe('ASN.1 selection', () => {
  it('a hex byte selects the same innermost node as src/pki nodeAt, for every byte', async () => {
    const der = read('ordinary/sign.der');
    const entries = await entriesOf(der);
    const roots = parseAsn1Tree(der);
    for (let o = 0; o < der.length; o++) {
      const mine = innermostAt(entries, o)?.node;
      const theirs = nodeAt(roots, o);
      expect(mine && [mine.offset, mine.end]).toEqual(theirs && [theirs.offset, theirs.end]);
    }
    expect(innermostAt(entries, der.length)).toBeUndefined();
  });

  it('names the X.509 parts and each extension at its model byte range', async () => {
    const der = read('ordinary/sign.der');
    const m = await explainCertificate(der);
    const roots = parseAsn1Tree(der);
    const names = certificateNodeNames(roots, m.extensions, (e) => e.name);
    const san = m.extensions.find((e) => e.oid === '2.5.29.17');
    expect(san?.range).toBeDefined();
    expect(names.get(san!.range!.start)).toEqual({ key: 'app.cert.node.extension', params: { name: 'X509v3 Subject Alternative Name' } });
    expect(names.get(0)?.key).toBe('app.cert.node.certificate');
    expect(names.get(4)?.key).toBe('app.cert.node.tbs');
    expect(names.get(8)?.key).toBe('app.cert.node.version');
    expect(names.get(13)?.key).toBe('app.cert.node.serial');
    const keys = [...names.values()].map((n) => n.key);
    for (const k of ['issuer', 'validity', 'subject', 'spki', 'extensions', 'signatureAlgorithm', 'signatureValue']) expect(keys).toContain(`app.cert.node.${k}`);
    // The SAN node the view highlights is exactly the extension's bytes in the model.
    const node = (await entriesOf(der)).find((e) => e.node.offset === san!.range!.start)!.node;
    expect([node.offset, node.contentStart, node.end]).toEqual([san!.range!.start, san!.range!.contentStart, san!.range!.end]);
  });

  it('names nothing in a blob that is not a certificate', () => {
    expect(certificateNodeNames(parseAsn1Tree(new Uint8Array([0x02, 0x01, 0x05])), [], () => '').size).toBe(0);
  });
});
