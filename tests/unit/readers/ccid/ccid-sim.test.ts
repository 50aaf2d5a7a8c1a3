/**
 * CcidReader (host side) against the simulator's reader doubles (an independent device side, with
 * the virtual My Number card inside) and every fault of its switchboard: the exchange either
 * recovers with the right bytes or ends in a named error within its bound, and no VERIFY ever
 * reaches the card twice.
 */
import { describe, expect, it } from 'vitest';
import { codeOf } from '../error-code';
import { JpkiAp } from '../../../../src/card/jpki';
import { isLensError } from '../../../../src/errors';
import { openCcidReader, type CcidReader } from '../../../../src/readers/ccid';
import { openReader } from '../../../../src/readers';
import { createVirtualMyNumberCard, type VirtualMyNumberCard } from '../../../../src/sim/card';
import { createVirtualReader, type FaultName, type FaultParams } from '../../../../src/sim/readers';
import type { CcidReaderDouble } from '../../../../src/sim/ccid/ccid-reader-double';
import { lookupReader } from '../../../../src/usb/catalogue';
import { Transcript } from '../../../../src/trace/transcript';
import { bytes, hex } from './scripted-device';

const SELECT_JPKI = bytes('00 a4 04 0c 0a d3 92 f0 00 26 01 00 00 00 01');
const SELECT_AUTH_CERT = bytes('00 a4 02 0c 02 00 0a');
const READ = (offset: number) => Uint8Array.from([0x00, 0xb0, offset >> 8, offset & 0xff, 0x00]);
const SELECT_AUTH_PIN = bytes('00 a4 02 0c 02 00 18');
const VERIFY_WRONG = bytes('00 20 00 80 04 39 39 39 39');

type Profile = 'scr3310-nttcom' | 'scr331-di-nttcom' | 'class0b-extended' | 'gempc-twin';

async function setup(profile: Profile = 'scr3310-nttcom', timeoutMs = 1500): Promise<{ card: VirtualMyNumberCard; dev: CcidReaderDouble; reader: CcidReader }> {
  const card = createVirtualMyNumberCard();
  const dev: CcidReaderDouble = createVirtualReader(profile, card, { allowProtectedClasses: true });
  const reader = await openCcidReader(dev, { timeoutMs, platform: 'Linux x86_64' });
  return { card, dev, reader };
}

/** The certificate bytes read straight from the card (no reader), for comparison. */
async function expectedRead(offset: number): Promise<string> {
  const c = createVirtualMyNumberCard();
  await c.transmit(SELECT_JPKI);
  await c.transmit(SELECT_AUTH_CERT);
  return hex(await c.transmit(READ(offset)));
}

async function selectCert(reader: CcidReader): Promise<void> {
  expect(hex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
  expect(hex(await reader.transmit(SELECT_AUTH_CERT))).toBe('90 00');
}

/** VERIFYs with data that reached the card (its log is upper-case hex with spaces, PIN masked). */
const verifies = (card: VirtualMyNumberCard) => card.log.filter((e) => e.command.startsWith('00 20 00 80 04 ')).length;

describe('CcidReader on the SCR3310-NTTCom double (TPDU, host T=1)', () => {
  it('powers on the virtual card and reads its certificate', async () => {
    const { card, reader } = await setup();
    expect(hex(await reader.powerOn())).toBe(hex(card.atr));
    expect(reader.session?.plan.protocol).toBe(1);
    await selectCert(reader);
    expect(hex(await reader.transmit(READ(0)))).toBe(await expectedRead(0));
    expect(reader.apduLimits.extendedLength).toBe(reader.session?.parsedAtr.historical.capabilities?.extendedLength === true);
    await reader.close();
  });

  const recovering: [FaultName, FaultParams[FaultName]][] = [
    ['time-extension', { times: 2, multiplier: 2 }],
    ['stale-seq', {}],
    ['split-packets', { gapMs: 2 }],
    ['boundary-length', { zlp: false }],
    ['boundary-length', { zlp: true }],
    ['wtx', { multiplier: 3 }],
    ['ifs-request', { ifsc: 64 }],
    ['nak', {}],
    ['bad-edc', {}],
    ['lose-blocks', { count: 1 }],
    ['stall', { direction: 'out' }],
    ['card-mute', { on: 'xfr' }],
    ['lose-blocks', { count: 2 }],
  ];
  for (const [fault, params] of recovering) {
    it(`recovers from ${fault} ${JSON.stringify(params)} with the right bytes`, async () => {
      const { dev, reader } = await setup();
      await reader.powerOn();
      await selectCert(reader);
      dev.faults.arm(fault, params);
      expect(hex(await reader.transmit(READ(256)))).toBe(await expectedRead(256));
      expect(dev.faults.fired.map((f) => f.name)).toContain(fault);
      expect(hex(await reader.transmit(READ(512)))).toBe(await expectedRead(512));
      await reader.close();
    });
  }

  it('honours S(WTX) with bBWI on the next XfrBlock', async () => {
    const { dev, reader } = await setup();
    await reader.powerOn();
    await selectCert(reader);
    dev.faults.arm('wtx', { multiplier: 3 });
    await reader.transmit(READ(0));
    expect(dev.usbLog.some((l) => l.dir === 'out' && l.bytes[0] === 0x6f && l.bytes[7] === 3)).toBe(true);
    await reader.close();
  });

  const failing: [FaultName, FaultParams[FaultName], string[]][] = [
    ['card-pulled', {}, ['card-removed']],
    ['unplug', {}, ['reader-unplugged']],
    ['silence', {}, ['timeout']],
    ['stall', { direction: 'in' }, ['timeout']],
    ['lose-blocks', { count: 4 }, ['t1-transmission-lost']],
    ['lose-blocks', { count: 50 }, ['t1-transmission-lost', 't1-resync-failed']],
    ['card-mute', { on: 'xfr', count: 50 }, ['t1-transmission-lost', 't1-resync-failed']],
  ];
  for (const [fault, params, codes] of failing) {
    it(`ends ${fault} in a named error (${codes.join(' | ')}) and never sends a VERIFY twice`, async () => {
      const { card, dev, reader } = await setup('scr3310-nttcom', 400);
      await reader.powerOn();
      expect(hex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
      expect(hex(await reader.transmit(SELECT_AUTH_PIN))).toBe('90 00');
      expect(verifies(card)).toBe(0);
      dev.faults.arm(fault, params);
      expect(codes).toContain(await codeOf(reader.transmit(VERIFY_WRONG)));
      expect(verifies(card)).toBeLessThanOrEqual(1);
      await reader.close();
    });
  }

  it('card mute at power-on → card-mute', async () => {
    const { dev, reader } = await setup();
    dev.faults.arm('card-mute', { on: 'power-on', count: 3 });
    expect(await codeOf(reader.powerOn())).toBe('card-mute');
    await reader.close();
  });

  it('hears the card being pulled on the interrupt endpoint', async () => {
    const { dev, reader } = await setup();
    await reader.powerOn();
    const removed = new Promise<boolean>((resolve) => reader.onCardChange(resolve));
    dev.removeCard();
    expect(await removed).toBe(false);
    expect(await reader.cardPresent()).toBe(false);
    expect(await codeOf(reader.transmit(SELECT_JPKI))).toBe('card-removed');
    await reader.close();
  });
});

describe('a power cycle resets the card (ISO/IEC 7816-3 §6.2.2): nothing verified survives it', () => {
  const SELECT_SIGN_PIN = bytes('00 a4 02 0c 02 00 1b');
  const SELECT_SIGN_CERT = bytes('00 a4 02 0c 02 00 01');
  const VERIFY_SIGN = bytes('00 20 00 80 06 41 42 43 31 32 33'); // DEFAULT_PINS.sign 'ABC123'
  const READ_HEAD = bytes('00 b0 00 00 04');

  async function verifyAndRead(reader: CcidReader): Promise<void> {
    expect(hex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(hex(await reader.transmit(SELECT_SIGN_PIN))).toBe('90 00');
    expect(hex(await reader.transmit(VERIFY_SIGN))).toBe('90 00');
    expect(hex(await reader.transmit(SELECT_SIGN_CERT))).toBe('90 00');
    expect(hex((await reader.transmit(READ_HEAD)).subarray(4))).toBe('90 00');
  }

  /** After the reset the card is back in MF state: no current EF, and the sign certificate is locked again. */
  async function expectReset(reader: CcidReader, card: VirtualMyNumberCard): Promise<void> {
    expect(card.selectedApplication).toBeNull();
    expect(hex(await reader.transmit(READ_HEAD))).toBe('69 86');
    expect(hex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(hex(await reader.transmit(SELECT_SIGN_CERT))).toBe('90 00');
    expect(hex(await reader.transmit(READ_HEAD))).toBe('69 82');
  }

  for (const profile of ['scr3310-nttcom', 'class0b-extended'] as const) {
    it(`${profile}: VERIFY, IccPowerOff, IccPowerOn → the sign certificate read gives 6982`, async () => {
      const { card, reader } = await setup(profile);
      await reader.powerOn();
      await verifyAndRead(reader);
      await reader.powerOff();
      await reader.powerOn();
      await expectReset(reader, card);
      await reader.close();
    });
  }

  it('a second IccPowerOn while powered (warm reset) resets the card too', async () => {
    const { card, reader } = await setup();
    await reader.powerOn();
    await verifyAndRead(reader);
    await reader.powerOn();
    await expectReset(reader, card);
    await reader.close();
  });

  it('card taken out and put back → the next power-on finds it reset', async () => {
    const { card, dev, reader } = await setup();
    await reader.powerOn();
    await verifyAndRead(reader);
    const changes: boolean[] = [];
    const both = new Promise<void>((resolve) =>
      reader.onCardChange((present) => {
        changes.push(present);
        if (changes.length === 2) resolve();
      }),
    );
    dev.removeCard();
    dev.reinsertCard();
    await both;
    expect(await codeOf(reader.transmit(READ_HEAD))).toBe('card-removed');
    await reader.powerOn();
    await expectReset(reader, card);
    await reader.close();
  });

  it('a card without reset() is still answered with its atr', async () => {
    const inner = createVirtualMyNumberCard();
    const plain = { atr: inner.atr, transmit: (apdu: Uint8Array) => inner.transmit(apdu) };
    const reader = await openCcidReader(createVirtualReader('scr3310-nttcom', plain), { timeoutMs: 1500 });
    expect(hex(await reader.powerOn())).toBe(hex(inner.atr));
    await reader.close();
  });
});

describe('TPDU level with a short-APDU card: reads in single-block chunks', () => {
  it('reports maxResponseData = IFSD − 2 (250 on the SCR3310, IFSD 252); 65536 for an extended-length card', async () => {
    const short = createVirtualMyNumberCard({ extendedLength: false, atr: 'jpki-03' });
    const reader = await openCcidReader(createVirtualReader('scr3310-nttcom', short), { timeoutMs: 1500 });
    await reader.powerOn();
    expect(reader.apduLimits).toEqual({ extendedLength: false, maxCommandData: 255, maxResponseData: 250 });
    await reader.close();
    const { reader: ext } = await setup();
    await ext.powerOn();
    expect(ext.apduLimits).toEqual({ extendedLength: true, maxCommandData: 65535, maxResponseData: 65536 });
    // Case 2E (extended Le, no data) goes through to an extended-length card (it is not read as Lc = 0600).
    expect(hex(await ext.transmit(SELECT_JPKI))).toBe('90 00');
    expect(hex(await ext.transmit(SELECT_AUTH_CERT))).toBe('90 00');
    expect((await ext.transmit(bytes('00 b0 00 00 00 06 00'))).length).toBe(1536 + 2);
    await ext.close();
  });

  it('JpkiAp reads all four certificates with one I-block each way per APDU, byte-identical', async () => {
    const card = createVirtualMyNumberCard({ extendedLength: false, atr: 'jpki-03' });
    const dev: CcidReaderDouble = createVirtualReader('scr3310-nttcom', card);
    const reader = await openCcidReader(dev, { timeoutMs: 1500 });
    const atr = await reader.powerOn();
    const ap = new JpkiAp({ atr, capabilities: reader.apduLimits, transmit: (a) => reader.transmit(a), close: () => reader.powerOff() });
    const direct = new JpkiAp(createVirtualMyNumberCard({ extendedLength: false }));
    await ap.verifyPin('sign', 'ABC123');
    await direct.verifyPin('sign', 'ABC123');
    const mark = dev.usbLog.length;
    const apdusBefore = card.log.length;
    for (const kind of ['auth', 'auth-ca', 'sign', 'sign-ca'] as const) {
      expect(hex(await ap.readCertificate(kind))).toBe(hex(await direct.readCertificate(kind)));
    }
    const apdus = card.log.length - apdusBefore;
    const xfrs = dev.usbLog.slice(mark).filter((l) => l.dir === 'out' && l.bytes[0] === 0x6f);
    expect(xfrs).toHaveLength(apdus); // no R-block: every answer came in one I-block
    const reads = card.log.slice(apdusBefore).filter((e) => e.command.startsWith('00 B0 '));
    expect(reads.length).toBeGreaterThan(20);
    expect(reads.every((e) => e.response.split(' ').length <= 252)).toBe(true);
    await reader.close();
  });
});

describe('PIN bytes do not outlive the exchange in the double (house rule 7)', () => {
  const ascii = (pin: string) => hex(new TextEncoder().encode(pin));
  for (const profile of ['scr3310-nttcom', 'class0b-extended'] as const) {
    it(`${profile}: after VERIFY (right and wrong) and CHANGE REFERENCE DATA, usbLog and the logs hold no PIN byte`, async () => {
      const { card, dev, reader } = await setup(profile);
      const atr = await reader.powerOn();
      const ap = new JpkiAp({ atr, capabilities: reader.apduLimits, transmit: (a) => reader.transmit(a), close: () => reader.powerOff() });
      await ap.verifyPin('auth', '1234');
      await expect(ap.verifyPin('sign', 'ZQ9X7W')).rejects.toThrow();
      await ap.changePin('auth', '1234', '8642');
      await ap.verifyPin('auth', '8642');
      const pins = ['1234', 'ZQ9X7W', '8642'].map(ascii);
      expect(verifies(card)).toBe(3); // the counter the fault tests rely on does see VERIFYs
      const out = dev.usbLog.filter((l) => l.dir === 'out').map((l) => hex(l.bytes));
      // The commands did reach the double (headers intact), only their PIN data is gone.
      expect(out.filter((o) => o.includes('00 20 00 80 04 00 00 00 00')).length).toBeGreaterThanOrEqual(2);
      expect(out.some((o) => o.includes('00 24 01 80 04 00 00 00 00'))).toBe(true);
      for (const pin of pins) {
        expect(out.some((o) => o.includes(pin))).toBe(false);
        expect(dev.log.events().some((e) => e.hex?.includes(pin))).toBe(false);
        expect(card.log.some((e) => e.command.includes(pin.toUpperCase()))).toBe(false);
      }
      await reader.close();
    });
  }
});

describe('host side: no buffer handed to transferOut keeps a PIN after the call (house rule 7)', () => {
  it('SCR3310 (TPDU) and class 0x0B (APDU level): the XfrBlock buffers of a VERIFY are zeroed', async () => {
    for (const profile of ['scr3310-nttcom', 'class0b-extended'] as const) {
      const { dev, reader } = await setup(profile);
      const handed: Uint8Array[] = [];
      const transferOut = dev.transferOut.bind(dev);
      dev.transferOut = (ep: number, data: BufferSource) => {
        handed.push(data as Uint8Array);
        return transferOut(ep, data);
      };
      await reader.powerOn();
      expect(hex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
      expect(hex(await reader.transmit(SELECT_AUTH_PIN))).toBe('90 00');
      const mark = handed.length;
      const verify = VERIFY_WRONG.slice();
      expect(hex(await reader.transmit(verify))).toBe('63 c2');
      expect(handed.length).toBeGreaterThan(mark);
      expect(handed.slice(mark).every((b) => b.every((x) => x === 0))).toBe(true);
      expect(hex(verify)).toBe(hex(VERIFY_WRONG)); // the caller's own buffer is the caller's (card layer) to wipe
      await reader.close();
    }
  });
});

describe('transcript', () => {
  it('records every CCID frame, and only lengths while a sensitive operation runs', async () => {
    const transcript = new Transcript();
    const card = createVirtualMyNumberCard();
    const reader = await openCcidReader(createVirtualReader('scr3310-nttcom', card), { transcript });
    await reader.powerOn();
    await reader.transmit(SELECT_JPKI);
    await reader.transmit(SELECT_AUTH_PIN);
    const before = transcript.events().length;
    await transcript.sensitive(() => reader.transmit(VERIFY_WRONG));
    const all = transcript.events();
    expect(all.some((e) => e.layer === 'ccid' && e.dir === 'out' && e.hex?.startsWith('62'))).toBe(true);
    const during = all.slice(before).filter((e) => e.layer === 'ccid' && e.dir !== 'note');
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(during.every((e) => e.redacted === true && e.hex === undefined && (e.length ?? 0) > 0)).toBe(true);
    expect(JSON.stringify(all.slice(before))).not.toContain('39 39 39 39');
    await reader.close();
  });
});

describe('the other doubles', () => {
  it('SCR331-DI-NTTCom: slot 0 is the contact slot', async () => {
    const { card, reader } = await setup('scr331-di-nttcom');
    expect(reader.descriptor.slots).toBe(2);
    expect(hex(await reader.powerOn())).toBe(hex(card.atr));
    await selectCert(reader);
    expect(hex(await reader.transmit(READ(0)))).toBe(await expectedRead(0));
    await reader.close();
  });

  it('SCR331-DI-NTTCom: the contactless slot 1 is refused with a named error', async () => {
    const dev = createVirtualReader('scr331-di-nttcom', createVirtualMyNumberCard());
    expect(await codeOf(openCcidReader(dev, { slot: 1 }))).toBe('unsupported-reader');
  });

  it('hears a card being inserted', async () => {
    const dev: CcidReaderDouble = createVirtualReader('scr3310-nttcom');
    const reader = await openCcidReader(dev, { timeoutMs: 1500 });
    expect(await reader.cardPresent()).toBe(false);
    expect(await codeOf(reader.powerOn())).toBe('card-absent');
    const inserted = new Promise<boolean>((resolve) => reader.onCardChange(resolve));
    const card = createVirtualMyNumberCard();
    dev.insertCard(card);
    expect(await inserted).toBe(true);
    expect(hex(await reader.powerOn())).toBe(hex(card.atr));
    await reader.close();
  });

  it('GemPC Twin (TPDU, no automatic PPS): the host sends PPS FF 11 13 FD, then SetParameters', async () => {
    const { dev, reader } = await setup('gempc-twin');
    await reader.powerOn();
    expect(reader.session?.plan).toMatchObject({ pps: true, setParameters: true, fiDi: 0x13 });
    const outs = dev.usbLog.filter((l) => l.dir === 'out').map((l) => hex(l.bytes));
    const pps = outs.findIndex((o) => o.startsWith('6f') && o.endsWith('ff 11 13 fd'));
    const setp = outs.findIndex((o) => o.startsWith('61'));
    expect(pps).toBeGreaterThan(0);
    expect(setp).toBeGreaterThan(pps);
    await selectCert(reader);
    expect(hex(await reader.transmit(READ(0)))).toBe(await expectedRead(0));
    await reader.close();
  });

  it('class-0x0B extended-APDU reader: protected-class from a page, with the catalogue name', async () => {
    const dev = createVirtualReader('class0b-extended', createVirtualMyNumberCard());
    const err = await openReader(dev, { platform: 'Mac OS X' }).catch((e: unknown) => e);
    expect(isLensError(err, 'protected-class')).toBe(true);
    expect(isLensError(err) && err.params.name).toBe(lookupReader(dev.vendorId, dev.productId)?.name ?? dev.productName);
  });

  it('class-0x0B extended-APDU reader, claimable as an IWA could: chained responses', async () => {
    const { dev, reader } = await setup('class0b-extended');
    expect(reader.descriptor.exchangeLevel).toBe('extended-apdu');
    await reader.powerOn();
    await selectCert(reader);
    dev.faults.arm('chain-response', { chunk: 100 });
    expect(hex(await reader.transmit(READ(0)))).toBe(await expectedRead(0));
    for (const zlp of [false, true]) {
      dev.faults.arm('boundary-length', { zlp });
      dev.faults.arm('chain-response', { chunk: 100 });
      expect(hex(await reader.transmit(READ(256)))).toBe(await expectedRead(256));
    }
    expect(dev.faults.fired.filter((f) => f.name === 'boundary-length')).toHaveLength(2);
    const ext = Uint8Array.from([0x00, 0xb0, 0x00, 0x00, 0x00, 0x06, 0x00]); // extended Le = 1536
    const whole = await reader.transmit(ext);
    expect(whole.length).toBe(1538);
    expect(hex(whole.subarray(0, 256))).toBe((await expectedRead(0)).slice(0, 256 * 3 - 1));
    await reader.close();
  });
});
