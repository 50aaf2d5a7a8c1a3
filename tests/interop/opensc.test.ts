/**
 * Proof that the virtual card behaves like the real one for OpenSC's JPKI driver (written against real
 * cards): pcscd + vsmartcard's vpcd + tools/vpcd-bridge.ts + the virtual card, checked with OpenSC's own
 * tools (opensc-tool, pkcs15-tool, pkcs11-tool with opensc-pkcs11.so) and openssl.
 *
 * Installs nothing: `.ci/run` apt-installs pcscd, vsmartcard-vpcd and opensc. Without them the tests
 * skip with the reason, except under CI=true, where a missing tool is a failure.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { createVirtualMyNumberCard, type VirtualMyNumberCard } from '../../src/sim';
import { environmentProblem, findTools, pemToDer, run, type PcscEnvironment, type Tools } from './pcsc-env';
import { pcscEnvironmentFor as sharedEnvironmentFor } from './pcsc-suite';

const FIXTURES = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../fixtures/jpki-test');
const fixture = (rel: string): Buffer => readFileSync(join(FIXTURES, rel));
const found = findTools();
const problem = 'missing' in found ? `OpenSC interop tools missing: ${found.missing.join(', ')}` : environmentProblem();
const tools: Tools | undefined = 'missing' in found ? undefined : found;

const pcscEnvironmentFor = (card: VirtualMyNumberCard): ((ctx: TestContext) => PcscEnvironment) => sharedEnvironmentFor(card, { tools, problem, suite: 'interop test' });

describe('OpenSC against the virtual My Number card (pcscd + vpcd)', () => {
  const card = createVirtualMyNumberCard({ person: 'ordinary' });
  const ready = pcscEnvironmentFor(card);

  it('recognises the card as JPKI (ATR not in OpenSC\'s table → SELECT of the JPKI AID)', async (ctx) => {
    const e = ready(ctx);
    const r = await run(tools!.openscTool, ['--reader', '0', '--atr', '--name']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3b:da:13:ff:81:31:fb:46:80:12:39:2f:31:c1:73:c6:01:c0:3b');
    expect(r.stdout.trim().split('\n').pop()).toBe('jpki');
    // OpenSC's jpki_match_card fell back to selecting the AID, exactly as jpki-card.md §1.1 says to identify the card.
    expect(card.log.some((l) => l.command === '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01' && l.response === '90 00')).toBe(true);
    expect(e.readerName).toBe('JPKI Lens virtual reader');
  }, 60_000);

  for (const [id, file] of [
    ['01', 'ordinary/auth.der'],
    ['03', 'auth-ca.der'],
    ['04', 'sign-ca.der'],
  ]) {
    it(`pkcs15-tool reads certificate ${id} byte-identical to ${file} without a PIN`, async (ctx) => {
      const e = ready(ctx);
      const out = join(e.dir, `cert-${id}.pem`);
      const r = await run(tools!.pkcs15Tool, ['--reader', '0', '--read-certificate', id, '--output', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(Buffer.from(pemToDer(readFileSync(out, 'utf8'))).equals(fixture(file))).toBe(true);
    }, 60_000);
  }

  it('the sign certificate is refused before the 署名用パスワード and reads byte-identical after it', async (ctx) => {
    const e = ready(ctx);
    const before = join(e.dir, 'sign-nopin.pem');
    const refused = await run(tools!.pkcs15Tool, ['--reader', '0', '--read-certificate', '02', '--output', before]);
    expect(refused.code).not.toBe(0);
    expect(card.log.some((l) => l.response === '69 82')).toBe(true);
    const out = join(e.dir, 'sign.pem');
    const r = await run(tools!.pkcs15Tool, ['--reader', '0', '--read-certificate', '02', '--verify-pin', '--auth-id', '02', '--pin', 'ABC123', '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(Buffer.from(pemToDer(readFileSync(out, 'utf8'))).equals(fixture('ordinary/sign.der'))).toBe(true);
  }, 60_000);

  it('a PIN verify succeeds; a wrong one decrements the counter (seen by OpenSC and the card)', async (ctx) => {
    ready(ctx);
    const ok = await run(tools!.pkcs15Tool, ['--reader', '0', '--verify-pin', '--auth-id', '01', '--pin', '1234']);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = await run(tools!.pkcs15Tool, ['--reader', '0', '--verify-pin', '--auth-id', '01', '--pin', '0000']);
    expect(bad.code).not.toBe(0);
    expect(card.pinStatus('auth')).toEqual({ remaining: 2, max: 3, blocked: false });
    const pins = await run(tools!.pkcs15Tool, ['--reader', '0', '--list-pins']);
    expect(pins.stdout).toMatch(/User Authentication PIN[\s\S]*?Tries left\s*:\s*2/);
    const again = await run(tools!.pkcs15Tool, ['--reader', '0', '--verify-pin', '--auth-id', '01', '--pin', '1234']);
    expect(again.code, again.stderr).toBe(0);
    expect(card.pinStatus('auth')?.remaining).toBe(3);
    const verifies = card.log.filter((l) => l.command.startsWith('00 20 00 80 04'));
    expect(verifies.length).toBeGreaterThanOrEqual(3);
    expect(verifies.every((l) => l.command === '00 20 00 80 04 ** ** ** **')).toBe(true); // PINs masked in the card log
  }, 60_000);

  for (const [slot, id, pin, certFile] of [
    ['0', '01', '1234', 'ordinary/auth.der'],
    ['1', '02', 'ABC123', 'ordinary/sign.der'],
  ]) {
    it(`a PKCS#11 signature (slot ${slot}, key ${id}) verifies with the certificate (openssl)`, async (ctx) => {
      const e = ready(ctx);
      const msg = join(e.dir, `msg-${id}.bin`);
      const sig = join(e.dir, `sig-${id}.bin`);
      const cert = join(e.dir, `cert-${id}.der`);
      const pub = join(e.dir, `pub-${id}.pem`);
      writeFileSync(msg, `JPKI Lens interop ${id}`);
      writeFileSync(cert, fixture(certFile));
      const signed = await run(tools!.pkcs11Tool, [
        '--module', tools!.pkcs11Module, '--slot-index', slot, '--login', '--pin', pin,
        '--sign', '--mechanism', 'SHA256-RSA-PKCS', '--id', id, '--input-file', msg, '--output-file', sig,
      ]);
      expect(signed.code, signed.stderr).toBe(0);
      expect(readFileSync(sig)).toHaveLength(256);
      const extracted = await run(tools!.openssl, ['x509', '-inform', 'DER', '-in', cert, '-pubkey', '-noout', '-out', pub]);
      expect(extracted.code, extracted.stderr).toBe(0);
      const verified = await run(tools!.openssl, ['dgst', '-sha256', '-verify', pub, '-signature', sig, msg]);
      expect(verified.stdout.trim(), verified.stderr).toBe('Verified OK');
    }, 60_000);
  }
});

describe('OpenSC against the virtual card with the ATR in OpenSC\'s table (3B E0 00 FF 81 31 FE 45 14)', () => {
  const card = createVirtualMyNumberCard({ person: 'long-address', atr: 'jpki-01', extendedLength: false });
  const ready = pcscEnvironmentFor(card);

  it('is matched by ATR and reads the long-address holder\'s auth certificate byte-identical', async (ctx) => {
    const e = ready(ctx);
    const name = await run(tools!.openscTool, ['--reader', '0', '--atr', '--name']);
    expect(name.code, name.stderr).toBe(0);
    expect(name.stdout).toContain('3b:e0:00:ff:81:31:fe:45:14');
    expect(name.stdout.trim().split('\n').pop()).toBe('jpki');
    const out = join(e.dir, 'auth.pem');
    const r = await run(tools!.pkcs15Tool, ['--reader', '0', '--read-certificate', '01', '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(Buffer.from(pemToDer(readFileSync(out, 'utf8'))).equals(fixture('long-address/auth.der'))).toBe(true);
  }, 60_000);
});
