/**
 * Structurally valid, clearly synthetic images for the 券面AP face data (jpki-card.md §5.2: the name and
 * address are PNG 1-bit renderings, the photo a greyscale JPEG 2000 in a JP2 container). They carry no
 * text or face: a PNG with a border and a JP2 whose codestream holds one empty packet (a flat grey
 * image). Written without zlib so that the browser bundle can build them too (stored deflate blocks).
 */
import { ascii, concat } from './bytes';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32(v: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

function u16(v: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.of((v >>> 8) & 0xff, v & 0xff);
}

/** RFC 1950 zlib stream of stored (uncompressed) RFC 1951 blocks. */
function zlibStored(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [Uint8Array.of(0x78, 0x01)];
  for (let at = 0; at < data.length || at === 0; at += 0xffff) {
    const chunk = data.subarray(at, at + 0xffff);
    const last = at + 0xffff >= data.length ? 1 : 0;
    parts.push(Uint8Array.of(last, chunk.length & 0xff, chunk.length >> 8, ~chunk.length & 0xff, (~chunk.length >> 8) & 0xff), chunk);
    if (data.length === 0) break;
  }
  let a = 1;
  let b = 0;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  parts.push(u32(((b << 16) | a) >>> 0));
  return concat(...parts);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const typed = concat(ascii(type), data);
  return concat(u32(data.length), typed, u32(crc32(typed)));
}

/** A 1-bit greyscale PNG (PNG spec §11.2.2, colour type 0, bit depth 1) showing a one-pixel border. */
export function syntheticPng(width: number, height: number): Uint8Array<ArrayBuffer> {
  const stride = Math.ceil(width / 8);
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const white = y > 0 && y < height - 1 && x > 0 && x < width - 1;
      if (white) raw[row + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  const ihdr = concat(u32(width), u32(height), Uint8Array.of(1, 0, 0, 0, 0));
  return concat(
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk('IHDR', ihdr),
    pngChunk('tEXt', ascii('Comment\0SYNTHETIC JPKI-TEST placeholder')),
    pngChunk('IDAT', zlibStored(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

function box(type: string, content: Uint8Array): Uint8Array<ArrayBuffer> {
  return concat(u32(8 + content.length), ascii(type), content);
}

/**
 * A greyscale JP2 (ISO/IEC 15444-1 Annex I) whose codestream is SOC, SIZ, COD (0 decomposition levels,
 * 1 layer, reversible 5/3), QCD, one tile-part with a single empty packet (`00`), EOC: it decodes to
 * a flat image (checked: OpenJPEG 2.5 `opj_decompress` decodes it to a 90×120 PGM). A `COM` marker says
 * it is synthetic.
 */
export function syntheticJp2(width: number, height: number): Uint8Array<ArrayBuffer> {
  const siz = concat(u16(0xff51), u16(41), u16(0), u32(width), u32(height), u32(0), u32(0), u32(width), u32(height), u32(0), u32(0), u16(1), Uint8Array.of(7, 1, 1));
  const cod = concat(u16(0xff52), u16(12), Uint8Array.of(0, 0), u16(1), Uint8Array.of(0, 0, 4, 4, 0, 1));
  const qcd = concat(u16(0xff5c), u16(4), Uint8Array.of(0x40, 0x40));
  const comment = ascii('SYNTHETIC JPKI-TEST placeholder');
  const com = concat(u16(0xff64), u16(4 + comment.length), u16(1), comment);
  const tileData = Uint8Array.of(0x00);
  const sot = concat(u16(0xff90), u16(10), u16(0), u32(12 + 2 + tileData.length), Uint8Array.of(0, 1));
  const codestream = concat(u16(0xff4f), siz, cod, qcd, com, sot, u16(0xff93), tileData, u16(0xffd9));
  const ihdr = box('ihdr', concat(u32(height), u32(width), u16(1), Uint8Array.of(7, 7, 0, 0)));
  const colr = box('colr', concat(Uint8Array.of(1, 0, 0), u32(17)));
  return concat(
    box('jP  ', Uint8Array.of(0x0d, 0x0a, 0x87, 0x0a)),
    box('ftyp', concat(ascii('jp2 '), u32(0), ascii('jp2 '))),
    box('jp2h', concat(ihdr, colr)),
    box('jp2c', codestream),
  );
}
