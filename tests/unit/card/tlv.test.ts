import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/card/bytes';
import { children, parseTlv, parseTlvHeader, requireChild } from '../../../src/card/tlv';

describe('BER-TLV reader', () => {
  it('reads private-class two-byte tags and short lengths (FF 10 0C …)', () => {
    const b = fromHex('FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF');
    const h = parseTlv(b);
    expect(h).toMatchObject({ tag: 0xff10, constructed: true, headerLength: 3, length: 12, valueStart: 3, end: 15 });
  });
  it('reads 81/82/83 long-form lengths', () => {
    expect(parseTlvHeader(fromHex('30 81 80'))).toMatchObject({ length: 0x80, headerLength: 3 });
    expect(parseTlvHeader(fromHex('30 82 05 A0'))).toMatchObject({ tag: 0x30, length: 0x5a0, headerLength: 4, end: 0x5a4 });
    expect(parseTlvHeader(fromHex('FF 30 82 01 4B'))).toMatchObject({ tag: 0xff30, length: 0x14b, end: 5 + 0x14b });
    expect(parseTlvHeader(fromHex('7F 21 83 01 00 00'))).toMatchObject({ tag: 0x7f21, length: 0x10000, headerLength: 6 });
  });
  it('returns null for a header cut short (caller reads more)', () => {
    expect(parseTlvHeader(fromHex(''))).toBeNull();
    expect(parseTlvHeader(fromHex('30'))).toBeNull();
    expect(parseTlvHeader(fromHex('30 82 05'))).toBeNull();
    expect(parseTlvHeader(fromHex('FF'))).toBeNull();
  });
  it('names every malformation', () => {
    expect(() => parseTlvHeader(fromHex('30 80'))).toThrow(expect.objectContaining({ code: 'tlv-indefinite-length' }));
    expect(() => parseTlvHeader(fromHex('30 84 00 00 00 01'))).toThrow(expect.objectContaining({ code: 'tlv-length-too-long' }));
    expect(() => parseTlvHeader(fromHex('DF 81 82 83 01'))).toThrow(expect.objectContaining({ code: 'tlv-tag-too-long' }));
    expect(() => parseTlv(fromHex('DF 22 05 41 42'))).toThrow(expect.objectContaining({ code: 'tlv-truncated' }));
    expect(() => parseTlv(fromHex('DF'))).toThrow(expect.objectContaining({ code: 'tlv-truncated' }));
  });
  it('lists children and stops at 00/FF filler', () => {
    const b = fromHex('FF 20 0B DF 22 02 41 42 DF 25 01 31 FF FF 00 00');
    const parent = parseTlv(b);
    const list = children(b, parent);
    expect(list.map((c) => c.tag)).toEqual([0xdf22, 0xdf25]);
    expect(requireChild(list, 0xdf25, 'sex').valueStart).toBe(11);
    expect(() => requireChild(list, 0xdf23, '住所')).toThrow(expect.objectContaining({ code: 'tlv-missing-tag', params: { tag: 'DF23', what: '住所' } }));
  });
  it('a child running past its parent is truncation, not an overrun', () => {
    const b = fromHex('FF 20 04 DF 22 05 41 42 43 44 45');
    expect(() => children(b, parseTlv(b))).toThrow(expect.objectContaining({ code: 'tlv-truncated' }));
  });
});
