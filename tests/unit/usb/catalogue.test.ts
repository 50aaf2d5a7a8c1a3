import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS, generateCatalogue } from '../../../tools/gen-reader-catalogue';
import { catalogueEntries, lookupReader, pageUsableFilters, pageUsableReaderNames, smartCardClassFilters } from '../../../src/usb/catalogue';

describe('reader catalogue', () => {
  it('the committed module is exactly what the generator makes from the corpus', () => {
    expect(generateCatalogue(DEFAULT_CORPUS)).toBe(readFileSync('src/usb/catalogue.generated.ts', 'utf8'));
  });

  it('knows the NTT Com readers as vendor-class TPDU readers a page can claim', () => {
    expect(lookupReader(0x04e6, 0x511a)).toMatchObject({
      name: 'NTT Communications Corp. SCR3310-NTTCom USB SmartCard Reader', family: 'ccid', section: 'shouldwork', verdict: 'claimable', reason: 'vendor-class-ccid',
      interfaces: [{ number: 0, interfaceClass: 0xff, level: 'tpdu', protocols: ['T=0', 'T=1'], maxMessageLength: 271, slots: 1 }],
    });
    expect(lookupReader(0x04e6, 0x5120)).toMatchObject({ verdict: 'claimable', interfaces: [{ interfaceClass: 0xff, level: 'tpdu', slots: 2, maxMessageLength: 263 }] });
  });

  it('marks class-0x0B readers protected and keeps libccid sections', () => {
    expect(lookupReader(0x072f, 0xb100)).toMatchObject({ verdict: 'protected', reason: 'protected-class', interfaces: [{ interfaceClass: 0x0b, level: 'tpdu' }] });
    expect(lookupReader(0x072f, 0x2200)).toMatchObject({ section: 'unsupported', verdict: 'protected', interfaces: [{ level: 'short-apdu' }] });
    expect(lookupReader(0x072f, 0x221a)?.interfaces.map((i) => i.level)).toEqual(['extended-apdu', 'short-apdu']);
    expect(lookupReader(0x1db2, 0x0600)?.section).toBe('disabled');
  });

  it('merges the cited Sony entries', () => {
    expect(lookupReader(0x054c, 0x06c3)).toMatchObject({ family: 'rcs380', verdict: 'claimable', reason: 'sony-port100' });
    expect(lookupReader(0x054c, 0x06c2)?.name).toBe('Sony RC-S634');
    expect(lookupReader(0x054c, 0x0dc8)).toMatchObject({ family: 'rcs300', section: 'shouldwork', interfaces: [{ number: 0, interfaceClass: 0x0b }, { number: 1, interfaceClass: 0xff }] });
    expect(lookupReader(0x1234, 0x5678)).toBeUndefined();
  });

  it('builds requestDevice filters from the claimable readers only', () => {
    const filters = pageUsableFilters();
    expect(filters).toContainEqual({ vendorId: 0x04e6, productId: 0x511a, classCode: 0xff });
    expect(filters).toContainEqual({ vendorId: 0x054c, productId: 0x06c1, classCode: 0xff });
    expect(filters.find((f) => f.vendorId === 0x072f && f.productId === 0xb100)).toBeUndefined();
    expect(filters).toHaveLength(catalogueEntries().filter((e) => e.verdict === 'claimable').length);
    expect(smartCardClassFilters()).toEqual([{ classCode: 0x0b }]);
    expect(pageUsableReaderNames()).toContain('Sony RC-S380/P');
  });
});
