import { describe, expect, it } from 'vitest';
import { parseCommandApdu, response, triesLeft } from '../../../../src/sim/card/apdu';
import { h, x } from './helpers';

// ISO/IEC 7816-4 §5.1: the four cases in short and extended form.
describe('card-side command APDU parsing', () => {
  it('case 1', () => {
    expect(parseCommandApdu(h('00 20 00 80'))).toEqual({ cla: 0, ins: 0x20, p1: 0, p2: 0x80, data: new Uint8Array(0), ne: undefined, extended: false });
  });
  it('case 2 short, Le 00 = 256', () => {
    expect(parseCommandApdu(h('00 B0 00 00 00'))?.ne).toBe(256);
    expect(parseCommandApdu(h('00 B0 00 00 04'))?.ne).toBe(4);
  });
  it('case 3 short', () => {
    const c = parseCommandApdu(h('00 A4 02 0C 02 00 0A'));
    expect(c && x(c.data)).toBe('00 0A');
    expect(c?.ne).toBeUndefined();
  });
  it('case 4 short', () => {
    const c = parseCommandApdu(h('80 2A 00 80 03 01 02 03 00'));
    expect(c && [x(c.data), c.ne, c.extended]).toEqual(['01 02 03', 256, false]);
  });
  it('case 2 extended, Le 0000 = 65536', () => {
    expect(parseCommandApdu(h('00 B0 00 00 00 00 00'))).toMatchObject({ ne: 65536, extended: true });
    expect(parseCommandApdu(h('00 B0 00 00 00 05 55'))).toMatchObject({ ne: 0x555, extended: true });
  });
  it('case 3 and 4 extended', () => {
    expect(parseCommandApdu(h('00 A4 02 0C 00 00 02 00 0A'))).toMatchObject({ ne: undefined, extended: true });
    const c = parseCommandApdu(h('80 2A 00 80 00 00 02 AA BB 00 00'));
    expect(c && [x(c.data), c.ne, c.extended]).toEqual(['AA BB', 65536, true]);
  });
  it('rejects inconsistent lengths', () => {
    for (const bad of ['00 A4', '00 A4 02 0C 02 00', '00 A4 02 0C 02 00 0A 00 00', '00 B0 00 00 00 00', '00 A4 02 0C 00 00 00 00']) {
      expect(parseCommandApdu(h(bad)), bad).toBeNull();
    }
  });
  it('builds responses and 63Cx', () => {
    expect(x(response(0x9000, h('01 02')))).toBe('01 02 90 00');
    expect(triesLeft(3).toString(16)).toBe('63c3');
  });
});
