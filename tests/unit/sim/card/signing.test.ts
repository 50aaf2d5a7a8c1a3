import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { createVirtualMyNumberCard } from '../../../../src/sim';
import { SELECT_JPKI, fixture, run, selectEf, send, verify, x } from './helpers';

// jpki-card.md §3.5: COMPUTE DIGITAL SIGNATURE 80 2A <scheme> 80 Lc <data> 00 after VERIFY, PKCS#1 v1.5.
const SHA256_PREFIX = '30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20';
const message = new TextEncoder().encode('JPKI Lens virtual card signing test');

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

async function publicKey(certFile: string, algorithm: RsaHashedImportParams): Promise<CryptoKey> {
  const cert = pkijs.Certificate.fromBER(fixture(certFile));
  return crypto.subtle.importKey('spki', cert.subjectPublicKeyInfo.toSchema().toBER(false), algorithm, false, ['verify']);
}

function lc(n: number): string {
  return x(Uint8Array.of(n));
}

async function signReady(key: 'auth' | 'sign'): Promise<ReturnType<typeof createVirtualMyNumberCard>> {
  const card = createVirtualMyNumberCard();
  await run(card, SELECT_JPKI);
  await run(card, selectEf(key === 'auth' ? '00 18' : '00 1B'));
  expect(await run(card, verify(key === 'auth' ? '1234' : 'ABC123'))).toBe('90 00');
  await run(card, selectEf(key === 'auth' ? '00 17' : '00 1A'));
  return card;
}

describe('virtual card: COMPUTE DIGITAL SIGNATURE', () => {
  it.each([
    ['auth', 'ordinary/auth.der'],
    ['sign', 'ordinary/sign.der'],
  ] as const)('P1=00 over a host DigestInfo: the %s signature verifies with the certificate', async (key, certFile) => {
    const card = await signReady(key);
    const digestInfo = `${SHA256_PREFIX} ${x(await sha256(message))}`;
    const [signature, sw] = await send(card, `80 2A 00 80 33 ${digestInfo} 00`);
    expect([sw, signature.length]).toEqual(['90 00', 256]);
    const pub = await publicKey(certFile, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', pub, signature, message)).toBe(true);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', pub, signature, new TextEncoder().encode('other'))).toBe(false);
  });

  it('P1=00 is deterministic and raw: the recovered block is 00 01 FF…FF 00 <data>', async () => {
    const card = await signReady('auth');
    const [a] = await send(card, '80 2A 00 80 03 AA BB CC 00');
    const [b] = await send(card, '80 2A 00 80 03 AA BB CC 00');
    expect(x(a)).toBe(x(b));
    const cert = pkijs.Certificate.fromBER(fixture('ordinary/auth.der'));
    const rsa = pkijs.RSAPublicKey.fromBER(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice());
    const big = (v: Uint8Array): bigint => v.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
    const n = big(rsa.modulus.valueBlock.valueHexView);
    let m = 1n;
    let base = big(a) % n;
    for (let e = 65537n; e > 0n; e >>= 1n) {
      if (e & 1n) m = (m * base) % n;
      base = (base * base) % n;
    }
    const block = m.toString(16).padStart(512, '0');
    expect(block.startsWith('0001ffff')).toBe(true);
    expect(block.endsWith('00aabbcc')).toBe(true);
    expect(block.slice(4, -8)).toMatch(/^f+$/);
  });

  it('P1=02 (32-byte hash, card adds DigestInfo) and P1=03 (card hashes) give the same verifiable signature', async () => {
    const card = await signReady('sign');
    const [s2] = await send(card, `80 2A 02 80 20 ${x(await sha256(message))} 00`);
    const [s3] = await send(card, `80 2A 03 80 ${lc(message.length)} ${x(message)} 00`);
    expect(x(s2)).toBe(x(s3));
    const pub = await publicKey('ordinary/sign.der', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', pub, s3, message)).toBe(true);
    expect(await run(card, '80 2A 02 80 03 01 02 03 00')).toBe('67 00');
  });

  it('P1=04/05 sign RSASSA-PSS (SHA-256, 32-byte salt)', async () => {
    const card = await signReady('auth');
    const pub = await publicKey('ordinary/auth.der', { name: 'RSA-PSS', hash: 'SHA-256' });
    const [s4, sw4] = await send(card, `80 2A 04 80 20 ${x(await sha256(message))} 00`);
    const [s5, sw5] = await send(card, `80 2A 05 80 ${lc(message.length)} ${x(message)} 00`);
    expect([sw4, sw5]).toEqual(['90 00', '90 00']);
    expect(await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pub, s4, message)).toBe(true);
    expect(await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pub, s5, message)).toBe(true);
  });

  it('refuses before VERIFY, with the other PIN, after re-SELECT of the AP, and with the wrong key EF', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 17'));
    expect(await run(card, '80 2A 00 80 03 01 02 03 00')).toBe('69 82');
    await run(card, selectEf('00 18'));
    await run(card, verify('1234'));
    await run(card, selectEf('00 1A'));
    expect(await run(card, '80 2A 00 80 03 01 02 03 00')).toBe('69 82'); // auth PIN does not open the sign key
    await run(card, selectEf('00 17'));
    expect((await send(card, '80 2A 00 80 03 01 02 03 00'))[1]).toBe('90 00');
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 17'));
    expect(await run(card, '80 2A 00 80 03 01 02 03 00')).toBe('69 82'); // logout by re-SELECT
    await run(card, selectEf('00 0A'));
    expect(await run(card, '80 2A 00 80 03 01 02 03 00')).toBe('6A 88');
  });

  it('P2 = 80|SFI names the key without SELECT (97 auth, 9A sign)', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, `00 20 00 98 04 31 32 33 34`);
    expect((await send(card, '80 2A 00 97 03 01 02 03 00'))[1]).toBe('90 00');
    expect(await run(card, '80 2A 00 9A 03 01 02 03 00')).toBe('69 82');
  });

  it('length and parameter errors: > 245 bytes, no data, no Le, short Le, unknown scheme, CLA 00', async () => {
    const card = await signReady('auth');
    expect(await run(card, `80 2A 00 80 F6 ${Array(246).fill('01').join(' ')} 00`)).toBe('67 00');
    expect((await send(card, `80 2A 00 80 F5 ${Array(245).fill('01').join(' ')} 00`))[1]).toBe('90 00');
    expect(await run(card, '80 2A 00 80')).toBe('67 00');
    expect(await run(card, '80 2A 00 80 03 01 02 03')).toBe('67 00');
    expect(await run(card, '80 2A 00 80 03 01 02 03 10')).toBe('6C 00');
    expect(await run(card, '80 2A 06 80 03 01 02 03 00')).toBe('6A 86');
    expect(await run(card, '80 2A 00 00 03 01 02 03 00')).toBe('6A 86');
    expect(await run(card, '00 2A 00 80 03 01 02 03 00')).toBe('6D 00');
  });
});
