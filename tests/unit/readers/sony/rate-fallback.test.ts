/**
 * Issue 13 item 7 through the RC-S380 double (Port-100, the reader that runs 212/424 kbit/s): the
 * real card's ATQB `B3 81 A1` (corpus/real/atr-mynumber-jpki.txt) lets activation move to 424; when
 * the first exchange there fails (the doubles' standing RF conditions "card silent above 106" and
 * "CRC errors at 424"), the card is activated again at 106 kbit/s and stays there. Byte-exact on
 * the air (the field's log) and on the Port-100 rate commands.
 */
import { describe, expect, it } from 'vitest';
import { JpkiAp } from '../../../../src/card/jpki';
import { toHex } from '../../../../src/readers/isodep/bytes';
import { openRcs300 } from '../../../../src/readers/sony/rcs300/driver';
import { openRcs380 } from '../../../../src/readers/sony/rcs380/driver';
import { createVirtualMyNumberCard, DEFAULT_PINS } from '../../../../src/sim';
import type { RfCondition } from '../../../../src/sim/picc';
import { Rcs300Double, Rcs380Double } from '../../../../src/sim/sony';
import { Transcript } from '../../../../src/trace/transcript';

const SELECT_JPKI = '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01';
const REQB = '05 00 10';
const ATQB = '50 3A 5C 01 9E 00 00 05 E0 B3 81 A1';
/** ATTRIB Param2: b8–b7 PICC→PCD, b6–b5 PCD→PICC (2 = 424, 0 = 106), FSDI 8 (ISO/IEC 14443-3 §7.10.4). */
const ATTRIB_424 = '1D 3A 5C 01 9E 00 A8 01 00';
const ATTRIB_106 = '1D 3A 5C 01 9E 00 08 01 00';

async function setUp(conditions: RfCondition[] = [], maxRate?: () => 106 | undefined) {
  const card = createVirtualMyNumberCard();
  const device = new Rcs380Double({ card });
  for (const c of conditions) device.field.conditions.add(c);
  const transcript = new Transcript();
  const reader = await openRcs380(device, { transcript, contactlessMaxRate: maxRate });
  return { card, device, reader, transcript };
}

/** The air log as `frame → answer` lines (answer hex, `timeout` or `crc-error`). */
function air(device: Rcs380Double): string[] {
  return device.field.log.map(({ toCard, outcome }) => `${toHex(toCard)} → ${outcome.kind === 'frame' ? toHex(outcome.frame) : outcome.kind}`);
}

/** InSetRF (Port-100 command 00) parameters sent, as hex: `03 07 0F 07` = 106 Type B, `03 09 0F 09` = 424. */
function rateCommands(device: Rcs380Double): string[] {
  return device.commands.filter((c) => c.code === 0x00).map((c) => toHex(c.params));
}

const isVerify = (c: Uint8Array) => c[1] === 0x20;

describe('the fast path (no fault)', () => {
  it('activates at 424 and keeps it: reason card-and-reader, one rate change after ATTRIB', async () => {
    const { reader, device } = await setUp();
    await reader.powerOn();
    expect(reader.contactlessRate).toEqual({ kbps: 424, reason: 'card-and-reader' });
    await new JpkiAp(reader.channel()).readCertificate('auth-ca');
    expect(air(device).slice(0, 3)).toEqual([`${REQB} → ${ATQB}`, `${ATTRIB_424} → 00`, `02 ${SELECT_JPKI} → 02 90 00`]);
    expect(rateCommands(device)).toEqual(['03 07 0F 07', '03 09 0F 09']);
    expect(reader.contactlessRate).toEqual({ kbps: 424, reason: 'card-and-reader' });
  });
});

describe('card silent above 106', () => {
  it('the first exchange at 424 fails, the card is activated again at 106 and the same SELECT runs once', async () => {
    const { reader, device, transcript } = await setUp(['silent-above-106']);
    await reader.powerOn();
    expect(reader.contactlessRate).toEqual({ kbps: 424, reason: 'card-and-reader' });
    const jpki = new JpkiAp(reader.channel());
    const der = await jpki.readCertificate('auth-ca');
    expect(der[0]).toBe(0x30);
    // ISO/IEC 14443-4 §7.5.4: the I-block times out, two R(NAK)s time out (maxRetries 2), then the
    // field reset (InSetRF back to 106) and a new REQB/ATTRIB at 106, and the SELECT again.
    expect(air(device).slice(0, 8)).toEqual([
      `${REQB} → ${ATQB}`,
      `${ATTRIB_424} → 00`,
      `02 ${SELECT_JPKI} → timeout`,
      'B2 → timeout',
      'B2 → timeout',
      `${REQB} → ${ATQB}`,
      `${ATTRIB_106} → 00`,
      `02 ${SELECT_JPKI} → 02 90 00`,
    ]);
    expect(rateCommands(device)).toEqual(['03 07 0F 07', '03 09 0F 09', '03 07 0F 07']);
    const switchRf = device.commands.map((c) => (c.code === 0x06 ? `RF ${toHex(c.params)}` : c.code === 0x00 ? `rate ${toHex(c.params)}` : undefined)).filter(Boolean);
    // init's RF off, then each activation's field reset (RF off) before its 106 setting
    expect(switchRf).toEqual(['RF 00', 'RF 00', 'rate 03 07 0F 07', 'rate 03 09 0F 09', 'RF 00', 'rate 03 07 0F 07']);
    expect(device.picc!.executed.filter((e) => toHex(e.command) === SELECT_JPKI)).toHaveLength(1);
    expect(reader.contactlessRate).toEqual({ kbps: 106, reason: 'fallback-after-failure' });
    expect(transcript.events().some((e) => e.note?.includes('first exchange at 424/424 kbit/s failed (isodep-no-response)'))).toBe(true);
  });

  it('stays at 106 for the session: the next activation asks for 106 in ATTRIB and changes no rate', async () => {
    const { reader, device } = await setUp(['silent-above-106']);
    await reader.powerOn();
    await new JpkiAp(reader.channel()).readCertificate('auth-ca');
    await reader.powerOff();
    device.field.conditions.clear(); // the card lies better now; the session still stays at 106
    const before = device.field.log.length;
    await reader.powerOn();
    expect(air(device).slice(before, before + 2)).toEqual([`${REQB} → ${ATQB}`, `${ATTRIB_106} → 00`]);
    expect(rateCommands(device)).toEqual(['03 07 0F 07', '03 09 0F 09', '03 07 0F 07', '03 07 0F 07']);
    expect(reader.contactlessRate).toEqual({ kbps: 106, reason: 'fallback-after-failure' });
    await reader.close();
  });

  it('the presence check as the first exchange at 424: the card is found at 106 and stays', async () => {
    const { reader, device } = await setUp(['silent-above-106']);
    await reader.powerOn();
    expect(await reader.cardPresent()).toBe(true);
    expect(reader.contactlessRate).toEqual({ kbps: 106, reason: 'fallback-after-failure' });
    expect(air(device).slice(2)).toEqual(['B2 → timeout', 'B2 → timeout', 'B2 → timeout', `${REQB} → ${ATQB}`, `${ATTRIB_106} → 00`]);
  });
});

describe('CRC errors at 424', () => {
  it('every answer at 424 is broken; after the field reset the SELECT runs at 106 on a fresh card', async () => {
    const { reader, device } = await setUp(['crc-errors-at-424']);
    await reader.powerOn();
    await new JpkiAp(reader.channel()).readCertificate('auth');
    expect(air(device).slice(0, 8)).toEqual([
      `${REQB} → ${ATQB}`,
      `${ATTRIB_424} → 00`,
      `02 ${SELECT_JPKI} → crc-error`,
      'B2 → crc-error',
      'B2 → crc-error',
      `${REQB} → ${ATQB}`,
      `${ATTRIB_106} → 00`,
      `02 ${SELECT_JPKI} → 02 90 00`,
    ]);
    // The card ran the first SELECT at 424 (its answer was broken) and again after its reset: the
    // same command on the same fresh state, nothing else in between.
    expect(device.picc!.executed.slice(0, 2).map((e) => toHex(e.command))).toEqual([SELECT_JPKI, SELECT_JPKI]);
    expect(reader.contactlessRate).toEqual({ kbps: 106, reason: 'fallback-after-failure' });
  });
});

describe('never around a VERIFY or a signature', () => {
  it('a VERIFY as the first exchange at 424 fails as it is: no new activation, not sent again, no try spent', async () => {
    const { reader, device, card } = await setUp(['silent-above-106']);
    await reader.powerOn();
    const verify = Uint8Array.of(0x00, 0x20, 0x00, 0x80, 0x04, 0x31, 0x32, 0x33, 0x34);
    await expect(reader.transmit(verify)).rejects.toMatchObject({ code: 'isodep-no-response' });
    expect(air(device).filter((l) => l.startsWith(REQB))).toHaveLength(1);
    expect(rateCommands(device)).toEqual(['03 07 0F 07', '03 09 0F 09']);
    expect(device.picc!.executed.filter((e) => isVerify(e.command))).toHaveLength(0);
    expect(card.pinStatus('auth')?.remaining).toBe(3);
    expect(reader.contactlessRate).toEqual({ kbps: 424, reason: 'card-and-reader' });
  });

  it('a signature as the first exchange at 424 fails as it is and is not sent again', async () => {
    const { reader, device } = await setUp(['crc-errors-at-424']);
    await reader.powerOn();
    const sign = Uint8Array.of(0x80, 0x2a, 0x00, 0x80, 0x02, 0x30, 0x00, 0x00);
    await expect(reader.transmit(sign)).rejects.toMatchObject({ code: 'isodep-no-response' });
    expect(air(device).filter((l) => l.startsWith(REQB))).toHaveLength(1);
    expect(device.picc!.executed.filter((e) => e.command[1] === 0x2a)).toHaveLength(1);
  });

  it('after the fast link proved itself, a failure during VERIFY changes no rate (the error goes up)', async () => {
    const { reader, device, card } = await setUp();
    await reader.powerOn();
    const jpki = new JpkiAp(reader.channel());
    await jpki.readCertificate('auth-ca');
    device.field.conditions.add('silent-above-106');
    const rates = rateCommands(device).length;
    await expect(jpki.verifyPin('auth', DEFAULT_PINS.auth)).rejects.toMatchObject({ code: 'isodep-no-response' });
    expect(rateCommands(device)).toHaveLength(rates);
    expect(air(device).filter((l) => l.startsWith(REQB))).toHaveLength(1);
    expect(card.pinStatus('auth')?.remaining).toBe(3);
  });

  it('a whole fallen-back session: VERIFY and signature at 106 with no rate command between them', async () => {
    const { reader, device, card } = await setUp(['silent-above-106']);
    await reader.powerOn();
    const jpki = new JpkiAp(reader.channel());
    await jpki.readCertificate('auth-ca');
    const rates = rateCommands(device).length;
    await jpki.verifyPin('auth', DEFAULT_PINS.auth);
    const signature = await jpki.sign('auth', new Uint8Array(51).fill(0x30));
    expect(signature.length).toBe(256);
    expect(rateCommands(device)).toHaveLength(rates);
    expect(card.pinStatus('auth')?.remaining).toBe(3);
    expect(device.picc!.executed.filter((e) => isVerify(e.command) && e.command.length > 5)).toHaveLength(1);
  });
});

describe('the user forces 106 kbit/s', () => {
  it('ATTRIB asks for 106, no rate change, reason user-setting; asked at each activation', async () => {
    let force: 106 | undefined = 106;
    const { reader, device } = await setUp([], () => force);
    await reader.powerOn();
    expect(air(device).slice(0, 2)).toEqual([`${REQB} → ${ATQB}`, `${ATTRIB_106} → 00`]);
    expect(rateCommands(device)).toEqual(['03 07 0F 07']);
    expect(reader.contactlessRate).toEqual({ kbps: 106, reason: 'user-setting' });
    await new JpkiAp(reader.channel()).readCertificate('auth-ca');
    force = undefined;
    await reader.powerOn();
    expect(reader.contactlessRate).toEqual({ kbps: 424, reason: 'card-and-reader' });
    expect(rateCommands(device)).toEqual(['03 07 0F 07', '03 07 0F 07', '03 09 0F 09']);
  });

  it('with the card silent above 106, forced 106 reads without any failed frame', async () => {
    const { reader, device } = await setUp(['silent-above-106'], () => 106);
    await reader.powerOn();
    await new JpkiAp(reader.channel()).readCertificate('auth');
    expect(device.field.stats.timeouts).toBe(0);
  });

  it('a card that only does 106 is at 106 because of card and reader, whatever the setting', async () => {
    const device = new Rcs300Double({ card: createVirtualMyNumberCard() });
    const reader = await openRcs300(device, { contactlessMaxRate: () => 106 });
    await reader.powerOn();
    expect(reader.contactlessRate).toEqual({ kbps: 106, reason: 'card-and-reader' }); // the RC-S300 link is 106 only
    await reader.close();
  });
});
