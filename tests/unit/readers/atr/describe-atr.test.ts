import { describe, expect, it } from 'vitest';
import { describeAtr, parseAtr } from '../../../../src/readers/atr';
import { hasMessage, t } from '../../../../src/i18n';

const bytes = (hex: string) => Uint8Array.from(hex.replace(/\s+/g, '').match(/../g)!.map((x) => parseInt(x, 16)));

const ALL = [
  '3B E0 00 FF 81 31 FE 45 14',
  '3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B',
  '3B C5 FF 81 31 FB 45 80 73 C6 01 00 00',
  '3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6',
  '3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F',
  '3bdb960080b1fe451f830031c064c7fc100001900074',
  '3bf81300008131fe15597562696b657934d4',
  '3b8f8001804f0ca000000306030001000000006a',
  '3b80800101',
  '3B 02 14 50',
];

const keys = (hex: string) => describeAtr(parseAtr(bytes(hex))).sections.map((s) => [s.key, s.facts.map((f) => f.key)]);

describe('describeAtr', () => {
  it('explains the 3B DA … ATR: rate, T=1 parameters, Japan, extended Lc/Le', () => {
    const d = describeAtr(parseAtr(bytes('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B')));
    expect(d.hex).toBe('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B');
    expect(d.sections).toEqual([
      {
        key: 'atr.section.summary',
        facts: [{ key: 'atr.fact.convention.direct' }, { key: 'atr.fact.protocols', params: { list: 'T=1' } }, { key: 'atr.fact.negotiable-mode', params: { protocol: 'T=1' } }],
      },
      {
        key: 'atr.section.timing',
        facts: [{ key: 'atr.fact.rate', params: { ta1: '13', fi: 372, di: 4, fmax: 5, ratio: 93 } }, { key: 'atr.fact.guard-time-minimum' }],
      },
      {
        key: 'atr.section.t1',
        facts: [{ key: 'atr.fact.ifsc', params: { ifsc: 251 } }, { key: 'atr.fact.bwi-cwi', params: { bwi: 4, cwi: 6 } }, { key: 'atr.fact.edc.lrc' }],
      },
      {
        key: 'atr.section.historical',
        facts: [
          { key: 'atr.fact.country', params: { code: '392' } },
          { key: 'atr.fact.service-data', params: { hex: 'C1', mf: 'no' } },
          { key: 'atr.fact.extended-length.yes' },
          { key: 'atr.fact.command-chaining.yes' },
          { key: 'atr.fact.logical-channels', params: { max: 1 } },
        ],
      },
    ]);
    expect(t('atr.fact.rate', d.sections[1].facts[0].params, 'en')).toBe('TA1 = 13: Fi = 372, Di = 4 (1 etu = 93 clocks), clock up to 5 MHz');
  });

  it('marks the specific mode and a T=0-only card', () => {
    expect(keys('3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6')[0][1]).toContain('atr.fact.specific-mode');
    expect(keys('3B 02 14 50')[0][1]).toContain('atr.fact.no-t1');
  });

  it('marks a contactless ATR as synthesised by the reader', () => {
    const k = keys('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F');
    expect(k[0][1]).toContain('atr.fact.contactless-synthesised');
    expect(k[3][1]).toEqual(['atr.fact.type-b']);
  });

  it('every key it returns has a ja and an en text', () => {
    for (const hex of ALL) {
      const d = describeAtr(parseAtr(bytes(hex)));
      for (const s of d.sections) {
        expect(hasMessage(s.key, 'ja') && hasMessage(s.key, 'en'), s.key).toBe(true);
        for (const f of s.facts) expect(hasMessage(f.key, 'ja') && hasMessage(f.key, 'en'), f.key).toBe(true);
      }
    }
  });
});
