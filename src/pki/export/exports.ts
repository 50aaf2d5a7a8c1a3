// Exports: DER (.cer), PEM, text, the auth CA chain as a PEM bundle (for a TLS server's client-CA
// setting, e.g. nginx `ssl_client_certificate` / Apache `SSLCACertificateFile`), and the openssl OID file.
import { toPem } from '../pem';
import { JLIS_ROOTS } from '../roots/jlis-roots';
import { buildCertificateModel } from '../model/certificate';
import { certificateText, type TextOptions } from '../text/openssl-text';
import { opensslOidFile } from '../oid/registry';

export function exportDer(der: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(der.length);
  out.set(der);
  return out;
}

export function exportPem(der: Uint8Array): string {
  return toPem(der, 'CERTIFICATE');
}

export async function exportText(der: Uint8Array, options?: TextOptions): Promise<string> {
  return certificateText(await buildCertificateModel(der), options);
}

/**
 * PEM bundle of the J-LIS 利用者証明用 (auth) CA certificates that are valid at `at`, newest first,
 * each preceded by a comment line naming it. Servers that accept JPKI client certificates trust these.
 * `includeTest` adds the synthetic JPKI-TEST auth CA (for test setups only).
 */
export async function authChainBundle(at: Date = new Date(), includeTest = false): Promise<string> {
  const parts: string[] = [];
  const roots = JLIS_ROOTS.filter((r) => r.kind === 'auth' && (includeTest || !r.test)).sort((a, b) => b.generation - a.generation);
  for (const r of roots) {
    const m = await buildCertificateModel(r.der);
    if (new Date(m.validity.notAfter.iso) < at || new Date(m.validity.notBefore.iso) > at) continue;
    parts.push(`# ${m.subject.text} (${r.file}, serial ${m.serial.hex}, until ${m.validity.notAfter.iso})\n${toPem(r.der)}`);
  }
  return parts.join('');
}

export { opensslOidFile };
