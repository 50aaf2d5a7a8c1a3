/**
 * The files the certificate view offers, with names that say what they are:
 *   jpki-auth-<serial>.cer / .pem / .txt   the certificate (DER, PEM, openssl-style text)
 *   jpki-auth-ca-bundle-<date>.pem         the J-LIS auth CA certificates valid on that date (TLS client-auth
 *                                          servers), plus the synthetic JPKI-TEST CA when a test certificate is shown
 *   jpki-openssl-oids.txt                  the `-oid` file that lets `openssl asn1parse` name the JPKI OIDs
 * Only certificates and text: a private key never leaves the card, so there is none to export.
 */
import type { Locale } from '../../i18n';
import { loadPki } from './pki-loader';
import { fileStem, type ViewKind } from './kinds';
import { isoDay } from './format';

export type ExportKind = 'der' | 'pem' | 'text' | 'bundle' | 'oids';

export interface ExportFile {
  readonly name: string;
  readonly type: string;
  readonly content: Uint8Array<ArrayBuffer> | string;
}

export async function buildExport(what: ExportKind, der: Uint8Array, kind: ViewKind, serialHex: string, locale: Locale, at: Date, testHierarchy: boolean): Promise<ExportFile> {
  const pki = await loadPki();
  const stem = `${fileStem(kind)}-${serialHex.toLowerCase()}`;
  switch (what) {
    case 'der':
      return { name: `${stem}.cer`, type: 'application/pkix-cert', content: pki.exportDer(der) };
    case 'pem':
      return { name: `${stem}.pem`, type: 'application/x-pem-file', content: pki.exportPem(der) };
    case 'text':
      return { name: `${stem}.txt`, type: 'text/plain;charset=utf-8', content: await pki.exportText(der, { locale }) };
    case 'bundle':
      return {
        name: `jpki-auth-ca-bundle-${isoDay(at)}.pem`, type: 'application/x-pem-file',
        content: await pki.authChainBundle(at, testHierarchy),
      };
    case 'oids':
      return { name: 'jpki-openssl-oids.txt', type: 'text/plain;charset=utf-8', content: pki.opensslOidFile() };
  }
}
