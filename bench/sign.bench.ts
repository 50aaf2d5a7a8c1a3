// `npm run bench sign`: hashing a big file for a signature in bounded memory (issue 14).
//
// A 200 MB file is written to a temporary directory and opened as a file-backed Blob
// (`fs.openAsBlob`, what a browser's File is: bytes stay on disk and arrive as a stream), then hashed
// by src/sign/digest.ts (@noble/hashes SHA-256, chunk by chunk). Reported: throughput, the growth of
// the JS heap and of the process's resident memory during the hash (bounded = a few MB, not 200),
// progress callbacks, and agreement with `sha256sum`/node:crypto. Then the same through
// createDetachedSignature with the virtual card signing (one DigestInfo for the whole file).
import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JpkiAp } from '../src/card/jpki';
import { createVirtualMyNumberCard } from '../src/sim';
import { createDetachedSignature, verifyDetachedSignature } from '../src/sign/cms';
import { digestContent } from '../src/sign/digest';

const SIZE = 200 * 1024 * 1024;
const MB = 1024 * 1024;

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

async function nodeSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lens-bench-sign-'));
  const path = join(dir, 'big.bin');
  try {
    // Written in 8 MB pieces so the bench itself does not hold 200 MB.
    const piece = Buffer.alloc(8 * MB);
    for (let i = 0; i < piece.length; i++) piece[i] = (i * 2654435761) >>> 24;
    writeFileSync(path, '');
    for (let done = 0; done < SIZE; done += piece.length) writeFileSync(path, piece, { flag: 'a' });

    const blob = await openAsBlob(path);
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const rss0 = process.memoryUsage().rss;
    let peakHeap = heap0;
    let peakRss = rss0;
    let calls = 0;
    const t0 = performance.now();
    const digest = await digestContent(blob, {
      onProgress: () => {
        calls++;
        if (calls % 16 === 0) {
          const m = process.memoryUsage();
          peakHeap = Math.max(peakHeap, m.heapUsed);
          peakRss = Math.max(peakRss, m.rss);
        }
      },
    });
    const ms = performance.now() - t0;
    const expected = await nodeSha256(path);
    console.log(`file: ${SIZE / MB} MB on disk, hashed as a stream (fs.openAsBlob)`);
    console.log(`SHA-256 (@noble/hashes): ${hex(digest)} ${hex(digest) === expected ? '= node:crypto' : `≠ node:crypto ${expected}`}`);
    console.log(`time: ${ms.toFixed(0)} ms, ${(SIZE / MB / (ms / 1000)).toFixed(0)} MB/s; progress callbacks: ${calls}`);
    console.log(`JS heap growth (peak − start): ${((peakHeap - heap0) / MB).toFixed(1)} MB; resident set growth: ${((peakRss - rss0) / MB).toFixed(1)} MB (file: ${SIZE / MB} MB)`);

    const card = createVirtualMyNumberCard({ person: 'ordinary' });
    const ap = new JpkiAp(card);
    await ap.verifyPin('sign', 'ABC123');
    const signer = await ap.readCertificate('sign');
    const ca = await ap.readCertificate('sign-ca');
    const t1 = performance.now();
    const p7s = await createDetachedSignature({ content: blob, signer, chain: [ca], sign: (d) => ap.sign('sign', d) });
    const t2 = performance.now();
    const verified = await verifyDetachedSignature(p7s, blob, { trustTestRoots: true });
    const t3 = performance.now();
    console.log(`.p7s of the 200 MB file: ${p7s.length} bytes, made in ${(t2 - t1).toFixed(0)} ms (hash + card), verified in ${(t3 - t2).toFixed(0)} ms: ${verified.signatureValid ? 'valid' : `INVALID ${verified.problems.join(',')}`}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
