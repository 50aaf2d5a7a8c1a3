/**
 * The PWA icons in public/icons/ are what tools/gen-icons.ts draws (byte for byte), valid PNGs of the
 * sizes the manifest declares; the maskable one is opaque edge to edge, the others have clear corners.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ICONS, ICON_DIR, renderIcon } from '../../../tools/gen-icons';

function decode(png: Buffer): { width: number; height: number; colourType: number; rgba: Buffer } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let off = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9]!;
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0); // filter type None, as written
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, colourType, rgba };
}

const alphaAt = (img: { width: number; rgba: Buffer }, x: number, y: number) => img.rgba[(y * img.width + x) * 4 + 3];

describe('PWA icons', () => {
  for (const [name, size, maskable] of ICONS) {
    it(`${name}: ${size}×${size} RGBA, identical to what the generator draws`, () => {
      const committed = readFileSync(join(ICON_DIR, name));
      expect(committed.equals(renderIcon(size, maskable))).toBe(true);
      const img = decode(committed);
      expect([img.width, img.height, img.colourType]).toEqual([size, size, 6]);
      const corners = [alphaAt(img, 0, 0), alphaAt(img, size - 1, 0), alphaAt(img, 0, size - 1), alphaAt(img, size - 1, size - 1)];
      if (maskable) {
        let transparent = 0;
        for (let i = 3; i < img.rgba.length; i += 4) if (img.rgba[i] < 255) transparent++;
        expect(transparent).toBe(0);
      } else {
        expect(corners).toEqual([0, 0, 0, 0]);
        expect(alphaAt(img, size / 2, size / 2)).toBe(255);
      }
    }, 60_000); // drawing 512 px with 4×4 supersampling takes seconds on a busy 2-core machine
  }
});
