/**
 * Draws two synthetic ID photos and encodes them with OpenJPEG's own encoder (`opj_compress`, Debian
 * `libopenjp2-tools`), so the decoder is tested on what a real JPEG 2000 encoder writes, not on
 * bytes we made ourselves:
 *
 * - `face-grey.jp2`: a greyscale 300×400 head-and-shoulders photo in the JP2 container, ≈ 4 KB — the
 *   shape of the 券面AP EF 0002 DF27 photo (jpki-card.md §5.2: "JPEG 2000 in JP2 container
 *   (greyscale)"; the pixel size is not recorded there, so 3:4 portrait is our choice).
 * - `licence-photo.j2k`: a colour 240×320 photo as a raw codestream (starts `FF 4F`), ≈ 2 KB — the
 *   shape of the driver's licence DF2/EF01 photo (jpki-card.md §6: "~2000 bytes … JPEG 2000
 *   codestream"; again the pixel size is our choice).
 * - `face-grey-truncated.jp2`: the first half of `face-grey.jp2` (a read that stopped early).
 * - `face-grey-corrupt.jp2`: `face-grey.jp2` with its SIZ marker's component count set to 0 (a header
 *   no decoder can use; the box structure and length are intact).
 *
 * Nobody real is drawn: ellipses and gradients with a seeded noise. The PGM/PPM input is written to
 * a temporary folder; the outputs are deterministic for a given opj_compress version (2.5.0 here).
 *
 *   npx tsx tools/gen-images.ts        # writes tests/fixtures/images/*
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Rgb = readonly [number, number, number];
/** Paints one pixel: returns the colour, or undefined to leave what is underneath. */
type Layer = (x: number, y: number) => Rgb | undefined;

/** A small seeded PRNG (mulberry32) so the noise — and so the encoded file — is the same every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function inEllipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number): number {
  return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
}
const mix = (a: Rgb, b: Rgb, f: number): Rgb => [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];

/** A head-and-shoulders portrait in a w×h frame, in the given palette. */
function portrait(w: number, h: number, palette: { bgTop: Rgb; bgBottom: Rgb; skin: Rgb; hair: Rgb; cloth: Rgb; feature: Rgb }): Layer[] {
  const cx = w / 2;
  const headY = h * 0.4;
  const rx = w * 0.26;
  const ry = h * 0.25;
  return [
    (_x, y) => mix(palette.bgTop, palette.bgBottom, y / h),
    // shoulders and clothing
    (x, y) => (inEllipse(x, y, cx, h * 1.02, w * 0.5, h * 0.3) <= 1 ? mix(palette.cloth, [0, 0, 0], Math.abs(x - cx) / w) : undefined),
    // neck
    (x, y) => (Math.abs(x - cx) < w * 0.1 && y > headY && y < h * 0.8 ? mix(palette.skin, [0, 0, 0], 0.15) : undefined),
    // hair behind the head
    (x, y) => (inEllipse(x, y, cx, headY - ry * 0.1, rx * 1.12, ry * 1.08) <= 1 && y < headY + ry * 0.3 ? palette.hair : undefined),
    // the face, shaded towards its edge
    (x, y) => {
      const d = inEllipse(x, y, cx, headY + ry * 0.05, rx, ry);
      return d <= 1 ? mix(palette.skin, [0, 0, 0], 0.25 * d * d) : undefined;
    },
    // fringe
    (x, y) => (inEllipse(x, y, cx, headY - ry * 0.75, rx * 1.02, ry * 0.42) <= 1 ? palette.hair : undefined),
    // eyebrows, eyes, nose shadow, mouth
    (x, y) => (inEllipse(x, y, cx - rx * 0.4, headY - ry * 0.18, rx * 0.2, ry * 0.035) <= 1 ? palette.hair : undefined),
    (x, y) => (inEllipse(x, y, cx + rx * 0.4, headY - ry * 0.18, rx * 0.2, ry * 0.035) <= 1 ? palette.hair : undefined),
    (x, y) => (inEllipse(x, y, cx - rx * 0.4, headY - ry * 0.02, rx * 0.13, ry * 0.05) <= 1 ? palette.feature : undefined),
    (x, y) => (inEllipse(x, y, cx + rx * 0.4, headY - ry * 0.02, rx * 0.13, ry * 0.05) <= 1 ? palette.feature : undefined),
    (x, y) => (inEllipse(x, y, cx + rx * 0.06, headY + ry * 0.25, rx * 0.07, ry * 0.15) <= 1 ? mix(palette.skin, [0, 0, 0], 0.3) : undefined),
    (x, y) => (inEllipse(x, y, cx, headY + ry * 0.55, rx * 0.32, ry * 0.05) <= 1 ? mix(palette.feature, palette.skin, 0.4) : undefined),
  ];
}

/** Renders layers to interleaved 8-bit samples (1 or 3 per pixel), with ±3 of seeded noise like a scan. */
function render(w: number, h: number, layers: Layer[], channels: 1 | 3, seed: number): Uint8Array {
  const out = new Uint8Array(w * h * channels);
  const noise = prng(seed);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let c: Rgb = [0, 0, 0];
      for (const layer of layers) c = layer(x + 0.5, y + 0.5) ?? c;
      const n = (noise() - 0.5) * 6;
      const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v + n)));
      const i = (y * w + x) * channels;
      if (channels === 1) out[i] = clamp(0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]);
      else [out[i], out[i + 1], out[i + 2]] = [clamp(c[0]), clamp(c[1]), clamp(c[2])];
    }
  }
  return out;
}

/** Netpbm binary PGM (P5) or PPM (P6): the input format opj_compress reads. */
function netpbm(w: number, h: number, channels: 1 | 3, samples: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`${channels === 1 ? 'P5' : 'P6'}\n${w} ${h}\n255\n`);
  const out = new Uint8Array(header.length + samples.length);
  out.set(header);
  out.set(samples, header.length);
  return out;
}

/** The offset of the SIZ marker (FF 51) in a codestream or JP2 file: the one that follows SOC (FF 4F). */
export function sizMarkerOffset(bytes: Uint8Array): number {
  for (let i = 0; i + 3 < bytes.length; i++) if (bytes[i] === 0xff && bytes[i + 1] === 0x4f && bytes[i + 2] === 0xff && bytes[i + 3] === 0x51) return i + 2;
  throw new Error('no SOC + SIZ in the file');
}

export function generateImages(outDir: string): Record<string, Uint8Array> {
  const work = mkdtempSync(join(tmpdir(), 'gen-images-'));
  try {
    const encode = (name: string, w: number, h: number, channels: 1 | 3, samples: Uint8Array, ratio: number): Uint8Array => {
      const input = join(work, `${name}.${channels === 1 ? 'pgm' : 'ppm'}`);
      writeFileSync(input, netpbm(w, h, channels, samples));
      const output = join(work, name);
      // -r: compression ratio (one quality layer), -n 5 resolutions (the default is 6; 5 fits 240 px).
      execFileSync('opj_compress', ['-i', input, '-o', output, '-r', String(ratio), '-n', '5'], { stdio: 'pipe' });
      return new Uint8Array(readFileSync(output));
    };
    const grey = portrait(300, 400, { bgTop: [214, 214, 214], bgBottom: [236, 236, 236], skin: [210, 178, 156], hair: [38, 34, 32], cloth: [70, 74, 82], feature: [40, 36, 36] });
    const colour = portrait(240, 320, { bgTop: [120, 168, 214], bgBottom: [168, 200, 232], skin: [226, 186, 160], hair: [44, 34, 30], cloth: [34, 46, 84], feature: [60, 40, 40] });
    const face = encode('face-grey.jp2', 300, 400, 1, render(300, 400, grey, 1, 0x5eed01), 30);
    const licence = encode('licence-photo.j2k', 240, 320, 3, render(240, 320, colour, 3, 0x5eed02), 115);
    const truncated = face.slice(0, Math.floor(face.length / 2));
    const corrupt = face.slice();
    // SIZ: FF51 Lsiz(2) Rsiz(2) Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz (4 each) Csiz(2) — ITU-T T.800 §A.5.1.
    const csiz = sizMarkerOffset(corrupt) + 2 + 2 + 2 + 32;
    corrupt[csiz] = 0;
    corrupt[csiz + 1] = 0;
    const files: Record<string, Uint8Array> = {
      'face-grey.jp2': face,
      'licence-photo.j2k': licence,
      'face-grey-truncated.jp2': truncated,
      'face-grey-corrupt.jp2': corrupt,
    };
    mkdirSync(outDir, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(outDir, name), bytes);
    return files;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const files = generateImages(join(root, 'tests/fixtures/images'));
  for (const [name, bytes] of Object.entries(files)) console.log(`${name}: ${bytes.length} bytes`);
}
