/**
 * Card-verifiable certificates (cvc.ts): parsing the 7F21 layout, the CA lookup by all 16 bytes of
 * 証明者鍵ID, the J-LIS key table transcribed from the corpus, and every result status on the
 * synthetic hierarchy (tests/fixtures/jpki-test/*-ef0004.bin, signed by cv-ca.key.p8).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCvc, cvcKeyIdLabel, findCvcCaKey, hexOf, parseCvc } from '../../../src/card/cvc';
import { JLIS_CVC_CA_KEYS } from '../../../src/card/cvc-ca-keys.generated';
import { fixture } from './fixtures';
import { prng } from '../helpers/prng';

const kenkaku = fixture('kenkaku-ef0004.bin');
const kenhojo = fixture('kenhojo-ef0004.bin');

describe('CVC parsing', () => {
  it('reads the ids, the certified key and the signature of the 券面AP certificate', () => {
    const c = parseCvc(kenkaku);
    expect(cvcKeyIdLabel(hexOf(c.issuerKeyId))).toBe('TEST023/001');
    expect(cvcKeyIdLabel(hexOf(c.subjectKeyId))).toBe('TEST023/101');
    expect(c.body.length).toBe(297);
    expect(c.signature.length).toBe(256);
    expect(c.publicKey.e).toBe(65537n);
    expect(c.publicKey.size).toBe(256);
    expect(kenkaku.subarray(0, 4)).toEqual(Uint8Array.of(0x7f, 0x21, 0x82, 0x02));
  });
  it('accepts the certificate without its 7F21 wrapper (as GET DATA returns it) and ignores filler', () => {
    const inner = kenkaku.subarray(5); // 7F 21 82 02 33
    expect(hexOf(parseCvc(inner).body)).toBe(hexOf(parseCvc(kenkaku).body));
    const padded = new Uint8Array(kenkaku.length + 20).fill(0xff);
    padded.set(kenkaku);
    expect(parseCvc(padded).signature.length).toBe(256);
  });
  it('a truncated or foreign object is cvc-malformed', () => {
    expect(() => parseCvc(kenkaku.subarray(0, 100))).toThrow(expect.objectContaining({ code: 'cvc-malformed' }));
    expect(() => parseCvc(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00))).toThrow(expect.objectContaining({ code: 'cvc-malformed' }));
  });
});

describe('the J-LIS CVC CA key table (from ../shared/corpus/jpki-ca/cvc-ca-keys.txt)', () => {
  it('holds the six keys with their full 16-byte ids', () => {
    expect(JLIS_CVC_CA_KEYS.map((k) => `${k.name}:${k.hierarchy}`)).toEqual([
      '5000020:production', '5000023:production', '5000033:production', '6000020:test', '6000023:test', '6000033:test',
    ]);
    for (const k of JLIS_CVC_CA_KEYS) {
      expect(k.keyId).toMatch(/^[0-9A-F]{32}$/);
      expect(k.modulus).toMatch(/^[0-9A-F]{512}$/);
      expect(Buffer.from(k.keyId.slice(0, 14), 'hex').toString('ascii')).toBe(k.name);
    }
  });
  it('agrees with the corpus text byte for byte', () => {
    const text = readFileSync(join(__dirname, '../../../../shared/corpus/jpki-ca/cvc-ca-keys.txt'), 'utf8');
    for (const k of JLIS_CVC_CA_KEYS) {
      expect(text).toContain(`key_id_hex: ${k.keyId}`);
      expect(text.toUpperCase()).toContain(`MODULUS_HEX: ${k.modulus}`);
    }
  });
  it('looks a CA up by all 16 bytes: 5000020 (…A8) and a 5000020 id with another last byte differ', () => {
    const id = Buffer.from('353030303032300805303031000000A8', 'hex');
    expect(findCvcCaKey(id)?.name).toBe('5000020');
    id[15] = 0x00;
    expect(findCvcCaKey(id)).toBeUndefined();
  });
  it('the synthetic ids cannot collide with any J-LIS id (letters where J-LIS has digits)', () => {
    const c = parseCvc(kenkaku);
    expect(JLIS_CVC_CA_KEYS.some((k) => k.keyId === hexOf(c.issuerKeyId))).toBe(false);
    expect(/^[0-9]{7}$/.test(Buffer.from(c.issuerKeyId.subarray(0, 7)).toString('ascii'))).toBe(false);
  });
});

describe('CVC signature checks on the synthetic hierarchy', () => {
  it('valid-test only under the test switch; unknown-ca (naming the id) without it', async () => {
    for (const cert of [kenkaku, kenhojo]) {
      const c = parseCvc(cert);
      expect(await checkCvc(c, { trustTestKeys: true })).toEqual({ status: 'valid-test', caKeyId: hexOf(c.issuerKeyId) });
      expect(await checkCvc(c)).toEqual({ status: 'unknown-ca', caKeyId: hexOf(c.issuerKeyId) });
    }
  });
  it('a changed certified key is "does not match"', async () => {
    const t = kenkaku.slice();
    t[100] ^= 0x01; // inside the modulus of 5F4E
    expect(await checkCvc(parseCvc(t), { trustTestKeys: true })).toMatchObject({ status: 'invalid', part: 'certificate' });
  });
  it('a synthetic certificate that claims a J-LIS CA id is checked with J-LIS key and fails', async () => {
    const t = kenkaku.slice();
    // 7F21 82 0233 5F4E 82 0129 → the body starts at offset 10; write 6000023's id there.
    t.set(Buffer.from('36303030303233080530303100000000', 'hex'), 10);
    const r = await checkCvc(parseCvc(t));
    expect(r).toMatchObject({ status: 'invalid', part: 'certificate', caKeyId: '36303030303233080530303100000000' });
  });
  it('an id in no table is unknown-ca even with the switch', async () => {
    const t = kenkaku.slice();
    t.set(Buffer.from('39323030303733080530303130303030', 'hex'), 10); // 9200073/001, the corpus's sctools CVC issuer
    expect(await checkCvc(parseCvc(t), { trustTestKeys: true })).toMatchObject({ status: 'unknown-ca' });
  });
});

describe('damaged inputs never hide the face', () => {
  it('a malformed EF 0004 is a failed check (certificate-format), not an exception', async () => {
    const { checkFaceSignature, checkRecordSignature } = await import('../../../src/card/signed-records');
    const face = Uint8Array.from([0xff, 0x20, 0x0a, 0xdf, 0x22, 0x01, 0x31, 0xdf, 0x28, 0x03, 1, 2, 3]);
    expect(await checkFaceSignature(face, kenkaku.subarray(0, 50))).toEqual({ status: 'invalid', part: 'data' }); // DF23.. missing
    const record = Uint8Array.from([0xff, 0x40, 0x08, 0xdf, 0x41, 0x01, 0x00, 0xdf, 0x43, 0x01, 0x01]);
    expect(await checkRecordSignature(record, 0xdf43, kenkaku.subarray(0, 50))).toEqual({ status: 'invalid', part: 'certificate-format' });
    expect(await checkRecordSignature(record, 0xdf43, undefined)).toEqual({ status: 'absent', missing: 'certificate' });
    expect(await checkRecordSignature(Uint8Array.from([0xff, 0x40, 0x03, 0xdf, 0x41, 0x00]), 0xdf43, kenkaku)).toEqual({ status: 'absent', missing: 'signature' });
  });
  it('random mutations of a CVC give only named errors or results', async () => {
    const rnd = prng(7);
    for (let i = 0; i < 200; i++) {
      const t = kenkaku.slice(0, Math.floor(rnd() * kenkaku.length) + 1);
      for (let k = 0; k < 3; k++) t[Math.floor(rnd() * t.length)] = Math.floor(rnd() * 256);
      try {
        const r = await checkCvc(parseCvc(t), { trustTestKeys: true });
        expect(['valid-test', 'invalid', 'unknown-ca']).toContain(r.status);
      } catch (e) {
        expect((e as { code?: string }).code).toBe('cvc-malformed');
      }
    }
  });
});
