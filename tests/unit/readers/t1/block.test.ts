import { describe, expect, it } from 'vitest';
import { computeEdc, crc16, decodeBlock, decodePcb, describeBlock, encodeBlock, iBlockPcb, lrc, rBlockPcb, sBlockPcb } from '../../../../src/readers/t1';

const bytes = (hex: string) => Uint8Array.from(hex.replace(/\s+/g, '').match(/../g)?.map((x) => parseInt(x, 16)) ?? []);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

describe('EDC', () => {
  it('LRC: the S(IFS) pair libccid sends and expects (ccid-webusb.md §1.7)', () => {
    expect(lrc(bytes('00 C1 01 FE'))).toBe(0x3e);
    expect(lrc(bytes('00 E1 01 FE'))).toBe(0x1e);
    expect(hex(computeEdc('lrc', bytes('00 C1 01 FE')))).toBe('3E');
  });

  it('CRC: check value of "123456789" is 6F91 (CRC-16/MCRF4XX in the reveng catalogue, the libccid register)', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x6f91);
    // the same register with the final complement of ISO/IEC 13239 (CRC-16/X-25) would give 906E
    expect(crc16(new TextEncoder().encode('123456789')) ^ 0xffff).toBe(0x906e);
    expect(crc16(new Uint8Array(0))).toBe(0xffff);
  });

  it('CRC goes on the wire high byte first', () => {
    expect(hex(computeEdc('crc', new TextEncoder().encode('123456789')))).toBe('6F 91');
  });
});

describe('PCB coding (ISO/IEC 7816-3:2006 §11.3.2.2)', () => {
  it('I-blocks: N(S) in bit 7, M in bit 6', () => {
    expect([iBlockPcb(0, false), iBlockPcb(1, false), iBlockPcb(0, true), iBlockPcb(1, true)]).toEqual([0x00, 0x40, 0x20, 0x60]);
  });
  it('R-blocks: 10 0 N(R) error', () => {
    expect([rBlockPcb(0, 'none'), rBlockPcb(1, 'none'), rBlockPcb(0, 'edc'), rBlockPcb(1, 'other')]).toEqual([0x80, 0x90, 0x81, 0x92]);
  });
  it('S-blocks: 11 response type', () => {
    expect([sBlockPcb('resynch', false), sBlockPcb('ifs', false), sBlockPcb('abort', false), sBlockPcb('wtx', false)]).toEqual([0xc0, 0xc1, 0xc2, 0xc3]);
    expect([sBlockPcb('resynch', true), sBlockPcb('ifs', true), sBlockPcb('abort', true), sBlockPcb('wtx', true)]).toEqual([0xe0, 0xe1, 0xe2, 0xe3]);
  });
  it('decodes every valid PCB and refuses reserved R and S codings', () => {
    const none = new Uint8Array(0);
    expect(decodePcb(0x60, none)).toEqual({ kind: 'I', ns: 1, more: true, inf: none });
    expect(decodePcb(0x92, none)).toEqual({ kind: 'R', nr: 1, error: 'other' });
    expect(decodePcb(0xe3, none)).toEqual({ kind: 'S', type: 'wtx', response: true, inf: none });
    expect(decodePcb(0x83, none)).toBeUndefined(); // R error code 3: RFU
    expect(decodePcb(0xa0, none)).toBeUndefined(); // R with bit 6 set
    expect(decodePcb(0xc4, none)).toBeUndefined(); // S type 4: RFU
  });
});

describe('encodeBlock / decodeBlock', () => {
  it('I(0) carrying SELECT of the JPKI AP, LRC', () => {
    const apdu = bytes('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    const b = encodeBlock({ nad: 0, pcb: 0x00, inf: apdu }, 'lrc');
    expect(hex(b)).toBe('00 00 0F 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01 ' + hex(Uint8Array.of(lrc(b.subarray(0, 18)))));
    const d = decodeBlock(b, 'lrc');
    expect(d.ok && d.block).toEqual({ kind: 'I', ns: 0, more: false, inf: apdu });
  });

  it('S(IFS request 254) and its response, byte-exact', () => {
    expect(hex(encodeBlock({ nad: 0, pcb: 0xc1, inf: Uint8Array.of(0xfe) }, 'lrc'))).toBe('00 C1 01 FE 3E');
    const d = decodeBlock(bytes('00 E1 01 FE 1E'), 'lrc');
    expect(d.ok && describeBlock(d.block)).toBe('S(IFS resp FE)');
  });

  it('R(1) with CRC: two EDC bytes', () => {
    const b = encodeBlock({ nad: 0, pcb: 0x90 }, 'crc');
    expect(b.length).toBe(5);
    const v = crc16(bytes('00 90 00'));
    expect(hex(b)).toBe(hex(Uint8Array.of(0x00, 0x90, 0x00, v >> 8, v & 0xff)));
    expect(decodeBlock(b, 'crc')).toMatchObject({ ok: true, block: { kind: 'R', nr: 1, error: 'none' } });
  });

  it('reports a bad EDC as an EDC error and every other defect as "other"', () => {
    expect(decodeBlock(bytes('00 00 02 90 00 93'), 'lrc')).toEqual({ ok: false, error: 'edc', reason: 'bad-edc' });
    expect(decodeBlock(bytes('00 00 02 90 00 92'), 'lrc')).toMatchObject({ ok: true });
    expect(decodeBlock(bytes('00 00'), 'lrc')).toEqual({ ok: false, error: 'other', reason: 'too-short' });
    expect(decodeBlock(bytes('00 00 03 90 00 93'), 'lrc')).toEqual({ ok: false, error: 'other', reason: 'length-mismatch' });
    expect(decodeBlock(bytes('00 00 FF 00'), 'lrc')).toEqual({ ok: false, error: 'other', reason: 'len-reserved' });
    expect(decodeBlock(bytes('00 83 00 83'), 'lrc')).toEqual({ ok: false, error: 'other', reason: 'bad-pcb' });
    expect(decodeBlock(bytes('00 80 01 00 81'), 'lrc')).toEqual({ ok: false, error: 'other', reason: 'bad-len-for-pcb' }); // R with INF
    expect(decodeBlock(bytes('00 C3 00 C3'), 'lrc')).toEqual({ ok: false, error: 'other', reason: 'bad-len-for-pcb' }); // WTX without INF
    expect(decodeBlock(bytes('00 00 02 90 00 92'), 'crc')).toEqual({ ok: false, error: 'other', reason: 'length-mismatch' });
  });

  it('refuses to encode more than 254 bytes of INF', () => {
    expect(() => encodeBlock({ nad: 0, pcb: 0, inf: new Uint8Array(255) }, 'lrc')).toThrow(RangeError);
  });
});
