/**
 * RC-S300 pseudo-APDUs and response objects against the corpus trace
 * (fixtures/rcs300-vendor-if1-escape.txt, illustrative). Bytes relied on: the manage-session and
 * switch-protocol requests, the exchange's objects (`5F 46 04 A0 86 01 00 95 82 00 06 …`), every
 * response object sequence, and the Escape headers. Not relied on: the trace's extended-length
 * framing of the exchange (hand-copied `00 00 11 … 00 00 00`); the real measurements say short
 * (rcs300-espusbhost-measured.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeResponse } from '../../../../src/readers/ccid/messages';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { exchangeResult, expectOk, manageSession, parseTransparentResponse, switchProtocol, transparentExchange, GET_FIRMWARE_VERSION } from '../../../../src/readers/sony/rcs300/transparent';

const TRACE = readFileSync(new URL('./fixtures/rcs300-vendor-if1-escape.txt', import.meta.url), 'utf8');
const inTrace = (hex: string) => TRACE.replace(/\s+/g, ' ').toUpperCase().includes(hex.toUpperCase());

describe('pseudo-APDUs (trace requests)', () => {
  it.each([
    ['start session', manageSession(0x81), 'FF 50 00 00 02 81 00 00'],
    ['end session', manageSession(0x82), 'FF 50 00 00 02 82 00 00'],
    ['RF off', manageSession(0x83), 'FF 50 00 00 02 83 00 00'],
    ['RF on', manageSession(0x84), 'FF 50 00 00 02 84 00 00'],
    ['switch to FeliCa', switchProtocol(0x03, 0x00), 'FF 50 00 02 04 8F 02 03 00 00'],
    ['switch to Type A layer 3', switchProtocol(0x00, 0x03), 'FF 50 00 02 04 8F 02 00 03 00'],
    ['firmware version', GET_FIRMWARE_VERSION, 'FF 56 00 00'],
  ])('%s is %s as in the trace', (_what, bytes, hex) => {
    expect(toHex(bytes)).toBe(hex);
    expect(inTrace(hex)).toBe(true);
  });

  it('an exchange carries the timer and the 95 82 object exactly as the trace\'s FeliCa polling, in a short APDU', () => {
    const apdu = transparentExchange(fromHex('06 00 FF FF 01 00'), 100_000);
    const objects = '5F 46 04 A0 86 01 00 95 82 00 06 06 00 FF FF 01 00';
    expect(toHex(apdu)).toBe(`FF 50 00 01 11 ${objects} 00`);
    expect(inTrace(objects)).toBe(true);
  });

  it('Type B switching is 8F 02 01 <layer> (UNCONFIRMED on hardware)', () => {
    expect(toHex(switchProtocol(0x01, 0x03))).toBe('FF 50 00 02 04 8F 02 01 03 00');
  });
});

describe('response objects (trace answers)', () => {
  it('the Escape header of a session answer: 83, dwLength 7, bSeq 1, bStatus 02', () => {
    const r = decodeResponse(fromHex('83 07 00 00 00 00 01 02 00 00 C0 03 00 90 00 90 00'));
    expect([r.type, r.seq, r.status, toHex(r.data)]).toEqual(['Escape', 1, 0x02, 'C0 03 00 90 00 90 00']);
    expect(() => expectOk('start session', parseTransparentResponse(r.data))).not.toThrow();
  });

  it('a polling answer: C0 ok, 92 01 00, 96 02 00 00, 97 frame, 90 00 (dwLength 0x24)', () => {
    const frame = `14 01 ${'11 '.repeat(8)}05 31 43 45 46 82 B7 FF 00 03`;
    const abData = fromHex(`C0 03 00 90 00 92 01 00 96 02 00 00 97 14 ${frame} 90 00`);
    expect(abData.length).toBe(0x24);
    const r = parseTransparentResponse(abData);
    expect(r).toMatchObject({ generic: { name: 'ok' }, validBits: 0, responseStatus: 0, sw: 0x9000 });
    expect(toHex(exchangeResult(r))).toBe(toHex(fromHex(frame)));
  });

  it('"no card" C0 03 02 64 01 is an RF time-out for ISO-DEP', () => {
    expect(() => exchangeResult(parseTransparentResponse(fromHex('C0 03 02 64 01 90 00')))).toThrow(/rf-timeout/);
  });

  it('refused / malformed / wrong length / unsupported are named session errors', () => {
    const name = (hex: string) => parseTransparentResponse(fromHex(`${hex} 90 00`)).generic?.name;
    expect(['C0 03 01 63 01', 'C0 03 01 64 01', 'C0 03 01 67 00', 'C0 03 01 6A 81'].map(name)).toEqual(['refused', 'malformed', 'wrong-object-length', 'unsupported-value']);
    expect(() => expectOk('switch protocol', parseTransparentResponse(fromHex('C0 03 01 6A 81 90 00')))).toThrow(/rcs300-session-error \(what=switch protocol, result=unsupported-value, sw=6A81\)/);
  });

  it('a response-status bit is a transmission error; BER lengths carry a 258-byte frame', () => {
    expect(() => exchangeResult(parseTransparentResponse(fromHex('C0 03 00 90 00 92 01 00 96 02 01 00 90 00')))).toThrow(/rf-transmission-error \(name=CRC_ERROR\)/);
    const long = new Uint8Array(258).fill(0xab);
    const r = parseTransparentResponse(fromHex(`C0 03 00 90 00 97 82 01 02 ${toHex(long)} 90 00`));
    expect(exchangeResult(r).length).toBe(258);
    expect(() => parseTransparentResponse(fromHex('97 05 01 02 90 00'))).toThrow(/rcs300-bad-response/);
  });
});
