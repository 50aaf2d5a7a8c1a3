/** The virtual IC driver's licence at APDU level (jpki-card.md §9): byte-exact answers, access, PINs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createVirtualDriversLicence, LICENCE_CONTACT_ATR, LICENCE_CONTACTLESS_ATR } from '../../../../src/sim';
import { readAll, run, send, SELECT_DF1, SELECT_DF2, SELECT_DF3, SELECT_MF, selectEf, tlvs, verify1, verify2, x } from './helpers';

describe('virtual licence: MF level without a PIN', () => {
  it('SELECT MF both ways, 共通データ要素 (17 bytes) and the PIN setting, byte for byte', async () => {
    const card = createVirtualDriversLicence();
    expect(await run(card, SELECT_MF)).toBe('90 00');
    expect(await run(card, '00 A4 00 00 02 3F 00')).toBe('90 00');
    expect(await run(card, selectEf('2F 01'))).toBe('90 00');
    // 45 0B "009" 交付 2024-06-10 有効期限 2029-07-15 (packed BCD), 46 02 maker crypto (§9.2)
    expect(await run(card, '00 B0 00 00 11')).toBe('45 0B 30 30 39 20 24 06 10 20 29 07 15 46 02 01 00 90 00');
    // EF 000A by SFI 0A without selecting it (DLC), 05 01 01 = PINs set
    expect(await run(card, '00 B0 8A 00 03')).toBe('05 01 01 90 00');
    expect(await run(card, selectEf('00 0A'))).toBe('90 00');
    expect(await run(card, '00 B0 00 00 03')).toBe('05 01 01 90 00');
  });

  it('both counters read without spending a try (empty VERIFY by SFI and on the selected IEF)', async () => {
    const card = createVirtualDriversLicence();
    await run(card, SELECT_MF);
    expect(await run(card, '00 20 00 81')).toBe('63 C3');
    expect(await run(card, '00 20 00 82')).toBe('63 C3');
    expect(await run(card, selectEf('00 01'))).toBe('90 00');
    expect(await run(card, '00 20 00 80')).toBe('63 C3');
    expect(await run(card, '00 20 00 80 00')).toBe('63 C3'); // Lc = 00 form
    expect(card.pinStatus(1)).toEqual({ remaining: 3, max: 3, blocked: false });
  });

  it('an IEF is not readable; unknown FIDs, AIDs and instructions are refused', async () => {
    const card = createVirtualDriversLicence();
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 81');
    expect(await run(card, selectEf('00 03'))).toBe('6A 82'); // DF1's EF03 is not under the MF
    expect(await run(card, '00 A4 04 0C 10 A0 00 00 02 31 04 00 00 00 00 00 00 00 00 00 00')).toBe('6A 82'); // マイナ免許証 ELF
    expect(await run(card, '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')).toBe('6A 82'); // JPKI-AP: not a My Number card
    expect(await run(card, '00 B2 01 04 00')).toBe('6D 00');
    expect(await run(card, '80 B0 00 00 04')).toBe('6E 00');
    expect(await run(createVirtualDriversLicence(), '00 B0 00 00 04')).toBe('69 86'); // no current EF after reset
  });

  it('DF3 (RFU) is selectable and empty', async () => {
    const card = createVirtualDriversLicence();
    expect(await run(card, SELECT_DF3)).toBe('90 00');
    expect(await run(card, selectEf('00 01'))).toBe('6A 82');
  });
});

describe('virtual licence: access rules', () => {
  it('DF1/EF01 needs PIN1; 本籍 (EF02) and the photo (DF2/EF01) need PIN1 and PIN2', async () => {
    const card = createVirtualDriversLicence();
    await run(card, SELECT_DF1);
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 10')).toBe('69 82');
    await run(card, SELECT_MF);
    expect(await run(card, verify1('1234'))).toBe('90 00');
    await run(card, SELECT_DF1);
    for (const ef of ['00 01', '00 03', '00 04', '00 05']) {
      await run(card, selectEf(ef));
      expect((await send(card, '00 B0 00 00 01'))[1], ef).toBe('90 00');
    }
    for (const ef of ['00 02', '00 06']) {
      await run(card, selectEf(ef));
      expect(await run(card, '00 B0 00 00 01'), ef).toBe('69 82');
    }
    await run(card, SELECT_DF2);
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 82');
    await run(card, SELECT_MF);
    expect(await run(card, verify2('5678'))).toBe('90 00');
    await run(card, SELECT_DF2);
    await run(card, selectEf('00 01'));
    // 5F 40 <length> then the codestream, starting with its SOC marker FF 4F (§9.1)
    const photo = await readAll(card);
    expect(photo.length).toBeGreaterThanOrEqual(2000);
    const [field] = tlvs(photo);
    expect(field.tag).toBe(0x5f40);
    expect(x(field.value.slice(0, 2))).toBe('FF 4F');
    expect(x(field.value.slice(-2))).toBe('FF D9');
    // the committed opj_compress-made photo, byte for byte, behind 5F 40 82 07 CF
    const j2k = readFileSync(new URL('../../../fixtures/images/licence-photo.j2k', import.meta.url));
    expect(x(photo.slice(0, 5))).toBe('5F 40 82 07 CF');
    expect(x(field.value)).toBe(x(j2k));
    await run(card, SELECT_DF1);
    // 本籍 by SFI 2 with extended Le, as JDCard reads it (00 B0 82 00 00 03 70)
    const [domicile, sw2] = await send(card, '00 B0 82 00 00 03 70');
    expect(sw2).toBe('90 00');
    expect(domicile.length).toBe(82);
    expect(tlvs(domicile).map((t) => t.tag)).toEqual([0x41]);
  });

  it('PIN2 alone opens nothing that needs PIN1; a reset (power cycle) forgets both', async () => {
    const card = createVirtualDriversLicence();
    expect(await run(card, verify2('5678'))).toBe('90 00');
    await run(card, SELECT_DF1);
    await run(card, selectEf('00 02'));
    expect(await run(card, '00 B0 00 00 01')).toBe('69 82');
    await run(card, SELECT_MF);
    await run(card, verify1('1234'));
    expect(card.verifiedPins).toEqual([1, 2]);
    card.reset();
    expect(card.verifiedPins).toEqual([]);
    expect(card.selectedDf).toBe('mf');
  });

  it('VERIFY by short id only with the MF current (the IEFs live there)', async () => {
    const card = createVirtualDriversLicence();
    await run(card, SELECT_DF1);
    expect(await run(card, '00 20 00 81')).toBe('6A 82');
    expect(await run(card, '00 20 00 83')).toBe('6A 86');
    await run(card, SELECT_MF);
    expect(await run(card, '00 20 00 80')).toBe('6A 88'); // no IEF selected
  });
});

describe('virtual licence: 記載事項 of the standard holder', () => {
  it('reads 880 bytes: every tag 11–33 in order, then FF filler', async () => {
    const card = createVirtualDriversLicence();
    await run(card, verify1('1234'));
    await run(card, SELECT_DF1);
    await run(card, selectEf('00 01'));
    const [body, sw] = await send(card, '00 B0 00 00 00 03 70');
    expect(sw).toBe('90 00');
    expect(body.length).toBe(880);
    const fields = tlvs(body);
    expect(fields.map((f) => f.tag)).toEqual(Array.from({ length: 0x33 - 0x11 + 1 }, (_, i) => 0x11 + i));
    // 11 01 78 (JIS X 0208 制定年番号), 12 0A 見本+U+3000+花子, 13 0E ミホン+U+3000+ハナコ, 14 00, 15 00, 16 07 "4120615"
    expect(x(body.slice(0, 40))).toBe(
      '11 01 78 12 0A 38 2B 4B 5C 21 21 32 56 3B 52 13 0E 25 5F 25 5B 25 73 21 21 25 4F 25 4A 25 33 14 00 15 00 16 07 34 31 32',
    );
    const byTag = new Map(fields.map((f) => [f.tag, x(f.value)]));
    expect(byTag.get(0x18)).toBe('35 30 36 30 36 31 30'); // 交付 令和6年6月10日
    expect(byTag.get(0x1a)).toBe('4D 25 4E 49'); // 優良
    expect(byTag.get(0x1b)).toBe('35 31 31 30 37 31 35'); // 有効期間の末日 令和11年7月15日
    expect(byTag.get(0x1c)).toBe('34 63 36 40 45 79'); // 眼鏡等
    expect([byTag.get(0x1d), byTag.get(0x1e), byTag.get(0x1f)]).toEqual(['', '', '']);
    expect(byTag.get(0x21)).toBe('39 39 31 39 30 30 30 30 30 30 31 30'); // 991900000010
    expect(byTag.get(0x23)).toBe('35 30 31 30 35 32 30'); // 他: 令和元年5月20日 (元年 = 01)
    expect(byTag.get(0x26)).toBe('35 30 31 30 35 32 30'); // 普通
    expect(byTag.get(0x25)).toBe('35 30 30 30 30 30 30'); // 大型 not held: era digit + 000000
    expect(body.at(-1)).toBe(0xff);
  });

  it('short reads of 256 give the same 880 bytes and end with 6B00', async () => {
    const card = createVirtualDriversLicence();
    await run(card, verify1('1234'));
    await run(card, SELECT_DF1);
    await run(card, selectEf('00 01'));
    const all = await readAll(card);
    expect(all.length).toBe(880);
    expect(await run(card, '00 B0 03 70 01')).toBe('6B 00');
    const [tail] = await send(card, '00 B0 03 00 00');
    expect(tail.length).toBe(880 - 0x300);
  });
});

describe('virtual licence: PIN edges', () => {
  it('wrong, wrong, right: 63C2, 63C1, then 9000 restores 3 tries', async () => {
    const card = createVirtualDriversLicence();
    expect(await run(card, verify1('0000'))).toBe('63 C2');
    expect(await run(card, verify1('9999'))).toBe('63 C1');
    expect(await run(card, '00 20 00 81')).toBe('63 C1');
    expect(await run(card, verify1('1234'))).toBe('90 00'); // the last try, right
    expect(await run(card, '00 20 00 81')).toBe('63 C3');
  });

  it('three wrong PINs block: 63C0, then 6984 for every VERIFY incl. the right PIN and the counter query', async () => {
    const card = createVirtualDriversLicence();
    for (const sw of ['63 C2', '63 C1', '63 C0']) expect(await run(card, verify2('0000'))).toBe(sw);
    expect(await run(card, verify2('5678'))).toBe('69 84');
    expect(await run(card, '00 20 00 82')).toBe('69 84');
    expect(card.pinStatus(2)).toEqual({ remaining: 0, max: 3, blocked: true });
    expect(await run(card, '00 20 00 81')).toBe('63 C3'); // PIN1 unaffected
  });

  it('the 63C0 variant answers a blocked PIN with 63C0', async () => {
    const card = createVirtualDriversLicence({ remaining: { pin1: 0 }, blockedAnswer: '63C0' });
    expect(await run(card, '00 20 00 81')).toBe('63 C0');
    expect(await run(card, verify1('1234'))).toBe('63 C0');
  });

  it('a wrong length costs a try too (the card compares bytes)', async () => {
    const card = createVirtualDriversLicence();
    expect(await run(card, '00 20 00 81 03 31 32 33')).toBe('63 C2');
  });

  it('options set the PINs and the counters', async () => {
    const card = createVirtualDriversLicence({ pins: { pin1: '4321' }, remaining: { pin1: 1 } });
    expect(await run(card, '00 20 00 81')).toBe('63 C1');
    expect(await run(card, verify1('4321'))).toBe('90 00');
  });

  it('DPIN: a card without PINs says 05 01 00 and opens with **** for both; a real-looking PIN costs a try', async () => {
    const card = createVirtualDriversLicence({ holder: 'no-pin' });
    expect(await run(card, '00 B0 8A 00 03')).toBe('05 01 00 90 00');
    expect(await run(card, verify1('1234'))).toBe('63 C2');
    expect(await run(card, '00 20 00 81 04 2A 2A 2A 2A')).toBe('90 00');
    expect(await run(card, '00 20 00 82 04 2A 2A 2A 2A')).toBe('90 00');
    await run(card, SELECT_DF1);
    expect(await run(card, selectEf('00 02'))).toBe('90 00');
    expect((await send(card, '00 B0 00 00 02'))[1]).toBe('90 00');
    // pinSet:false turns any holder into the DPIN case
    const other = createVirtualDriversLicence({ holder: 'all-classes', pinSet: false });
    expect(await run(other, '00 B0 8A 00 03')).toBe('05 01 00 90 00');
    expect(await run(other, '00 20 00 81 04 2A 2A 2A 2A')).toBe('90 00');
  });

  it('PIN data never appears in the log', async () => {
    const card = createVirtualDriversLicence();
    await run(card, verify1('1234'));
    expect(card.log.at(-1)?.command).toBe('00 20 00 81 04 ** ** ** **');
    expect(JSON.stringify(card.log)).not.toContain('31 32 33 34');
  });
});

describe('virtual licence: READ BINARY limits', () => {
  it('the 400-byte variant answers an 880-byte read with 400 bytes and 9000; offsets continue it', async () => {
    const card = createVirtualDriversLicence({ readLimit: 400 });
    await run(card, verify1('1234'));
    await run(card, SELECT_DF1);
    await run(card, selectEf('00 01'));
    const parts: Uint8Array[] = [];
    for (const p1p2 of ['00 00', '01 90', '03 20']) {
      const [data, sw] = await send(card, `00 B0 ${p1p2} 00 03 70`);
      expect(sw).toBe('90 00');
      parts.push(data);
    }
    expect(parts.map((p) => p.length)).toEqual([400, 400, 80]);
    const whole = createVirtualDriversLicence();
    await run(whole, verify1('1234'));
    await run(whole, SELECT_DF1);
    await run(whole, selectEf('00 01'));
    const [all] = await send(whole, '00 B0 00 00 00 03 70');
    expect(x(Uint8Array.from(parts.flatMap((p) => [...p])))).toBe(x(all));
    expect(card.capabilities.maxResponseData).toBe(65536); // the limit is not announced
  });

  it('without extended length an extended READ BINARY is 6700; short reads work', async () => {
    const card = createVirtualDriversLicence({ extendedLength: false });
    await run(card, verify1('1234'));
    await run(card, SELECT_DF1);
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 00 03 70')).toBe('67 00');
    expect((await readAll(card)).length).toBe(880);
  });

  it('a read by SFI selects the EF; the 8-bit offset reaches its end; past the end is 6B00', async () => {
    const card = createVirtualDriversLicence();
    await run(card, verify1('1234'));
    await run(card, SELECT_DF1);
    const [first] = await send(card, '00 B0 81 00 10');
    expect(x(first.slice(0, 3))).toBe('11 01 78');
    expect((await send(card, '00 B0 00 10 10'))[1]).toBe('90 00'); // current EF is now EF01
    expect(await run(card, '00 B0 88 00 01')).toBe('6A 82');
  });
});

describe('virtual licence: ATRs (§9.3)', () => {
  const tckOk = (atr: Uint8Array) => atr.slice(1).reduce((a, b) => a ^ b, 0) === 0;
  it('contact and contactless ATRs as pcsc-list has them, TCK right', () => {
    expect(x(createVirtualDriversLicence().atr)).toBe('3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 B3 C1 75');
    expect(x(createVirtualDriversLicence({ interface: 'contactless' }).atr)).toBe('3B 88 80 01 00 00 00 00 91 81 C1 00 D8');
    expect(tckOk(LICENCE_CONTACT_ATR) && tckOk(LICENCE_CONTACTLESS_ATR)).toBe(true);
  });
});

describe('virtual licence: card handling', () => {
  it('VERIFY P2 80 on the selected IEF02; SELECT by AID with P2 00; a removed card rejects and resets', async () => {
    const card = createVirtualDriversLicence();
    await run(card, selectEf('00 02'));
    expect(await run(card, '00 20 00 80 04 35 36 37 38')).toBe('90 00');
    expect(card.verifiedPins).toEqual([2]);
    expect(await run(card, '00 A4 04 00 10 A0 00 00 02 31 02 00 00 00 00 00 00 00 00 00 00')).toBe('90 00');
    expect(card.selectedDf).toBe('df2');
    const seen: boolean[] = [];
    card.onPresenceChange((present) => seen.push(present));
    card.removed = true;
    await expect(card.transmit(Uint8Array.of(0, 0xa4, 0, 0))).rejects.toMatchObject({ code: 'sim-card-removed' });
    card.removed = false;
    expect(seen).toEqual([false, true]);
    expect(card.verifiedPins).toEqual([]);
    expect(card.pinStatus(2).remaining).toBe(3);
  });

  it('one APDU at a time: overlapping transmits are queued and counted', async () => {
    const card = createVirtualDriversLicence();
    const answers = await Promise.all([card.transmit(Uint8Array.of(0, 0x20, 0, 0x81)), card.transmit(Uint8Array.of(0, 0x20, 0, 0x82))]);
    expect(answers.map(x)).toEqual(['63 C3', '63 C3']);
    expect(card.overlappingTransmits).toBe(1);
  });
});
