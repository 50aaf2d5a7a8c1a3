import { describe, expect, it } from 'vitest';
import { decodeBlock, encodeBlock } from '../../../../src/sim/t1/block';
import { crc, lrc } from '../../../../src/sim/t1/edc';
import { bytes, hex } from './test-card';

describe('T=1 EDC (ISO/IEC 7816-3 §11.4.4)', () => {
  it('LRC is the XOR of prologue and INF', () => {
    // The S(IFS request) of the corpus trace t1-tpdu-simulated-gemalto-twin.txt: 00 C1 01 FE 3E.
    expect(lrc(bytes('00 c1 01 fe'))).toBe(0x3e);
    expect(lrc(bytes('00 e1 01 fe'))).toBe(0x1e);
  });

  it('CRC is the reflected 0x8408 CRC preset FFFF, high byte first (libccid checksum.c)', () => {
    // Check value of that CRC (CRC-16/MCRF4XX) over "123456789" is 0x6F91.
    expect(crc(new TextEncoder().encode('123456789'))).toEqual([0x6f, 0x91]);
  });
});

describe('T=1 block codec, card side (§11.3)', () => {
  it('encodes I-, R- and S-blocks byte for byte', () => {
    expect(hex(encodeBlock({ kind: 'I', nad: 0, ns: 1, more: true, inf: bytes('01 02') }, 'lrc'))).toBe('00 60 02 01 02 61');
    expect(hex(encodeBlock({ kind: 'R', nad: 0, nr: 1, error: 2 }, 'lrc'))).toBe('00 92 00 92');
    expect(hex(encodeBlock({ kind: 'S', nad: 0, type: 'wtx', response: false, inf: bytes('05') }, 'lrc'))).toBe('00 c3 01 05 c7');
    expect(hex(encodeBlock({ kind: 'S', nad: 0, type: 'resynch', response: true, inf: new Uint8Array(0) }, 'crc'))).toHaveLength(5 * 3 - 1);
  });

  it('decodes what it encodes, with CRC too', () => {
    const b = encodeBlock({ kind: 'I', nad: 0, ns: 0, more: false, inf: bytes('00 a4 04 00') }, 'crc');
    expect(decodeBlock(b, 'crc')).toEqual({ ok: true, block: { kind: 'I', nad: 0, ns: 0, more: false, inf: bytes('00 a4 04 00') } });
  });

  it('flags the invalid blocks of §11.6.3.2', () => {
    expect(decodeBlock(bytes('00 00 01 aa ff'), 'lrc')).toEqual({ ok: false, fault: 'edc' });
    expect(decodeBlock(bytes('00 00 02 aa ab'), 'lrc')).toEqual({ ok: false, fault: 'length' });
    expect(decodeBlock(bytes('00 00 ff 00 ff'), 'lrc')).toEqual({ ok: false, fault: 'length' });
    expect(decodeBlock(bytes('00 01 00 01'), 'lrc')).toEqual({ ok: false, fault: 'pcb' }); // I-block, RFU bits set
    expect(decodeBlock(bytes('00 83 00 83'), 'lrc')).toEqual({ ok: false, fault: 'pcb' }); // R-block error 3
    expect(decodeBlock(bytes('00 c1 00 c1'), 'lrc')).toEqual({ ok: false, fault: 'pcb' }); // S(IFS) without INF
    expect(decodeBlock(bytes('00 c4 00 c4'), 'lrc')).toEqual({ ok: false, fault: 'pcb' }); // S type 4
  });
});
