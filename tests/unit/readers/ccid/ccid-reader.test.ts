import { describe, expect, it } from 'vitest';
import { codeOf } from '../error-code';
import { isLensError } from '../../../../src/errors';
import { openCcidReader, type CcidReader } from '../../../../src/readers/ccid';
import { lookupReader } from '../../../../src/usb/catalogue';
import { ScriptedCcidDevice, SCR3310_NTTCOM_DESCRIPTOR, bytes, descriptorWith, hex, msg, withLrc, type Step } from './scripted-device';

// SCR3310-NTTCom (dwFeatures 0x000101BA): automatic voltage → IccPowerOn bPowerSelect 0; automatic
// PPS → no PPS from us, SetParameters still; no automatic IFSD → we send S(IFS request, 252).
const ATR = '3b 80 01 81'; // T=1 only, no TA1 (Fi/Di default), IFSC 32, LRC
const POWER_UP: Step[] = [
  { out: msg(0x62, 0, 0, 0, 0), then: [msg(0x80, 0, 0, 0, 0, ATR)] },
  { out: msg(0x61, 1, 1, 0, 0, '11 10 00 4d 00 20 00'), then: [msg(0x82, 1, 0, 0, 1, '11 10 00 4d 00 20 00')] },
  { out: msg(0x6f, 2, 0, 0, 0, withLrc('00 c1 01 fc')), then: [msg(0x80, 2, 0, 0, 0, withLrc('00 e1 01 fc'))] },
];
const READ2 = '00 b0 00 00 02';
const iBlock = (ns: number, apdu: string) => withLrc(`00 ${ns ? '40' : '00'} ${bytes(apdu).length.toString(16).padStart(2, '0')} ${apdu}`);

async function open(steps: Step[], o: ConstructorParameters<typeof ScriptedCcidDevice>[1] = {}, timeoutMs = 300): Promise<{ dev: ScriptedCcidDevice; reader: CcidReader }> {
  const dev = new ScriptedCcidDevice(steps, o);
  const reader = await openCcidReader(dev, { timeoutMs, platform: 'Linux x86_64' });
  return { dev, reader };
}

describe('CcidReader at TPDU level (SCR3310-NTTCom), scripted bytes', () => {
  it('opens, powers on, sets parameters, negotiates IFSD and exchanges an APDU', async () => {
    const { dev, reader } = await open([...POWER_UP, { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, READ2)), then: [msg(0x80, 3, 0, 0, 0, withLrc('00 00 04 12 34 90 00'))] }]);
    expect(reader.descriptor.exchangeLevel).toBe('tpdu');
    expect(reader.info).toMatchObject({ vendorId: 0x04e6, productId: 0x511a, family: 'ccid', exchangeLevel: 'tpdu', protocols: ['T=0', 'T=1'] });
    expect(hex(await reader.powerOn())).toBe(ATR);
    expect(reader.session?.plan).toMatchObject({ protocol: 1, pps: false, setParameters: true, fiDi: 0x11 });
    expect(hex(await reader.transmit(bytes(READ2)))).toBe('12 34 90 00');
    expect(dev.unexpected).toEqual([]);
    expect(dev.remaining).toBe(0);
    await reader.close();
  });

  it('keeps reading through a time extension (bStatus 0x80)', async () => {
    const { dev, reader } = await open([...POWER_UP, { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, READ2)), then: [msg(0x80, 3, 0x80, 2, 0), msg(0x80, 3, 0, 0, 0, withLrc('00 00 02 90 00'))] }]);
    await reader.powerOn();
    expect(hex(await reader.transmit(bytes(READ2)))).toBe('90 00');
    expect(reader.transport.counters.timeExtensions).toBe(1);
    expect(dev.unexpected).toEqual([]);
    await reader.close();
  });

  it('drops a stale frame with the wrong bSeq', async () => {
    const { dev, reader } = await open([...POWER_UP, { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, READ2)), then: [msg(0x80, 2, 0, 0, 0, withLrc('00 e1 01 fc')), msg(0x80, 3, 0, 0, 0, withLrc('00 00 02 90 00'))] }]);
    await reader.powerOn();
    expect(hex(await reader.transmit(bytes(READ2)))).toBe('90 00');
    expect(reader.transport.counters.staleFrames).toBe(1);
    expect(dev.unexpected).toEqual([]);
    await reader.close();
  });

  it('reads messages of exactly 64 and 128 bytes from a reader that sends no zero-length packet', async () => {
    const data48 = Array.from({ length: 48 }, (_, i) => (i + 1).toString(16).padStart(2, '0')).join(' ');
    const data112 = Array.from({ length: 112 }, (_, i) => (i & 0xff).toString(16).padStart(2, '0')).join(' ');
    const r1 = withLrc(`00 00 32 ${data48} 90 00`); // 3 + 50 + 1 = 54 → message 64
    const r2 = withLrc(`00 40 72 ${data112} 90 00`); // 3 + 114 + 1 = 118 → message 128
    expect(bytes(msg(0x80, 3, 0, 0, 0, r1)).length).toBe(64);
    expect(bytes(msg(0x80, 4, 0, 0, 0, r2)).length).toBe(128);
    const { dev, reader } = await open([
      ...POWER_UP,
      { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, '00 b0 00 00 30')), then: [msg(0x80, 3, 0, 0, 0, r1)] },
      { out: msg(0x6f, 4, 0, 0, 0, iBlock(1, '00 b0 00 00 70')), then: [msg(0x80, 4, 0, 0, 0, r2)] },
    ]);
    await reader.powerOn();
    expect(hex(await reader.transmit(bytes('00 b0 00 00 30')))).toBe(`${data48} 90 00`);
    expect(hex(await reader.transmit(bytes('00 b0 00 00 70')))).toBe(`${data112} 90 00`);
    expect(dev.unexpected).toEqual([]);
    await reader.close();
  });

  it('a parity error on the card\'s block (bError FD) is recovered by T=1 with an R-block', async () => {
    const { dev, reader } = await open([
      ...POWER_UP,
      { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, READ2)), then: [msg(0x80, 3, 0x41, 0xfd, 0)] },
      { out: msg(0x6f, 4, 0, 0, 0, withLrc('00 82 00')), then: [msg(0x80, 4, 0, 0, 0, withLrc('00 00 02 90 00'))] },
    ]);
    await reader.powerOn();
    expect(hex(await reader.transmit(bytes(READ2)))).toBe('90 00');
    expect(dev.unexpected).toEqual([]);
    expect(dev.bulkOut.filter((o) => o.includes('00 b0 00 00 02'))).toHaveLength(1);
    await reader.close();
  });

  it('clears a stalled bulk-IN endpoint and reads the answer (nothing re-sent)', async () => {
    const { dev, reader } = await open([...POWER_UP, { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, READ2)), then: ['stall-in', msg(0x80, 3, 0, 0, 0, withLrc('00 00 02 90 00'))] }]);
    await reader.powerOn();
    expect(hex(await reader.transmit(bytes(READ2)))).toBe('90 00');
    expect(reader.transport.stats.stalls).toBe(1);
    expect(dev.bulkOut.filter((o) => o.startsWith('6f')).length).toBe(2);
    await reader.close();
  });

  it('on silence: aborts (class ABORT + PC_to_RDR_Abort), never re-sends, and fails with timeout', async () => {
    const verify = '00 20 00 80 04 31 32 33 34';
    const { dev, reader } = await open([...POWER_UP, { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, verify)), then: ['silence'] }]);
    await reader.powerOn();
    expect(await codeOf(reader.transmit(bytes(verify)))).toBe('timeout');
    expect(dev.controlOut).toEqual([{ request: 0x01, value: (4 << 8) | 0, index: 0 }]);
    expect(dev.bulkOut.filter((o) => o.includes('00 20 00 80'))).toHaveLength(1);
    expect(dev.bulkOut[dev.bulkOut.length - 1]).toBe(msg(0x72, 4, 0, 0, 0));
    expect(reader.transport.counters.aborts).toBe(1);
    await reader.close();
  });

  it('resets the device when the abort goes unanswered, and the card must be powered again', async () => {
    const { dev, reader } = await open([...POWER_UP, { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, READ2)), then: ['silence'] }], { abortAnswers: false });
    await reader.powerOn();
    expect(await codeOf(reader.transmit(bytes(READ2)))).toBe('timeout');
    expect(reader.transport.counters.resets).toBe(1);
    expect(await codeOf(reader.transmit(bytes(READ2)))).toBe('card-not-powered');
    expect(dev.bulkOut.filter((o) => o.startsWith('6f') && o.includes('00 b0'))).toHaveLength(1);
    await reader.close();
  });

  it('reports a card pulled during an exchange as card-removed, and keeps saying so', async () => {
    const { reader } = await open([...POWER_UP, { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, READ2)), then: [msg(0x80, 3, 0x42, 0xfe, 0)] }]);
    await reader.powerOn();
    expect(await codeOf(reader.transmit(bytes(READ2)))).toBe('card-removed');
    expect(await codeOf(reader.transmit(bytes(READ2)))).toBe('card-removed');
    await reader.close();
  });

  it('reports an unplugged reader', async () => {
    const { reader } = await open([...POWER_UP, { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, READ2)), then: ['unplug'] }]);
    await reader.powerOn();
    expect(await codeOf(reader.transmit(bytes(READ2)))).toBe('reader-unplugged');
    await reader.close();
  });

  it('hears NotifySlotChange 50 02 and ends the session', async () => {
    const { dev, reader } = await open([...POWER_UP]);
    await reader.powerOn();
    const seen: boolean[] = [];
    const changed = new Promise<void>((resolve) => reader.onCardChange((p) => (seen.push(p), resolve())));
    dev.notify('50 02');
    await changed;
    expect(seen).toEqual([false]);
    expect(await codeOf(reader.transmit(bytes(READ2)))).toBe('card-removed');
    await reader.close();
  });

  it('without an interrupt endpoint, polls GetSlotStatus while someone listens', async () => {
    const dev = new ScriptedCcidDevice([], { interrupt: false });
    const reader = await openCcidReader(dev, { timeoutMs: 300, pollIntervalMs: 10 });
    expect(reader.function.interruptIn).toBeUndefined();
    const seen: boolean[] = [];
    const gone = new Promise<void>((resolve) => {
      const stop = reader.onCardChange((p) => {
        seen.push(p);
        stop();
        resolve();
      });
    });
    // let a first poll see the card, then take it out
    await new Promise((r) => setTimeout(r, 30));
    dev.cardIn = false;
    await gone;
    expect(seen).toEqual([false]);
    expect(await reader.cardPresent()).toBe(false);
    await reader.close();
  });

  it('no card: IccPowerOn fails with ICC_MUTE and bmICCStatus 2 → card-absent', async () => {
    const { reader } = await open([{ out: msg(0x62, 0, 0, 0, 0), then: [msg(0x80, 0, 0x42, 0xfe, 0)] }]);
    expect(await codeOf(reader.powerOn())).toBe('card-absent');
    await reader.close();
  });

  it('without automatic voltage: 5 V, then 3 V (libccid order)', async () => {
    const descriptor = descriptorWith(SCR3310_NTTCOM_DESCRIPTOR, { features: 0x000101b2 });
    const { dev, reader } = await open(
      [
        { out: msg(0x62, 0, 1, 0, 0), then: [msg(0x80, 0, 0x41, 0xfe, 0)] },
        { out: msg(0x62, 1, 2, 0, 0), then: [msg(0x80, 1, 0, 0, 0, ATR)] },
        { out: msg(0x61, 2, 1, 0, 0, '11 10 00 4d 00 20 00'), then: [msg(0x82, 2, 0x40, 0x03, 1)] }, // "not changeable": accepted
        { out: msg(0x6f, 3, 0, 0, 0, withLrc('00 c1 01 fc')), then: [msg(0x80, 3, 0, 0, 0, withLrc('00 e1 01 fc'))] },
      ],
      { descriptor },
    );
    await reader.powerOn();
    expect(reader.session?.voltage).toBe('3V');
    expect(dev.unexpected).toEqual([]);
    await reader.close();
  });

  it('a mute card at every voltage ends in card-mute', async () => {
    const descriptor = descriptorWith(SCR3310_NTTCOM_DESCRIPTOR, { features: 0x000101b2 });
    const { reader } = await open(
      [1, 2, 3].map((v, i) => ({ out: msg(0x62, i, v, 0, 0), then: [msg(0x80, i, 0x41, 0xfe, 0)] })),
      { descriptor },
    );
    expect(await codeOf(reader.powerOn())).toBe('card-mute');
    await reader.close();
  });

  it('refuses a T=0-only card at TPDU level', async () => {
    const { reader } = await open([{ out: msg(0x62, 0, 0, 0, 0), then: [msg(0x80, 0, 0, 0, 0, '3b 00')] }]);
    expect(await codeOf(reader.powerOn())).toBe('t0-not-supported');
    await reader.close();
  });
});

describe('CcidReader at APDU levels, scripted bytes', () => {
  const shortApdu = descriptorWith(SCR3310_NTTCOM_DESCRIPTOR, { features: 0x00020040 });
  it('short APDU: one XfrBlock per APDU, no PPS and no SetParameters (0x40)', async () => {
    const { dev, reader } = await open(
      [
        { out: msg(0x62, 0, 1, 0, 0), then: [msg(0x80, 0, 0, 0, 0, ATR)] },
        { out: msg(0x6f, 1, 0, 0, 0, READ2), then: [msg(0x80, 1, 0, 0, 0, '12 34 90 00')] },
      ],
      { descriptor: shortApdu },
    );
    await reader.powerOn();
    expect(reader.apduLimits).toEqual({ extendedLength: false, maxCommandData: 255, maxResponseData: 256 });
    expect(hex(await reader.transmit(bytes(READ2)))).toBe('12 34 90 00');
    expect(dev.unexpected).toEqual([]);
    await reader.close();
  });

  it('short APDU: a VERIFY that times out is sent exactly once', async () => {
    const verify = '00 20 00 80 04 31 32 33 34';
    const { dev, reader } = await open(
      [
        { out: msg(0x62, 0, 1, 0, 0), then: [msg(0x80, 0, 0, 0, 0, ATR)] },
        { out: msg(0x6f, 1, 0, 0, 0, verify), then: ['silence'] },
      ],
      { descriptor: shortApdu },
    );
    await reader.powerOn();
    expect(await codeOf(reader.transmit(bytes(verify)))).toBe('timeout');
    expect(dev.bulkOut.filter((o) => o.includes(verify))).toHaveLength(1);
    // Extended length fields on a short-APDU reader: refused by name, never sent.
    const sent = dev.bulkOut.length;
    expect(await codeOf(reader.transmit(bytes('00 b0 00 00 00 01 00 00')))).toBe('apdu-needs-extended-length');
    expect(await codeOf(reader.transmit(bytes('00 b0 00 00 00 06 00')))).toBe('apdu-needs-extended-length');
    expect(await codeOf(reader.transmit(Uint8Array.from([0x00, 0xd6, 0x00, 0x00, 0xff, ...new Uint8Array(255), 0x00, 0x00])))).toBe('apdu-too-long');
    expect(dev.bulkOut).toHaveLength(sent);
    await reader.close();
  });

  it('extended APDU: chains a long command (01, 03, 02) and pulls a chained response (0x10)', async () => {
    const descriptor = descriptorWith(SCR3310_NTTCOM_DESCRIPTOR, { features: 0x00040040, maxMessage: 74 });
    const apdu = Array.from({ length: 150 }, (_, i) => (i & 0xff).toString(16).padStart(2, '0')).join(' ');
    const parts = [bytes(apdu).subarray(0, 64), bytes(apdu).subarray(64, 128), bytes(apdu).subarray(128)].map(hex);
    const { dev, reader } = await open(
      [
        { out: msg(0x62, 0, 1, 0, 0), then: [msg(0x80, 0, 0, 0, 0, ATR)] },
        { out: msg(0x6f, 1, 0, 0x01, 0, parts[0]), then: [msg(0x80, 1, 0, 0, 0x10)] },
        { out: msg(0x6f, 2, 0, 0x03, 0, parts[1]), then: [msg(0x80, 2, 0, 0, 0x10)] },
        { out: msg(0x6f, 3, 0, 0x02, 0, parts[2]), then: [msg(0x80, 3, 0, 0, 0x01, 'aa bb')] },
        { out: msg(0x6f, 4, 0, 0x10, 0), then: [msg(0x80, 4, 0, 0, 0x03, 'cc')] },
        { out: msg(0x6f, 5, 0, 0x10, 0), then: [msg(0x80, 5, 0, 0, 0x02, '90 00')] },
      ],
      { descriptor },
    );
    await reader.powerOn();
    expect(reader.apduLimits.extendedLength).toBe(true);
    expect(hex(await reader.transmit(bytes(apdu)))).toBe('aa bb cc 90 00');
    expect(dev.unexpected).toEqual([]);
    await reader.close();
  });
});

describe('opening: WebUSB refusals become named errors', () => {
  it('a class-0x0B reader → protected-class, with the catalogue name', async () => {
    const dev = new ScriptedCcidDevice([], { vendorId: 0x072f, productId: 0xb100, interfaceClass: 0x0b });
    const err = await openCcidReader(dev, { platform: 'Windows' }).catch((e: unknown) => e);
    expect(isLensError(err, 'protected-class')).toBe(true);
    expect(isLensError(err) && err.params).toMatchObject({ name: lookupReader(0x072f, 0xb100)!.name, vidpid: '072F:B100' });
  });

  it('open() refused by an OS driver → device-access-denied with the OS', async () => {
    const dev = new ScriptedCcidDevice([], { heldByOsDriver: 'open' });
    const err = await openCcidReader(dev, { platform: 'Windows' }).catch((e: unknown) => e);
    expect(isLensError(err, 'device-access-denied') && err.params.os).toBe('windows');
  });

  it('claimInterface() failing → interface-busy', async () => {
    const dev = new ScriptedCcidDevice([], { heldByOsDriver: 'claim' });
    const err = await openCcidReader(dev, { platform: 'Linux x86_64' }).catch((e: unknown) => e);
    expect(isLensError(err, 'interface-busy') && err.params).toMatchObject({ os: 'linux', interface: 0 });
  });

  it('a slot the reader does not have → unsupported-reader', async () => {
    const dev = new ScriptedCcidDevice([]);
    expect(await codeOf(openCcidReader(dev, { slot: 1 }))).toBe('unsupported-reader');
  });
});

describe('character-level readers', () => {
  it('are refused at open with unsupported-reader (not implemented)', async () => {
    const dev = new ScriptedCcidDevice([], { descriptor: descriptorWith(SCR3310_NTTCOM_DESCRIPTOR, { features: 0x000000ba }) });
    expect(await codeOf(openCcidReader(dev))).toBe('unsupported-reader');
    expect(dev.opened).toBe(false);
  });
});

describe('bounds', () => {
  it('a reader that asks for time extension forever ends in timeout (and an abort)', async () => {
    const descriptor = descriptorWith(SCR3310_NTTCOM_DESCRIPTOR, { features: 0x00020040 });
    const ext = Array.from({ length: 101 }, () => msg(0x80, 1, 0x80, 0, 0));
    const { dev, reader } = await open(
      [
        { out: msg(0x62, 0, 1, 0, 0), then: [msg(0x80, 0, 0, 0, 0, ATR)] },
        { out: msg(0x6f, 1, 0, 0, 0, READ2), then: ext },
      ],
      { descriptor },
    );
    await reader.powerOn();
    expect(await codeOf(reader.transmit(bytes(READ2)))).toBe('timeout');
    expect(reader.transport.counters.timeExtensions).toBe(100);
    expect(dev.controlOut.some((c) => c.request === 0x01)).toBe(true);
    await reader.close();
  });

  it('time extensions that keep coming end at the command deadline: abort, VERIFY sent once, timeout', async () => {
    const descriptor = descriptorWith(SCR3310_NTTCOM_DESCRIPTOR, { features: 0x00020040 });
    const verify = '00 20 00 80 04 31 32 33 34';
    // Each time extension is legal on its own (bError 255 → a 255 × 300 ms wait); one every 30 ms.
    const ext = Array.from({ length: 20 }, (_, i) => ({ in: msg(0x80, 1, 0x80, 0xff, 0), delayMs: 30 * (i + 1) }));
    const dev = new ScriptedCcidDevice(
      [
        { out: msg(0x62, 0, 1, 0, 0), then: [msg(0x80, 0, 0, 0, 0, ATR)] },
        { out: msg(0x6f, 1, 0, 0, 0, verify), then: ext },
      ],
      { descriptor },
    );
    const reader = await openCcidReader(dev, { timeoutMs: 300, commandDeadlineMs: 100, platform: 'Linux x86_64' });
    await reader.powerOn();
    const err = await reader.transmit(bytes(verify)).catch((e: unknown) => e);
    expect(isLensError(err, 'timeout')).toBe(true);
    expect((err as { params: Record<string, unknown> }).params).toMatchObject({ what: 'APDU (overall command deadline)', ms: 100 });
    expect(reader.transport.counters.timeExtensions).toBeGreaterThan(0);
    expect(reader.transport.counters.timeExtensions).toBeLessThan(20);
    expect(reader.transport.counters.aborts).toBe(1);
    expect(dev.controlOut).toEqual([{ request: 0x01, value: (2 << 8) | 0, index: 0 }]);
    expect(dev.bulkOut.filter((o) => o.includes('00 20 00 80'))).toHaveLength(1);
    expect(dev.bulkOut[dev.bulkOut.length - 1]).toBe(msg(0x72, 2, 0, 0, 0));
    await reader.close();
  });

  it('T=1: a card that sends S(WTX) after S(WTX) ends at the command deadline, the APDU never re-sent', async () => {
    const verify = '00 20 00 80 04 31 32 33 34';
    const wtxReq = (seq: number) => ({ in: msg(0x80, seq, 0, 0, 0, withLrc('00 c3 01 ff')), delayMs: 40 });
    // S(WTX request, 255) answered by S(WTX response, 255) with bBWI 255, which the card answers with another request
    const steps: Step[] = [...POWER_UP, { out: msg(0x6f, 3, 0, 0, 0, iBlock(0, verify)), then: [wtxReq(3)] }];
    for (let seq = 4; seq < 12; seq++) steps.push({ out: msg(0x6f, seq, 0xff, 0, 0, withLrc('00 e3 01 ff')), then: [wtxReq(seq)] });
    const dev = new ScriptedCcidDevice(steps);
    const reader = await openCcidReader(dev, { timeoutMs: 300, commandDeadlineMs: 150, platform: 'Linux x86_64' });
    await reader.powerOn();
    const err = await reader.transmit(bytes(verify)).catch((e: unknown) => e);
    expect(isLensError(err, 'timeout')).toBe(true);
    expect((err as { params: Record<string, unknown> }).params).toMatchObject({ what: 'APDU (overall command deadline)' });
    expect(dev.unexpected).toEqual([]);
    // the deadline cut the chain of S(WTX) well before the script's 9 requests ran out
    expect(dev.remaining).toBeGreaterThan(2);
    expect(dev.bulkOut.filter((o) => o.includes('00 20 00 80'))).toHaveLength(1);
    await reader.close();
  });
});
