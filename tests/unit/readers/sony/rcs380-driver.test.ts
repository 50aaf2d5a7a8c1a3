/** The host driver against the RC-S380 double with the virtual My Number card in its field. */
import { describe, expect, it, vi } from 'vitest';
import { JpkiAp } from '../../../../src/card/jpki';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { openReader } from '../../../../src/readers';
import { openRcs380 } from '../../../../src/readers/sony/rcs380/driver';
import { createVirtualMyNumberCard, DEFAULT_PINS } from '../../../../src/sim';
import { Rcs380Double } from '../../../../src/sim/sony';
import { TypeBPicc, type TypeBPiccOptions } from '../../../../src/sim/picc';
import { Transcript } from '../../../../src/trace/transcript';

async function setUp(opts: { picc?: TypeBPiccOptions; maxBitRate?: 106 | 212 | 424 } = {}) {
  const card = createVirtualMyNumberCard();
  const device = new Rcs380Double({ card, picc: opts.picc });
  const transcript = new Transcript();
  const reader = await openRcs380(device, { transcript, maxBitRate: opts.maxBitRate });
  return { card, device, reader, transcript };
}

const isDer = (der: Uint8Array) => der[0] === 0x30 && der[1] === 0x82 && der.length === ((der[2] << 8) | der[3]) + 4;

describe('RC-S380 driver ↔ RC-S380 double', () => {
  it('openReader picks the Sony driver by VID:PID and reports a contactless, non-experimental reader', async () => {
    const device = new Rcs380Double({ card: createVirtualMyNumberCard() });
    const reader = await openReader(device);
    expect(reader.info).toMatchObject({ family: 'rcs380', cardInterface: 'contactless', experimental: false, protocols: ['ISO 14443-4 Type B'], name: 'Sony PaSoRi RC-S380/P' });
    await reader.close();
    expect(device.opened).toBe(false);
  });

  it('activates the card at 424 kbit/s with the synthesised ATR and reads the auth certificate', async () => {
    const { reader, device } = await setUp();
    expect(toHex(await reader.powerOn())).toBe('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F');
    expect((reader).activeSession?.rates).toEqual({ pcdToPicc: 424, piccToPcd: 424 });
    const der = await new JpkiAp((reader).channel()).readCertificate('auth');
    expect(isDer(der)).toBe(true);
    // 256-byte READ BINARY answers come back chained (258 bytes > FSD 256 − 3)
    expect(device.picc?.executed.some((e) => e.response.length === 258)).toBe(true);
    await reader.close();
  });

  it('stays at 106 kbit/s with a 00 81 D1 card, and when limited to 106', async () => {
    const a = await setUp({ picc: { protocolInfo: fromHex('00 81 D1'), applicationData: fromHex('00 4B 51 FF') } });
    expect(toHex(await a.reader.powerOn())).toBe('3B 88 80 01 00 4B 51 FF 00 81 D1 00 BC');
    expect(a.reader.activeSession?.rates).toEqual({ pcdToPicc: 106, piccToPcd: 106 });
    const b = await setUp({ maxBitRate: 106 });
    await b.reader.powerOn();
    expect(b.reader.activeSession?.rates).toEqual({ pcdToPicc: 106, piccToPcd: 106 });
    expect(isDer(await new JpkiAp(b.reader.channel()).readCertificate('auth-ca'))).toBe(true);
  });

  it('an empty reader gives typeb-no-card; cardPresent is false, then true once a card is placed', async () => {
    const device = new Rcs380Double();
    const reader = await openRcs380(device);
    await expect(reader.powerOn()).rejects.toMatchObject({ code: 'typeb-no-card' });
    expect(await reader.cardPresent()).toBe(false);
    device.insertCard(createVirtualMyNumberCard());
    expect(await reader.cardPresent()).toBe(true);
    await reader.powerOn();
    expect(await reader.cardPresent()).toBe(true);
  });

  it('recovers lost and corrupted frames without running any APDU twice', async () => {
    const { reader, device } = await setUp();
    await reader.powerOn();
    const jpki = new JpkiAp(reader.channel());
    const isIBlock = (f: Uint8Array) => (f[0] & 0xe2) === 0x02;
    device.field.inject('lose-response', isIBlock);
    device.field.inject('corrupt-response', isIBlock);
    device.field.inject('lose-command', isIBlock);
    const der = await jpki.readCertificate('auth');
    expect(isDer(der)).toBe(true);
    const commands = device.picc?.executed.map((e) => toHex(e.command)) ?? [];
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('a VERIFY whose answer is lost is recovered by R(NAK): one PIN try spent, not two', async () => {
    const { reader, device, card } = await setUp();
    await reader.powerOn();
    const jpki = new JpkiAp(reader.channel());
    device.field.inject('lose-response', (f) => (f[0] & 0xe2) === 0x02 && f[2] === 0x20 && f.length > 6);
    await expect(jpki.verifyPin('auth', '9999')).rejects.toMatchObject({ code: expect.any(String) as string });
    expect(card.pinStatus('auth')?.remaining).toBe(2);
    const verifies = device.picc?.executed.filter((e) => e.command[1] === 0x20 && e.command.length > 5) ?? [];
    expect(verifies).toHaveLength(1);
    await jpki.verifyPin('auth', DEFAULT_PINS.auth);
    expect(card.pinStatus('auth')?.remaining).toBe(3);
  });

  it('answers the card\'s S(WTX) and reads on', async () => {
    const { reader, device } = await setUp();
    await reader.powerOn();
    device.picc?.pendingWtx.push(2, 1);
    expect(isDer(await new JpkiAp(reader.channel()).readCertificate('auth'))).toBe(true);
    expect(reader.activeSession?.initiator.stats.wtxRequests).toBe(2);
  });

  it('a card taken away mid-read ends in isodep-no-response, and presence turns false', async () => {
    const { reader, device } = await setUp();
    await reader.powerOn();
    device.field.inject('remove-card');
    await expect(new JpkiAp(reader.channel()).readCertificate('auth')).rejects.toMatchObject({ code: 'isodep-no-response' });
    expect(await reader.cardPresent()).toBe(false);
  });

  it('an unplugged reader is reader-unplugged', async () => {
    const { reader, device } = await setUp();
    await reader.powerOn();
    device.unplug();
    await expect(reader.transmit(fromHex('00 A4 04 0C 02 3F 00'))).rejects.toMatchObject({ code: 'reader-unplugged' });
    await reader.close();
  });

  it('APDUs issued together are carried one after the other (one APDU at a time)', async () => {
    const { reader, device } = await setUp();
    await reader.powerOn();
    const apdus = ['00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01', '00 A4 02 0C 02 00 0A', '00 B0 00 00 04'];
    const answers = await Promise.all(apdus.map((a) => reader.transmit(fromHex(a))));
    // Interleaved blocks would break the ISO-DEP block numbers or the card's current file.
    expect(answers.map((a) => toHex(a.subarray(-2)))).toEqual(['90 00', '90 00', '90 00']);
    expect(device.picc?.executed.slice(-3).map((e) => toHex(e.command))).toEqual(apdus);
    await reader.close();
  });

  it('a device held by the port100 module (claim refused) is interface-busy; a refused open is device-access-denied', async () => {
    await expect(openRcs380(new Rcs380Double({ heldByOsDriver: 'claim' }), { platform: 'Linux x86_64' })).rejects.toMatchObject({ code: 'interface-busy' });
    await expect(openRcs380(new Rcs380Double({ heldByOsDriver: 'open' }), { platform: 'Win32' })).rejects.toMatchObject({ code: 'device-access-denied' });
  });

  it('records every Port-100 frame and ISO-DEP block in the transcript, redacted during VERIFY', async () => {
    const { reader, transcript } = await setUp();
    await reader.powerOn();
    await new JpkiAp(reader.channel()).verifyPin('auth', DEFAULT_PINS.auth);
    const layers = new Set(transcript.events().map((e) => e.layer));
    expect([...layers]).toEqual(expect.arrayContaining(['port100', 'isodep']));
    expect(transcript.events().some((e) => e.layer === 'port100' && e.dir === 'out' && e.hex?.startsWith('00 00 ff ff ff'))).toBe(true);
    const pinHex = toHex(new TextEncoder().encode(DEFAULT_PINS.auth), ' ').toLowerCase();
    expect(transcript.events().some((e) => e.hex?.includes(pinHex))).toBe(false);
  });

  it('a poll tick that comes while the previous poll still runs is skipped, not queued', async () => {
    const device = new Rcs380Double();
    const reader = await openRcs380(device);
    const poll = () => (reader as unknown as { poll(): Promise<void> }).poll();
    const before = device.commands.length;
    await poll();
    const onePoll = device.commands.length - before;
    expect(onePoll).toBeGreaterThan(0);
    await Promise.all([poll(), poll(), poll()]);
    expect(device.commands.length - before).toBe(2 * onePoll);
    await reader.close();
  });

  it('notifies card arrival and removal by polling while someone listens', async () => {
    const device = new Rcs380Double();
    const transcript = new Transcript();
    const reader = await openRcs380(device, { pollIntervalMs: 500, transcript });
    const before = transcript.events().length;
    vi.useFakeTimers();
    try {
      const seen: boolean[] = [];
      const stop = reader.onCardChange((present) => seen.push(present));
      // each poll includes the 10 ms field reset, so step just past the first poll's end
      await vi.advanceTimersByTimeAsync(600);
      device.field.placeCard(new TypeBPicc(createVirtualMyNumberCard()));
      await vi.advanceTimersByTimeAsync(500);
      await vi.advanceTimersByTimeAsync(500);
      device.field.removeCard();
      await vi.advanceTimersByTimeAsync(500);
      expect(seen).toEqual([false, true, false]);
      stop();
      device.field.placeCard(new TypeBPicc(createVirtualMyNumberCard()));
      await vi.advanceTimersByTimeAsync(2000);
      expect(seen).toEqual([false, true, false]);
      // polls leave no frames in the diagnostics report, only the changes
      expect(transcript.events().slice(before).map((e) => e.note)).toEqual(['no card in the field', 'card in the field', 'no card in the field']);
    } finally {
      vi.useRealTimers();
    }
  });
});
