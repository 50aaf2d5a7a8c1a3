/** The RC-S300 host driver against the RC-S300 double with the virtual card, and replay of its transcript. */
import { describe, expect, it } from 'vitest';
import { JpkiAp } from '../../../../src/card/jpki';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { openReader } from '../../../../src/readers';
import { openRcs300 } from '../../../../src/readers/sony/rcs300/driver';
import { ReplayRcs300, replayScript } from '../../../../src/readers/sony/rcs300/replay';
import { createVirtualMyNumberCard, DEFAULT_PINS } from '../../../../src/sim';
import { Rcs300Double } from '../../../../src/sim/sony';
import { Transcript } from '../../../../src/trace/transcript';

const isDer = (der: Uint8Array) => der[0] === 0x30 && der[1] === 0x82 && der.length === ((der[2] << 8) | der[3]) + 4;

async function setUp() {
  const card = createVirtualMyNumberCard();
  const device = new Rcs300Double({ card });
  const transcript = new Transcript();
  const reader = await openRcs300(device, { transcript });
  return { card, device, reader, transcript };
}

describe('RC-S300 driver ↔ RC-S300 double (experimental route)', () => {
  it('Chrome refuses interface 0 (CCID class 0x0B) to a page; the driver claims interface 1', async () => {
    const device = new Rcs300Double({ card: createVirtualMyNumberCard() });
    await device.open();
    await device.selectConfiguration(1);
    await expect(device.claimInterface(0)).rejects.toMatchObject({ name: 'SecurityError' });
    const reader = await openReader(device);
    expect(reader.info).toMatchObject({ family: 'rcs300', experimental: true, cardInterface: 'contactless', name: 'Sony PaSoRi RC-S300/S' });
    expect(device.configuration?.interfaces.find((i) => i.interfaceNumber === 1)?.claimed).toBe(true);
    await reader.close();
  });

  it('opens a session with exact pseudo-APDUs, activates at 106 kbit/s and reads the auth certificate', async () => {
    const { reader, device } = await setUp();
    expect(toHex(await reader.powerOn())).toBe('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F');
    expect(device.pseudoApdus.slice(0, 6).map((a) => toHex(a))).toEqual([
      'FF 56 00 00',
      'FF 50 00 00 02 82 00 00',
      'FF 50 00 00 02 81 00 00',
      'FF 50 00 00 02 83 00 00',
      'FF 50 00 00 02 84 00 00',
      'FF 50 00 02 04 8F 02 01 03 00',
    ]);
    // REQB in a transceive object with FWT-free 30 ms timer (30000 µs = 30 75 00 00)
    expect(toHex(device.pseudoApdus[6])).toBe('FF 50 00 01 0E 5F 46 04 30 75 00 00 95 82 00 03 05 00 10 00');
    expect(isDer(await new JpkiAp(reader.channel()).readCertificate('auth'))).toBe(true);
    await reader.close();
    expect(toHex(device.pseudoApdus[device.pseudoApdus.length - 1])).toBe('FF 50 00 00 02 82 00 00');
  });

  it('recovers lost and corrupted frames; the VERIFY runs once', async () => {
    const { reader, device, card } = await setUp();
    await reader.powerOn();
    const isVerify = (f: Uint8Array) => (f[0] & 0xe2) === 0x02 && f[2] === 0x20 && f.length > 6;
    device.field.inject('corrupt-response', isVerify);
    const jpki = new JpkiAp(reader.channel());
    await jpki.verifyPin('auth', DEFAULT_PINS.auth);
    expect(device.picc?.executed.filter((e) => e.command[1] === 0x20 && e.command.length > 5)).toHaveLength(1);
    expect(card.pinStatus('auth')?.remaining).toBe(3);
    device.field.inject('lose-command', (f) => (f[0] & 0xe2) === 0x02);
    expect(isDer(await jpki.readCertificate('auth-ca'))).toBe(true);
  });

  it('an empty reader: typeb-no-card; a card removed mid-read: isodep-no-response; unplugged: reader-unplugged', async () => {
    const empty = await openRcs300(new Rcs300Double());
    await expect(empty.powerOn()).rejects.toMatchObject({ code: 'typeb-no-card' });
    const { reader, device } = await setUp();
    await reader.powerOn();
    device.field.inject('remove-card');
    await expect(new JpkiAp(reader.channel()).readCertificate('auth')).rejects.toMatchObject({ code: 'isodep-no-response' });
    device.unplug();
    await expect(reader.powerOn()).rejects.toMatchObject({ code: 'reader-unplugged' });
  });

  it('a session refused by the firmware is a named rcs300-session-error', async () => {
    const device = new Rcs300Double({ card: createVirtualMyNumberCard() });
    const reader = await openRcs300(device, { typeBLayer: 0x04 });
    await expect(reader.powerOn()).rejects.toMatchObject({ code: 'rcs300-session-error', params: { what: 'switch protocol', result: 'unsupported-value', sw: '6A81' } });
  });

  it('records every Escape in the transcript, and that recording replays byte for byte without the device', async () => {
    const { reader, transcript } = await setUp();
    await reader.powerOn();
    const first = await new JpkiAp(reader.channel()).readCertificate('auth');
    await reader.close();
    const script = replayScript(transcript.events());
    expect(script.length).toBeGreaterThan(10);
    const replay = new ReplayRcs300(script);
    const again = await openRcs300(replay.asDevice());
    await again.powerOn();
    expect(toHex(await new JpkiAp(again.channel()).readCertificate('auth'))).toBe(toHex(first));
    await again.close();
    expect(replay.finished).toBe(true);
  });

  it('a replay tells where the driver diverged from the recording', async () => {
    const replay = new ReplayRcs300([{ out: fromHex('6B 04 00 00 00 00 00 00 00 00 FF 56 00 01'), in: [] }]);
    await expect(openRcs300(replay.asDevice())).rejects.toMatchObject({ code: 'rcs300-replay-diverged' });
  });
});
