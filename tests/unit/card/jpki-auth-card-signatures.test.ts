// tests/fixtures/real/jpki-auth-card-signatures.txt: two signatures a real My Number Card's 利用者証明用 key
// made over "message1" (SHA-256 and SHA-1 DigestInfo), and that card's certificate
// (tests/fixtures/real/jpki-auth-ee-cert-2019.pem). A scripted channel plays the card: it serves the real
// certificate from EF 000A (00 filler after the DER, as the real EF 0002 read shows) and answers COMPUTE
// DIGITAL SIGNATURE with the real signature. JpkiAp.sign's RSAVP1 self-check must accept them for the
// DigestInfo the card signed and reject them for any other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, fromHex, toHex } from '../../../src/card/bytes';
import { JpkiAp } from '../../../src/card/jpki';
import { derFromFile } from '../../../src/pki';
import { ScriptedChannel, SELECT_JPKI, OK, hexOf, readBinary, selectEf, type Step } from './scripted-channel';

const REAL = join(__dirname, '../../fixtures/real');
const text = readFileSync(join(REAL, 'jpki-auth-card-signatures.txt'), 'utf8');
const certificate = derFromFile(new Uint8Array(readFileSync(join(REAL, 'jpki-auth-ee-cert-2019.pem'))));

/** The hex block that follows `heading` in the fixture (lines of hex digits up to the next blank line). */
function hexAfter(heading: string): Uint8Array {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`fixture: no "${heading}"`);
  const lines = text.slice(start).split('\n').slice(1);
  const hex: string[] = [];
  for (const l of lines) {
    if (!/^[0-9a-f]+$/.test(l.trim())) break;
    hex.push(l.trim());
  }
  return fromHex(hex.join(''));
}

/** "DigestInfo (n bytes) = [command data of …:\n]<prefix> <digest>" of one section. */
function digestInfoOf(section: string): Uint8Array {
  const s = text.slice(text.indexOf(section));
  const m = /DigestInfo \((\d+) bytes\) = (?:command data of 80 2A 00 80:\n)?([0-9a-f]+) ([0-9a-f]+)/.exec(s);
  if (!m) throw new Error(`fixture: no DigestInfo in ${section}`);
  const di = fromHex(m[2] + m[3]);
  expect(di.length).toBe(Number(m[1]));
  return di;
}

const SHA256 = { digestInfo: digestInfoOf('== SHA-256 =='), signature: hexAfter('signature (256 bytes, = R-APDU data):') };
const SHA1 = { digestInfo: digestInfoOf('== SHA-1 =='), signature: hexAfter('signature (256 bytes):') };

/** EF 000A as the card would hold it: the DER, then 00 filler (size unknown for 000A; 0x76C is 0002's). */
const ef000a = bytes(certificate, new Uint8Array(0x76c - certificate.length));

function cardSigning(digestInfo: Uint8Array, signature: Uint8Array): ScriptedChannel {
  const reads: Step[] = [];
  for (let off = 0; off < certificate.length; off += 256) {
    const n = off === 0 ? 256 : Math.min(256, certificate.length - off);
    reads.push([readBinary(off, n), `${hexOf(ef000a, off, off + n)} 90 00`]);
  }
  return new ScriptedChannel([
    [SELECT_JPKI, OK],
    [selectEf(0x000a), OK],
    ...reads,
    [selectEf(0x0017), OK],
    [`80 2A 00 80 ${toHex([digestInfo.length])} ${toHex(digestInfo)} 00`, `${toHex(signature)} 90 00`],
  ]);
}

describe('jpki-auth-card-signatures.txt (real card signatures, real certificate)', () => {
  it('the fixture parses: 51- and 35-byte DigestInfos, 256-byte signatures', () => {
    expect([SHA256.digestInfo.length, SHA1.digestInfo.length, SHA256.signature.length, SHA1.signature.length]).toEqual([51, 35, 256, 256]);
    expect(toHex(SHA256.digestInfo.subarray(-32))).toBe(toHex(fromHex('97d035e32036a670058f2be4e008a7c56355489750a5da6f2af342db4a968e99')));
  });

  it.each([['SHA-256', SHA256], ['SHA-1', SHA1]] as const)('JpkiAp.sign accepts the real %s signature for the DigestInfo the card signed', async (_n, v) => {
    const ch = cardSigning(v.digestInfo, v.signature);
    const out = await new JpkiAp(ch).sign('auth', v.digestInfo);
    expect(toHex(out)).toBe(toHex(v.signature));
    expect(ch.done).toBe(true);
  });

  it.each([['SHA-256', SHA256], ['SHA-1', SHA1]] as const)('rejects the real %s signature for another message (signature-check-failed)', async (_n, v) => {
    // The same DigestInfo shape over "message2": a card answering with message1's signature is caught.
    const other = v.digestInfo.slice();
    const digest = new Uint8Array(await crypto.subtle.digest(v === SHA256 ? 'SHA-256' : 'SHA-1', new TextEncoder().encode('message2')));
    other.set(digest, other.length - digest.length);
    const ch = cardSigning(other, v.signature);
    await expect(new JpkiAp(ch).sign('auth', other)).rejects.toMatchObject({ code: 'jpki-signature-check-failed', params: { key: 'auth' } });
    expect(ch.remaining).toEqual([]);
  });

  it('rejects a real signature with one bit flipped', async () => {
    const bad = SHA256.signature.slice();
    bad[100] ^= 0x01;
    const ch = cardSigning(SHA256.digestInfo, bad);
    await expect(new JpkiAp(ch).sign('auth', SHA256.digestInfo)).rejects.toMatchObject({ code: 'jpki-signature-check-failed' });
  });
});
