/**
 * Byte helpers of the contactless host stack (isodep/ and sony/); the generic ones come from
 * src/bytes, the little-endian ones are Port-100's and CCID's field order.
 */
export { concat, fromHex, toHex, type Bytes } from '../../bytes';
import type { Bytes } from '../../bytes';

export function u16le(n: number): Bytes {
  return Uint8Array.of(n & 0xff, (n >> 8) & 0xff);
}

export function u32le(n: number): Bytes {
  return Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
}

export function readU32le(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
