/**
 * decodeJpeg2000 on the committed fixtures (tools/gen-images.ts, encoded by opj_compress): the
 * dimensions and a checksum of the pixels equal what OpenJPEG's own command-line decoder
 * (opj_decompress, Debian libopenjp2-tools) makes of the same file, here and now; truncated and
 * corrupt input gives the named errors.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeJpeg2000 } from '../../../src/image/jpeg2000';
import { checkJpeg2000Structure } from '../../../src/image/jpeg2000-structure';
import { isLensError } from '../../../src/errors';

const DIR = resolve(import.meta.dirname, '../../fixtures/images');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));

/** opj_decompress's output as netpbm (P5 grey / P6 RGB): width, height, channels and the samples. */
function opjDecompress(name: string, ext: 'pgm' | 'ppm'): { width: number; height: number; channels: number; samples: Uint8Array } {
  const work = mkdtempSync(join(tmpdir(), 'opj-'));
  try {
    const out = join(work, `out.${ext}`);
    execFileSync('opj_decompress', ['-i', join(DIR, name), '-o', out], { stdio: 'pipe' });
    const file = new Uint8Array(readFileSync(out));
    // Header: magic, width, height, maxval separated by whitespace (# comments allowed, opj_decompress
    // writes one), then one whitespace byte before the samples (netpbm(5)).
    const tokens: string[] = [];
    let at = 0;
    while (tokens.length < 4) {
      while (/\s/.test(String.fromCharCode(file[at]))) at++;
      if (file[at] === 0x23) {
        while (file[at] !== 0x0a) at++;
        continue;
      }
      let token = '';
      while (!/\s/.test(String.fromCharCode(file[at]))) token += String.fromCharCode(file[at++]);
      tokens.push(token);
    }
    const [magic, width, height, maxval] = tokens;
    expect(['P5', 'P6']).toContain(magic);
    expect(maxval).toBe('255');
    return { width: Number(width), height: Number(height), channels: magic === 'P5' ? 1 : 3, samples: file.subarray(at + 1) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The RGBA back to 1 or 3 samples per pixel, as netpbm holds them. */
function samplesOf(rgba: Uint8ClampedArray, channels: number): Uint8Array {
  const n = rgba.length / 4;
  const out = new Uint8Array(n * channels);
  for (let p = 0; p < n; p++) for (let c = 0; c < channels; c++) out[p * channels + c] = rgba[p * 4 + c];
  return out;
}

async function decodeError(bytes: Uint8Array): Promise<unknown> {
  try {
    await decodeJpeg2000(bytes);
  } catch (e) {
    return e;
  }
  throw new Error('decoded without an error');
}

describe('decodeJpeg2000 against opj_decompress', () => {
  it('face-grey.jp2 (JP2 container, greyscale): same size and pixels', async () => {
    const ref = opjDecompress('face-grey.jp2', 'pgm');
    const img = await decodeJpeg2000(fixture('face-grey.jp2'));
    expect([img.width, img.height]).toEqual([300, 400]);
    expect([img.width, img.height, ref.channels]).toEqual([ref.width, ref.height, 1]);
    expect(img.rgba.length).toBe(300 * 400 * 4);
    // grey: R = G = B, opaque
    for (let p = 0; p < img.rgba.length; p += 4) {
      if (img.rgba[p] !== img.rgba[p + 1] || img.rgba[p] !== img.rgba[p + 2] || img.rgba[p + 3] !== 255) throw new Error(`pixel ${p / 4} is not opaque grey`);
    }
    expect(sha256(samplesOf(img.rgba, 1))).toBe(sha256(ref.samples));
  });

  it('licence-photo.j2k (raw codestream, colour): same size and pixels', async () => {
    const ref = opjDecompress('licence-photo.j2k', 'ppm');
    const img = await decodeJpeg2000(fixture('licence-photo.j2k'));
    expect([img.width, img.height]).toEqual([240, 320]);
    expect([ref.width, ref.height, ref.channels]).toEqual([240, 320, 3]);
    expect(sha256(samplesOf(img.rgba, 3))).toBe(sha256(ref.samples));
    // really colour: the background is blue, not grey
    const [r, g, b] = img.rgba.subarray(0, 3);
    expect(b).toBeGreaterThan(r + 40);
    expect(b).toBeGreaterThan(g);
  });

  it('decodes twice in a row with one decoder instance (no state left over)', async () => {
    const a = await decodeJpeg2000(fixture('licence-photo.j2k'));
    const b = await decodeJpeg2000(fixture('licence-photo.j2k'));
    expect(sha256(new Uint8Array(b.rgba.buffer))).toBe(sha256(new Uint8Array(a.rgba.buffer)));
  });
});

describe('decodeJpeg2000: damaged input gives a named error', () => {
  it('opj_decompress also refuses the truncated and corrupt fixtures (they really are broken)', () => {
    for (const name of ['face-grey-truncated.jp2', 'face-grey-corrupt.jp2']) {
      let stderr = '';
      try {
        execFileSync('opj_decompress', ['-i', join(DIR, name), '-o', join(tmpdir(), `opj-${process.pid}-refused.pgm`)], { stdio: 'pipe' });
      } catch (e) {
        stderr = String((e as { stderr?: Buffer }).stderr ?? '') + String((e as { stdout?: Buffer }).stdout ?? '');
      }
      expect(stderr, name).toMatch(/\[ERROR\]/);
    }
  });

  it('face-grey-truncated.jp2 → image-truncated', async () => {
    const e = await decodeError(fixture('face-grey-truncated.jp2'));
    expect(isLensError(e, 'image-truncated')).toBe(true);
  });

  it('face-grey-corrupt.jp2 (SIZ with 0 components) → image-corrupt, OpenJPEG’s reason in the detail', async () => {
    const e = await decodeError(fixture('face-grey-corrupt.jp2'));
    expect(isLensError(e, 'image-corrupt')).toBe(true);
    expect((e as Error).message).toMatch(/SIZ/);
  });

  it('the raw codestream cut anywhere after its main header → image-truncated (OpenJPEG alone would show a partial picture)', async () => {
    const full = fixture('licence-photo.j2k');
    for (const length of [full.length - 1, full.length - 2, Math.floor(full.length * 0.7), 200]) {
      const e = await decodeError(full.subarray(0, length));
      expect(isLensError(e, 'image-truncated'), `cut at ${length}`).toBe(true);
    }
  });

  it('a JP2 cut inside its header boxes, or missing its codestream box → image-truncated', () => {
    const full = fixture('face-grey.jp2');
    for (const length of [12, 20, 40, 0x55]) {
      expect(() => checkJpeg2000Structure(full.subarray(0, length)), `cut at ${length}`).toThrow(/image-truncated/);
    }
  });

  it('neither JP2 nor a codestream (a PNG, empty input) → image-not-jpeg2000', async () => {
    for (const bytes of [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), new Uint8Array(0)]) {
      const e = await decodeError(bytes);
      expect(isLensError(e, 'image-not-jpeg2000')).toBe(true);
    }
  });

  it('tile data overwritten with a marker the tile part does not allow → image-corrupt, not a crash', async () => {
    const bad = fixture('licence-photo.j2k').slice();
    // Replace the first SOT with an unknown marker where a SOT or EOC must stand.
    const sot = bad.findIndex((v, i) => v === 0xff && bad[i + 1] === 0x90);
    bad[sot + 1] = 0x20;
    const e = await decodeError(bad);
    expect(isLensError(e)).toBe(true);
  });
});
