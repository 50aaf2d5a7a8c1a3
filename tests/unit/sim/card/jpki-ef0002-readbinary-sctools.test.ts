// tests/fixtures/real/jpki-ef0002-readbinary-sctools.txt: sc-tools read JPKI AP EF 0002 of a real card to the
// end of the EF (SELECT AP, SELECT EF 0002 with P1=02, READ BINARY until the EF ends): the DER, then 00 filler
// to offset 0x76C, last SW 9000. The virtual card must answer the same command sequence the same way.
import { describe, expect, it } from 'vitest';
import { createVirtualMyNumberCard } from '../../../../src/sim';
import { ef0002Readbinary } from '../../helpers/real-fixtures';
import { SELECT_JPKI, run, selectEf, send, x } from './helpers';

describe('jpki-ef0002-readbinary-sctools.txt on the virtual card', () => {
  const real = ef0002Readbinary();

  it('the fixture: an EF of 0x76C bytes whose last line is 00 filler, final SW 9000', () => {
    expect(real.efSize).toBe(0x76c);
    expect(real.lastSw).toBe(0x9000);
    expect(real.lines[real.lines.length - 1]?.bytes.every((b) => b === 0)).toBe(true);
    expect(x(real.lines[0]?.bytes.subarray(0, 2) ?? new Uint8Array())).toBe('30 82');
  });

  it('the same commands read the same EF size, the DER then 00 filler, ending in 9000', async () => {
    const card = createVirtualMyNumberCard({ extendedLength: false });
    expect(await run(card, SELECT_JPKI)).toBe('90 00');
    expect(await run(card, selectEf('00 02'))).toBe('90 00');
    // "READ BINARY loop until the EF ends": 256-byte chunks; the last answers fewer bytes with 9000.
    const body: number[] = [];
    let lastSw: string | undefined;
    for (let offset = 0; ; offset += 256) {
      const [data, sw] = await send(card, `00 B0 ${x(Uint8Array.of(offset >> 8, offset & 0xff))} 00`);
      lastSw = sw;
      if (sw !== '90 00') break;
      body.push(...data);
      if (data.length < 256) break;
    }
    expect(lastSw).toBe(x(Uint8Array.of(real.lastSw >> 8, real.lastSw & 0xff)));
    expect(body.length).toBe(real.efSize);
    const derLength = ((body[2] << 8) | body[3]) + 4;
    expect(body.slice(derLength).every((b) => b === 0x00)).toBe(true);
    // Past the end: 6B00 (the card's end-of-file answer the host treats as EOF).
    expect(await run(card, `00 B0 ${x(Uint8Array.of(real.efSize >> 8, real.efSize & 0xff))} 01`)).toBe('6B 00');
  });

  it('every certificate EF has the same 0x76C size and 00 filler (0002 real, the others a guess by analogy)', async () => {
    const card = createVirtualMyNumberCard({ person: 'long-address' });
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 1B'));
    expect(await run(card, '00 20 00 80 06 41 42 43 31 32 33')).toBe('90 00'); // 署名用パスワード ABC123, for EF 0001
    for (const fid of ['00 01', '00 02', '00 0A', '00 0B']) {
      await run(card, selectEf(fid));
      const [all, sw] = await send(card, '00 B0 00 00 00 00 00');
      expect([fid, sw, all.length]).toEqual([fid, '90 00', 0x76c]);
      expect(all.slice(((all[2] << 8) | all[3]) + 4).every((b) => b === 0)).toBe(true);
    }
  });
});
