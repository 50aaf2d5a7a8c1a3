// The embedded roots are exactly the corpus files (SHA-256 as in its README) and the current JPKI-TEST
// fixture CAs; if the fixtures were regenerated, re-run `npx tsx tools/gen-roots.ts`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JLIS_ROOTS } from '../../../src/pki';
import { FIXTURES, ROOTS_DIR, read } from './helpers';

describe('embedded trust anchors', () => {
  const readme = readFileSync(`${ROOTS_DIR}/README.md`, 'utf8');
  it.each(JLIS_ROOTS.filter((r) => !r.test).map((r) => [r.file, r] as const))('%s equals the corpus file and its README SHA-256', (file, r) => {
    const sha = createHash('sha256').update(r.der).digest('hex');
    expect(sha).toBe(r.sha256);
    expect(readme).toContain(`\`${file}\``);
    expect(readme).toContain(`\`${sha}\``);
    expect(r.der).toEqual(read(`${ROOTS_DIR}/${file}`));
  });
  it('the embedded JPKI-TEST CAs are the current fixture files (else: npx tsx tools/gen-roots.ts)', () => {
    for (const r of JLIS_ROOTS.filter((x) => x.test)) expect(r.der).toEqual(read(`${FIXTURES}/${r.kind}-ca.der`));
  });
});
