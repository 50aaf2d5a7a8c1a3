import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE, parseCcidDescriptor } from '../../../../src/readers/ccid/descriptor';
import { DEFAULT_CORPUS, readCorpus, rebuildCcidDescriptor } from '../../../../tools/gen-reader-catalogue';

const unhex = (s: string) => Uint8Array.from(s.match(/../g)!.map((x) => parseInt(x, 16)));
const raw = JSON.parse(readFileSync('../shared/corpus/ccid/raw-descriptors.json', 'utf8')) as {
  devices: { name: string; ccid_class_descriptor_hex?: string; ccid_class_descriptor_decoded?: Record<string, unknown> }[];
};

describe('parseCcidDescriptor on recorded raw bytes', () => {
  it('SCM SCR 3310: TPDU, T=0/T=1, 263-byte messages, IFSD 252', () => {
    const d = parseCcidDescriptor(unhex(raw.devices[0].ccid_class_descriptor_hex!));
    expect(d).toMatchObject({
      bcdCCID: 0x0100, slots: 1, voltageSupport: 1, voltages: ['5V'], protocols: ['T=0', 'T=1'], defaultClockKhz: 4000, maximumClockKhz: 12000,
      dataRate: 9600, maxDataRate: 307200, maxIfsd: 252, featuresMask: 0x000100ba, exchangeLevel: 'tpdu', maxMessageLength: 263,
      classGetResponse: 0xff, classEnvelope: 0xff, pinSupport: { verify: false, modify: false }, maxBusySlots: 1,
    });
    expect(d.features).toMatchObject({ autoConfigFromAtr: true, autoVoltage: true, autoClock: true, autoBaud: true, autoPps: true, autoParameterNegotiation: false, autoIfsd: false });
  });
  it('every recorded class descriptor agrees with its decoded fields', () => {
    const withBytes = raw.devices.filter((d) => d.ccid_class_descriptor_hex);
    expect(withBytes.length).toBeGreaterThanOrEqual(4);
    for (const dev of withBytes) {
      const d = parseCcidDescriptor(unhex(dev.ccid_class_descriptor_hex!));
      const want = dev.ccid_class_descriptor_decoded!;
      expect(d.maxIfsd, dev.name).toBe(want.dwMaxIFSD);
      expect(d.maxMessageLength, dev.name).toBe(want.dwMaxCCIDMessageLength);
      expect(`0x${d.featuresMask.toString(16).toUpperCase().padStart(8, '0')}`, dev.name).toBe(want.dwFeatures);
    }
  });
  it('refuses anything but a 54-byte type-0x21 (or vendor 0xFF) block', () => {
    expect(() => parseCcidDescriptor(new Uint8Array(54))).toThrow(/CCID class descriptor/);
  });
});

describe('every libccid reader dump: rebuild the 54 bytes, parse, get the dump back', () => {
  const { dumps, fileCount } = readCorpus(DEFAULT_CORPUS);
  it('reads the whole corpus (698 files, one or more interfaces each)', () => {
    expect(fileCount).toBe(698); // 691 dumps, 5 PIN-pad feature notes, README.txt, supported_readers.txt
    expect(new Set(dumps.map((d) => d.file)).size).toBe(691);
    expect(dumps.length).toBe(773);
  });
  // parse.c's wording (both the older plain lines and the newer "....40 ..." ones)
  const phrases: [RegExp, number][] = [
    [/Automatic parameter configuration based on ATR/, 0x2], [/Automatic activation of ICC/, 0x4], [/Automatic ICC voltage selection/, 0x8],
    [/Automatic ICC clock frequency change/, 0x10], [/Automatic baud rate change/, 0x20], [/Automatic parameters negotiation made by the CCID/, 0x40],
    [/Automatic PPS made by the CCID/, 0x80], [/CCID can set ICC in clock stop mode/, 0x100], [/NAD value other than 00 accepted/, 0x200],
    [/Automatic IFSD exchange/, 0x400], [/ICCD token|Unknown \(ICCD\?\)/, 0x800],
  ];
  const levels: [RegExp, string][] = [
    [/Character level exchange/, 'character'], [/TPDU level exchange/, 'tpdu'], [/Short and Extended APDU level/, 'extended-apdu'], [/Short APDU level exchange/, 'short-apdu'],
  ];
  it.each(dumps.map((d) => [`${d.file}#${d.interfaceNumber}`, d] as const))('%s', (_, dump) => {
    const d = parseCcidDescriptor(rebuildCcidDescriptor(dump.fields));
    const f = dump.fields;
    expect(d.featuresMask).toBe(f.dwFeatures);
    expect(d.maxMessageLength).toBe(f.dwMaxCCIDMessageLength);
    expect(d.maxIfsd).toBe(f.dwMaxIFSD);
    expect(d.slots).toBe(f.bMaxSlotIndex + 1);
    expect(d.defaultClockKhz).toBe(f.dwDefaultClock);
    expect(d.maxDataRate).toBe(f.dwMaxDataRate);
    expect(d.pinSupport.verify).toBe((f.bPINSupport & 1) === 1);
    // the decoded lines parse.c printed: protocols, feature bits and the exchange level
    expect([...d.protocols]).toEqual(dump.protocolLines.filter((l) => /^T=[01]$/.test(l)));
    const level = levels.find(([re]) => dump.featureLines.some((l) => re.test(l)))?.[1];
    expect(d.exchangeLevel).toBe(level ?? 'character');
    const lineMasks = phrases.filter(([re]) => dump.featureLines.some((l) => re.test(l))).map(([, m]) => m);
    for (const [name, mask] of Object.entries(FEATURE)) {
      if (mask === FEATURE.usbWakeUp) continue; // parse.c prints no line for 0x100000
      expect(d.features[name as keyof typeof FEATURE], name).toBe(lineMasks.includes(mask));
    }
  });
});
