import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { ACK_FRAME, decodeFrame, encodeFrame, frameLength } from '../../../../src/readers/sony/rcs380/frames';
import { commStatusNames, inCommRfParams, inCommRfTimeout, inSetRfTypeB, parseInCommRf, statusName } from '../../../../src/readers/sony/rcs380/commands';
import { FRAME } from './port100-script';

const LOG = readFileSync(new URL('./fixtures/rcs380-port100-felica-nfcpy.log', import.meta.url), 'utf8');
const logFrames = LOG.split('\n').filter((l) => /(>>>|<<<) [0-9a-f]+$/.test(l)).map((l) => ({ dir: l.includes('>>>') ? 'out' : 'in', hex: l.split(' ').pop() ?? '' }));

describe('Port-100 frames (nfcpy test_clf_rcs380.py TestFrame)', () => {
  it('encodes an extended frame with LCS and DCS: "12" → 0000ffffff0200fe31329d00', () => {
    expect(toHex(encodeFrame(fromHex('3132')), '')).toBe('0000FFFFFF0200FE31329D00');
    expect(toHex(encodeFrame(fromHex('3132')))).toBe(toHex(FRAME('3132')));
  });

  it('decodes data, ACK and the error frame', () => {
    expect(decodeFrame(fromHex('0000ffffff0200fe31329d00'))).toEqual({ kind: 'data', data: fromHex('3132') });
    expect(decodeFrame(ACK_FRAME)).toEqual({ kind: 'ack' });
    expect(decodeFrame(fromHex('0000FF01FF7F8100'))).toEqual({ kind: 'error' });
  });

  it('decodes a normal (short-length) frame too', () => {
    expect(decodeFrame(fromHex('0000FF02FE31329D00'))).toEqual({ kind: 'data', data: fromHex('3132') });
  });

  it.each([
    ['LCS', '0000ffffff0200ff31329d00'],
    ['DCS', '0000ffffff0200fe31329e00'],
    ['postamble', '0000ffffff0200fe31329d01'],
    ['length', '0000ffffff0300fd31329d00'],
    ['start code', '0001ffffff0200fe31329d00'],
  ])('rejects a bad %s', (_what, hex) => {
    expect(() => decodeFrame(fromHex(hex))).toThrow(/port100-bad-frame/);
  });

  it('knows a frame\'s length from its head (ACK 6, extended 10 + LEN, normal 7 + LEN)', () => {
    expect(frameLength(fromHex('0000FF00FF'))).toBe(6);
    expect(frameLength(fromHex('0000FFFFFF'))).toBeUndefined();
    expect(frameLength(fromHex('0000FFFFFF2800'))).toBe(50);
    expect(frameLength(fromHex('0000FF02FE'))).toBe(9);
  });

  it('every frame of the real RC-S380 log decodes, and re-encodes to the same bytes', () => {
    expect(logFrames.length).toBe(29);
    // The log's author zeroed IDm/PMm in the SENSF_RES but left its DCS (F7; zeros need 07): the one
    // frame of the log that is not byte-true, and our decoder notices.
    const zeroed = logFrames.filter((f) => f.hex.startsWith('0000ffffff1b00'));
    expect(zeroed).toHaveLength(1);
    expect(() => decodeFrame(fromHex(zeroed[0].hex))).toThrow(/DCS mismatch/);
    for (const f of logFrames.filter((x) => !zeroed.includes(x))) {
      const d = decodeFrame(fromHex(f.hex));
      if (d.kind === 'data') expect(toHex(encodeFrame(d.data), '').toLowerCase()).toBe(f.hex);
      else expect(d.kind).toBe('ack');
    }
  });
});

describe('Port-100 command parameters (nfcpy rcs380.py)', () => {
  it('InSetRF Type B settings: 106B 03070f07, 212B 03080f08, 424B 03090f09, mixed send/receive', () => {
    expect(toHex(inSetRfTypeB(106, 106), '')).toBe('03070F07');
    expect(toHex(inSetRfTypeB(212, 212), '')).toBe('03080F08');
    expect(toHex(inSetRfTypeB(424, 424), '')).toBe('03090F09');
    expect(toHex(inSetRfTypeB(106, 424), '')).toBe('03070F09');
    expect(() => inSetRfTypeB(848, 848)).toThrow(RangeError);
  });

  it('InCommRF timeout (ms + 1) × 10 in 0.1 ms units, capped at FFFF (test_in_comm_rf)', () => {
    expect([0, 1, 2, 30, 0x10000].map(inCommRfTimeout)).toEqual([0, 20, 30, 310, 0xffff]);
    expect(toHex(inCommRfParams(fromHex('050010'), 30), '')).toBe('3601050010');
  });

  it('InCommRF answers: frame after status and one byte; status bits named and mapped', () => {
    expect(toHex(parseInCommRf(fromHex('00000000 08 3334')))).toBe('33 34');
    expect(() => parseInCommRf(fromHex('80000000'))).toThrow(/rf-timeout/);
    expect(() => parseInCommRf(fromHex('04000000'))).toThrow(/rf-transmission-error \(name=CRC_ERROR\)/);
    expect(() => parseInCommRf(fromHex('01000000'))).toThrow(/rf-transmission-error \(name=PROTOCOL_ERROR\)/);
    expect(() => parseInCommRf(fromHex('00000080'))).toThrow(/RECEIVE_LENGTH_ERROR/);
    expect(() => parseInCommRf(fromHex('00040000'))).toThrow(/port100-rf-error \(name=RF_OFF_ERROR\)/);
    expect(() => parseInCommRf(fromHex('000000'))).toThrow(/port100-bad-frame/);
  });

  it('names every status bit and status byte as nfcpy does', () => {
    expect(commStatusNames(0xffffffff)).toHaveLength(12);
    expect(commStatusNames(0x00000020)).toEqual(['0x00000020']);
    expect([0, 1, 7, 255].map(statusName)).toEqual(['SUCCESS', 'PARAMETER_ERROR', 'COMMANDTYPE_ERROR', '0xFF']);
  });
});
