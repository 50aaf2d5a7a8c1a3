/**
 * JPEG 2000 → RGBA pixels, for every screen that shows a card photo (券面AP EF 0002 DF27: JP2,
 * greyscale; the driver's licence DF2/EF01: a raw codestream, colour — jpki-card.md §5.2, §6).
 *
 * Decoder: OpenJPEG (the ISO/IEC 15444-1 reference implementation, BSD-2-Clause) built to
 * WebAssembly by @cornerstonejs/codec-openjpeg (MIT; cornerstonejs/codecs, releases through 2026;
 * decode-only build ≈ 56 KB JS + 260 KB wasm before gzip). Compared with:
 * - `jpeg2000` (Apache-2.0, pure JS, ≈ 83 KB): a one-off copy of pdf.js's old JPX decoder with one
 *   release; pdf.js itself replaced that decoder with OpenJPEG compiled to wasm. Smaller and needs no
 *   CSP change, but not maintained and not the reference decoder.
 * - `@abasb75/jpeg2000-decoder` (OpenJPEG in asm.js, ≈ 309 KB, one maintainer, few users) and
 *   `openjpeg` (an Emscripten port, last release 2024, ≈ 217 KB min.js): larger, less maintained.
 * - `@itk-wasm/htj2k`: HTJ2K (Part 15) oriented, a much larger toolchain.
 * The cost of wasm is one CSP source, 'wasm-unsafe-eval' in script-src (index.html); it allows
 * compiling WebAssembly only, not eval. The decoder build contains no `new Function`/`eval` (checked).
 *
 * The decoder is imported here lazily (dynamic import), so this module is cheap to import and the
 * codec chunk is fetched only when a photo is about to be decoded; workbox precaches the chunk and the
 * .wasm so it works offline. Pixels are returned to the caller and never kept here.
 */
import type { J2KDecoder, OpenJpegModule } from '@cornerstonejs/codec-openjpeg/decodewasmjs';
import { LensError } from '../errors';
import { checkJpeg2000Structure, type Jpeg2000Container } from './jpeg2000-structure';

export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row-major, alpha 255 unless the image has an alpha component. */
  readonly rgba: Uint8ClampedArray;
}

/** Decoder log lines of the current decode (for the error detail only; never printed to the console). */
let decoderLog: string[] = [];
let modulePromise: Promise<OpenJpegModule> | undefined;

const inNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

async function loadModule(): Promise<OpenJpegModule> {
  const [{ default: factory }, wasmUrl] = await Promise.all([
    import('@cornerstonejs/codec-openjpeg/decodewasmjs'),
    // In Node the Emscripten loader reads the .wasm beside its script itself; in the browser the
    // bundler gives the hashed asset's URL (same origin, so connect-src 'self' allows it).
    inNode ? Promise.resolve(undefined) : import('@cornerstonejs/codec-openjpeg/decodewasm?url').then((m: { default: string }) => m.default),
  ]);
  return factory({
    ...(wasmUrl ? { locateFile: () => wasmUrl } : {}),
    // OpenJPEG reports [INFO]/[WARNING]/[ERROR] lines here; Emscripten's default is console.log/error.
    print: (line) => decoderLog.push(line),
    printErr: (line) => decoderLog.push(line),
  });
}

function decoderModule(): Promise<OpenJpegModule> {
  modulePromise ??= loadModule().catch((cause: unknown) => {
    modulePromise = undefined; // let a later photo try again (e.g. after coming back online)
    throw new LensError('image-decoder-unavailable', {}, { cause });
  });
  return modulePromise;
}

/** Loads the decoder without decoding anything (for a screen that is about to show a photo). */
export async function preloadJpeg2000Decoder(): Promise<void> {
  await decoderModule();
}

/** OpenJPEG colour spaces whose samples we can show as they are (grey, or RGB). */
const SHOWN_AS_IS = new Set([-1, 0, 1, 2]);

function toRgba(samples: Uint8Array, width: number, height: number, components: number, bits: number, signed: boolean): Uint8ClampedArray {
  const n = width * height;
  const bytesPer = bits > 8 ? 2 : 1;
  const view = new DataView(samples.buffer, samples.byteOffset, samples.byteLength);
  const shift = Math.max(0, bits - 8);
  const offset = signed ? 1 << (bits - 1) : 0;
  const sample = (i: number): number => {
    let v = bytesPer === 2 ? view.getUint16(i * 2, true) : samples[i];
    if (signed) v = ((v << (32 - bits)) >> (32 - bits)) + offset; // sign-extend, then lift to unsigned
    return v >> shift;
  };
  const out = new Uint8ClampedArray(n * 4);
  for (let p = 0; p < n; p++) {
    const s = p * components;
    const o = p * 4;
    if (components < 3) {
      const g = sample(s);
      out[o] = out[o + 1] = out[o + 2] = g;
      out[o + 3] = components === 2 ? sample(s + 1) : 255;
    } else {
      out[o] = sample(s);
      out[o + 1] = sample(s + 1);
      out[o + 2] = sample(s + 2);
      out[o + 3] = components === 4 ? sample(s + 3) : 255;
    }
  }
  return out;
}

function runDecoder(codec: OpenJpegModule, bytes: Uint8Array, container: Jpeg2000Container): DecodedImage {
  const corrupt = (cause?: unknown): LensError =>
    new LensError('image-corrupt', { container }, { cause, detail: decoderLog.filter((l) => l.startsWith('[ERROR]')).join(' ') || undefined });
  decoderLog = [];
  let decoder: J2KDecoder | undefined;
  try {
    decoder = new codec.J2KDecoder();
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const info = decoder.getFrameInfo();
    const { width, height, componentCount: components, bitsPerSample: bits } = info;
    // A failed decode leaves an empty frame (OpenJPEG logs [ERROR] instead of throwing).
    if (width <= 0 || height <= 0 || components <= 0) throw corrupt();
    if (components > 4 || bits < 1 || bits > 16 || !SHOWN_AS_IS.has(decoder.getColorSpace())) {
      throw new LensError('image-unsupported', { components, bits, colorSpace: decoder.getColorSpace() });
    }
    const samples = decoder.getDecodedBuffer();
    if (samples.length !== width * height * components * (bits > 8 ? 2 : 1)) throw corrupt();
    return { width, height, rgba: toRgba(samples, width, height, components, bits, info.isSigned) };
  } catch (e) {
    if (e instanceof LensError) throw e;
    throw corrupt(e); // an Emscripten abort or a C++ exception from the wrapper
  } finally {
    decoder?.delete();
    decoderLog = [];
  }
}

/**
 * Decodes a JP2 file or a raw J2K codestream to RGBA. LensError `image-not-jpeg2000`,
 * `image-truncated`, `image-corrupt`, `image-unsupported` or `image-decoder-unavailable`.
 */
export async function decodeJpeg2000(bytes: Uint8Array): Promise<DecodedImage> {
  const container = checkJpeg2000Structure(bytes);
  const codec = await decoderModule();
  return runDecoder(codec, bytes, container);
}
