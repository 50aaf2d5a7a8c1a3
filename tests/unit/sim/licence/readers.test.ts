/**
 * The virtual licence behind the reader doubles, driven by the host's reader layer (openReader) with
 * raw APDUs: contact through the SCR3310-NTTCom (T=1, TPDU), contactless through the RC-S380 and the
 * RC-S300 (Type B with the licence's own ATQB, so the synthesised ATR is the one of §9.3).
 */
import { describe, expect, it } from 'vitest';
import { openReader } from '../../../../src/readers';
import { createVirtualDriversLicence, createVirtualReader, type VirtualLicenceOptions } from '../../../../src/sim';
import { h, SELECT_DF1, SELECT_MF, selectEf, verify1, x } from './helpers';

async function session(profile: 'scr3310-nttcom' | 'rcs380' | 'rcs300', options: VirtualLicenceOptions = {}) {
  const card = createVirtualDriversLicence(options);
  const reader = await openReader(createVirtualReader(profile, card));
  const atr = x(await reader.powerOn());
  const send = async (apdu: string) => x(await reader.transmit(h(apdu)));
  return { card, reader, atr, send };
}

async function readEntries(send: (apdu: string) => Promise<string>): Promise<string> {
  expect(await send(SELECT_MF)).toBe('90 00');
  expect(await send('00 20 00 81')).toBe('63 C3');
  expect(await send(verify1('1234'))).toBe('90 00');
  expect(await send(SELECT_DF1)).toBe('90 00');
  expect(await send(selectEf('00 01'))).toBe('90 00');
  let all = '';
  for (let offset = 0; offset < 880; offset += 0xf0) {
    const res = await send(`00 B0 ${x(Uint8Array.of(offset >> 8, offset & 0xff))} F0`);
    expect(res.slice(-5)).toBe('90 00');
    all += (all ? ' ' : '') + res.slice(0, -6);
  }
  return all;
}

describe('virtual licence through the reader doubles', () => {
  it('SCR3310-NTTCom (contact): the licence ATR, PIN1 and the 880-byte 記載事項 as the card itself gives them', async () => {
    const { atr, send, card, reader } = await session('scr3310-nttcom');
    expect(atr).toBe('3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 B3 C1 75');
    const viaReader = await readEntries(send);
    const direct = createVirtualDriversLicence();
    await direct.transmit(h(verify1('1234')));
    await direct.transmit(h(SELECT_DF1));
    await direct.transmit(h(selectEf('00 01')));
    expect(viaReader).toBe(x((await direct.transmit(h('00 B0 00 00 00 03 70'))).slice(0, -2)));
    expect(card.verifiedPins).toEqual([1]);
    await reader.close();
  });

  it('RC-S380 (contactless): the ATR synthesised from the licence ATQB is the §9.3 one; reads work; PIN log masked', async () => {
    const { atr, send, card, reader } = await session('rcs380');
    expect(atr).toBe('3B 88 80 01 00 00 00 00 91 81 C1 00 D8');
    expect((await readEntries(send)).split(' ').length).toBe(880);
    expect(card.log.some((e) => e.command.includes('31 32 33 34'))).toBe(false);
    await reader.close();
  });

  it('RC-S300 (contactless, vendor interface): same ATR and the same reads', async () => {
    const { atr, send, reader } = await session('rcs300');
    expect(atr).toBe('3B 88 80 01 00 00 00 00 91 81 C1 00 D8');
    expect((await readEntries(send)).split(' ').length).toBe(880);
    await reader.close();
  });

  it('class-0x0B extended-APDU reader: one extended READ BINARY of 880 bytes comes back whole (CCID chaining)', async () => {
    const card = createVirtualDriversLicence({ holder: 'all-classes' });
    const reader = await openReader(createVirtualReader('class0b-extended', card, { allowProtectedClasses: true }));
    await reader.powerOn();
    const send = async (apdu: string) => x(await reader.transmit(h(apdu)));
    await send(verify1('1234'));
    await send(SELECT_DF1);
    await send(selectEf('00 01'));
    const res = await reader.transmit(h('00 B0 00 00 00 03 70'));
    expect([res.length, x(res.slice(-2)), x(res.slice(0, 3))]).toEqual([882, '90 00', '11 01 78']);
    await reader.close();
  });

    it('a power cycle through the reader forgets the PIN (the doubles reset the card)', async () => {
    const { send, reader } = await session('scr3310-nttcom');
    await readEntries(send);
    await reader.powerOff();
    await reader.powerOn();
    expect(await send(SELECT_DF1)).toBe('90 00');
    expect(await send(selectEf('00 01'))).toBe('90 00');
    expect(await send('00 B0 00 00 10')).toBe('69 82');
    await reader.close();
  });
});
