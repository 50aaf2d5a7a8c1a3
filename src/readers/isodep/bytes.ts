/**
 * Byte helpers of the contactless host stack (isodep/ and sony/). Builders return
 * `Uint8Array<ArrayBuffer>` so results are a BufferSource for WebUSB under TypeScript 6
 * (stack.md gotcha 7).
 */
export type Bytes = Uint8Array<ArrayBuffer>;

export function concat(...parts: readonly (ArrayLike<number> | number)[]): Bytes {
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

/** "D6 2A 01" / "d62a01" → bytes (whitespace ignored). */
export function fromHex(hex: string): Bytes {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new TypeError(`not hex: ${hex}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function toHex(b: ArrayLike<number>, sep = ' '): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(sep);
}

export function u16le(n: number): Bytes {
  return Uint8Array.of(n & 0xff, (n >> 8) & 0xff);
}

export function u32le(n: number): Bytes {
  return Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
}

export function readU32le(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
