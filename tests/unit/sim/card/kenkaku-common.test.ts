import { describe, expect, it } from 'vitest';
import { PEOPLE, createVirtualMyNumberCard, verificationCodeB } from '../../../../src/sim';
import { SELECT_COMMON, SELECT_KENKAKU, ascii, fixture, readAll, run, selectEf, send, verify, x } from './helpers';

// jpki-card.md §5 (券面AP: 照合番号A 0013, B 0012, birth key 0011; EF 0002 face data) and §6 (共通カードAP).
function fields(body: Uint8Array): Map<number, Uint8Array> {
  // FF 20 82 LL LL, then DF2x TLVs
  const end = 5 + ((body[3] << 8) | body[4]);
  const out = new Map<number, Uint8Array>();
  let i = 5;
  while (i < end) {
    const tag = (body[i] << 8) | body[i + 1];
    let len = body[i + 2];
    let head = 3;
    if (len === 0x81) [len, head] = [body[i + 3], 4];
    else if (len === 0x82) [len, head] = [(body[i + 3] << 8) | body[i + 4], 5];
    out.set(tag, body.slice(i + head, i + head + len));
    i += head + len;
  }
  return out;
}

describe('virtual card: 券面AP', () => {
  it('face data needs 照合番号A (the 個人番号) or B; the birth-date key does not open it', async () => {
    const person = PEOPLE.ordinary;
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_KENKAKU);
    await run(card, selectEf('00 02'));
    expect(await run(card, '00 B0 00 00 07')).toBe('69 82');
    await run(card, selectEf('00 11'));
    expect(await run(card, verify('600401'))).toBe('90 00');
    await run(card, selectEf('00 02'));
    expect(await run(card, '00 B0 00 00 07')).toBe('69 82');
    await run(card, selectEf('00 13'));
    expect(await run(card, '00 20 00 80')).toBe('63 C3'); // 3 tries: sc-tools-myna (jpki-card-behaviour-notes.txt §4)
    expect(await run(card, verify(person.myNumber))).toBe('90 00');
    await run(card, selectEf('00 02'));
    expect((await send(card, '00 B0 00 00 05'))[1]).toBe('90 00');
    const b = createVirtualMyNumberCard();
    await run(b, SELECT_KENKAKU);
    await run(b, selectEf('00 12'));
    expect(await run(b, verify(verificationCodeB(person)))).toBe('90 00');
    await run(b, selectEf('00 02'));
    expect((await send(b, '00 B0 00 00 05'))[1]).toBe('90 00');
  });

  it('face data: birth, sex, key, PNG name/address, JP2 photo, signature over the three group digests, expiry', async () => {
    const person = PEOPLE['long-address'];
    const card = createVirtualMyNumberCard({ person: 'long-address' });
    await run(card, SELECT_KENKAKU);
    await run(card, selectEf('00 13'));
    await run(card, verify(person.myNumber));
    await run(card, selectEf('00 02'));
    const body = await readAll(card);
    expect(x(body.slice(0, 3))).toBe('FF 20 82');
    const f = fields(body);
    expect([...f.keys()].map((t) => t.toString(16))).toEqual(['df21', 'df22', 'df23', 'df24', 'df25', 'df26', 'df27', 'df28', 'df29', 'df2a']);
    expect(new TextDecoder().decode(f.get(0xdf22))).toBe(person.birthDate);
    expect(new TextDecoder().decode(f.get(0xdf23))).toBe(person.sex);
    expect(new TextDecoder().decode(f.get(0xdf29))).toBe(person.cardExpiry);
    for (const tag of [0xdf25, 0xdf26, 0xdf2a]) expect(x(f.get(tag)!.slice(0, 8))).toBe('89 50 4E 47 0D 0A 1A 0A');
    expect(x(f.get(0xdf27)!.slice(0, 12))).toBe('00 00 00 0C 6A 50 20 20 0D 0A 87 0A');
    expect(f.get(0xdf28)).toHaveLength(256);
    // Signature (myna-card CardFace::verify): PKCS#1 v1.5 over DigestInfo(sha256, SHA-256(DF22..DF24) ‖ SHA-256(DF25..DF26) ‖ SHA-256(DF27)),
    // with the key of EF 0004. Recover the block with the public key and compare.
    const start = (tag: number): number => {
      const table = f.get(0xdf21)!;
      const i = tag - 0xdf22;
      return (table[2 * i] << 8) | table[2 * i + 1];
    };
    const digest = async (from: number, to: number): Promise<Uint8Array> => new Uint8Array(await crypto.subtle.digest('SHA-256', body.slice(from, to)));
    const groups = [await digest(start(0xdf22), start(0xdf25)), await digest(start(0xdf25), start(0xdf27)), await digest(start(0xdf27), start(0xdf28))];
    const cv = fixture('kenkaku-ef0004.bin');
    const big = (v: Uint8Array): bigint => v.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
    const n = big(cv.slice(51, 51 + 256));
    let m = 1n;
    let base = big(f.get(0xdf28)!) % n;
    for (let e = 65537n; e > 0n; e >>= 1n) {
      if (e & 1n) m = (m * base) % n;
      base = (base * base) % n;
    }
    const expected = `3071300d060960864801650304020105000460${groups.map((g) => Buffer.from(g).toString('hex')).join('')}`;
    expect(m.toString(16).padStart(512, '0').endsWith(`00${expected}`)).toBe(true);
  });
});

describe('virtual card: 券面AP records', () => {
  async function publicKey(): Promise<CryptoKey> {
    const cv = fixture('kenkaku-ef0004.bin');
    const n = Buffer.from(cv.slice(51, 51 + 256)).toString('base64url');
    return crypto.subtle.importKey('jwk', { kty: 'RSA', n, e: 'AQAB' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  }

  it('EF 0001 age record opens with the birth-date key only; its signature verifies with the EF 0004 key', async () => {
    const person = PEOPLE.substitute;
    const card = createVirtualMyNumberCard({ person: 'substitute' });
    await run(card, SELECT_KENKAKU);
    await run(card, selectEf('00 13'));
    await run(card, verify(person.myNumber));
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 05')).toBe('69 82');
    await run(card, selectEf('00 11'));
    expect(await run(card, verify('140101'))).toBe('90 00'); // 大正14年1月1日
    await run(card, selectEf('00 01'));
    const body = await readAll(card);
    expect(x(body.slice(0, 2))).toBe('FF 10');
    const header = body[2] === 0x82 ? 5 : body[2] === 0x81 ? 4 : 3;
    expect(x(body.slice(header, header + 3))).toBe('DF 11 08');
    expect(new TextDecoder().decode(body.slice(header + 3, header + 11))).toBe(person.birthDate);
    const sigAt = body.length - 256 - 5;
    expect(x(body.slice(sigAt, sigAt + 5))).toBe('DF 13 82 01 00');
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', await publicKey(), body.slice(sigAt + 5), body.slice(header, sigAt))).toBe(true);
  });

  it('EF 0005 個人番号 image opens with 照合番号A only (not B); PNG + signature', async () => {
    const person = PEOPLE.ordinary;
    const b = createVirtualMyNumberCard();
    await run(b, SELECT_KENKAKU);
    await run(b, selectEf('00 12'));
    await run(b, verify(verificationCodeB(person)));
    await run(b, selectEf('00 05'));
    expect(await run(b, '00 B0 00 00 05')).toBe('69 82');
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_KENKAKU);
    await run(card, selectEf('00 13'));
    await run(card, verify(person.myNumber));
    await run(card, selectEf('00 05'));
    const body = await readAll(card);
    expect(x(body.slice(0, 2))).toBe('FF 40');
    const header = body[2] === 0x82 ? 5 : body[2] === 0x81 ? 4 : 3;
    expect(x(body.slice(header, header + 2))).toBe('DF 41');
    const sigAt = body.length - 256 - 5;
    expect(x(body.slice(sigAt, sigAt + 5))).toBe('DF 43 82 01 00');
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', await publicKey(), body.slice(sigAt + 5), body.slice(header, sigAt))).toBe(true);
  });
});

describe('virtual card: 共通カードAP', () => {
  it('record EF 0001 holds serial, municipality code and expiry; PIN 001C changes with CHANGE KEY', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_COMMON);
    const [record, sw] = await send(card, '00 B2 01 0C 00');
    expect(sw).toBe('90 00');
    expect(x(record.slice(0, 2))).toBe('01 1C');
    expect(new TextDecoder().decode(record.slice(2))).toMatch(/^\d{15}1322120350401$/);
    expect(await run(card, '00 B2 02 0C 00')).toBe('6A 83');
    expect(await run(card, '00 B2 01 00 00')).toBe('6A 86');
    await run(card, selectEf('00 1C'));
    expect(await run(card, '00 20 00 80')).toBe('63 C3');
    expect(await run(card, `80 32 00 80 04 ${ascii('5678')}`)).toBe('69 82');
  });
});
