// Exports: DER, PEM, text, the auth CA PEM bundle for TLS client-auth servers.
import { describe, expect, it } from 'vitest';
import { authChainBundle, derFromFile, exportDer, exportPem, exportText, parsePem } from '../../../src/pki';
import { FIXTURES, ROOTS_DIR, openssl, read } from './helpers';

describe('exports', () => {
  const der = read(`${FIXTURES}/ordinary/auth.der`);
  it('DER is a byte-identical copy', () => {
    const out = exportDer(der);
    expect(out).toEqual(der);
    expect(out.buffer).not.toBe(der.buffer);
  });
  it('PEM equals openssl x509 -outform PEM', () => {
    expect(exportPem(der)).toBe(openssl(['x509', '-inform', 'DER', '-in', `${FIXTURES}/ordinary/auth.der`]));
  });
  it('text carries JPKI annotations unless asked not to', async () => {
    expect(await exportText(der)).toContain('» User authentication certificate');
    expect(await exportText(der, { annotations: false })).toBe(openssl(['x509', '-inform', 'DER', '-in', `${FIXTURES}/ordinary/auth.der`, '-text', '-noout']));
  });
  it('the auth CA bundle holds the J-LIS auth CAs valid at the date, newest first; test CA only on request', async () => {
    const at2020 = parsePem(await authChainBundle(new Date('2020-01-01T00:00:00Z')));
    // authca02 (2019-09-14 → 2029-09-14, pinned since issue 13) overlaps generations 1 and 3.
    expect(at2020.map((b) => b.der)).toEqual([read(`${ROOTS_DIR}/authca02.cer`), read(`${ROOTS_DIR}/authca01.cer`)]);
    const at2026 = parsePem(await authChainBundle(new Date('2026-01-01T00:00:00Z')));
    expect(at2026.map((b) => b.der)).toEqual([read(`${ROOTS_DIR}/authca03.cer`), read(`${ROOTS_DIR}/authca02.cer`)]);
    const withTest = await authChainBundle(new Date('2026-01-01T00:00:00Z'), true);
    expect(parsePem(withTest).map((b) => b.der)).toEqual([read(`${ROOTS_DIR}/authca03.cer`), read(`${ROOTS_DIR}/authca02.cer`), read(`${FIXTURES}/auth-ca.der`)]);
    expect(derFromFile(new TextEncoder().encode(withTest))).toEqual(read(`${ROOTS_DIR}/authca03.cer`));
  });
});
