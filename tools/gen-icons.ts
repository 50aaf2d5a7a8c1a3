/**
 * Draws the app icons as PNG files (public/icons/): 192 and 512 px "any" icons with rounded
 * corners, and a 512 px maskable one whose emblem stays inside the central 80 % safe zone
 * (W3C Manifest "maskable" purpose). The emblem matches src/app/shell/emblem.ts: a white card with
 * a gold chip, seen through a light-blue lens.
 *
 * Shapes are signed-distance functions sampled 4×4 per pixel for anti-aliasing; the PNG is written
 * by hand (RFC 2083: signature, IHDR, one zlib IDAT, IEND) with node:zlib.
 *
 *   npx tsx tools/gen-icons.ts          # writes public/icons/*.png
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

type Rgba = readonly [number, number, number, number];
/** Signed distance from (x, y) to a shape in emblem units (64×64 box); negative inside. */
type Sdf = (x: number, y: number) => number;

const BRAND: Rgba = [0x17, 0x32, 0x4d, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [0xd9, 0xa6, 0x2e, 255];
const LINE: Rgba = [0x9f, 0xb3, 0xc8, 255];
const LENS: Rgba = [0x7f, 0xc4, 0xff, 255];

function roundRect(x0: number, y0: number, w: number, h: number, r: number): Sdf {
  const cx = x0 + w / 2;
  const cy = y0 + h / 2;
  return (x, y) => {
    const qx = Math.abs(x - cx) - (w / 2 - r);
    const qy = Math.abs(y - cy) - (h / 2 - r);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}
function ring(cx: number, cy: number, r: number, width: number): Sdf {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2;
}
function disc(cx: number, cy: number, r: number): Sdf {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}
function capsule(ax: number, ay: number, bx: number, by: number, width: number): Sdf {
  return (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const dx = bx - ax;
    const dy = by - ay;
    const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - dx * h, py - dy * h) - width / 2;
  };
}

/** The emblem, in paint order, in a 64×64 box (same geometry as emblem.ts). */
const EMBLEM: readonly [Sdf, Rgba][] = [
  [roundRect(6, 14, 44, 30, 5), WHITE],
  [roundRect(12, 22, 11, 9, 2), GOLD],
  [roundRect(12, 35, 22, 3, 1.5), LINE],
  [disc(42, 38, 10.5), [0x17, 0x32, 0x4d, 150]], // the glass: the card shows through, darkened
  [ring(42, 38, 13, 5), LENS],
  [capsule(51, 47, 59, 55, 6), LENS],
];

function over(dst: [number, number, number, number], src: Rgba, coverage: number): void {
  const a = (src[3] / 255) * coverage;
  const da = dst[3] / 255;
  const oa = a + da * (1 - a);
  if (oa === 0) return;
  for (let i = 0; i < 3; i++) dst[i] = (src[i] * a + dst[i] * da * (1 - a)) / oa;
  dst[3] = oa * 255;
}

function render(size: number, maskable: boolean): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  // "any": a rounded square with a transparent margin; maskable: full-bleed background, emblem
  // scaled into the safe zone (a circle of radius 40 % of the size).
  const bg: Sdf = maskable ? () => -1 : roundRect(2, 2, 60, 60, 13);
  const emblemScale = maskable ? 0.72 : 0.92; // of the 64-unit box
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = ((pxi + (sx + 0.5) / S) / size) * 64;
          const v = ((py + (sy + 0.5) / S) / size) * 64;
          const c: [number, number, number, number] = [0, 0, 0, 0];
          if (bg(u, v) <= 0) {
            over(c, BRAND, 1);
            const eu = 32 + (u - 32) / emblemScale;
            const ev = 32 + (v - 34.5) / emblemScale + 0; // the emblem's visual centre is at y≈34.5
            for (const [shape, colour] of EMBLEM) if (shape(eu, ev) <= 0) over(c, colour, 1);
          }
          const a = c[3] / 255;
          acc[0] += c[0] * a;
          acc[1] += c[1] * a;
          acc[2] += c[2] * a;
          acc[3] += a;
        }
      }
      const o = (py * size + pxi) * 4;
      const alpha = acc[3] / (S * S);
      px[o + 3] = Math.round(alpha * 255);
      for (let i = 0; i < 3; i++) px[o + i] = acc[3] > 0 ? Math.round(acc[i] / acc[3]) : 0;
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RFC 2083: 8-bit RGBA (colour type 6), filter 0 on every row. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The icons the manifest lists: file name, size, maskable. */
export const ICONS = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const;

export function renderIcon(size: number, maskable: boolean): Buffer {
  return encodePng(size, render(size, maskable));
}

export const ICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

function main(): void {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const [name, size, maskable] of ICONS) {
    writeFileSync(join(ICON_DIR, name), renderIcon(size, maskable));
    console.log(`wrote public/icons/${name}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
