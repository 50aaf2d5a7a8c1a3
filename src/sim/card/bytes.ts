/** Byte helpers of the simulator — the virtual card, the card-side T=1, the reader doubles (sim/ shares no
 * codec with the host side, house rule 1). */

export function concat(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function ascii(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

export function fromHex(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/[^0-9a-fA-F]/g, '');
  if (clean.length % 2) throw new Error('sim: odd hex length');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** BER definite length (1, 81 xx or 82 xx xx) — ISO/IEC 8825-1 §8.1.3. */
export function berLength(n: number): Uint8Array<ArrayBuffer> {
  if (n < 0x80) return Uint8Array.of(n);
  if (n < 0x100) return Uint8Array.of(0x81, n);
  return Uint8Array.of(0x82, n >> 8, n & 0xff);
}

/** One BER TLV; `tag` is given as its bytes (e.g. [0xDF, 0x22]). */
export function tlv(tag: readonly number[], value: Uint8Array): Uint8Array<ArrayBuffer> {
  return concat(Uint8Array.from(tag), berLength(value.length), value);
}

/** `content` followed by `filler` up to `size` bytes (EFs are larger than their TLV, jpki-card.md §10.8). */
export function padTo(content: Uint8Array, size: number, filler: number): Uint8Array<ArrayBuffer> {
  if (content.length > size) throw new RangeError(`content ${content.length} > EF size ${size}`);
  const out = new Uint8Array(size).fill(filler);
  out.set(content);
  return out;
}
