/**
 * A field reset resets the card (ISO/IEC 14443-3 §6.2: a PICC powered by the field loses its state
 * with it), through both Sony doubles and the host drivers: a VERIFY does not survive powerOff/powerOn
 * or closing and reopening the reader — the sign certificate read gives 69 82 afterwards.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import type { CardReader } from '../../../../src/readers';
import { createVirtualMyNumberCard } from '../../../../src/sim';
import { sonyDoubles } from './sony-doubles';

const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const SELECT_SIGN_PIN = fromHex('00 A4 02 0C 02 00 1B');
const SELECT_SIGN_CERT = fromHex('00 A4 02 0C 02 00 01');
const VERIFY_SIGN = fromHex('00 20 00 80 06 41 42 43 31 32 33'); // DEFAULT_PINS.sign 'ABC123'
const READ_HEAD = fromHex('00 B0 00 00 04');

const sw = async (reader: CardReader, apdu: Uint8Array) => toHex((await reader.transmit(apdu)).subarray(-2));

async function verifyAndRead(reader: CardReader): Promise<void> {
  expect(await sw(reader, SELECT_JPKI)).toBe('90 00');
  expect(await sw(reader, SELECT_SIGN_PIN)).toBe('90 00');
  expect(await sw(reader, VERIFY_SIGN)).toBe('90 00');
  expect(await sw(reader, SELECT_SIGN_CERT)).toBe('90 00');
  expect(await sw(reader, READ_HEAD)).toBe('90 00');
}

/**
 * The card is back in its power-up state. The first two checks are the ones that tell a reset from
 * no reset: re-selecting the JPKI AP clears the security status by itself (virtual card, ISO/IEC
 * 7816-4 §5.3.3), so the final 69 82 alone would pass either way.
 */
async function expectLockedAgain(reader: CardReader, card: ReturnType<typeof createVirtualMyNumberCard>): Promise<void> {
  expect(card.verifiedPins).toEqual([]);
  expect(await sw(reader, READ_HEAD)).toBe('69 86'); // no current EF
  expect(await sw(reader, SELECT_SIGN_CERT)).toBe('6A 82'); // no AP selected: the sign certificate EF is not found
  expect(await sw(reader, SELECT_JPKI)).toBe('90 00');
  expect(await sw(reader, SELECT_SIGN_CERT)).toBe('90 00');
  expect(await sw(reader, READ_HEAD)).toBe('69 82');
}

describe.each(Object.entries(sonyDoubles))('field reset through the %s double', (_name, d) => {
  it('VERIFY, field off (powerOff), field on (powerOn): the card is reset, the sign certificate read gives 69 82', async () => {
    const card = createVirtualMyNumberCard();
    const device = d.make(card);
    const reader = await d.open(device);
    await reader.powerOn();
    await verifyAndRead(reader);
    expect(card.verifiedPins).toEqual(['sign']);
    await reader.powerOff();
    expect(device.field.on).toBe(false);
    expect(card.selectedApplication).toBeNull();
    await reader.powerOn();
    await expectLockedAgain(reader, card);
    await reader.close();
  });

  it('VERIFY, then the reader closed and opened again: the card is reset', async () => {
    const card = createVirtualMyNumberCard();
    const device = d.make(card);
    const first = await d.open(device);
    await first.powerOn();
    await verifyAndRead(first);
    await first.close();
    const second = await d.open(device);
    await second.powerOn();
    await expectLockedAgain(second, card);
    await second.close();
  });
});
