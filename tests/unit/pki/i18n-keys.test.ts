// Every label the pki model and chain results carry is an i18n key with ja and en text, and every
// LensError code src/pki and src/cli throw has both texts (`error.<code>`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../src/i18n';
import { explainCertificate, verifyChain, type Field } from '../../../src/pki';
import { ALL_CERTS, FIXTURES, REPO, read } from './helpers';

function keysOf(fields: readonly Field[], out: Set<string>): Set<string> {
  for (const f of fields) {
    out.add(f.key);
    if (f.valueKey) out.add(f.valueKey);
    if (f.children) keysOf(f.children, out);
  }
  return out;
}

function missing(keys: Iterable<string>): string[] {
  return [...keys].filter((k) => !hasMessage(k, 'ja') || !hasMessage(k, 'en'));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('pki i18n keys', () => {
  it('every field, value and JPKI label of every fixture and root has ja and en text', async () => {
    const keys = new Set<string>();
    for (const file of ALL_CERTS) {
      const m = await explainCertificate(read(file));
      for (const e of m.extensions) keysOf(e.fields, keys);
      if (m.jpki) {
        keys.add(`pki.jpki.kind.${m.jpki.kind}`);
        keysOf([...(m.jpki.cn ?? []), ...(m.jpki.personal?.fields ?? []), ...m.jpki.policies], keys);
      }
    }
    expect(keys.size).toBeGreaterThan(30);
    expect(missing(keys)).toEqual([]);
  });
  it('every chain and revocation reason has ja and en text', async () => {
    const keys = new Set<string>();
    const src = readFileSync(join(REPO, 'src/pki/chain/verify.ts'), 'utf8') + readFileSync(join(REPO, 'src/pki/crl/crl.ts'), 'utf8');
    for (const m of src.matchAll(/'(pki\.(?:chain|revocation)\.[A-Za-z]+)'/g)) keys.add(m[1] ?? '');
    const r = await verifyChain(read(`${FIXTURES}/ordinary/sign.der`));
    keys.add(r.reasonKey ?? '');
    expect(keys.size).toBeGreaterThan(10);
    expect(missing(keys)).toEqual([]);
  });
  it('every LensError code thrown in src/pki and src/cli has error.<code> in ja and en', () => {
    const codes = new Set<string>();
    for (const file of [...sources(join(REPO, 'src/pki')), ...sources(join(REPO, 'src/cli'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(pki-[a-z0-9-]+)'/g)) codes.add(m[1] ?? '');
    }
    expect(codes.size).toBeGreaterThanOrEqual(8);
    expect(missing([...codes].map((c) => `error.${c}`))).toEqual([]);
  });
});
