import { describe, expect, it } from 'vitest';
import { KNOWN_CONTACTLESS_ATRS, KNOWN_CONTACT_ATRS, createVirtualMyNumberCard, isVirtualCardRemoved } from '../../../../src/sim';
import { SELECT_JPKI, fixture, readAll, run, selectEf, send, verify, x } from './helpers';

describe('virtual card variants', () => {
  it('under-15 holder: EF 0008 = 00 8F 00, no sign certificate, key or password', async () => {
    const card = createVirtualMyNumberCard({ person: 'under15' });
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 08'));
    expect(await run(card, '00 B0 00 00 03')).toBe('00 8F 00 90 00');
    for (const fid of ['00 01', '00 1A', '00 1B']) expect(await run(card, selectEf(fid)), fid).toBe('6A 82');
    expect(await run(card, '00 20 00 9B')).toBe('6A 82');
    expect(card.pinStatus('sign')).toBeUndefined();
    await run(card, selectEf('00 0A'));
    const der = fixture('under15/auth.der');
    expect(x((await readAll(card)).slice(0, der.length))).toBe(x(der));
  });

  it('an adult card can be made without the sign certificate', async () => {
    const card = createVirtualMyNumberCard({ signCertificate: false });
    await run(card, SELECT_JPKI);
    expect(await run(card, selectEf('00 01'))).toBe('6A 82');
  });

  it('nearly exhausted PINs: sign 1 left, auth blocked', async () => {
    const card = createVirtualMyNumberCard({ remaining: { sign: 1, auth: 0 } });
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 18'));
    expect(await run(card, '00 20 00 80')).toBe('69 84');
    expect(await run(card, verify('1234'))).toBe('69 84');
    await run(card, selectEf('00 1B'));
    expect(await run(card, '00 20 00 80')).toBe('63 C1');
    expect(await run(card, verify('WRONG1'))).toBe('63 C0');
    expect(await run(card, verify('ABC123'))).toBe('69 84');
    expect(card.pinStatus('sign')).toEqual({ remaining: 0, max: 5, blocked: true });
  });

  it('custom PINs', async () => {
    const card = createVirtualMyNumberCard({ pins: { auth: '9876', sign: 'PASS2024' } });
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 18'));
    expect(await run(card, verify('9876'))).toBe('90 00');
    await run(card, selectEf('00 1B'));
    expect(await run(card, verify('PASS2024'))).toBe('90 00');
  });

  it.each([
    ['android', 'JPKIAPGPSETOKEN'],
    ['iphone', 'JPKIAPIOSTOKEN'],
    ['juki', 'JPKIAPICCTOKEN'],
  ] as const)('%s token label %s', async (token, label) => {
    const card = createVirtualMyNumberCard({ token });
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 06'));
    const [data] = await send(card, '00 B0 00 00 20');
    expect(new TextDecoder().decode(data).trimEnd()).toBe(label);
  });

  it('smartphone token: the auth certificate also needs the auth PIN (jpki/myna#6)', async () => {
    const card = createVirtualMyNumberCard({ token: 'android' });
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 0A'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 82');
    await run(card, selectEf('00 18'));
    await run(card, verify('1234'));
    await run(card, selectEf('00 0A'));
    expect((await send(card, '00 B0 00 00 04'))[1]).toBe('90 00');
  });

  it('extended length off: extended APDUs answer 6700, short ones work', async () => {
    const card = createVirtualMyNumberCard({ extendedLength: false, atr: 'jpki-03' });
    expect(card.capabilities).toEqual({ extendedLength: false, maxResponseData: 256, maxCommandData: 255 });
    expect(x(card.atr)).toBe('3B C5 FF 81 31 FB 45 80 73 C6 01 00 00');
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 0B'));
    expect(await run(card, '00 B0 00 00 00 00 00')).toBe('67 00');
    expect((await send(card, '00 B0 00 00 00'))[0]).toHaveLength(256);
  });

  it('ATR: the default is 3B DA 13 FF …, every known contact ATR can be chosen, and reset() returns it', () => {
    expect(x(createVirtualMyNumberCard().atr)).toBe('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B');
    for (const [name, atr] of Object.entries(KNOWN_CONTACT_ATRS)) {
      const card = createVirtualMyNumberCard({ atr: name as keyof typeof KNOWN_CONTACT_ATRS });
      expect(x(card.reset())).toBe(x(atr));
      // TCK: XOR of T0…TCK is 0 whenever TCK is present (ISO/IEC 7816-3 §8.2.5; all are T=1)
      expect(atr.slice(1).reduce((a, b) => a ^ b, 0), name).toBe(0);
    }
  });

  it('removed: every transmit rejects with sim-card-removed until reinserted', async () => {
    const card = createVirtualMyNumberCard();
    card.removed = true;
    const error: unknown = await card.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c)).catch((e: unknown) => e);
    expect(isVirtualCardRemoved(error)).toBe(true);
    card.removed = false;
    expect(await run(card, SELECT_JPKI)).toBe('90 00');
  });

  it('removal clears the security status, keeps the counters and notifies presence listeners', async () => {
    const card = createVirtualMyNumberCard();
    const events: boolean[] = [];
    const off = card.onPresenceChange((present) => events.push(present));
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 18'));
    await run(card, verify('0000'));
    await run(card, verify('1234'));
    await run(card, verify('9999'));
    card.removed = true;
    card.removed = true; // no second event
    card.removed = false;
    off();
    card.removed = true;
    expect(events).toEqual([false, true]);
    card.removed = false;
    expect(card.selectedApplication).toBeNull();
    expect(card.pinStatus('auth')?.remaining).toBe(2);
  });

  it('counts overlapping transmits (a host bug) and still processes them one at a time, in order', async () => {
    const card = createVirtualMyNumberCard();
    expect(await run(card, SELECT_JPKI)).toBe('90 00');
    await run(card, selectEf('00 18'));
    await run(card, verify('1234'));
    expect(card.overlappingTransmits).toBe(0);
    const [a, b] = await Promise.all([
      send(card, '00 A4 02 0C 02 00 17'),
      send(card, '80 2A 00 80 03 01 02 03 00'),
    ]);
    expect([a[1], b[1], b[0].length]).toEqual(['90 00', '90 00', 256]);
    expect(card.overlappingTransmits).toBe(1);
  });

  it('contactless ATRs are available for Type B reader doubles (TCK checks)', () => {
    for (const [name, atr] of Object.entries(KNOWN_CONTACTLESS_ATRS)) {
      expect(atr.slice(1).reduce((a, b) => a ^ b, 0), name).toBe(0);
      expect(createVirtualMyNumberCard({ atr }).atr).toEqual(atr);
    }
  });
});
