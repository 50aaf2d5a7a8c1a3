/**
 * 外字 glyph bitmaps: DF1/EF03 holds 外字1–2 (264 bytes), DF1/EF05 外字3–7 after its 追記の有無 byte
 * (663 bytes) — jpki-card.md §9.1; the field list (文字構成n, 外字n) is TRET's comment in
 * `DriversLicenseCard.swift`. **UNCONFIRMED**: no source gives the bitmap's tags or geometry. What
 * the sizes suggest (264 = 2 × 132, 663 = 3 + 5 × 132) is a square 1-bit bitmap of 32 × 32 dots
 * (128 bytes) per glyph with a small 文字構成 value before it. The decoder is tolerant: every TLV
 * whose value is a square 1-bpp bitmap of 16, 24, 32, 48 or 64 dots — alone, or after 1–2 bytes
 * taken as its 文字構成 — is the next glyph, rows first, most significant bit left, 1 = ink; a
 * 1–3-byte TLV just before a bare bitmap is kept raw as its 文字構成. An all-zero bitmap is an
 * unused slot (its number is still counted).
 */
import { parseSimpleTlvs } from './tlv';

export interface Glyph {
  /** 外字 number as used by the text codes FFF1–FFF7. */
  readonly index: number;
  /** Dots per side. */
  readonly size: number;
  /** `size × size` booleans as bytes (1 = ink), row-major. */
  readonly dots: Uint8Array;
  /** The 文字構成 value before the bitmap, hex (meaning UNCONFIRMED). */
  readonly composition?: string;
}

const SIDES = [16, 24, 32, 48, 64];

/** A bitmap of `side` dots after `prefix` bytes of 文字構成, when `length` is exactly that. */
function shapeOf(length: number): { side: number; prefix: number } | undefined {
  for (const prefix of [0, 1, 2]) {
    const side = SIDES.find((n) => (n * n) / 8 === length - prefix);
    if (side !== undefined) return { side, prefix };
  }
  return undefined;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function bitmapDots(bitmap: Uint8Array, size: number): Uint8Array {
  const dots = new Uint8Array(size * size);
  for (let i = 0; i < dots.length; i++) dots[i] = (bitmap[i >> 3] >> (7 - (i & 7))) & 1;
  return dots;
}

/** Glyphs of one EF, numbered from `firstIndex` (1 for EF03, 3 for EF05). */
export function decodeGaiji(buf: Uint8Array, firstIndex: number): Glyph[] {
  const tlvs = parseSimpleTlvs(buf, 'gaiji');
  const out: Glyph[] = [];
  let index = firstIndex;
  let composition: string | undefined;
  for (const t of tlvs) {
    const shape = shapeOf(t.value.length);
    if (shape === undefined) {
      composition = t.value.length >= 1 && t.value.length <= 3 ? hex(t.value) : undefined;
      continue;
    }
    const bitmap = t.value.subarray(shape.prefix);
    if (shape.prefix > 0) composition = hex(t.value.subarray(0, shape.prefix));
    if (bitmap.some((b) => b !== 0)) {
      out.push({ index, size: shape.side, dots: bitmapDots(bitmap, shape.side), ...(composition !== undefined ? { composition } : {}) });
    }
    index++;
    composition = undefined;
  }
  return out;
}
