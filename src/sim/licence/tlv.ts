/**
 * The licence's simple TLV (jpki-card.md §9.3): one tag byte (two for `5F xx`), a length of one byte
 * below 0x80 or `82 HH LL`, the value. The card's own builder (house rule 1: nothing shared with the
 * host's parser).
 */
import { concat } from '../card/bytes';

export function length(n: number): Uint8Array<ArrayBuffer> {
  if (n < 0 || n > 0xffff) throw new RangeError(`sim licence: TLV length ${n}`);
  return n < 0x80 ? Uint8Array.of(n) : Uint8Array.of(0x82, n >> 8, n & 0xff);
}

export function tlv(tag: number | readonly number[], value: Uint8Array): Uint8Array<ArrayBuffer> {
  const t = typeof tag === 'number' ? [tag] : tag;
  return concat(Uint8Array.from(t), length(value.length), value);
}

/** `content` then `FF` up to the EF size (TLV readers stop at a tag `FF`, §9.3; TRET `convert`). */
export function efBody(content: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  if (content.length > size) throw new RangeError(`sim licence: ${content.length} bytes > EF size ${size}`);
  const out = new Uint8Array(size).fill(0xff);
  out.set(content);
  return out;
}
