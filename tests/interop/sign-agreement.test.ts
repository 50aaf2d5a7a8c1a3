/**
 * The app's signing code agrees with OpenSC on the virtual card (pcscd + vpcd + tools/vpcd-bridge.ts):
 *  - PKCS#1 v1.5 is deterministic, so for one DigestInfo the signature JpkiAp.sign makes equals the one
 *    `pkcs11-tool --sign --mechanism RSA-PKCS` makes through opensc-pkcs11.so, for the auth and the sign key;
 *  - a .p7s made by createDetachedSignature with the card verifies with `openssl cms -verify`, and one
 *    openssl makes verifies in the app;
 *  - OpenSC offers no RSA-PSS mechanism for the JPKI token (why TLS 1.3 client auth fails through it,
 *    ../shared/reference/client-auth.md §2.4), while the card itself answers P1=04 (UNCONFIRMED on real cards).
 * Skips with the reason when the tools are missing (fails under CI=true), like opensc.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JpkiAp } from '../../src/card/jpki';
import { createVirtualMyNumberCard } from '../../src/sim';
import { createDetachedSignature, verifyDetachedSignature } from '../../src/sign/cms';
import { proveKeyPossession } from '../../src/sign/challenge';
import { environmentProblem, findTools, run, type Tools } from './pcsc-env';
import { pcscEnvironmentFor } from './pcsc-suite';

const FIXTURES = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../fixtures/jpki-test');
const fixture = (rel: string) => new Uint8Array(readFileSync(join(FIXTURES, rel)));
const found = findTools();
const problem = 'missing' in found ? `OpenSC interop tools missing: ${found.missing.join(', ')}` : environmentProblem();
const tools: Tools | undefined = 'missing' in found ? undefined : found;

async function digestInfo(message: string): Promise<Uint8Array> {
  const h = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(message)));
  const out = new Uint8Array(19 + 32);
  out.set([0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]);
  out.set(h, 19);
  return out;
}

describe('the app\'s signatures agree with OpenSC (pcscd + vpcd, virtual card)', () => {
  const card = createVirtualMyNumberCard({ person: 'ordinary' });
  const ready = pcscEnvironmentFor(card, { tools, problem, suite: 'interop test' });

  for (const [key, slot, id, pin] of [['auth', '0', '01', '1234'], ['sign', '1', '02', 'ABC123']] as const) {
    it(`${key} key: pkcs11-tool --sign -m RSA-PKCS over a DigestInfo = JpkiAp.sign over the same DigestInfo`, async (ctx) => {
      const e = ready(ctx);
      const di = await digestInfo(`JPKI Lens agreement ${key}`);
      const input = join(e.dir, `di-${id}.bin`);
      const output = join(e.dir, `sig-${id}.bin`);
      writeFileSync(input, di);
      const r = await run(tools!.pkcs11Tool, ['--module', tools!.pkcs11Module, '--slot-index', slot, '--login', '--pin', pin,
        '--sign', '--mechanism', 'RSA-PKCS', '--id', id, '--input-file', input, '--output-file', output]);
      expect(r.code, r.stderr).toBe(0);
      const opensc = new Uint8Array(readFileSync(output));
      expect(opensc).toHaveLength(256);
      // OpenSC's JPKI driver sent exactly that DigestInfo with 80 2A 00 80 (card-jpki.c jpki_compute_signature).
      const hex = Array.from(di, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
      expect(card.log.some((l) => l.command.startsWith(`80 2A 00 80 33 ${hex}`))).toBe(true);
      const ap = new JpkiAp(card);
      await ap.verifyPin(key, pin);
      const ours = await ap.sign(key, di);
      expect(Buffer.from(ours).equals(Buffer.from(opensc))).toBe(true);
    }, 60_000);
  }

  it('a .p7s made with the card verifies with openssl cms -verify -CAfile <JPKI-TEST sign CA>; one openssl makes verifies in the app', async (ctx) => {
    const e = ready(ctx);
    const content = new TextEncoder().encode('signed through the vpcd bridge\n');
    const ap = new JpkiAp(card);
    await ap.verifyPin('sign', 'ABC123');
    const signer = await ap.readCertificate('sign');
    const ca = await ap.readCertificate('sign-ca');
    const p7s = await createDetachedSignature({ content, signer, chain: [ca], sign: (d) => ap.sign('sign', d) });
    const files = { content: join(e.dir, 'content.bin'), p7s: join(e.dir, 'x.p7s'), ca: join(e.dir, 'sign-ca.pem'), caDer: join(e.dir, 'sign-ca.der') };
    writeFileSync(files.content, content);
    writeFileSync(files.p7s, p7s);
    writeFileSync(files.caDer, ca);
    expect((await run(tools!.openssl, ['x509', '-inform', 'DER', '-in', files.caDer, '-out', files.ca])).code).toBe(0);
    const v = await run(tools!.openssl, ['cms', '-verify', '-binary', '-content', files.content, '-inform', 'DER', '-in', files.p7s, '-CAfile', files.ca, '-out', '/dev/null']);
    expect(v.stderr).toContain('Verification successful');
    expect(v.code).toBe(0);

    const keyPem = join(e.dir, 'k.pem');
    const certPem = join(e.dir, 's.pem');
    writeFileSync(join(e.dir, 'k.p8'), fixture('ordinary/sign.key.p8'));
    writeFileSync(join(e.dir, 's.der'), signer);
    await run(tools!.openssl, ['pkey', '-inform', 'DER', '-in', join(e.dir, 'k.p8'), '-out', keyPem]);
    await run(tools!.openssl, ['x509', '-inform', 'DER', '-in', join(e.dir, 's.der'), '-out', certPem]);
    const made = await run(tools!.openssl, ['cms', '-sign', '-binary', '-in', files.content, '-signer', certPem, '-inkey', keyPem, '-outform', 'DER', '-out', join(e.dir, 'o.p7s')]);
    expect(made.code, made.stderr).toBe(0);
    const r = await verifyDetachedSignature(new Uint8Array(readFileSync(join(e.dir, 'o.p7s'))), content, { trustTestRoots: true });
    expect(r.problems).toEqual([]);
    expect(r.signatureValid).toBe(true);
  }, 60_000);

  it('OpenSC lists RSA-PKCS but no RSA-PSS mechanism for the JPKI token; the card itself answers P1=04 (PSS)', async (ctx) => {
    ready(ctx);
    const m = await run(tools!.pkcs11Tool, ['--module', tools!.pkcs11Module, '--slot-index', '0', '--list-mechanisms']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(/\bRSA-PKCS\b/);
    expect(m.stdout).not.toMatch(/PSS/);
    const ap = new JpkiAp(card);
    await ap.verifyPin('auth', '1234');
    const proof = await proveKeyPossession(ap, 'auth', fixture('ordinary/auth.der'), { scheme: 'pss' });
    expect(proof.valid).toBe(true);
  }, 60_000);
});
