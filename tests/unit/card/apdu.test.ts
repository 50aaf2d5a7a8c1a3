import { describe, expect, it } from 'vitest';
import { apduCase, encodeCommand, maskedHex, parseResponse, transmitApdu } from '../../../src/card/apdu';
import { fromHex, toHex } from '../../../src/card/bytes';
import { Transcript } from '../../../src/trace/transcript';
import { EXTENDED, OK, ScriptedChannel } from './scripted-channel';

const enc = (...a: Parameters<typeof encodeCommand>) => toHex(encodeCommand(...a));

describe('encodeCommand (ISO/IEC 7816-4 §5.1)', () => {
  it('case 1: header only (the empty VERIFY that reads a PIN counter)', () => {
    expect(enc({ cla: 0, ins: 0x20, p1: 0, p2: 0x80 })).toBe('00 20 00 80');
    expect(apduCase({ cla: 0, ins: 0x20, p1: 0, p2: 0x80 })).toBe(1);
  });
  it('case 2 short: Le 00 means 256', () => {
    expect(enc({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 })).toBe('00 B0 00 00 04');
    expect(enc({ cla: 0, ins: 0xb0, p1: 0, p2: 4, ne: 256 })).toBe('00 B0 00 04 00');
  });
  it('case 3 short: SELECT by AID (jpki-card.md §11)', () => {
    expect(enc({ cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: fromHex('D3 92 F0 00 26 01 00 00 00 01') })).toBe(
      '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01',
    );
  });
  it('case 4 short: COMPUTE DIGITAL SIGNATURE with Le 00', () => {
    const cmd = { cla: 0x80, ins: 0x2a, p1: 0, p2: 0x80, data: fromHex('01 02 03'), ne: 256 };
    expect(enc(cmd)).toBe('80 2A 00 80 03 01 02 03 00');
    expect(apduCase(cmd)).toBe(4);
  });
  it('case 2 extended: 00 Le1 Le2, 0000 means 65536', () => {
    expect(enc({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 65536 })).toBe('00 B0 00 00 00 00 00');
    expect(enc({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 0x0370 })).toBe('00 B0 00 00 00 03 70');
    // Forcing extended for a small Ne gives the 3-byte form too.
    expect(enc({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 }, 'extended')).toBe('00 B0 00 00 00 00 04');
  });
  it('case 3 extended: 00 Lc1 Lc2 data', () => {
    const data = new Uint8Array(300).fill(0xaa);
    const out = encodeCommand({ cla: 0x80, ins: 0xa2, p1: 0, p2: 0, data });
    expect(toHex(out.subarray(0, 7))).toBe('80 A2 00 00 00 01 2C');
    expect(out.length).toBe(7 + 300);
  });
  it('case 4 extended: 00 Lc1 Lc2 data Le1 Le2 (no second 00)', () => {
    expect(enc({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: fromHex('11 22'), ne: 65536 }, 'extended')).toBe('00 88 00 00 00 00 02 11 22 00 00');
    expect(enc({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: fromHex('11'), ne: 257 })).toBe('00 88 00 00 00 00 01 11 01 01');
  });
  it('refuses commands that do not fit, with named errors', () => {
    expect(() => encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 257 }, 'short')).toThrow(
      expect.objectContaining({ code: 'apdu-needs-extended-length' }),
    );
    expect(() => encodeCommand({ cla: 0x100, ins: 0, p1: 0, p2: 0 })).toThrow(expect.objectContaining({ code: 'apdu-invalid-command' }));
    expect(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, ne: 0 })).toThrow(expect.objectContaining({ code: 'apdu-invalid-command' }));
    expect(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, ne: 65537 })).toThrow(expect.objectContaining({ code: 'apdu-invalid-command' }));
  });
});

describe('parseResponse', () => {
  it('splits data and SW', () => {
    const r = parseResponse(fromHex('30 82 05 A0 90 00'));
    expect(toHex(r.data)).toBe('30 82 05 A0');
    expect(r.sw).toBe(0x9000);
  });
  it('SW only', () => expect(parseResponse(fromHex('63 C3')).sw).toBe(0x63c3));
  it('too short is a named error', () => {
    expect(() => parseResponse(fromHex('90'))).toThrow(expect.objectContaining({ code: 'apdu-response-too-short' }));
  });
});

describe('transmitApdu', () => {
  it('follows 61xx with GET RESPONSE and concatenates', async () => {
    const ch = new ScriptedChannel([
      ['80 2A 00 80 02 AA BB 00', '01 02 61 03'],
      ['00 C0 00 00 03', '03 04 05 61 00'],
      ['00 C0 00 00 00', '06 90 00'],
    ]);
    const r = await transmitApdu(ch, { cla: 0x80, ins: 0x2a, p1: 0, p2: 0x80, data: fromHex('AA BB'), ne: 256 });
    expect(toHex(r.data)).toBe('01 02 03 04 05 06');
    expect(r.sw).toBe(0x9000);
    expect(ch.done).toBe(true);
  });
  it('re-issues once with Le = xx on 6Cxx', async () => {
    const ch = new ScriptedChannel([
      ['00 B0 00 00 20', '6C 10'],
      ['00 B0 00 00 10', '4A 50 4B 49 41 50 49 43 43 54 4F 4B 45 4E 32 20 90 00'],
    ]);
    const r = await transmitApdu(ch, { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 32 });
    expect(r.data.length).toBe(16);
    expect(ch.done).toBe(true);
  });
  it('never re-sends a VERIFY on 6Cxx (house rule) and masks its data', async () => {
    const transcript = new Transcript();
    const ch = new ScriptedChannel([['00 20 00 80 04 31 32 33 34', '6C 04']], undefined, transcript);
    const r = await transmitApdu(ch, { cla: 0, ins: 0x20, p1: 0, p2: 0x80, data: fromHex('31 32 33 34') }, { secret: true });
    expect(r.sw).toBe(0x6c04);
    expect(ch.sent).toHaveLength(1);
    const out = transcript.events().filter((e) => e.dir === 'out');
    expect(out[0].hex).toBe('00 20 00 80 04 ** ** ** **');
    expect(JSON.stringify(transcript.events())).not.toMatch(/31 32 33 34|31323334/);
    // The response was recorded inside sensitive(): redacted.
    expect(transcript.events().find((e) => e.dir === 'in')?.redacted).toBe(true);
  });
  it('records ordinary exchanges in the transcript', async () => {
    const transcript = new Transcript();
    const ch = new ScriptedChannel([['00 A4 02 0C 02 00 0A', OK]], undefined, transcript);
    await transmitApdu(ch, { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('00 0A') });
    expect(transcript.events().map((e) => e.hex)).toEqual(['00 a4 02 0c 02 00 0a', '90 00']);
  });
  it('refuses an extended command on a short-only channel before sending', async () => {
    const ch = new ScriptedChannel([]);
    await expect(transmitApdu(ch, { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 1000 })).rejects.toMatchObject({ code: 'apdu-needs-extended-length' });
    expect(ch.sent).toHaveLength(0);
  });
  it('sends extended where the channel carries it', async () => {
    const ch = new ScriptedChannel([['00 B0 00 00 00 00 00', '01 90 00']], EXTENDED);
    const r = await transmitApdu(ch, { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 65536 });
    expect(toHex(r.data)).toBe('01');
  });
  it('wraps a non-LensError transport failure as card-transmit-failed', async () => {
    const ch = { atr: new Uint8Array(), close: async () => {}, transmit: () => Promise.reject(new Error('boom')) };
    await expect(transmitApdu(ch, { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 1 })).rejects.toMatchObject({ code: 'card-transmit-failed' });
  });
  it('bounds a card that answers 61xx forever', async () => {
    const ch = { atr: new Uint8Array(), close: async () => {}, transmit: async () => fromHex('00 61 01') };
    await expect(transmitApdu(ch, { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 1 })).rejects.toMatchObject({ code: 'apdu-get-response-loop' });
  });
  it('maskedHex keeps header and Lc of extended commands', () => {
    const cmd = { cla: 0, ins: 0x24, p1: 1, p2: 0x80, data: new Uint8Array(2) };
    expect(maskedHex(encodeCommand(cmd, 'extended'), cmd)).toBe('00 24 01 80 00 00 02 ** **');
  });
});
