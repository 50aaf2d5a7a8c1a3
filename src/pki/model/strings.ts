// Text of ASN.1 character strings by type, and openssl's two ways of printing a DN:
// X509_NAME_print_ex(…, XN_FLAG_ONELINE) (crypto/x509/a_strex.c do_name_ex/do_buf/do_esc_char) used by
// `x509 -text` for Issuer/Subject and CRL DP DirNames, and X509_NAME_oneline (crypto/x509/x509_obj.c)
// used for DirName inside SubjectAltName/IssuerAltName, which escapes every byte outside ' '..'~' as \xHH
// and silently stops at 255 characters (why openssl shows only `/C=JP/O=…` of the JPKI CA SAN).
import { latin1, toHex, utf8Lenient } from '../bytes';
import type { StringTypeName } from './types';

export const STRING_TYPES: Readonly<Record<number, StringTypeName>> = {
  12: 'UTF8String', 18: 'NumericString', 19: 'PrintableString', 20: 'TeletexString', 22: 'IA5String',
  26: 'VisibleString', 27: 'GeneralString', 28: 'UniversalString', 30: 'BMPString',
};

/** Code points of a string value as openssl reads them for printing (width by type). */
export function codePoints(tag: number, bytes: Uint8Array): number[] | undefined {
  const out: number[] = [];
  if (tag === 12) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    for (const ch of text) out.push(ch.codePointAt(0) ?? 0xfffd);
    return out;
  }
  if (tag === 30) {
    if (bytes.length % 2) return undefined;
    for (let i = 0; i < bytes.length; i += 2) out.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return out;
  }
  if (tag === 28) {
    if (bytes.length % 4) return undefined;
    for (let i = 0; i < bytes.length; i += 4) {
      out.push((((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)) >>> 0);
    }
    return out;
  }
  for (const b of bytes) out.push(b);
  return out;
}

/** A display string for a value of universal string type `tag`. */
export function stringValue(tag: number, bytes: Uint8Array): string {
  if (tag === 12) return utf8Lenient(bytes);
  if (tag === 30 || tag === 28) {
    const cps = codePoints(tag, bytes);
    return cps ? String.fromCodePoint(...cps.map((c) => (c > 0x10ffff ? 0xfffd : c))) : toHex(bytes);
  }
  return latin1(bytes);
}

// a_strex.c character classes (crypto/asn1/charmap.h), as observed with openssl 3.0.19: with
// ESC_QUOTE these make the whole value quoted (the char itself stays raw) ...
const QUOTED = new Set([...',+<>;']);
// ... while these are always backslash-escaped, quoted or not.
const BACKSLASHED = new Set(['"', '\\']);

/** do_print_ex for one value with XN_FLAG_ONELINE (ASN1_STRFLGS_RFC2253 | ESC_QUOTE). */
export function opensslOnelineValue(tag: number, content: Uint8Array, der: Uint8Array): string {
  const width: Record<number, number> = { 12: 0, 18: 1, 19: 1, 20: 1, 22: 1, 23: 1, 24: 1, 26: 1, 28: 4, 30: 2 };
  // DUMP_UNKNOWN + DUMP_DER: a value that is not a string type is shown as '#' + hex of its DER.
  if (!(tag in width)) return `#${toHex(der)}`;
  const cps = codePoints(tag, content) ?? [];
  let quote = false;
  let out = '';
  cps.forEach((c, i) => {
    const first = i === 0;
    const last = i === cps.length - 1;
    const bytes = c > 0x7f ? [...new TextEncoder().encode(String.fromCodePoint(c > 0x10ffff ? 0xfffd : c))] : [c];
    for (const b of bytes) {
      if (b > 0x7f) {
        out += `\\${b.toString(16).toUpperCase().padStart(2, '0')}`;
        continue;
      }
      const ch = String.fromCharCode(b);
      if (BACKSLASHED.has(ch)) {
        out += `\\${ch}`;
      } else if (QUOTED.has(ch) || ((first || last) && ch === ' ') || (first && ch === '#')) {
        // ESC_QUOTE: the value is put in double quotes instead of backslash-escaping the char.
        quote = true;
        out += ch;
      } else if (b < 0x20 || b === 0x7f) {
        out += `\\${b.toString(16).toUpperCase().padStart(2, '0')}`;
      } else {
        out += ch;
      }
    }
  });
  return quote ? `"${out}"` : out;
}

export interface NameEntryForPrint {
  readonly shortName: string;
  readonly tag: number;
  readonly content: Uint8Array;
  readonly der: Uint8Array;
}

/** `C = JP, O = JPKI` (XN_FLAG_ONELINE: ", " between RDNs, " + " inside one, " = "). */
export function opensslOnelineName(rdns: readonly (readonly NameEntryForPrint[])[]): string {
  return rdns
    .map((rdn) => rdn.map((e) => `${e.shortName} = ${opensslOnelineValue(e.tag, e.content, e.der)}`).join(' + '))
    .join(', ');
}

/** X509_NAME_oneline(name, buf, 256): `/C=JP/O=\xE5…`, cut before the entry that would pass 255 chars. */
export function opensslNameOneline(rdns: readonly (readonly NameEntryForPrint[])[], bufferSize = 256): string {
  const max = bufferSize - 1;
  let out = '';
  for (const rdn of rdns) {
    let sep = '/';
    for (const e of rdn) {
      let q = e.content;
      // GeneralString of 4-byte groups with only the last byte used: print that byte (x509_obj.c gs_doit).
      if (e.tag === 27 && q.length % 4 === 0) {
        const used = [0, 1, 2, 3].map((k) => q.some((b, j) => j % 4 === k && b !== 0));
        if (!used[0] && !used[1] && !used[2]) q = q.filter((_, j) => j % 4 === 3);
      }
      let v = '';
      for (const b of q) {
        if (b < 0x20 || b > 0x7e) v += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
        else if (b === 0x2f || b === 0x2b) v += `\\${String.fromCharCode(b)}`;
        else v += String.fromCharCode(b);
      }
      const piece = `${sep}${e.shortName}=${v}`;
      if (out.length + piece.length > max) return out;
      out += piece;
      sep = '+';
    }
  }
  return out;
}
