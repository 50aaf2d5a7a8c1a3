// Mutation fuzzing of inspect/asn1 (shared by the unit test's seeded sample and the 100k run in
// bench/pki.bench.ts): every mutated DER must give a result or a LensError, never another exception.
import { asn1Dump, explainCertificate, parseAsn1Tree } from '../../../src/pki';
import { isLensError } from '../../../src/errors';
import { prng as rng } from '../helpers/prng';
export { prng as rng } from '../helpers/prng';


/** One mutation: flip/set bytes (biased to headers), truncate, insert, or splice. */
export function mutate(src: Uint8Array, r: () => number): Uint8Array {
  const b = src.slice();
  const pick = () => Math.floor(r() * b.length);
  switch (Math.floor(r() * 6)) {
    case 0: { const i = pick(); b[i] = (b[i] ?? 0) ^ (1 << Math.floor(r() * 8)); return b; }
    case 1: { for (let k = 0; k < 1 + Math.floor(r() * 4); k++) b[pick()] = Math.floor(r() * 256); return b; }
    case 2: return b.subarray(0, pick());
    case 3: { const i = pick(); const ins = Uint8Array.from({ length: 1 + Math.floor(r() * 4) }, () => Math.floor(r() * 256)); return Uint8Array.from([...b.subarray(0, i), ...ins, ...b.subarray(i)]); }
    case 4: { const i = Math.min(pick(), 64); b[i] = [0x80, 0x81, 0x82, 0x84, 0x00, 0xff][Math.floor(r() * 6)] ?? 0; return b; } // length octets
    default: { const i = pick(); const j = pick(); return Uint8Array.from([...b.subarray(0, Math.min(i, j)), ...b.subarray(Math.max(i, j))]); }
  }
}

export interface FuzzStats { total: number; ok: number; lensErrors: Map<string, number> }

/** Run `count` mutations over `corpus`; throws on the first non-LensError (with the input hex). */
export async function fuzz(corpus: readonly Uint8Array[], count: number, seed: number, withModel = true): Promise<FuzzStats> {
  const r = rng(seed);
  const stats: FuzzStats = { total: 0, ok: 0, lensErrors: new Map() };
  for (let i = 0; i < count; i++) {
    const input = mutate(corpus[i % corpus.length] ?? new Uint8Array(), r);
    for (const step of withModel ? ['asn1', 'inspect'] : ['asn1']) {
      stats.total++;
      try {
        if (step === 'asn1') {
          parseAsn1Tree(input, { encapsulated: true });
          asn1Dump(input);
        }
        else await explainCertificate(input);
        stats.ok++;
      } catch (e) {
        if (!isLensError(e)) {
          throw new Error(`${step} threw ${String(e)} for input ${Buffer.from(input).toString('hex')} (seed ${seed}, i ${i})`, { cause: e });
        }
        stats.lensErrors.set(e.code, (stats.lensErrors.get(e.code) ?? 0) + 1);
      }
    }
  }
  return stats;
}
