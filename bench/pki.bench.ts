// pki benchmark: (1) explaining 1,000 certificates in one process vs `openssl asn1parse` run once per
// file on the same files; (2) DER → render-ready model for one certificate; (3) the 100,000-input
// mutation fuzz of inspect/asn1 (too slow for the unit suite on 2 cores; tests run a seeded sample).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asn1Dump, certificateText, explainCertificate } from '../src/pki';
import { fuzz } from '../tests/unit/pki/fuzz-core';

const repo = resolve(fileURLToPath(import.meta.url), '../..');

function certFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...certFiles(p));
    else if (/\.(der|cer)$/.test(f)) out.push(p);
  }
  return out;
}

function ms(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

export async function run(): Promise<void> {
  const sources = [...certFiles(resolve(repo, '../shared/corpus/jpki-ca')), ...certFiles(join(repo, 'tests/fixtures/jpki-test'))];
  const ders = sources.map((f) => new Uint8Array(readFileSync(f)));
  const dir = mkdtempSync(join(tmpdir(), 'pki-bench-'));
  const files: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const f = join(dir, `c${i}.der`);
    writeFileSync(f, ders[i % ders.length] ?? new Uint8Array());
    files.push(f);
  }

  // Warm-up (module loading, JIT) is not part of the measurement.
  for (const d of ders) await explainCertificate(d);

  let t = process.hrtime.bigint();
  for (const f of files) {
    const der = new Uint8Array(readFileSync(f));
    const m = await explainCertificate(der);
    asn1Dump(der);
    certificateText(m);
  }
  const ours = ms(t);

  t = process.hrtime.bigint();
  for (const f of files) execFileSync('openssl', ['asn1parse', '-i', '-inform', 'DER', '-in', f]);
  const theirs = ms(t);
  rmSync(dir, { recursive: true, force: true });

  console.log(`1,000 certificates (${ders.length} distinct: real J-LIS roots + JPKI-TEST fixtures), read from disk:`);
  console.log(`  JPKI Lens, one process (model + asn1 dump + x509 text each): ${ours.toFixed(0)} ms (${(ours / 1000).toFixed(2)} ms/cert)`);
  console.log(`  openssl asn1parse, one process per file:                     ${theirs.toFixed(0)} ms (${(theirs / 1000).toFixed(2)} ms/cert)`);
  console.log(`  ratio openssl / JPKI Lens: ${(theirs / ours).toFixed(1)}×`);

  const one = ders.find((_, i) => sources[i]?.endsWith('ordinary/sign.der')) ?? ders[0] ?? new Uint8Array();
  const runs = 200;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = process.hrtime.bigint();
    await explainCertificate(one);
    times.push(ms(t));
  }
  times.sort((a, b) => a - b);
  console.log(`DER → render-ready model, sign certificate (${one.length} bytes), ${runs} runs: median ${(times[runs / 2] ?? 0).toFixed(2)} ms, p95 ${(times[Math.floor(runs * 0.95)] ?? 0).toFixed(2)} ms`);

  // PKI_FUZZ_COUNT=0 skips the fuzz (about 200 s for 100,000 on 2 cores).
  const count = Number(process.env.PKI_FUZZ_COUNT ?? 100_000);
  if (!count) return;
  t = process.hrtime.bigint();
  const stats = await fuzz(ders, count, 20261124);
  const codes = [...stats.lensErrors.entries()].map(([c, n]) => `${c} ${n}`).join(', ');
  console.log(`fuzz: ${count} mutated DER inputs × (asn1, inspect) = ${stats.total} runs in ${(ms(t) / 1000).toFixed(1)} s: ${stats.ok} results, named errors: ${codes}; no other exception`);
}
