// `npm run bench image`: what showing a card photo costs.
//
// 1. The decoder's download: src/image/jpeg2000.ts built on its own (vite, as the app builds it, into
//    reports/bench-image) — its JS chunks and the .wasm, gzip -9 — i.e. what the browser fetches the
//    first time a photo is about to be shown (precached afterwards).
// 2. Decode time of the fixture photos (tests/fixtures/images, opj_compress-made) in Node with the same
//    wasm: the first decode (instantiating the module included) and the median of RUNS warm decodes.
// 3. The app's initial JS, gzip (the decoder must not be in it; see `npm run bench app` for the list).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import { decodeJpeg2000 } from '../src/image/jpeg2000';
import { initialJs } from './app.bench';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'reports/bench-image');
const RUNS = 21;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function decoderSize(): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    build: {
      outDir: OUT,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: join(ROOT, 'src/image/jpeg2000.ts'), preserveEntrySignatures: 'exports-only', output: { entryFileNames: 'entry-[hash].js' } },
    },
  });
  const files = readdirSync(join(OUT, 'assets'), { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  const entries = [...readdirSync(OUT).filter((f) => f.endsWith('.js')).map((f) => join(OUT, f)), ...files.map((f) => join(OUT, 'assets', f))];
  let total = 0;
  const parts: string[] = [];
  for (const f of entries.filter((f) => /\.(js|wasm)$/.test(f))) {
    const bytes = readFileSync(f);
    const g = gz(bytes);
    total += g;
    parts.push(`${f.slice(OUT.length + 1).replace(/-[\w-]{8}\./, '.')} ${kb(bytes.length)} raw / ${kb(g)} gzip`);
  }
  console.log(`JPEG 2000 decoder download (lazy, precached): ${kb(total)} gzip in total`);
  for (const p of parts) console.log(`  ${p}`);
}

async function decodeTimes(): Promise<void> {
  for (const name of ['face-grey.jp2', 'licence-photo.j2k']) {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/images', name)));
    const t0 = performance.now();
    const first = await decodeJpeg2000(bytes);
    const firstMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await decodeJpeg2000(bytes);
      times.push(performance.now() - t);
    }
    console.log(
      `decode ${name} (${bytes.length} bytes → ${first.width}×${first.height}): first ${firstMs.toFixed(1)} ms (module instantiated${name === 'face-grey.jp2' ? '' : ' already'}), warm median ${median(times).toFixed(2)} ms of ${RUNS}`,
    );
  }
}

export async function run(): Promise<void> {
  await decoderSize();
  await decodeTimes();
  const initial = initialJs();
  console.log(`initial JS: ${kb(initial.gzip)} gzip in ${initial.chunks.length} chunk(s) (target ≤ 80 KB); decoder in it: ${initial.chunks.some((c) => /openjpeg|jpeg2000/.test(c)) ? 'YES (should be lazy)' : 'no'}`);
  // Issue 13 item 9: before it, both languages' catalogs were in the initial JS.
  console.log(`initial JS after item 9 (one language's catalogs, the other loaded on a switch): ja ${kb(initial.gzip + initial.language.ja)}, en ${kb(initial.gzip + initial.language.en)} gzip (static graph ${kb(initial.gzip)} + catalogs ja ${kb(initial.language.ja)} / en ${kb(initial.language.en)})`);
}
