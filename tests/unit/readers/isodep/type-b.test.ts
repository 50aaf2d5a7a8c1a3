import { describe, expect, it } from 'vitest';
import { activateTypeB } from '../../../../src/readers/isodep/activate';
import { synthesiseTypeBAtr } from '../../../../src/readers/isodep/atr';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { buildAttrib, buildReqb, chooseRates, fsdiFor, fwtMs, parseAtqb, parseAttribResponse } from '../../../../src/readers/isodep/type-b';
import { ScriptLink } from './script-link';

const ATQB_MYNA = '50 3A 5C 01 9E 00 00 05 E0 B3 81 A1';
const ATQB_106 = '50 11 22 33 44 00 4B 51 FF 00 81 D1';

describe('REQB / WUPB', () => {
  it('builds nfcpy\'s SENSB_REQ 05 00 10 by default and WUPB with PARAM b4', () => {
    expect(toHex(buildReqb())).toBe('05 00 10');
    expect(toHex(buildReqb({ wakeUp: true }))).toBe('05 00 18');
    expect(toHex(buildReqb({ extendedAtqb: false }))).toBe('05 00 00');
  });
});

describe('ATQB', () => {
  it('decodes B3 81 A1: 212/424 both ways (same rate), FSCI 8 = 256, ISO-DEP, FWI 10, CID', () => {
    const a = parseAtqb(fromHex(ATQB_MYNA));
    expect(toHex(a.pupi)).toBe('3A 5C 01 9E');
    expect(toHex(a.applicationData)).toBe('00 00 05 E0');
    expect(a.sameRateBothWays).toBe(true);
    expect(a.pcdToPiccRates).toEqual([106, 212, 424]);
    expect(a.piccToPcdRates).toEqual([106, 212, 424]);
    expect([a.fsci, a.fsc, a.isoDep, a.fwi, a.cidSupported, a.nadSupported]).toEqual([8, 256, true, 10, true, false]);
  });

  it('decodes 00 81 D1: 106 kbit/s only, FWI 13', () => {
    const a = parseAtqb(fromHex(ATQB_106));
    expect(a.pcdToPiccRates).toEqual([106]);
    expect(a.fwi).toBe(13);
    expect(chooseRates(a, [106, 212, 424])).toEqual({ pcdToPicc: 106, piccToPcd: 106 });
  });

  it('accepts the extended ATQB (12 bytes after 50) and rejects other frames', () => {
    expect(parseAtqb(fromHex(`${ATQB_MYNA} 00`)).protocolInfo.length).toBe(4);
    expect(() => parseAtqb(fromHex('51 3A 5C 01 9E 00 00 05 E0 B3 81 A1'))).toThrow(/typeb-bad-atqb/);
    expect(() => parseAtqb(fromHex('50 3A 5C 01 9E 00 00 05 E0 B3 81'))).toThrow(/typeb-bad-atqb/);
  });

  it('reads FWT from FWI: FWI 10 ≈ 309 ms (iso14443-typeb.md)', () => {
    expect(fwtMs(10)).toBeCloseTo(309.3, 1);
  });

  it('picks the fastest common rate, capped by the reader and a limit', () => {
    const a = parseAtqb(fromHex(ATQB_MYNA));
    expect(chooseRates(a, [106, 212, 424])).toEqual({ pcdToPicc: 424, piccToPcd: 424 });
    expect(chooseRates(a, [106, 212])).toEqual({ pcdToPicc: 212, piccToPcd: 212 });
    expect(chooseRates(a, [106, 212, 424], 212)).toEqual({ pcdToPicc: 212, piccToPcd: 212 });
  });
});

describe('ATTRIB', () => {
  it('is nfcpy\'s 1D PUPI 00 08 01 00 at 106 kbit/s with FSDI 8', () => {
    expect(toHex(buildAttrib(fromHex('3A 5C 01 9E'), 8))).toBe('1D 3A 5C 01 9E 00 08 01 00');
  });
  it('codes the rates in Param2 b8–b7 (PICC→PCD) and b6–b5 (PCD→PICC)', () => {
    expect(toHex(buildAttrib(fromHex('3A 5C 01 9E'), 8, { pcdToPicc: 212, piccToPcd: 212 }))).toBe('1D 3A 5C 01 9E 00 58 01 00');
    expect(toHex(buildAttrib(fromHex('3A 5C 01 9E'), 8, { pcdToPicc: 424, piccToPcd: 424 }))).toBe('1D 3A 5C 01 9E 00 A8 01 00');
  });
  it('asks for 256-byte frames only when the reader can carry them', () => {
    expect(fsdiFor(256)).toBe(8);
    expect(fsdiFor(255)).toBe(7);
  });
  it('reads MBLI|CID and refuses a CID we did not assign', () => {
    expect(parseAttribResponse(fromHex('10'))).toMatchObject({ mbli: 1, cid: 0 });
    expect(() => parseAttribResponse(fromHex('01'))).toThrow(/typeb-attrib-failed/);
    expect(() => parseAttribResponse(new Uint8Array(0))).toThrow(/typeb-attrib-failed/);
  });
});

describe('synthesised ATR (jpki-card.md §1.1)', () => {
  it.each([
    ['50 01 02 03 04 00 00 05 E0 B3 81 A1', '3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F'],
    ['50 01 02 03 04 00 00 41 E0 B3 81 A1', '3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B'],
    ['50 01 02 03 04 00 4B 51 FF 00 81 D1', '3B 88 80 01 00 4B 51 FF 00 81 D1 00 BC'],
    ['50 01 02 03 04 00 4B 51 FF B3 81 D1', '3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F'],
  ])('ATQB %s → %s', (atqb, atr) => {
    expect(toHex(synthesiseTypeBAtr(parseAtqb(fromHex(atqb)), parseAttribResponse(fromHex('00'))))).toBe(atr);
  });
});

describe('activateTypeB', () => {
  it('REQB → ATTRIB with the best rates → switches the reader → ISO-DEP at FSC 256', async () => {
    const link = new ScriptLink([
      ['05 00 10', ATQB_MYNA],
      ['1D 3A 5C 01 9E 00 A8 01 00', '00'],
      ['02 00 A4 04 0C 02 3F 00', '02 90 00'],
    ]);
    const s = await activateTypeB(link);
    expect(link.timeouts[0]).toBe(30);
    expect(link.rateChanges).toEqual([{ pcdToPicc: 424, piccToPcd: 424 }]);
    expect([s.fsc, s.fsd, s.initiator.maxInf]).toEqual([256, 256, 253]);
    expect(toHex(s.atr)).toBe('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F');
    expect(toHex(await s.initiator.exchange(fromHex('00 A4 04 0C 02 3F 00')))).toBe('90 00');
    link.done();
  });

  it('stays at 106 kbit/s when the card only has 106 and does not touch the reader rates', async () => {
    const link = new ScriptLink([['05 00 10', ATQB_106], ['1D 11 22 33 44 00 08 01 00', '00']]);
    await activateTypeB(link);
    expect(link.rateChanges).toEqual([]);
    link.done();
  });

  it('no ATQB → typeb-no-card; a card without ISO-DEP → typeb-not-iso-dep; silent ATTRIB → typeb-attrib-failed', async () => {
    await expect(activateTypeB(new ScriptLink([['05 00 10', 'timeout']]))).rejects.toMatchObject({ code: 'typeb-no-card' });
    await expect(activateTypeB(new ScriptLink([['05 00 10', '50 11 22 33 44 00 00 00 00 00 80 D1']]))).rejects.toMatchObject({ code: 'typeb-not-iso-dep' });
    await expect(activateTypeB(new ScriptLink([['05 00 10', ATQB_106], ['1D 11 22 33 44 00 08 01 00', 'timeout']]))).rejects.toMatchObject({ code: 'typeb-attrib-failed' });
  });
});
