import { describe, expect, it } from 'vitest';
import { parseAtr } from '../../../../src/readers/atr';
import { parseCcidDescriptor } from '../../../../src/readers/ccid/descriptor';
import { parameterStructure, planProtocol, ppsAccepted, ppsRequest, protocolTimeoutMs } from '../../../../src/readers/ccid/params';
import { bytes, descriptorFromDump, hex } from './scripted-device';

const JPKI_ATR = parseAtr(bytes('3b da 13 ff 81 31 fb 46 80 12 39 2f 31 c1 73 c6 01 c0 3b')); // TA1 13, TC1 FF, IFSC FB, BWI 4 CWI 6
const nttcom = parseCcidDescriptor(bytes(descriptorFromDump('SCR3310-NTTCom.txt'))); // 0x000101BA: auto PPS
const gemTwin = parseCcidDescriptor(bytes(descriptorFromDump('Gemalto_IDBridge_CT30.txt'))); // 0x00010230: host PPS
const rcs300 = parseCcidDescriptor(bytes(descriptorFromDump('SONY_FeliCa_RC-S300_S.txt'))); // 0x0004007E: 0x40

describe('PPS and SetParameters exactly when the features require them (libccid IFDHSetProtocolParameters)', () => {
  it('automatic PPS (0x80): no PPS from the host, SetParameters with TA1 in bmFindexDindex', () => {
    expect(planProtocol(JPKI_ATR, nttcom)).toMatchObject({ protocol: 1, fiDi: 0x13, pps: false, setParameters: true, bps: 51612 });
  });
  it('no automatic PPS: the host sends PPS for a faster TA1, then SetParameters', () => {
    expect(planProtocol(JPKI_ATR, gemTwin)).toMatchObject({ protocol: 1, fiDi: 0x13, pps: true, setParameters: true });
  });
  it('automatic parameter negotiation (0x40): neither', () => {
    expect(planProtocol(JPKI_ATR, rcs300)).toMatchObject({ pps: false, setParameters: false });
  });
  it('TA1 faster than dwMaxDataRate or than the GET_DATA_RATES list: Di is lowered', () => {
    expect(planProtocol(JPKI_ATR, { ...gemTwin, maxDataRate: 30000 }).fiDi).toBe(0x12);
    expect(planProtocol(JPKI_ATR, gemTwin, [12903, 25806]).fiDi).toBe(0x12);
  });
  it('default rate and default protocol: no PPS needed', () => {
    expect(planProtocol(parseAtr(bytes('3b 80 01 81')), gemTwin)).toMatchObject({ fiDi: 0x11, pps: false, setParameters: true });
  });
  it('specific mode (TA2): no PPS, the card\'s protocol', () => {
    // T0 90 (TA1, TD1), TA1 13, TD1 11 (TA2 follows, T=1), TA2 01 (specific T=1), TCK 93
    const atr = parseAtr(bytes('3b 90 13 11 01 93'));
    expect(planProtocol(atr, gemTwin)).toMatchObject({ protocol: 1, pps: false, setParameters: true, fiDi: 0x13 });
  });
  it('PPS request and its echo (ISO/IEC 7816-3 §9.2)', () => {
    expect(hex(ppsRequest(1, 0x13))).toBe('ff 11 13 fd');
    expect(hex(ppsRequest(1, 0x11))).toBe('ff 01 fe');
    expect(ppsAccepted(bytes('ff 11 13 fd'), bytes('ff 11 13 fd'))).toEqual({ ok: true, fiDi: 0x13 });
    expect(ppsAccepted(bytes('ff 11 13 fd'), bytes('ff 01 fe'))).toEqual({ ok: true, fiDi: 0x11 });
    expect(ppsAccepted(bytes('ff 11 13 fd'), bytes('ff 11 12 fc')).ok).toBe(false);
  });
  it('T=1 parameter structure: Fi/Di, TCCKST 0x10|CRC|inverse, guard TC1, BWI/CWI, IFSC, NAD 0', () => {
    const plan = planProtocol(JPKI_ATR, nttcom);
    expect(hex(parameterStructure(JPKI_ATR, plan))).toBe('13 10 ff 46 00 fb 00');
    expect(hex(parameterStructure(parseAtr(bytes('3b 80 01 81')), planProtocol(parseAtr(bytes('3b 80 01 81')), nttcom)))).toBe('11 10 00 4d 00 20 00');
  });
  it('a T=1 block wait is bounded by BWT + 260 guard times + 1 s', () => {
    const ms = protocolTimeoutMs(JPKI_ATR, planProtocol(JPKI_ATR, nttcom));
    expect(ms).toBeGreaterThan(1000 + 1190); // BWT(BWI 4, 4.8 MHz) ≈ 1.19 s
    expect(ms).toBeLessThan(3000);
  });
});
