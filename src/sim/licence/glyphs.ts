/**
 * Synthetic 外字 glyphs. A 外字 on the card is a 32×32-dot bitmap, one bit per dot, rows top to bottom,
 * MSB = leftmost dot, 128 bytes (UNCONFIRMED layout: inferred from the EF sizes — DF1/EF03 is 264 bytes =
 * two `tag 82 00 80 <128 bytes>` TLVs, EF05 663 = `A0 01 xx` + five of them — and the "ドット数"/
 * "文字構成" field names in peer code, jpki-card.md §9.1; matsusaka MF_DF1_EF03/EF05; TRET comments).
 * The real glyphs are kanji outside JIS X 0208; these are test patterns (a frame, a diagonal and n
 * dots for 外字n) so a test can tell them apart and a screen shows something recognisable.
 */
export const GLYPH_SIZE = 32;
export const GLYPH_BYTES = (GLYPH_SIZE * GLYPH_SIZE) / 8;

export function syntheticGlyph(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(GLYPH_BYTES);
  const set = (x: number, y: number): void => {
    out[y * (GLYPH_SIZE / 8) + (x >> 3)] |= 0x80 >> (x & 7);
  };
  for (let i = 2; i < GLYPH_SIZE - 2; i++) {
    set(i, 2);
    set(i, GLYPH_SIZE - 3);
    set(2, i);
    set(GLYPH_SIZE - 3, i);
    set(i, i); // the diagonal
  }
  for (let k = 0; k < n; k++) {
    const x = 6 + 3 * k;
    for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) set(x + dx, 24 + dy);
  }
  return out;
}
