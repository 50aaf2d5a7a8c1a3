// Small byte helpers shared by the pki modules. No pkijs import here: the app loads these eagerly.

/** Upper-case hex, no separators ("0A1B"). */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s.toUpperCase();
}

/** Hex with a separator between bytes, e.g. colon-separated fingerprints ("0A:1B"). */
export function toHexSeparated(bytes: Uint8Array, sep = ':', lower = false): string {
  const parts: string[] = [];
  for (const b of bytes) parts.push(b.toString(16).padStart(2, '0'));
  const s = parts.join(sep);
  return lower ? s : s.toUpperCase();
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const clean = hex.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new RangeError('not a hex string');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A copy backed by its own ArrayBuffer (what WebCrypto and pkijs want as BufferSource). */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** UTF-8 without throwing: invalid sequences become U+FFFD, as a terminal shows openssl's raw output. */
export function utf8Lenient(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** ISO-8859-1: one char per byte, for byte-oriented string types that are not UTF-8. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
