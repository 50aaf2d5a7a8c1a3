/**
 * Byte helpers shared by every layer (dependency-free, like src/errors and src/trace). Builders
 * return `Uint8Array<ArrayBuffer>` so results are a BufferSource for WebUSB and WebCrypto under
 * TypeScript 6 (stack.md gotcha 7). src/sim keeps its own copies on purpose (house rule 1).
 */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Join byte arrays and single bytes into one new array. */
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

/** "00 A4 04 0C" / "00a4040c" → bytes (whitespace ignored). For constants and tests. */
export function fromHex(hex: string): Bytes {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new TypeError(`not hex: ${hex}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Upper-case hex with a separator between bytes, as APDUs and frames are usually written. */
export function toHex(b: ArrayLike<number>, sep = ' '): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(sep);
}
