/**
 * What each synthetic holder's card carries (tests/fixtures/README.md): the class grid with its dates,
 * conditions, 外字 glyphs and 欠字, the back, and that every holder's files fit their §9.1 sizes.
 */
import { describe, expect, it } from 'vitest';
import { createVirtualDriversLicence, LICENCE_CLASSES, LICENCE_HOLDER_IDS, type VirtualLicenceOptions } from '../../../../src/sim';
import { syntheticGlyph } from '../../../../src/sim/licence/glyphs';
import { jisX0208 } from '../../../../src/sim/licence/jis';
import { readAll, run, SELECT_DF1, SELECT_MF, selectEf, tlvs, verify1, verify2, x } from './helpers';

async function df1Files(options: VirtualLicenceOptions) {
  const card = createVirtualDriversLicence(options);
  const dpin = options.holder === 'no-pin';
  await run(card, dpin ? '00 20 00 81 04 2A 2A 2A 2A' : verify1('1234'));
  await run(card, dpin ? '00 20 00 82 04 2A 2A 2A 2A' : verify2('5678'));
  await run(card, SELECT_DF1);
  const out = new Map<string, Uint8Array>();
  for (const ef of ['01', '02', '03', '04', '05', '06', '07']) {
    expect(await run(card, selectEf(`00 ${ef}`))).toBe('90 00');
    out.set(ef, await readAll(card));
  }
  await run(card, SELECT_MF);
  return out;
}

const date = (v: Uint8Array) => String.fromCharCode(...v);

describe('synthetic licence holders', () => {
  it('every holder: EF sizes 880/82/264/640/663/256/578, TLVs parse to the FF filler', async () => {
    for (const holder of LICENCE_HOLDER_IDS) {
      const files = await df1Files({ holder });
      expect([...files.values()].map((f) => f.length), holder).toEqual([880, 82, 264, 640, 663, 256, 578]);
      expect(tlvs(files.get('01')!).length, holder).toBe(0x33 - 0x11 + 1);
    }
  });

  it('all-classes: every one of the 18 classes held, each with its own era date (昭和64年1月7日 for け引二)', async () => {
    const fields = new Map(tlvs((await df1Files({ holder: 'all-classes' })).get('01')!).map((f) => [f.tag, date(f.value)]));
    const grid = LICENCE_CLASSES.map(({ tag, code }) => `${code}=${fields.get(tag)}`);
    expect(grid).toEqual([
      '二・小・原=3530510', '他=3530901', '二種=3600301', '大型=3580201', '普通=3530901', '大特=3590701',
      '大自二=3540601', '普自二=3530510', '小特=3530510', '原付=3530510', 'け引=3591001', '大二=3600301',
      '普二=3610110', '大特二=3630201', 'け引二=3640107', '中型=4190602', '中二=4190602', '準中型=4290312',
    ]);
    expect([0x1c, 0x1d, 0x1e, 0x1f].every((t) => fields.get(t) !== '')).toBe(true);
  });

  it('elder: born 大正14年 (era digit 2), 普通 since 昭和25年', async () => {
    const fields = new Map(tlvs((await df1Files({ holder: 'elder' })).get('01')!).map((f) => [f.tag, date(f.value)]));
    expect([fields.get(0x16), fields.get(0x26), fields.get(0x25)]).toEqual(['2140211', '3250401', '5000000']);
  });

  it('conditions: four 条件 as JIS X 0208, byte for byte for 中型車は中型車（８ｔ）に限る', async () => {
    const fields = tlvs((await df1Files({ holder: 'conditions' })).get('01')!);
    const c2 = fields.find((f) => f.tag === 0x1d)!;
    expect(x(c2.value)).toBe('43 66 37 3F 3C 56 24 4F 43 66 37 3F 3C 56 21 4A 23 38 23 74 21 4B 24 4B 38 42 24 6B');
    expect(x(fields.find((f) => f.tag === 0x1a)!.value)).toBe(x(jisX0208('新規')));
  });

  it('gaiji: 外字1 (FF F1) in the name, 外字2 in the address, glyphs 48/49 (82 00 80, 32×32) in EF03, 欠字 FF FA in 本籍', async () => {
    const files = await df1Files({ holder: 'gaiji' });
    const entries = tlvs(files.get('01')!);
    expect(x(entries.find((f) => f.tag === 0x12)!.value.slice(0, 2))).toBe('FF F1');
    expect(x(entries.find((f) => f.tag === 0x17)!.value)).toContain('FF F2');
    const ef03 = files.get('03')!;
    expect(x(ef03.slice(0, 4))).toBe('48 82 00 80');
    expect(x(ef03.slice(132, 136))).toBe('49 82 00 80');
    expect(x(ef03.slice(4, 132))).toBe(x(syntheticGlyph(1)));
    expect(x(ef03.slice(136, 264))).toBe(x(syntheticGlyph(2)));
    expect(x(tlvs(files.get('02')!)[0].value)).toContain('FF FA');
    expect(x(files.get('05')!.slice(0, 3))).toBe('A0 01 00'); // no 外字3–7
    // the glyph pattern: frame on row 2, 外字n has n dots on row 24
    const g = syntheticGlyph(2);
    expect(x(g.slice(8, 12))).toBe('3F FF FF FC');
    expect(g[24 * 4] & 0x03).toBe(0x03);
  });

  it('changes: the back holds 新住所, 条件解除 and 新氏名 (外字3 glyph in EF05), EF06 the new 本籍', async () => {
    const files = await df1Files({ holder: 'changes' });
    const back = tlvs(files.get('04')!);
    expect(back.map((f) => f.tag.toString(16))).toEqual(['50', '11', '51', '55', '5a', '11', '51', '57', '5a', '11', '51', '53', '5a', '11', '51', '54', '5a']);
    expect(x(back[0].value)).toBe('01');
    expect(date(back[2].value)).toBe('5070401'); // 令和7年4月1日
    expect(x(back[3].value)).toBe(x(jisX0208('埼玉県さいたま市浦和区見本台一丁目２番３号')));
    expect(x(back[4].value)).toBe(x(jisX0208('埼玉県公安委員会')));
    expect(x(back[11].value.slice(0, 2))).toBe('FF F3');
    expect(x(back[15].value)).toBe(x(jisX0208('サキヤマ　ジロウ'))); // 新呼び名
    const ef05 = files.get('05')!;
    expect(x(ef05.slice(0, 7))).toBe('A0 01 01 A1 82 00 80');
    expect(x(ef05.slice(7, 135))).toBe(x(syntheticGlyph(3)));
    const ef06 = tlvs(files.get('06')!);
    expect(ef06.map((f) => f.tag.toString(16))).toEqual(['60', '11', '61', '62', '63']);
    // no changes: 50 01 00 / 60 01 00 then filler
    const none = await df1Files({ holder: 'standard' });
    expect(x(none.get('04')!.slice(0, 4))).toBe('50 01 00 FF');
    expect(x(none.get('06')!.slice(0, 4))).toBe('60 01 00 FF');
  });
});
