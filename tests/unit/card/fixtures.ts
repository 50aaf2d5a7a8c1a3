/** Loading the synthetic JPKI-TEST fixtures (tests/fixtures/README.md) and building read scripts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytes, toHex } from '../../../src/card/bytes';
import { hexOf, readBinary } from './scripted-channel';

const root = join(__dirname, '../../fixtures/jpki-test');

export function fixture(path: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(root, path)));
}

/** The EF as a card stores it: the DER followed by FF filler (the virtual card's choice, README). */
export function efWithFiller(der: Uint8Array, filler = 300): Uint8Array<ArrayBuffer> {
  return bytes(der, new Uint8Array(filler).fill(0xff));
}

/** READ BINARY steps the short-APDU strategy is expected to send for a DER of `der.length` bytes. */
export function shortReadSteps(der: Uint8Array, filler = 300): [string, string][] {
  const ef = efWithFiller(der, filler);
  const steps: [string, string][] = [];
  for (let off = 0; off < der.length; off += 256) {
    const n = off === 0 ? 256 : Math.min(256, der.length - off);
    steps.push([readBinary(off, n), `${hexOf(ef, off, off + n)} 90 00`]);
  }
  return steps;
}

/** Sign `message` with a fixture PKCS#8 key (WebCrypto hashes it: the result is PKCS#1 v1.5 over
 * DigestInfo(SHA-256(message)), which is what the card returns for that DigestInfo). */
export async function signWithFixtureKey(keyPath: string, message: Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await crypto.subtle.importKey('pkcs8', fixture(keyPath), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  return toHex(new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, message)));
}
