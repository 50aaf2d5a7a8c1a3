import { describe, expect, it } from 'vitest';
import * as m from '../../../../src/readers/ccid/messages';
import { commandStatusOf, describeStatus, iccStatusOf, slotErrorName } from '../../../../src/readers/ccid/status';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
const bytes = (s: string) => Uint8Array.from(s.split(/\s+/).filter(Boolean).map((x) => parseInt(x, 16)));
const h = { slot: 0, seq: 7 };

describe('PC_to_RDR encoding (CCID Rev 1.10 §6.1), byte-exact', () => {
  const vectors: [string, Uint8Array, string][] = [
    ['IccPowerOn auto', m.iccPowerOn(h, 0), '62 00 00 00 00 00 07 00 00 00'],
    ['IccPowerOn 5 V', m.iccPowerOn(h, 1), '62 00 00 00 00 00 07 01 00 00'],
    ['IccPowerOn 1.8 V slot 1', m.iccPowerOn({ slot: 1, seq: 0xff }, 3), '62 00 00 00 00 01 ff 03 00 00'],
    ['IccPowerOff', m.iccPowerOff(h), '63 00 00 00 00 00 07 00 00 00'],
    ['GetSlotStatus', m.getSlotStatus(h), '65 00 00 00 00 00 07 00 00 00'],
    ['XfrBlock T=1 I-block', m.xfrBlock(h, bytes('00 00 05 00 a4 04 00 00 a1')), '6f 09 00 00 00 00 07 00 00 00 00 00 05 00 a4 04 00 00 a1'],
    ['XfrBlock bBWI 3', m.xfrBlock(h, bytes('00 e3 01 03 e1'), 3), '6f 05 00 00 00 00 07 03 00 00 00 e3 01 03 e1'],
    ['XfrBlock extended, begins', m.xfrBlock(h, bytes('00 b0'), 0, m.CHAIN.begins), '6f 02 00 00 00 00 07 00 01 00 00 b0'],
    ['XfrBlock continue request', m.xfrBlock(h, new Uint8Array(0), 0, m.CHAIN.continueRequest), '6f 00 00 00 00 00 07 00 10 00'],
    ['XfrBlock wLevelParameter 0x0104', m.xfrBlock(h, new Uint8Array(0), 0, 0x0104), '6f 00 00 00 00 00 07 00 04 01'],
    ['GetParameters', m.getParameters(h), '6c 00 00 00 00 00 07 00 00 00'],
    ['ResetParameters', m.resetParameters(h), '6d 00 00 00 00 00 07 00 00 00'],
    ['SetParameters T=1', m.setParameters(h, 1, bytes('11 10 00 4d 00 20 00')), '61 07 00 00 00 00 07 01 00 00 11 10 00 4d 00 20 00'],
    ['SetParameters T=0', m.setParameters(h, 0, bytes('11 00 00 0a 00')), '61 05 00 00 00 00 07 00 00 00 11 00 00 0a 00'],
    ['Escape', m.escape(h, bytes('ff 50 00 00')), '6b 04 00 00 00 00 07 00 00 00 ff 50 00 00'],
    ['IccClock stop', m.iccClock(h, 1), '6e 00 00 00 00 00 07 01 00 00'],
    ['T0APDU', m.t0Apdu(h, 3, 0xff, 0xff), '6a 00 00 00 00 00 07 03 ff ff'],
    ['Secure', m.secure(h, 0, 0, bytes('00 1e')), '69 02 00 00 00 00 07 00 00 00 00 1e'],
    ['Mechanical eject', m.mechanical(h, 2), '71 00 00 00 00 00 07 02 00 00'],
    ['Abort', m.abort(h), '72 00 00 00 00 00 07 00 00 00'],
    ['SetDataRateAndClockFrequency', m.setDataRateAndClockFrequency(h, 4800, 12903), '73 08 00 00 00 00 07 00 00 00 c0 12 00 00 67 32 00 00'],
  ];
  for (const [name, got, want] of vectors) {
    it(name, () => {
      expect(hex(got)).toBe(want);
      const back = m.decodeCommand(got);
      expect(m.encodeCommand(back)).toEqual(got);
    });
  }
  it('a 300-byte abData has dwLength 2C 01 00 00', () => {
    expect(hex(m.xfrBlock(h, new Uint8Array(300)).subarray(0, 5))).toBe('6f 2c 01 00 00');
  });
});

describe('RDR_to_PC decoding (CCID Rev 1.10 §6.2), byte-exact', () => {
  it('DataBlock with an ATR', () => {
    const r = m.decodeResponse(bytes('80 04 00 00 00 00 07 00 00 00 3b 02 14 50'));
    expect(r).toMatchObject({ type: 'DataBlock', slot: 0, seq: 7, status: 0, error: 0, specific: 0 });
    expect(hex(r.data)).toBe('3b 02 14 50');
  });
  it('DataBlock with bChainParameter 0x01 (more to come)', () => {
    expect(m.decodeResponse(bytes('80 01 00 00 00 00 02 00 00 01 90')).specific).toBe(m.CHAIN.begins);
  });
  it('DataBlock asking for time extension (bStatus 0x80, multiplier 5)', () => {
    const r = m.decodeResponse(bytes('80 00 00 00 00 00 03 80 05 00'));
    expect(commandStatusOf(r.status)).toBe('time-extension');
    expect(r.error).toBe(5);
  });
  it('SlotStatus, card absent, failed ICC_MUTE', () => {
    const r = m.decodeResponse(bytes('81 00 00 00 00 00 01 42 fe 00'));
    expect(r.type).toBe('SlotStatus');
    expect(iccStatusOf(r.status)).toBe('absent');
    expect(commandStatusOf(r.status)).toBe('failed');
    expect(slotErrorName(r.error)).toBe('ICC_MUTE');
    expect(describeStatus(r.status, r.error)).toBe('bStatus 0x42 (failed, absent), bError 0xFE ICC_MUTE');
  });
  it('SlotStatus with bClockStatus stopped-low', () => {
    expect(m.decodeResponse(bytes('81 00 00 00 00 00 01 01 00 01'))).toMatchObject({ type: 'SlotStatus', specific: 1 });
  });
  it('Parameters for T=1', () => {
    const r = m.decodeResponse(bytes('82 07 00 00 00 00 04 00 00 01 96 10 00 45 00 fe 00'));
    expect(r).toMatchObject({ type: 'Parameters', specific: 1 });
    expect(hex(r.data)).toBe('96 10 00 45 00 fe 00');
  });
  it('Escape', () => {
    expect(hex(m.decodeResponse(bytes('83 02 00 00 00 00 09 02 00 00 90 00')).data)).toBe('90 00');
  });
  it('DataRateAndClockFrequency', () => {
    const r = m.decodeResponse(bytes('84 08 00 00 00 00 09 00 00 00 c0 12 00 00 67 32 00 00'));
    expect(r.type).toBe('DataRateAndClockFrequency');
    expect(hex(r.data)).toBe('c0 12 00 00 67 32 00 00');
  });
  it('re-encodes every response type to the same bytes', () => {
    for (const s of ['80 01 00 00 00 00 02 00 00 02 90', '81 00 00 00 00 00 01 40 ff 00', '82 05 00 00 00 00 04 00 00 00 11 00 00 0a 00', '83 00 00 00 00 00 05 00 00 00', '84 00 00 00 00 00 06 00 00 00']) {
      expect(hex(m.encodeResponse(m.decodeResponse(bytes(s))))).toBe(s);
    }
  });
  it('refuses a frame whose dwLength disagrees with its size, and unknown types', () => {
    expect(() => m.decodeResponse(bytes('80 05 00 00 00 00 00 00 00 00 01'))).toThrow(/dwLength/);
    expect(() => m.decodeResponse(bytes('99 00 00 00 00 00 00 00 00 00'))).toThrow(/unknown message type/);
    expect(() => m.decodeResponse(bytes('80 00 00'))).toThrow(/3-byte frame/);
  });
});

describe('bError names (Table 6.2-2, libccid ccid_error)', () => {
  it('names the standard codes, parameter offsets and vendor codes', () => {
    expect([0xff, 0xfd, 0xfc, 0xfb, 0xf8, 0xf7, 0xf6, 0xf5, 0xf4, 0xf3, 0xf2, 0xf0, 0xef, 0xe0, 0x00].map(slotErrorName)).toEqual([
      'CMD_ABORTED', 'XFR_PARITY_ERROR', 'XFR_OVERRUN', 'HW_ERROR', 'BAD_ATR_TS', 'BAD_ATR_TCK', 'ICC_PROTOCOL_NOT_SUPPORTED',
      'ICC_CLASS_NOT_SUPPORTED', 'PROCEDURE_BYTE_CONFLICT', 'DEACTIVATED_PROTOCOL', 'BUSY_WITH_AUTO_SEQUENCE', 'PIN_TIMEOUT',
      'PIN_CANCELLED', 'CMD_SLOT_BUSY', 'CMD_NOT_SUPPORTED',
    ]);
    expect(slotErrorName(0x07)).toBe('BAD_PARAMETER_7');
    expect(slotErrorName(0xa2)).toBe('SHORT_CIRCUIT');
    expect(slotErrorName(0x90)).toBe('VENDOR_0x90');
  });
});

describe('interrupt messages (§6.3)', () => {
  it('NotifySlotChange: 50 03 inserted, 50 02 removed', () => {
    expect(m.decodeInterrupt(bytes('50 03'), 1)).toEqual({ type: 'NotifySlotChange', slots: [{ present: true, changed: true }] });
    expect(m.decodeInterrupt(bytes('50 02'), 1)).toEqual({ type: 'NotifySlotChange', slots: [{ present: false, changed: true }] });
  });
  it('two slots: slot 1 inserted, slot 0 unchanged present', () => {
    expect(m.decodeInterrupt(bytes('50 0d'), 2)).toEqual({ type: 'NotifySlotChange', slots: [{ present: true, changed: false }, { present: true, changed: true }] });
    expect(hex(m.encodeNotifySlotChange([{ present: true, changed: false }, { present: true, changed: true }]))).toBe('50 0d');
  });
  it('HardwareError 51 bSlot bSeq code', () => {
    expect(m.decodeInterrupt(bytes('51 00 04 01'), 1)).toEqual({ type: 'HardwareError', slot: 0, seq: 4, code: 1 });
  });
});
