/**
 * The virtual card's face variants (face-images.ts, jpki-card.md §5.2), checked from the card side with
 * nothing but the bytes it returns and the EF 0004 public key: the genuine face carries the committed
 * fixture images and verifies; `tampered` differs from it in exactly one byte of DF25 and no longer
 * verifies; `corrupt-photo` holds the truncated JP2 and verifies (it is signed as it is).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PEOPLE, createVirtualMyNumberCard, verificationCodeB } from '../../../../src/sim';
import type { FaceVariant } from '../../../../src/sim/card/face-images';
import { FIXTURES, SELECT_KENKAKU, fixture, readAll, run, selectEf, verify } from './helpers';

const images = join(FIXTURES, '..', 'images');

/** The DF2x values of an EF 0002 body (`FF 20 82 LL LL` then TLVs), and each TLV's byte range. */
function fields(body: Uint8Array): Map<number, { value: Uint8Array; from: number; to: number }> {
  const end = 5 + ((body[3] << 8) | body[4]);
  const out = new Map<number, { value: Uint8Array; from: number; to: number }>();
  let i = 5;
  while (i < end) {
    const tag = (body[i] << 8) | body[i + 1];
    let len = body[i + 2];
    let head = 3;
    if (len === 0x81) [len, head] = [body[i + 3], 4];
    else if (len === 0x82) [len, head] = [(body[i + 3] << 8) | body[i + 4], 5];
    out.set(tag, { value: body.slice(i + head, i + head + len), from: i, to: i + head + len });
    i += head + len;
  }
  return out;
}

async function face(variant: FaceVariant) {
  const card = createVirtualMyNumberCard({ face: variant });
  await run(card, SELECT_KENKAKU);
  await run(card, selectEf('00 12'));
  expect(await run(card, verify(verificationCodeB(PEOPLE.ordinary)))).toBe('90 00');
  await run(card, selectEf('00 02'));
  return readAll(card);
}

/** RSAVP1 with the EF 0004 key, compared with DigestInfo(sha256, three group digests) (§5.2). */
async function signatureHolds(body: Uint8Array): Promise<boolean> {
  const f = fields(body);
  const span = (a: number, b: number) => body.slice(f.get(a)!.from, f.get(b)!.to);
  const sha = async (b: Uint8Array) => Buffer.from(await crypto.subtle.digest('SHA-256', b.slice())).toString('hex');
  const expected = `3071300d060960864801650304020105000460${await sha(span(0xdf22, 0xdf24))}${await sha(span(0xdf25, 0xdf26))}${await sha(span(0xdf27, 0xdf27))}`;
  const cv = fixture('kenkaku-ef0004.bin');
  const big = (v: Uint8Array): bigint => v.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
  const n = big(cv.slice(51, 51 + 256));
  let m = 1n;
  let base = big(f.get(0xdf28)!.value) % n;
  for (let e = 65537n; e > 0n; e >>= 1n) {
    if (e & 1n) m = (m * base) % n;
    base = (base * base) % n;
  }
  return m.toString(16).padStart(512, '0').endsWith(`00${expected}`);
}

describe('virtual card: face variants', () => {
  it('genuine: the committed images, and DF28 verifies', async () => {
    const body = await face('genuine');
    const f = fields(body);
    const file = (name: string) => new Uint8Array(readFileSync(join(images, name)));
    expect(Buffer.from(f.get(0xdf25)!.value).equals(file('ordinary/name.png'))).toBe(true);
    expect(Buffer.from(f.get(0xdf26)!.value).equals(file('ordinary/address.png'))).toBe(true);
    expect(Buffer.from(f.get(0xdf27)!.value).equals(file('face-grey.jp2'))).toBe(true);
    expect(Buffer.from(f.get(0xdf2a)!.value).equals(file('ordinary/security-code.png'))).toBe(true);
    expect(await signatureHolds(body)).toBe(true);
  });
  it('tampered: DF25 is not the committed name image, everything else is unchanged, DF28 fails', async () => {
    const genuine = fields(await face('genuine'));
    const body = await face('tampered');
    const f = fields(body);
    expect(Buffer.from(f.get(0xdf25)!.value).equals(Buffer.from(genuine.get(0xdf25)!.value))).toBe(false);
    for (const tag of [0xdf22, 0xdf23, 0xdf24, 0xdf26, 0xdf27, 0xdf28, 0xdf29, 0xdf2a]) {
      expect(Buffer.from(f.get(tag)!.value).equals(Buffer.from(genuine.get(tag)!.value)), tag.toString(16)).toBe(true);
    }
    expect(await signatureHolds(body)).toBe(false);
  });
  it('corrupt photo: the truncated JP2, signed as it is', async () => {
    const body = await face('corrupt-photo');
    const f = fields(body);
    expect(Buffer.from(f.get(0xdf27)!.value).equals(readFileSync(join(images, 'face-grey-truncated.jp2')))).toBe(true);
    expect(await signatureHolds(body)).toBe(true);
  });
});
