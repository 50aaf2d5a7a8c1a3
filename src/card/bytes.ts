/**
 * Byte helpers of the card layer; the generic ones come from src/bytes.
 */
import { concat, type Bytes } from '../bytes';

export { fromHex, toHex, type Bytes } from '../bytes';

/** Join byte arrays and single bytes (the card layer's name for `concat`). */
export const bytes: (...parts: readonly (ArrayLike<number> | number)[]) => Bytes = concat;

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
