import { describe, expect, it } from 'vitest';
import { createVirtualMyNumberCard, type PinName } from '../../../../src/sim';
import { SELECT_COMMON, SELECT_JPKI, SELECT_KENHOJO, ascii, run, selectEf, verify } from './helpers';

// jpki-card.md §3.2 (63Cx / 63C0 / 6984, limits 3 and 5, reset on success), §2 (VERIFY forms, CHANGE).
const cases: readonly { name: PinName; select: string; fid: string; good: string; bad: string; max: number }[] = [
  { name: 'auth', select: SELECT_JPKI, fid: '00 18', good: '1234', bad: '0000', max: 3 },
  { name: 'sign', select: SELECT_JPKI, fid: '00 1B', good: 'ABC123', bad: 'ABC124', max: 5 },
  { name: 'kenhojo', select: SELECT_KENHOJO, fid: '00 11', good: '1234', bad: '9999', max: 3 },
  { name: 'common', select: SELECT_COMMON, fid: '00 1C', good: '1234', bad: '4321', max: 3 },
];

describe.each(cases)('virtual card PIN $name ($fid, $max tries)', ({ name, select, fid, good, bad, max }) => {
  it('empty VERIFY reports the counter and spends no try', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, select);
    await run(card, selectEf(fid));
    for (let i = 0; i < 4; i++) expect(await run(card, '00 20 00 80')).toBe(`63 C${max}`);
    expect(await run(card, '00 20 00 80 00')).toBe(`63 C${max}`); // jpki-web's Lc=00 form
    expect(card.pinStatus(name)).toEqual({ remaining: max, max, blocked: false });
  });

  it('each wrong PIN decrements; the exhausting one answers 63C0; then 6984 for every attempt and query', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, select);
    await run(card, selectEf(fid));
    for (let left = max - 1; left >= 0; left--) {
      expect(await run(card, verify(bad))).toBe(`63 C${left}`);
      expect(card.pinStatus(name)?.remaining).toBe(left);
    }
    expect(await run(card, '00 20 00 80')).toBe('69 84');
    expect(await run(card, verify(good))).toBe('69 84'); // even the right PIN: locked forever
    expect(await run(card, verify(bad))).toBe('69 84');
    expect(card.pinStatus(name)).toEqual({ remaining: 0, max, blocked: true });
  });

  it('a correct PIN resets the counter to the maximum', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, select);
    await run(card, selectEf(fid));
    expect(await run(card, verify(bad))).toBe(`63 C${max - 1}`);
    expect(await run(card, verify(good))).toBe('90 00');
    expect(await run(card, '00 20 00 80')).toBe(`63 C${max}`); // still the counter, not "logged in" (PR #959)
    expect(card.verifiedPins).toEqual([name]);
  });

  it('the counter persists across re-SELECT, reset and close for the life of the card object', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, select);
    await run(card, selectEf(fid));
    await run(card, verify(bad));
    card.reset();
    await card.close();
    await run(card, select);
    await run(card, selectEf(fid));
    expect(await run(card, '00 20 00 80')).toBe(`63 C${max - 1}`);
  });

  it('changes the PIN only after VERIFY', async () => {
    const card = createVirtualMyNumberCard();
    const change = name === 'common' ? '80 32 00 80' : '00 24 01 80';
    const next = name === 'sign' ? 'XYZ789' : '5678';
    await run(card, select);
    await run(card, selectEf(fid));
    expect(await run(card, `${change} ${next.length.toString(16).padStart(2, '0')} ${ascii(next)}`)).toBe('69 82');
    await run(card, verify(good));
    expect(await run(card, `${change} ${next.length.toString(16).padStart(2, '0')} ${ascii(next)}`)).toBe('90 00');
    await run(card, select);
    await run(card, selectEf(fid));
    expect(await run(card, verify(good))).toBe(`63 C${max - 1}`);
    expect(await run(card, verify(next))).toBe('90 00');
  });
});

describe('virtual card: VERIFY forms and rules', () => {
  it('P2 = 80|SFI names the PIN without SELECT (98 = 0018, 9B = 001B)', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    expect(await run(card, '00 20 00 98')).toBe('63 C3');
    expect(await run(card, '00 20 00 9B')).toBe('63 C5');
    expect(await run(card, `00 20 00 98 04 ${ascii('1234')}`)).toBe('90 00');
    expect(await run(card, '00 20 00 99')).toBe('6A 82');
  });

  it('P2 = 80 needs a PIN EF selected; bad P1/P2 answer 6A86', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    expect(await run(card, '00 20 00 80')).toBe('6A 88');
    await run(card, selectEf('00 0A'));
    expect(await run(card, '00 20 00 80')).toBe('6A 88');
    expect(await run(card, '00 20 01 80')).toBe('6A 86');
    expect(await run(card, '00 20 00 00')).toBe('6A 86');
  });

  it('the card compares bytes: a lower-case password costs a try (§10.5)', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 1B'));
    expect(await run(card, verify('abc123'))).toBe('63 C4');
    expect(await run(card, verify('ABC1234'))).toBe('63 C3');
  });

  it('a wrong PIN clears that PIN\'s security status', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 18'));
    await run(card, verify('1234'));
    expect(card.verifiedPins).toEqual(['auth']);
    await run(card, verify('1111'));
    expect(card.verifiedPins).toEqual([]);
  });

  it('masks PIN bytes in the APDU log', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 1B'));
    await run(card, verify('ABC123'));
    await run(card, `00 24 01 80 06 ${ascii('XYZ789')}`);
    await run(card, `00 20 00 9B 06 ${ascii('XYZ789')} 00`);
    await run(card, `00 2C 00 80 06 ${ascii('XYZ789')}`); // RESET RETRY COUNTER: refused (6D00), still masked
    expect(card.log.slice(-4).map((e) => e.command)).toEqual([
      '00 20 00 80 06 ** ** ** ** ** **',
      '00 24 01 80 06 ** ** ** ** ** **',
      '00 20 00 9B 06 ** ** ** ** ** ** 00',
      '00 2C 00 80 06 ** ** ** ** ** **',
    ]);
    expect(JSON.stringify(card.log)).not.toContain(ascii('ABC123'));
    expect(JSON.stringify(card.log)).not.toContain(ascii('XYZ789'));
  });

  it('CHANGE KEY is refused on a JPKI PIN and CHANGE REFERENCE DATA on the common PIN', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 18'));
    await run(card, verify('1234'));
    expect(await run(card, `80 32 00 80 04 ${ascii('5678')}`)).toBe('69 81');
    await run(card, SELECT_COMMON);
    await run(card, selectEf('00 1C'));
    await run(card, verify('1234'));
    expect(await run(card, `00 24 01 80 04 ${ascii('5678')}`)).toBe('69 81');
    expect(await run(card, `00 24 00 80 04 ${ascii('5678')}`)).toBe('6A 86');
  });
});
