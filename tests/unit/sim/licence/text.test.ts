/**
 * The licence's JIS X 0208 text and era dates. The bytes were made with iconv (tools/gen-licence-text.ts);
 * here the platform decoder reads them back (ISO-2022-JP after ESC $ B, and EUC-JP after +0x80 per byte,
 * the two ways jpki-card.md §9.3 gives), so the sim's text is what a host decoding per §9.3 will show.
 */
import { describe, expect, it } from 'vitest';
import { allLicenceTexts } from '../../../../src/sim/licence/holders';
import { eraDate, notHeld } from '../../../../src/sim/licence/era';
import { JIS_X_0208_TEXT } from '../../../../src/sim/licence/jis.generated';
import { jisX0208 } from '../../../../src/sim/licence/jis';
import { x } from './helpers';

const iso2022jp = new TextDecoder('iso-2022-jp', { fatal: true });
const eucjp = new TextDecoder('euc-jp', { fatal: true });

/** Decodes row/cell pairs; 外字 FFF1–FFF7 → `{n}`, 欠字 FFFA → `{欠}` (the holders' notation). */
function decode(bytes: Uint8Array, decoder: 'iso' | 'euc'): string {
  let out = '';
  let run: number[] = [];
  const flush = () => {
    if (!run.length) return;
    out += decoder === 'iso' ? iso2022jp.decode(Uint8Array.of(0x1b, 0x24, 0x42, ...run, 0x1b, 0x28, 0x42)) : eucjp.decode(Uint8Array.from(run, (b) => b + 0x80));
    run = [];
  };
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0xff) {
      flush();
      out += bytes[i + 1] === 0xfa ? '{欠}' : `{${bytes[i + 1] - 0xf0}}`;
    } else run.push(bytes[i], bytes[i + 1]);
  }
  flush();
  return out;
}

describe('licence text (JIS X 0208, §9.3)', () => {
  it('the generated table holds exactly the holders’ texts (re-run tools/gen-licence-text.ts after editing holders.ts)', () => {
    expect(Object.keys(JIS_X_0208_TEXT).sort()).toEqual(allLicenceTexts());
  });

  it('every text decodes back with the platform’s iso-2022-jp and euc-jp decoders', () => {
    for (const text of allLicenceTexts()) {
      const bytes = jisX0208(text);
      expect(bytes.length % 2, text).toBe(0);
      expect(decode(bytes, 'iso'), text).toBe(text);
      expect(decode(bytes, 'euc'), text).toBe(text);
    }
  });

  it('row/cell bytes, 外字 and 欠字 codes, byte for byte', () => {
    expect(x(jisX0208('見本　花子'))).toBe('38 2B 4B 5C 21 21 32 56 3B 52');
    expect(x(jisX0208('{1}橋　試子'))).toBe('FF F1 36 36 21 21 3B 6E 3B 52');
    expect(x(jisX0208('大阪府大阪市北区見本{欠}町二丁目')).includes('FF FA')).toBe(true);
    expect(() => jisX0208('not a holder text')).toThrow(/gen-licence-text/);
  });
});

describe('licence dates (era + YYMMDD, §9.3)', () => {
  it('converts at every era boundary, 元年 = 01', () => {
    expect(eraDate('20190430')).toBe('4310430');
    expect(eraDate('20190501')).toBe('5010501');
    expect(eraDate('19890107')).toBe('3640107');
    expect(eraDate('19890108')).toBe('4010108');
    expect(eraDate('19261224')).toBe('2151224');
    expect(eraDate('19261225')).toBe('3011225');
    expect(eraDate('19120729')).toBe('1450729');
    expect(eraDate('19120730')).toBe('2010730');
    expect(notHeld('5')).toBe('5000000');
    expect(() => eraDate('2019-05-01')).toThrow();
  });
});
