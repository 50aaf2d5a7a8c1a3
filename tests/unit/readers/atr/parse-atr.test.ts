import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAtr } from '../../../../src/readers/atr';
import { isLensError } from '../../../../src/errors';

const bytes = (hex: string) => Uint8Array.from(hex.replace(/\s+/g, '').match(/../g)!.map((x) => parseInt(x, 16)));
const hexOf = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isLensError(e) ? e.code : 'not-a-lens-error';
  }
  return undefined;
}

// Real ATRs: /work/shared/reference/jpki-card.md §1.1 (My Number Card, contact and the contactless
// ones a PC/SC reader synthesises) and /work/shared/corpus/ccid/raw-descriptors.json `atrs`.
describe('parseAtr: My Number Card, contact interface (jpki-card.md §1.1)', () => {
  it('3B E0 00 FF 81 31 FE 45 14 (OpenSC jpki_atrs): TB1 00, TC1 FF, T=1 only, IFSC 254, TB3 45', () => {
    const a = parseAtr(bytes('3B E0 00 FF 81 31 FE 45 14'));
    expect(a.convention).toBe('direct');
    expect(a.t0).toBe(0xe0);
    expect(a.groups).toEqual([
      { index: 1, tb: 0x00, tc: 0xff, td: 0x81 },
      { index: 2, protocol: 1, td: 0x31 },
      { index: 3, protocol: 1, ta: 0xfe, tb: 0x45 },
    ]);
    expect(a.protocols).toEqual([1]);
    expect(a.defaultProtocol).toBe(1);
    expect(a.tck).toBe(0x14);
    expect(a.global).toEqual({ ta1: 0x11, ta1Present: false, fi: 372, di: 1, fmaxMHz: 5, extraGuardTime: 255, t0WaitingIntegerWi: 10 });
    expect(a.t1).toEqual({ ifsc: 254, ifscFromAtr: true, bwi: 4, cwi: 5, edc: 'lrc', tb: 0x45 });
    expect(a.historical).toEqual({ raw: new Uint8Array(0), format: 'none' });
    expect(a.anomalies).toEqual([]);
  });

  it('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B: TA1 13, IFSC 251, compact-TLV with extended Lc/Le', () => {
    const a = parseAtr(bytes('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B'));
    expect(a.groups).toEqual([
      { index: 1, ta: 0x13, tc: 0xff, td: 0x81 },
      { index: 2, protocol: 1, td: 0x31 },
      { index: 3, protocol: 1, ta: 0xfb, tb: 0x46 },
    ]);
    expect(a.global.fi).toBe(372);
    expect(a.global.di).toBe(4);
    expect(a.global.fmaxMHz).toBe(5);
    expect(a.t1).toEqual({ ifsc: 251, ifscFromAtr: true, bwi: 4, cwi: 6, edc: 'lrc', tb: 0x46 });
    expect(a.tck).toBe(0x3b);
    const h = a.historical;
    expect(hexOf(h.raw)).toBe('8012392f31c173c601c0');
    expect(h.category).toBe(0x80);
    expect(h.format).toBe('compact-tlv');
    expect(h.objects?.map((o) => [o.tag, hexOf(o.value)])).toEqual([
      [1, '392f'],
      [3, 'c1'],
      [7, 'c601c0'],
    ]);
    expect(h.countryCode).toBe('392');
    expect(h.serviceData).toEqual({
      raw: 0xc1,
      selectByFullDfName: true,
      selectByPartialDfName: true,
      dirInEfDir: false,
      dirInEfAtr: false,
      efAccess: 'read-record',
      hasMf: false,
    });
    expect(h.capabilities?.dfSelection).toEqual({
      byFullName: true,
      byPartialName: true,
      byPath: false,
      byFileId: false,
      implicit: false,
      shortEfId: true,
      recordNumber: true,
      recordId: false,
    });
    expect(h.capabilities?.dataCoding).toEqual({ tlvEfs: false, writeBehaviour: 0, ffTagValid: false, dataUnitBytes: 1 });
    expect(h.capabilities?.commandChaining).toBe(true);
    expect(h.capabilities?.extendedLength).toBe(true);
    expect(h.capabilities?.logicalChannels).toEqual({ byCard: false, byInterfaceDevice: false, max: 1 });
  });

  it('3B C5 FF 81 31 FB 45 80 73 C6 01 00 00: capabilities third byte 00 (no extended length)', () => {
    const a = parseAtr(bytes('3B C5 FF 81 31 FB 45 80 73 C6 01 00 00'));
    expect(a.groups).toEqual([
      { index: 1, tc: 0xff, td: 0x81 },
      { index: 2, protocol: 1, td: 0x31 },
      { index: 3, protocol: 1, ta: 0xfb, tb: 0x45 },
    ]);
    expect(a.t1).toEqual({ ifsc: 251, ifscFromAtr: true, bwi: 4, cwi: 5, edc: 'lrc', tb: 0x45 });
    expect(a.tck).toBe(0x00);
    expect(a.historical.capabilities?.extendedLength).toBe(false);
    expect(a.historical.capabilities?.commandChaining).toBe(false);
    expect(hexOf(a.historical.capabilities!.raw)).toBe('c60100');
  });

  for (const [hex, hist, tck] of [
    ['3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6', '42000100d1', 0xd6],
    ['3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 B3 A1 15', '420001b3a1', 0x15],
  ] as const) {
    it(`${hex}: TA2 81 = specific mode T=1, TC3 00 = LRC`, () => {
      const a = parseAtr(bytes(hex));
      expect(a.groups).toEqual([
        { index: 1, ta: 0x91, tb: 0x00, tc: 0xff, td: 0x91 },
        { index: 2, protocol: 1, ta: 0x81, td: 0x71 },
        { index: 3, protocol: 1, ta: 0xfe, tb: 0x40, tc: 0x00 },
      ]);
      expect(a.global.fi).toBe(512);
      expect(a.global.di).toBe(1);
      expect(a.global.specificMode).toEqual({ protocol: 1, canChangeMode: false, implicitParameters: false });
      expect(a.t1).toEqual({ ifsc: 254, ifscFromAtr: true, bwi: 4, cwi: 0, edc: 'lrc', tb: 0x40, tc: 0x00 });
      expect(hexOf(a.historical.raw)).toBe(hist);
      expect(a.historical.format).toBe('proprietary');
      expect(a.tck).toBe(tck);
    });
  }
});

describe('parseAtr: My Number Card, contactless ATRs a PC/SC Part 3 reader synthesises (Type B)', () => {
  const cases = [
    ['3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F', '000005e0', 'b381a1', [1, 2, 4], true, 10, 0x7f],
    ['3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B', '000041e0', 'b381a1', [1, 2, 4], true, 10, 0x3b],
    ['3B 88 80 01 00 4B 51 FF 00 81 D1 00 BC', '004b51ff', '0081d1', [1], false, 13, 0xbc],
    ['3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F', '004b51ff', 'b381d1', [1, 2, 4], true, 13, 0x0f],
    ['3B 88 80 01 00 00 14 E0 B3 81 91 00 5E', '000014e0', 'b38191', [1, 2, 4], true, 9, 0x5e],
  ] as const;
  for (const [hex, app, info, rates, same, fwi, tck] of cases) {
    it(`${hex}: ATQB application data ${app}, protocol info ${info}`, () => {
      const a = parseAtr(bytes(hex));
      expect(a.groups).toEqual([
        { index: 1, td: 0x80 },
        { index: 2, protocol: 0, td: 0x01 },
        { index: 3, protocol: 1 },
      ]);
      // TD1 = 80 literally indicates T=0, TD2 = 01 T=1
      expect(a.protocols).toEqual([0, 1]);
      expect(a.t1).toEqual({ ifsc: 32, ifscFromAtr: false, bwi: 4, cwi: 13, edc: 'lrc' });
      expect(a.tck).toBe(tck);
      const b = a.historical.iso14443b!;
      expect(hexOf(b.applicationData)).toBe(app);
      expect(hexOf(b.protocolInfo)).toBe(info);
      expect(b.bitRates).toEqual({ sameBothWays: same, piccToPcd: rates, pcdToPicc: rates });
      expect(b.fsci).toBe(8);
      expect(b.maxFrameSize).toBe(256);
      expect(b.iso14443_4).toBe(true);
      expect(b.fwi).toBe(fwi);
      expect(b.mbli).toBe(0);
    });
  }
  it('FWT follows 256·16/fc·2^FWI (FWI 10 → 309.314 ms, 13 → 2474.516 ms)', () => {
    expect(parseAtr(bytes('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F')).historical.iso14443b!.fwtMs).toBe(309.314);
    expect(parseAtr(bytes('3B 88 80 01 00 4B 51 FF 00 81 D1 00 BC')).historical.iso14443b!.fwtMs).toBe(2474.516);
  });
});

describe('parseAtr: the ATRs in corpus/ccid/raw-descriptors.json', () => {
  const corpus = JSON.parse(readFileSync('/work/shared/corpus/ccid/raw-descriptors.json', 'utf8')) as { atrs: { card: string; atr: string }[] };
  const byCard = (s: string) => bytes(corpus.atrs.find((x) => x.card.startsWith(s))!.atr);

  it('every corpus ATR parses with a valid TCK', () => {
    expect(corpus.atrs).toHaveLength(5);
    for (const { atr } of corpus.atrs) expect(parseAtr(bytes(atr)).raw).toEqual(bytes(atr));
  });

  it('CosmoID 70: TA1 96 (Fi 512, Di 32), T=0 then T=1, T=15 TA4 83, category 00 with status 01 9000', () => {
    const a = parseAtr(byCard('CosmoID'));
    expect(a.groups).toEqual([
      { index: 1, ta: 0x96, tc: 0x00, td: 0x80 },
      { index: 2, protocol: 0, td: 0xb1 },
      { index: 3, protocol: 1, ta: 0xfe, tb: 0x45, td: 0x1f },
      { index: 4, protocol: 15, ta: 0x83 },
    ]);
    expect(a.protocols).toEqual([0, 1]);
    expect(a.defaultProtocol).toBe(0);
    expect(a.t15).toBe(true);
    expect(a.global).toMatchObject({ fi: 512, di: 32, fmaxMHz: 5, extraGuardTime: 0, clockStop: 'high', classIndicator: 3 });
    expect(a.t1).toEqual({ ifsc: 254, ifscFromAtr: true, bwi: 4, cwi: 5, edc: 'lrc', tb: 0x45 });
    expect(a.historical.category).toBe(0x00);
    expect(a.historical.objects?.map((o) => [o.tag, hexOf(o.value)])).toEqual([
      [3, 'c0'],
      [6, 'c7fc1000'],
    ]);
    expect(a.historical.status).toEqual({ lcs: 0x01, sw: 0x9000 });
    expect(a.tck).toBe(0x74);
  });

  it('YubiKey 4: TA1 13, T=1, IFSC 254, BWI 1 CWI 5, proprietary historical bytes "Yubikey4"', () => {
    const a = parseAtr(byCard('YubiKey'));
    expect(a.groups).toEqual([
      { index: 1, ta: 0x13, tb: 0x00, tc: 0x00, td: 0x81 },
      { index: 2, protocol: 1, td: 0x31 },
      { index: 3, protocol: 1, ta: 0xfe, tb: 0x15 },
    ]);
    expect(a.t1).toEqual({ ifsc: 254, ifscFromAtr: true, bwi: 1, cwi: 5, edc: 'lrc', tb: 0x15 });
    expect(a.historical.format).toBe('proprietary');
    expect(new TextDecoder().decode(a.historical.raw)).toBe('Yubikey4');
  });

  it('MIFARE Classic 1K and FeliCa on an RC-S300: PC/SC Part 3 storage card (RID A000000306)', () => {
    const m = parseAtr(byCard('MIFARE'));
    expect(hexOf(m.historical.pcscStorageCard!.rid)).toBe('a000000306');
    expect(m.historical.pcscStorageCard).toMatchObject({ standard: 0x03, cardName: 0x0001 });
    const f = parseAtr(byCard('FeliCa'));
    expect(f.historical.pcscStorageCard).toMatchObject({ standard: 0x11, cardName: 0x003b });
    expect(f.tck).toBe(0x42);
  });

  it('iPhone on an RC-S300: 3B 80 80 01 01, no historical bytes', () => {
    const a = parseAtr(byCard('iPhone'));
    expect(a.groups).toEqual([
      { index: 1, td: 0x80 },
      { index: 2, protocol: 0, td: 0x01 },
      { index: 3, protocol: 1 },
    ]);
    expect(a.historical.format).toBe('none');
    expect(a.tck).toBe(0x01);
  });
});

describe('parseAtr: structure rules and named errors', () => {
  it('inverse convention (TS 3F) is reported', () => {
    // T0 = 00: no interface bytes, no historical bytes, only T=0 → no TCK
    expect(parseAtr(bytes('3F 00')).convention).toBe('inverse');
  });

  it('a T=0-only ATR has no TCK (§8.2.5) and defaults to T=0', () => {
    const a = parseAtr(bytes('3B 02 14 50'));
    expect(a.tck).toBeUndefined();
    expect(a.protocols).toEqual([0]);
    expect(a.t1).toBeUndefined();
    expect(hexOf(a.historical.raw)).toBe('1450');
  });

  it('TC2 gives the T=0 waiting integer', () => {
    // T0 = 80 (TD1), TD1 = 40 (TC2, T=0), TC2 = 0A doubled to 14
    expect(parseAtr(bytes('3B 80 40 14')).global.t0WaitingIntegerWi).toBe(0x14);
  });

  it('TCi bit 1 = 1 selects CRC; only the first TCi (i ≥ 3) for T=1 counts', () => {
    // T0 = 80; TD1 = 81 (TD2, T=1); TD2 = C1 (TC3, TD3, T=1); TC3 = 01; TD3 = 41 (TC4, T=1); TC4 = 00
    const body = [0x80, 0x81, 0xc1, 0x01, 0x41, 0x00];
    const tck = body.reduce((a, b) => a ^ b, 0);
    const a = parseAtr(Uint8Array.from([0x3b, ...body, tck]));
    expect(a.t1?.edc).toBe('crc');
    expect(a.t1?.tc).toBe(0x01);
  });

  it('IFSC FF is RFU: clamped to 254 as libccid does, and flagged', () => {
    const body = [0x80, 0x81, 0x11, 0xff];
    const a = parseAtr(Uint8Array.from([0x3b, ...body, body.reduce((x, y) => x ^ y, 0)]));
    expect(a.t1?.ifsc).toBe(254);
    expect(a.anomalies).toContain('ifsc-rfu');
  });

  it('atr-bad-ts for any TS other than 3B/3F (03 = inverse card read in direct convention)', () => {
    expect(codeOf(() => parseAtr(bytes('03 00')))).toBe('atr-bad-ts');
    expect(codeOf(() => parseAtr(bytes('3A 00')))).toBe('atr-bad-ts');
  });

  it('atr-truncated when T0, a TDi, K or the TCK announce more bytes than there are', () => {
    expect(codeOf(() => parseAtr(new Uint8Array(0)))).toBe('atr-truncated');
    expect(codeOf(() => parseAtr(bytes('3B')))).toBe('atr-truncated');
    expect(codeOf(() => parseAtr(bytes('3B E0 00 FF 81 31 FE')))).toBe('atr-truncated'); // TB3 missing
    expect(codeOf(() => parseAtr(bytes('3B DA 13 FF 81 31 FB 46 80 12 39')))).toBe('atr-truncated'); // historical short
    expect(codeOf(() => parseAtr(bytes('3B E0 00 FF 81 31 FE 45')))).toBe('atr-truncated'); // TCK missing
  });

  it('atr-bad-tck when the XOR of T0…TCK is not zero, naming the expected byte', () => {
    let err: unknown;
    try {
      parseAtr(bytes('3B E0 00 FF 81 31 FE 45 15'));
    } catch (e) {
      err = e;
    }
    expect(isLensError(err, 'atr-bad-tck')).toBe(true);
    expect((err as { params: unknown }).params).toEqual({ tck: '15', expected: '14' });
  });

  it('a T=0-only ATR that carries a correct TCK anyway is tolerated and flagged', () => {
    // 3B 02 14 50 + TCK 46 (02 ^ 14 ^ 50)
    expect(parseAtr(bytes('3B 02 14 50 46')).anomalies).toEqual(['tck-present-for-t0-only']);
  });

  it('RFU Fi/Di in TA1 are flagged, not fatal', () => {
    // T0 = 10 (TA1), TA1 = 70 (Fi index 7 RFU, Di index 0 RFU); T=0 only → no TCK
    const a = parseAtr(bytes('3B 10 70'));
    expect(a.anomalies).toEqual(['fi-rfu', 'di-rfu']);
    expect(a.global.fi).toBeUndefined();
  });

  it('bytes after the ATR are tolerated but flagged', () => {
    expect(parseAtr(bytes('3B E0 00 FF 81 31 FE 45 14 00')).anomalies).toEqual(['extra-bytes']);
  });
});
