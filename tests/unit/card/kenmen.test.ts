import { describe, expect, it } from 'vitest';
import { KenmenAp, decodeCardFace, imageFormat } from '../../../src/card/kenmen';
import { bytes, fromHex } from '../../../src/card/bytes';
import { OK, SELECT_KENMEN, ScriptedChannel, hexOf, readBinary, selectEf } from './scripted-channel';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
function tlv(tag: number[], value: Uint8Array): Uint8Array {
  const n = value.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return bytes(tag, len, value);
}
const PNG = fromHex('89 50 4E 47 0D 0A 1A 0A 00 00 00 0D 49 48 44 52');
const JP2 = bytes(fromHex('00 00 00 0C 6A 50 20 20 0D 0A 87 0A'), new Uint8Array(600).fill(7));

// jpki-card.md §5.2: DF21 offsets, DF22 birth, DF23 sex, DF24 key, DF25/26 PNG, DF27 photo, DF28 sig, DF29 expiry, DF2A code image.
const face = tlv(
  [0xff, 0x20],
  bytes(
    tlv([0xdf, 0x21], new Uint8Array(18)),
    tlv([0xdf, 0x22], ascii('19850401')),
    tlv([0xdf, 0x23], ascii('2')),
    tlv([0xdf, 0x24], fromHex('90 03 01 00 01')),
    tlv([0xdf, 0x25], PNG),
    tlv([0xdf, 0x26], PNG),
    tlv([0xdf, 0x27], JP2),
    tlv([0xdf, 0x28], new Uint8Array(256)),
    tlv([0xdf, 0x29], ascii('20350401')),
    tlv([0xdf, 0x2a], PNG),
  ),
);

describe('券面AP face data', () => {
  it('decodes dates, sex and images by signature', () => {
    const f = decodeCardFace(bytes(face, new Uint8Array(50).fill(0xff)));
    expect(f.birthDate?.iso).toBe('1985-04-01');
    expect(f.sex).toEqual({ code: '2', meaning: 'female' });
    expect(f.expiry?.iso).toBe('2035-04-01');
    expect(f.nameImage?.format).toBe('png');
    expect(f.photo?.format).toBe('jp2');
    expect(f.photo?.bytes.length).toBe(JP2.length);
    expect(f.securityCodeImage?.format).toBe('png');
    expect(f.otherTags).toEqual([]);
  });
  it('is tolerant: a bad field is left out, unknown tags are listed', () => {
    const f = decodeCardFace(tlv([0xff, 0x20], bytes(tlv([0xdf, 0x22], ascii('1985??01')), tlv([0xdf, 0x2b], ascii('x')))));
    expect(f.birthDate).toBeUndefined();
    expect(f.otherTags).toEqual(['DF2B']);
  });
  it('recognises JPEG 2000 codestreams too', () => {
    expect(imageFormat(fromHex('FF 4F FF 51 00'))).toBe('j2k');
    expect(imageFormat(fromHex('00'))).toBe('unknown');
  });
  it('照合番号A (12 digits) then EF 0002 in chunks', async () => {
    const steps: [string, string][] = [
      [SELECT_KENMEN, OK],
      [selectEf(0x0013), OK],
      ['00 20 00 80', '63 CA'],
      [`00 20 00 80 0C ${hexOf(ascii('123456789018'))}`, OK],
      [selectEf(0x0002), OK],
    ];
    for (let off = 0; off < face.length; off += 256) {
      const n = off === 0 ? 256 : Math.min(256, face.length - off);
      steps.push([readBinary(off, n), `${hexOf(face, off, off + n)} 90 00`]);
    }
    steps.push([selectEf(0x0004), '6A 82']); // no CV certificate: the signature cannot be checked
    const ch = new ScriptedChannel(steps);
    const ap = new KenmenAp(ch);
    await ap.verifyNumberA('123456789018');
    const f = await ap.readFace();
    expect(f.sex?.meaning).toBe('female');
    expect(f.signature).toEqual({ status: 'absent', missing: 'certificate' });
    expect(ch.done).toBe(true);
  });
  it('照合番号A must be 12 digits, checked locally', async () => {
    const ch = new ScriptedChannel([]);
    await expect(new KenmenAp(ch).verifyNumberA('1234')).rejects.toMatchObject({ code: 'pin-format-12-digits' });
    expect(ch.sent).toHaveLength(0);
  });
});
