// Seeded sample of the mutation fuzz; the 100,000-input run is in bench/pki.bench.ts (`npm run bench pki`),
// because 100k full explanations take longer than a unit test should on 2 cores.
import { describe, expect, it } from 'vitest';
import { ALL_CERTS, read } from './helpers';
import { fuzz } from './fuzz-core';

describe('mutated DER through asn1 and inspect', () => {
  it('gives a result or a named LensError for 3,000 mutations (seed 1)', async () => {
    const stats = await fuzz(ALL_CERTS.map(read), 3000, 1);
    // fuzz() throws on the first exception that is not a LensError, so reaching here is the main check.
    expect(stats.total).toBe(6000);
    // Both outcomes occur (the mutations reach past the outer header): some inputs still parse, some are
    // refused with a named code. (ok + errors = total holds by construction and says nothing.)
    expect(stats.ok).toBeGreaterThan(0);
    expect(stats.lensErrors.size).toBeGreaterThan(0);
    expect([...stats.lensErrors.keys()].every((c) => c.startsWith('pki-'))).toBe(true);
  }, 120_000);
});

describe('regressions found by the 100k fuzz', () => {
  it('a malformed GeneralizedTime (asn1js throws on it) is a named error, not a crash', async () => {
    const { asn1Dump, explainCertificate } = await import('../../../src/pki');
    const { isLensError } = await import('../../../src/errors');
    const bad = Uint8Array.of(0x30, 0x05, 0x18, 0x03, 0x41, 0x42, 0x43);
    const codes: string[] = [];
    for (const f of [() => asn1Dump(bad), () => explainCertificate(bad)]) {
      try { await f(); codes.push('none'); } catch (e) { codes.push(isLensError(e) ? e.code : 'other'); }
    }
    expect(codes).toEqual(['pki-asn1-malformed', 'pki-bad-certificate']);
  });
});

describe('mutated CRLs through parseCrl', () => {
  it('give a CRL model or a named LensError for 2,000 mutations (seed 7)', async () => {
    const { parseCrl } = await import('../../../src/pki');
    const { isLensError } = await import('../../../src/errors');
    const { FIXTURE_CRLS } = await import('./helpers');
    const { mutate, rng } = await import('./fuzz-core');
    const r = rng(7);
    const crls = FIXTURE_CRLS.map(read);
    let ok = 0;
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const input = mutate(crls[i % crls.length] ?? new Uint8Array(), r);
      try {
        parseCrl(input);
        ok++;
      } catch (e) {
        if (!isLensError(e)) throw new Error(`parseCrl threw ${String(e)} for ${Buffer.from(input).toString('hex')}`, { cause: e });
        codes.add(e.code);
      }
    }
    expect(ok).toBeGreaterThan(0);
    expect([...codes].every((c) => c.startsWith('pki-'))).toBe(true);
  }, 60_000);
});
