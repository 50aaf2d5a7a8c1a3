// `openssl x509 -text -noout` layout (OpenSSL 3.0 crypto/x509/t_x509.c X509_print_ex, v3_prn.c
// X509V3_extensions_print, rsa_ameth.c/t_pkey.c for the key, X509_signature_dump), rebuilt from the
// model. JPKI annotations are extra lines, each starting with ANNOTATION_MARK after its indentation,
// placed after the standard lines they explain; removing them gives openssl's text exactly (tested).
import { t, type Locale } from '../../i18n';
import { fromHex } from '../bytes';
import { longNameOrDotted, shortNameOrDotted } from '../oid/registry';
import { extensionDecoder } from '../model/extensions/registry';
import { decodeOne } from '../model/asn';
import { opensslTime } from '../model/time';
import type { CertificateModel, ExtensionModel, Field } from '../model/types';

export const ANNOTATION_MARK = '» ';

function pad(n: number): string {
  return ' '.repeat(n);
}

/** ASN1_buf_print: 15 bytes a line, lower-case, colon-separated. */
function bufLines(bytes: Uint8Array, indent: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 15) {
    const chunk = [...bytes.subarray(i, i + 15)].map((b) => b.toString(16).padStart(2, '0'));
    lines.push(pad(indent) + chunk.join(':') + (i + 15 < bytes.length ? ':' : ''));
  }
  return lines;
}

function serialLines(m: CertificateModel): string[] {
  const v = BigInt(m.serial.decimal);
  const fitsInt64 = m.serial.negative ? -v <= 2n ** 63n : v < 2n ** 63n;
  if (fitsInt64) {
    const abs = m.serial.negative ? -v : v;
    const neg = m.serial.negative ? '-' : '';
    return [`        Serial Number: ${neg}${abs.toString(10)} (${neg}0x${abs.toString(16)})`];
  }
  const bytes = [...fromHex(m.serial.hex)].map((b) => b.toString(16).padStart(2, '0')).join(':');
  return ['        Serial Number:', `${pad(12)}${m.serial.negative ? ' (Negative)' : ''}${bytes}`];
}

function publicKeyLines(m: CertificateModel): string[] {
  const pk = m.publicKey;
  const lines = ['        Subject Public Key Info:', `            Public Key Algorithm: ${pk.algorithm.name}`];
  if (pk.rsa) {
    lines.push(`${pad(16)}Public-Key: (${pk.sizeBits ?? 0} bit)`);
    lines.push(`${pad(16)}Modulus:`);
    const n = fromHex(pk.rsa.modulusHex);
    // ASN1_bn_print prefixes 00 when the top bit is set.
    const withSign = (n[0] ?? 0) & 0x80 ? Uint8Array.from([0, ...n]) : n;
    lines.push(...bufLines(withSign, 20));
    const e = BigInt(pk.rsa.exponent);
    if (e < 2n ** 64n) lines.push(`${pad(16)}Exponent: ${e.toString(10)} (0x${e.toString(16)})`);
    else {
      lines.push(`${pad(16)}Exponent:`);
      const eb = fromHex(e.toString(16).padStart(Math.ceil(e.toString(16).length / 2) * 2, '0'));
      lines.push(...bufLines((eb[0] ?? 0) & 0x80 ? Uint8Array.from([0, ...eb]) : eb, 20));
    }
  } else if (pk.ec) {
    lines.push(`${pad(16)}Public-Key: (${pk.sizeBits ?? 0} bit)`);
    lines.push(`${pad(16)}pub:`);
    lines.push(...bufLines(fromHex(pk.ec.pointHex), 20));
    lines.push(`${pad(16)}ASN1 OID: ${shortNameOrDotted(pk.ec.curveOid, { withJpki: false })}`);
    // ec_asn1.c ECPKParameters_print: the NIST alias when the curve has one.
    const nist: Record<string, string> = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521', '1.3.132.0.33': 'P-224', '1.2.840.10045.3.1.1': 'P-192' };
    const alias = nist[pk.ec.curveOid];
    if (alias) lines.push(`${pad(16)}NIST CURVE: ${alias}`);
  } else {
    lines.push(`${pad(16)}Unable to load Public Key`);
  }
  return lines;
}

/** ASN1_STRING_print: printable ASCII kept (plus \n, \r), everything else '.'. */
function asn1StringPrint(bytes: Uint8Array): string {
  return [...bytes].map((c) => ((c > 0x7e || (c < 0x20 && c !== 0x0a && c !== 0x0d)) ? '.' : String.fromCharCode(c))).join('');
}

function extensionLines(ext: ExtensionModel): string[] {
  const head = `            ${longNameOrDotted(ext.oid, { withJpki: false })}: ${ext.critical ? 'critical' : ''}`;
  const value = fromHex(ext.valueHex);
  let body: string[] | undefined;
  const decoder = extensionDecoder(ext.oid);
  if (decoder && ext.status === 'decoded') {
    try {
      // An empty line is printed empty, as openssl does between CRL distribution points.
      body = decoder.decode(decodeOne(value))?.openssl?.map((l) => (l === '' ? '' : pad(16) + l));
    } catch {
      body = undefined;
    }
  }
  return [head, ...(body ?? [pad(16) + asn1StringPrint(value)])];
}

function fieldText(f: Field, locale: Locale): string {
  const label = t(f.key, f.params ?? {}, locale);
  const enumText = f.valueKey ? t(f.valueKey, f.params ?? {}, locale) : '';
  const value = [f.value, enumText].filter((x) => x !== undefined && x !== '').join(' ');
  return value ? `${label}: ${value}` : label;
}

function annotate(fields: readonly Field[], indent: number, locale: Locale): string[] {
  const out: string[] = [];
  for (const f of fields) {
    out.push(`${pad(indent)}${ANNOTATION_MARK}${fieldText(f, locale)}`);
    if (f.children) out.push(...annotate(f.children, indent + 4, locale));
  }
  return out;
}

export interface TextOptions {
  /** Add the JPKI annotation lines (default true). */
  readonly annotations?: boolean;
  readonly locale?: Locale;
}

/** The certificate as `openssl x509 -text -noout` prints it, plus JPKI annotations. */
export function certificateText(m: CertificateModel, options: TextOptions = {}): string {
  const withNotes = options.annotations !== false && m.jpki !== undefined;
  const locale = options.locale ?? 'en';
  const jp = m.jpki;
  const lines: string[] = ['Certificate:', '    Data:', `        Version: ${m.version} (0x${(m.version - 1).toString(16)})`];
  lines.push(...serialLines(m));
  lines.push(`        Signature Algorithm: ${m.signatureAlgorithm.name}`);
  lines.push(`        Issuer: ${m.issuer.text}`);
  lines.push('        Validity');
  lines.push(`            Not Before: ${opensslTime(m.validity.notBefore)}`);
  lines.push(`            Not After : ${opensslTime(m.validity.notAfter)}`);
  lines.push(`        Subject: ${m.subject.text}`);
  if (withNotes && jp) {
    lines.push(...annotate([{ key: `pki.jpki.kind.${jp.kind}`, ...(jp.test ? { valueKey: 'pki.jpki.testHierarchy' } : {}) }], 12, locale));
    if (jp.cn) lines.push(...annotate(jp.cn, 12, locale));
  }
  lines.push(...publicKeyLines(m));
  if (m.extensions.length) {
    lines.push('        X509v3 extensions:');
    for (const ext of m.extensions) {
      lines.push(...extensionLines(ext));
      if (!withNotes || !jp) continue;
      if (ext.oid === '2.5.29.17' && jp.personal) lines.push(...annotate(jp.personal.fields, 16, locale));
      if (ext.oid === '2.5.29.17' && jp.subjectAltName) lines.push(...annotate([{ key: 'pki.jpki.subjectAltName', value: jp.subjectAltName }], 16, locale));
      if (ext.oid === '2.5.29.32' && jp.policies.length) lines.push(...annotate(jp.policies, 16, locale));
      if (ext.oid === '2.5.29.18' && jp.issuerAltName) lines.push(...annotate([{ key: 'pki.jpki.issuerAltName', value: jp.issuerAltName }], 16, locale));
    }
  }
  lines.push(`    Signature Algorithm: ${m.signature.algorithm.name}`);
  lines.push('    Signature Value:');
  const sig = [...fromHex(m.signature.valueHex)].map((b) => b.toString(16).padStart(2, '0'));
  for (let i = 0; i < sig.length; i += 18) lines.push(`        ${sig.slice(i, i + 18).join(':')}${i + 18 < sig.length ? ':' : ''}`);
  return `${lines.join('\n')}\n`;
}

/** The text with the annotation lines removed (what openssl prints). */
export function stripAnnotations(text: string): string {
  return text.split('\n').filter((l) => !l.trimStart().startsWith(ANNOTATION_MARK)).join('\n');
}
