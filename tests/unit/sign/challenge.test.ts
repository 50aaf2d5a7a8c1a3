/**
 * The login proof on the virtual card: PKCS#1 v1.5 over DigestInfo(SHA-256(challenge)) and RSASSA-PSS
 * (P1=04) verified with WebCrypto against the auth certificate; byte-exact commands on the card log.
 */
import { describe, expect, it } from 'vitest';
import { JpkiAp } from '../../../src/card/jpki';
import { createVirtualMyNumberCard } from '../../../src/sim';
import { proveKeyPossession } from '../../../src/sign/challenge';
import { fixture } from './helpers';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ');

async function loggedIn(person: 'ordinary' | 'long-address' = 'ordinary') {
  const card = createVirtualMyNumberCard({ person });
  const ap = new JpkiAp(card);
  await ap.verifyPin('auth', '1234');
  return { card, ap };
}

describe('proveKeyPossession', () => {
  it('PKCS#1 v1.5: the card signs DigestInfo(SHA-256(challenge)) with 80 2A 00 80, and it verifies', async () => {
    const { card, ap } = await loggedIn();
    const challenge = new Uint8Array(32).fill(7);
    const proof = await proveKeyPossession(ap, 'auth', fixture('ordinary/auth.der'), { challenge });
    expect(proof).toMatchObject({ valid: true, scheme: 'pkcs1-v1_5' });
    expect(proof.signature).toHaveLength(256);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', challenge));
    const sent = card.log.find((l) => l.command.startsWith('80 2A 00 80'));
    expect(sent?.command).toBe(`80 2A 00 80 33 30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20 ${hex(digest)} 00`);
  });

  it('a fresh random challenge each time', async () => {
    const { ap } = await loggedIn();
    const a = await proveKeyPossession(ap, 'auth', fixture('ordinary/auth.der'));
    const b = await proveKeyPossession(ap, 'auth', fixture('ordinary/auth.der'));
    expect(a.challenge).toHaveLength(32);
    expect(hex(a.challenge)).not.toBe(hex(b.challenge));
  });

  it('RSASSA-PSS: 80 2A 04 80 20 <SHA-256> 00, verified with saltLength 32', async () => {
    const { card, ap } = await loggedIn();
    const proof = await proveKeyPossession(ap, 'auth', fixture('ordinary/auth.der'), { scheme: 'pss' });
    expect(proof).toMatchObject({ valid: true, scheme: 'pss' });
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', proof.challenge.slice()));
    expect(card.log.some((l) => l.command === `80 2A 04 80 20 ${hex(digest)} 00`)).toBe(true);
  });

  it('against another holder\'s certificate the proof is not valid', async () => {
    const { ap } = await loggedIn();
    expect((await proveKeyPossession(ap, 'auth', fixture('long-address/auth.der'))).valid).toBe(false);
    expect((await proveKeyPossession(ap, 'auth', fixture('long-address/auth.der'), { scheme: 'pss' })).valid).toBe(false);
  });

  it('without the PIN the card refuses and nothing is retried', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new JpkiAp(card);
    await expect(proveKeyPossession(ap, 'auth', fixture('ordinary/auth.der'))).rejects.toMatchObject({ code: 'pin-not-verified' });
    expect(card.log.filter((l) => l.command.startsWith('00 20')).length).toBe(0);
  });

  it('the sign key too, after the 署名用パスワード', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new JpkiAp(card);
    await ap.verifyPin('sign', 'ABC123');
    expect((await proveKeyPossession(ap, 'sign', fixture('ordinary/sign.der'))).valid).toBe(true);
  });
});
