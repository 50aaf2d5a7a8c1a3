// PEM <-> DER (RFC 7468). Pure and tiny on purpose: the app imports this eagerly (file drop, export)
// while the certificate model behind src/pki/index.ts is loaded lazily. No pkijs/asn1js import here.
import { LensError } from '../errors';

export interface PemBlock {
  /** The label between "BEGIN " and the dashes, e.g. "CERTIFICATE", "X509 CRL". */
  readonly label: string;
  readonly der: Uint8Array<ArrayBuffer>;
}

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const clean = b64.replace(/\s+/g, '');
  // RFC 7468 §3: strict base64 body (padding only at the end).
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new LensError('pki-bad-pem', {}, { detail: 'invalid base64 body' });
  }
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Does this file look like PEM text (as opposed to DER, which starts with a tag byte)? */
export function looksLikePem(data: Uint8Array | string): boolean {
  const text = typeof data === 'string' ? data : new TextDecoder('latin1').decode(data.subarray(0, 4096));
  return text.includes('-----BEGIN ');
}

/** Every PEM block in a text, in order. Throws `pki-bad-pem` when there is none or a body is broken. */
export function parsePem(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(PEM_RE)) {
    const body = m[2] ?? '';
    // Encapsulated headers (RFC 1421 "Proc-Type:") are not used for certificates; reject them plainly.
    if (body.includes(':')) throw new LensError('pki-bad-pem', {}, { detail: 'PEM headers are not supported' });
    blocks.push({ label: m[1] ?? '', der: base64ToBytes(body) });
  }
  if (blocks.length === 0) throw new LensError('pki-bad-pem', {}, { detail: 'no PEM block found' });
  return blocks;
}

/** PEM text with 64-character lines (RFC 7468 §2), ending in a newline. */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = bytesToBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * DER from a file's bytes, whichever encoding it used: PEM text (first block with one of `labels`)
 * or raw DER. Throws `pki-bad-pem` / `pki-empty-input`.
 */
export function derFromFile(data: Uint8Array, labels: readonly string[] = ['CERTIFICATE']): Uint8Array<ArrayBuffer> {
  if (data.length === 0) throw new LensError('pki-empty-input');
  if (!looksLikePem(data)) {
    const out = new Uint8Array(data.length);
    out.set(data);
    return out;
  }
  const blocks = parsePem(new TextDecoder('latin1').decode(data));
  const hit = blocks.find((b) => labels.includes(b.label));
  if (!hit) throw new LensError('pki-bad-pem', { expected: labels.join(' | ') }, { detail: 'no block with the expected label' });
  return hit.der;
}
