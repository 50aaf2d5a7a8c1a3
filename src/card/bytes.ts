/**
 * Small byte helpers for the card layer. Builders return `Uint8Array<ArrayBuffer>` so the result is a
 * BufferSource for WebCrypto and WebUSB under TypeScript 6 (stack.md gotcha 7).
 */
export type Bytes = Uint8Array<ArrayBuffer>;

export function bytes(...parts: readonly (ArrayLike<number> | number)[]): Bytes {
  let n = 0;
  for (const p of parts) n += typeof p === 'number' ? 1 : p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    if (typeof p === 'number') out[at++] = p;
    else {
      out.set(p, at);
      at += p.length;
    }
  }
  return out;
}

/** "00 A4 04 0C" / "00a4040c" → bytes (whitespace ignored). For constants and tests. */
export function fromHex(hex: string): Bytes {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new TypeError(`not hex: ${hex}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Upper-case hex with a space between bytes, as APDUs are usually written. */
export function toHex(b: ArrayLike<number>, sep = ' '): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(sep);
}

export function hex4(n: number): string {
  return (n & 0xffff).toString(16).padStart(4, '0').toUpperCase();
}

export function equalBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

/** A copy that owns its own ArrayBuffer (subarray views would keep the whole response alive). */
export function copy(b: Uint8Array, start = 0, end = b.length): Bytes {
  return b.slice(start, end);
}

export function ascii(b: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

export function fromAscii(s: string): Bytes {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) throw new TypeError('not ASCII');
    out[i] = c;
  }
  return out;
}
