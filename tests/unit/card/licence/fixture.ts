/**
 * Byte builders for licence tests, written from jpki-card.md §9 (not from the decoders): simple TLV
 * with 1-byte or `82 HH LL` lengths, JIS X 0208 codes as hex (looked up once with an EUC-JP table:
 * EUC-JP byte − 0x80), era dates as JIS X 0201 digits.
 */
import { concat, fromHex } from '../../../../src/bytes';

export const J = {
  unten: '31 3F 45 3E',
  taro: '42 40 4F 3A',
  untenKana: '25 26 25 73 25 46 25 73',
  taroKana: '25 3F 25 6D 25 26',
  space: '21 21',
  address: '45 6C 35 7E 45 54 40 69 42 65 45 44 36 68 32 62 24 2C 34 58 23 32 43 7A 4C 5C 23 31 48 56 23 32 39 66',
  yuryo: '4D 25 4E 49',
  shinki: '3F 37 35 2C',
  sonota: '24 3D 24 4E 42 3E',
  megane: '34 63 36 40 45 79',
  atOnly: '23 41 23 54 38 42 44 6A',
  chugata8t: '43 66 37 3F 3C 56 24 4F 43 66 37 3F 3C 56 21 4A 23 38 23 74 21 4B 24 4B 38 42 24 6B',
  tokyoPsc: '45 6C 35 7E 45 54 38 78 30 42 30 51 30 77 32 71',
  newAddress: '3F 40 46 60 40 6E 38 29 32 23 49 4D 3B 54 43 66 36 68 23 31 43 7A 4C 5C',
  osakaPsc: '42 67 3A 65 49 5C 38 78 30 42 30 51 30 77 32 71',
  hanako: '32 56 3B 52',
  taka: '39 62',
} as const;

export const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

export function tlv(tag: number, value: Uint8Array | string): Uint8Array {
  const v = typeof value === 'string' ? fromHex(value) : value;
  const t = tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  const len = v.length > 0xff || v.length === 0x82 ? [0x82, v.length >> 8, v.length & 0xff] : [v.length];
  return concat(t, len, v);
}

/** Pad to `size` with FF filler, as the EFs are (§9.3 "FF marks filler end"). */
export function padded(size: number, ...parts: Uint8Array[]): Uint8Array {
  const body = concat(...parts);
  if (body.length > size) throw new Error(`fixture too long: ${body.length} > ${size}`);
  return concat(body, new Uint8Array(size - body.length).fill(0xff));
}

/** The 18 class tags 22–33 with dates; `held` maps tag → 7-digit era date, others get era + 000000. */
export function classTlvs(held: Record<number, string>): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let tag = 0x22; tag <= 0x33; tag++) out.push(tlv(tag, ascii(held[tag] ?? '5000000')));
  return out;
}

/** A full 記載事項 for a synthetic holder: 普通 and 準中型 held, 3 conditions, a 外字 in the name. */
export function entriesFixture(): Uint8Array {
  return padded(
    880,
    tlv(0x11, '08'),
    tlv(0x12, `${J.unten} ${J.space} FF F1 ${J.taro}`),
    tlv(0x13, `${J.untenKana} ${J.space} ${J.taroKana}`),
    tlv(0x14, ''),
    tlv(0x15, `${J.untenKana} ${J.space} ${J.taroKana}`),
    tlv(0x16, ascii('3360228')),
    tlv(0x17, J.address),
    tlv(0x18, ascii('5060415')),
    tlv(0x19, ascii('123')),
    tlv(0x1a, J.yuryo),
    tlv(0x1b, ascii('5110829')),
    tlv(0x1c, J.megane),
    tlv(0x1d, J.atOnly),
    tlv(0x1e, J.chugata8t),
    tlv(0x1f, ''),
    tlv(0x20, J.tokyoPsc),
    tlv(0x21, ascii('301234567890')),
    ...classTlvs({ 0x23: '4010110', 0x26: '4010110', 0x33: '4010110', 0x22: '3630401', 0x2b: '3630401' }),
  );
}

/** A 32×32 bitmap (128 bytes) with its top row and left column inked. */
export function cornerBitmap(): Uint8Array {
  const bitmap = new Uint8Array(128);
  bitmap.fill(0xff, 0, 4); // row 0
  for (let row = 0; row < 32; row++) bitmap[row * 4] |= 0x80; // column 0
  return bitmap;
}

/** 外字 EF03: two slots, each one TLV of 文字構成 (1 byte) + a 32×32 bitmap; slot 2 unused (all zero). */
export function gaijiFixture(): Uint8Array {
  return padded(264, tlv(0x01, concat([0x01], cornerBitmap())), tlv(0x02, concat([0x00], new Uint8Array(128))));
}
