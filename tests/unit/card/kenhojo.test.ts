/**
 * 入力補助AP against a scripted card, with files built by hand here from the layout in
 * jpki-card.md §4 (independently of the simulator's builders).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KenhojoAp } from '../../../src/card/kenhojo';
import {
  basicInfoDigestSource,
  decodeBasicInfo,
  decodeIntegrityRecord,
  decodeMyNumber,
  myNumberCheckDigit,
} from '../../../src/card/kenhojo-data';
import { bytes, fromHex, toHex } from '../../../src/card/bytes';
import { Transcript } from '../../../src/trace/transcript';
import { OK, SELECT_KENHOJO, ScriptedChannel, hexOf, readBinary, selectEf } from './scripted-channel';

const utf8 = (s: string) => new TextEncoder().encode(s);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
function tlv(tag: number[], value: Uint8Array): Uint8Array {
  const n = value.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return bytes(tag, len, value);
}
const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

// A synthetic holder (never a real person).
const NUMBER = '123456789018'; // check digit 8 is valid
const myNumberFile = bytes(tlv([0xff, 0x10], ascii(NUMBER)), [0xff, 0xff]);
const fields = [
  tlv([0xdf, 0x22], utf8('見本　太郎')),
  tlv([0xdf, 0x23], utf8('東京都清瀬市中里５丁目８４２番地')),
  tlv([0xdf, 0x24], ascii('19850401')),
  tlv([0xdf, 0x25], ascii('1')),
];
function basicInfoObject(correctOffsets = true): Uint8Array {
  const body = fields.reduce((n, f) => n + f.length, 0) + 11;
  const header = body < 0x80 ? 3 : 4;
  let at = header + 11;
  const offsets: number[] = [];
  for (const f of fields) {
    offsets.push(at >> 8, correctOffsets ? at & 0xff : 0);
    at += f.length;
  }
  return tlv([0xff, 0x20], bytes(tlv([0xdf, 0x21], Uint8Array.from(offsets)), ...fields));
}
const basicInfo = basicInfoObject();
const basicInfoFile = bytes(basicInfo, new Uint8Array(100).fill(0xff));
const digestSource = bytes(...fields);
const signature = new Uint8Array(256).fill(0x5a);
const integrity = tlv([0xff, 0x30], bytes(tlv([0xdf, 0x31], sha256(myNumberFile)), tlv([0xdf, 0x32], sha256(digestSource)), tlv([0xdf, 0x33], signature)));

describe('入力補助AP decoders', () => {
  it('個人番号: FF10 with 12 digits, check digit per 番号法施行令 第8条', () => {
    expect(decodeMyNumber(myNumberFile)).toEqual({ value: NUMBER, checkDigitValid: true });
    expect(decodeMyNumber(bytes(tlv([0xff, 0x10], ascii('123456789011')), [0xff, 0xff])).checkDigitValid).toBe(false);
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(() => decodeMyNumber(bytes(tlv([0xff, 0x10], ascii('12345678901A'))))).toThrow(expect.objectContaining({ code: 'kenhojo-my-number-malformed' }));
    expect(() => decodeMyNumber(bytes(tlv([0xff, 0x11], ascii(NUMBER))))).toThrow(expect.objectContaining({ code: 'card-unexpected-tag' }));
  });
  it('基本4情報: typed values, offsets table cross-checked', () => {
    expect(decodeBasicInfo(basicInfoFile)).toEqual({
      name: '見本　太郎',
      address: '東京都清瀬市中里５丁目８４２番地',
      birthDate: { raw: '19850401', year: 1985, month: 4, day: 1, iso: '1985-04-01' },
      sex: { code: '1', meaning: 'male' },
      offsetsConsistent: true,
    });
    expect(decodeBasicInfo(basicInfoObject(false)).offsetsConsistent).toBe(false);
  });
  it('the DF32 digest source is DF22 to the end of the FF20 value (table skipped, filler excluded)', () => {
    expect(toHex(basicInfoDigestSource(basicInfoFile))).toBe(toHex(digestSource));
  });
  it('integrity record: DF31, DF32, DF33', () => {
    const r = decodeIntegrityRecord(integrity);
    expect(toHex(r.myNumberDigest)).toBe(toHex(sha256(myNumberFile)));
    expect(r.issuerSignature.length).toBe(256);
    expect(toHex(integrity.subarray(0, 5))).toBe('FF 30 82 01 4B');
  });
  it('names malformed text and dates', () => {
    const bad = tlv([0xff, 0x20], bytes(tlv([0xdf, 0x21], new Uint8Array(8)), tlv([0xdf, 0x22], fromHex('FF FE')), fields[1], fields[2], fields[3]));
    expect(() => decodeBasicInfo(bad)).toThrow(expect.objectContaining({ code: 'card-text-not-utf8', params: { field: '氏名' } }));
    const badDate = tlv([0xff, 0x20], bytes(tlv([0xdf, 0x21], new Uint8Array(8)), fields[0], fields[1], tlv([0xdf, 0x24], ascii('1985-4-1')), fields[3]));
    expect(() => decodeBasicInfo(badDate)).toThrow(expect.objectContaining({ code: 'card-date-malformed' }));
    const noSex = tlv([0xff, 0x20], bytes(tlv([0xdf, 0x21], new Uint8Array(8)), fields[0], fields[1], fields[2]));
    expect(() => decodeBasicInfo(noSex)).toThrow(expect.objectContaining({ code: 'tlv-missing-tag' }));
  });
  it('keeps unknown month/day (00) without inventing a date', () => {
    const f = tlv([0xff, 0x20], bytes(tlv([0xdf, 0x21], new Uint8Array(8)), fields[0], fields[1], tlv([0xdf, 0x24], ascii('19850000')), tlv([0xdf, 0x25], ascii('9'))));
    const d = decodeBasicInfo(f);
    expect(d.birthDate).toEqual({ raw: '19850000', year: 1985 });
    expect(d.sex).toEqual({ code: '9', meaning: 'not-applicable' });
  });
});

const PIN_STEPS: [string, string][] = [
  [SELECT_KENHOJO, OK],
  [selectEf(0x0011), OK],
  ['00 20 00 80', '63 C3'],
  ['00 20 00 80 04 31 32 33 34', OK],
];
function readSteps(ef: number, file: Uint8Array, objectLength: number): [string, string][] {
  const out: [string, string][] = [[selectEf(ef), OK]];
  for (let off = 0; off < objectLength; off += 256) {
    const n = off === 0 ? 256 : Math.min(256, objectLength - off);
    out.push([readBinary(off, n), `${hexOf(file, off, Math.min(file.length, off + n))} ${file.length < off + n ? '62 82' : '90 00'}`]);
  }
  return out;
}

describe('KenhojoAp (jpki-card.md §11 "個人番号 + 4情報")', () => {
  it('PIN, then 個人番号 (17 bytes), 4情報 and the integrity check — all reads redacted', async () => {
    const transcript = new Transcript();
    const ch = new ScriptedChannel(
      [
        ...PIN_STEPS,
        [selectEf(0x0001), OK],
        ['00 B0 00 00 11', `${hexOf(myNumberFile)} 90 00`],
        ...readSteps(0x0002, basicInfoFile, basicInfo.length),
        ...readSteps(0x0003, integrity, integrity.length),
        [selectEf(0x0004), '6A 82'], // no CV certificate on this scripted card
      ],
      undefined,
      transcript,
    );
    const ap = new KenhojoAp(ch);
    await ap.verifyPin('1234');
    const all = await ap.readAll();
    expect(ch.done).toBe(true);
    expect(all.myNumber.value).toBe(NUMBER);
    expect(all.basicInfo.name).toBe('見本　太郎');
    expect(all.integrity).toEqual({ myNumber: 'match', basicInfo: 'match', issuerSignature: { status: 'absent', missing: 'certificate' } });
    // No personal byte in the transcript: every response of a read is redacted.
    const events = transcript.events();
    expect(JSON.stringify(events)).not.toContain('31 32 33 34 35 36');
    expect(events.filter((e) => e.dir === 'in').slice(3).every((e) => e.redacted)).toBe(true);
  });
  it('a changed file is reported as a mismatch', async () => {
    const tampered = myNumberFile.slice();
    tampered[15] = 0x00; // the filler is covered by the digest too
    const ch = new ScriptedChannel([
      ...PIN_STEPS,
      [selectEf(0x0001), OK],
      ['00 B0 00 00 11', `${hexOf(tampered)} 90 00`],
      ...readSteps(0x0002, basicInfoFile, basicInfo.length),
      ...readSteps(0x0003, integrity, integrity.length),
      [selectEf(0x0004), '6A 82'],
    ]);
    const ap = new KenhojoAp(ch);
    await ap.verifyPin('1234');
    expect((await ap.readAll()).integrity).toMatchObject({ myNumber: 'mismatch', basicInfo: 'match' });
  });
  it('reading without the PIN is pin-not-verified', async () => {
    const ch = new ScriptedChannel([[SELECT_KENHOJO, OK], [selectEf(0x0001), OK], ['00 B0 00 00 11', '69 82']]);
    await expect(new KenhojoAp(ch).readMyNumber()).rejects.toMatchObject({ code: 'pin-not-verified', params: { pin: 'kenhojo' } });
  });
  it('PIN edges: format checked locally, last try guarded', async () => {
    const ch = new ScriptedChannel([]);
    await expect(new KenhojoAp(ch).verifyPin('12345')).rejects.toMatchObject({ code: 'pin-format-4-digits' });
    expect(ch.sent).toHaveLength(0);
    const ch2 = new ScriptedChannel([[SELECT_KENHOJO, OK], [selectEf(0x0011), OK], ['00 20 00 80', '63 C1']]);
    await expect(new KenhojoAp(ch2).verifyPin('1234')).rejects.toMatchObject({ code: 'pin-last-try-not-acknowledged' });
    expect(ch2.done).toBe(true);
  });
  it('a card without the AP is card-application-absent', async () => {
    const ch = new ScriptedChannel([[SELECT_KENHOJO, '6A 82']]);
    await expect(new KenhojoAp(ch).pinStatus()).rejects.toMatchObject({ code: 'card-application-absent', params: { ap: 'kenhojo' } });
  });
});
