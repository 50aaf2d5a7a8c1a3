import { describe, expect, it } from 'vitest';
import { activateTypeB } from '../../../../src/readers/isodep/activate';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { IsoDepChannel } from '../../../../src/readers/isodep/channel';
import { ScriptLink } from './script-link';

describe('IsoDepChannel', () => {
  it('is a CardChannel with the synthesised ATR, one APDU at a time, closed with S(DESELECT) once', async () => {
    const link = new ScriptLink([
      ['05 00 10', '50 11 22 33 44 00 4B 51 FF 00 81 D1'],
      ['1D 11 22 33 44 00 08 01 00', '00'],
      ['02 00 A4 04 0C 02 3F 00', '02 90 00'],
      ['03 00 B0 00 00 02', '03 AA BB 90 00'],
      ['C2', 'C2'],
    ]);
    const channel = new IsoDepChannel(await activateTypeB(link));
    expect(toHex(channel.atr)).toBe('3B 88 80 01 00 4B 51 FF 00 81 D1 00 BC');
    expect(channel.capabilities).toEqual({ extendedLength: false, maxCommandData: 255, maxResponseData: 256 });
    // issued together, carried one after the other (the script enforces the order)
    const [a, b] = await Promise.all([channel.transmit(fromHex('00 A4 04 0C 02 3F 00')), channel.transmit(fromHex('00 B0 00 00 02'))]);
    expect([toHex(a), toHex(b)]).toEqual(['90 00', 'AA BB 90 00']);
    await channel.close();
    await channel.close();
    link.done();
  });
});
