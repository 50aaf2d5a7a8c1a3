/**
 * The RC-S300 host driver and double against real measurements:
 * ../shared/corpus/real/rcs300-espusbhost-measured.txt (EspUsbHost on a real RC-S300/S, interface 0,
 * XfrBlock; no Type B card) and the second, unconfirmed source in ../shared/corpus/real/README.md's
 * last section (Escape 0x6B on interface 1; "a 2-byte Le is rejected with 67 00"). The comparison
 * table is in src/readers/sony/rcs300/driver.ts's header.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JpkiAp } from '../../../../src/card/jpki';
import { parseCcidDescriptor } from '../../../../src/readers/ccid/descriptor';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { openRcs300 } from '../../../../src/readers/sony/rcs300/driver';
import {
  exchangeResult, expectOk, manageSession, MAX_EXCHANGE_FRAME, nameGeneric, parseTransparentResponse, transparentExchange,
} from '../../../../src/readers/sony/rcs300/transparent';
import { createVirtualMyNumberCard, DEFAULT_PINS } from '../../../../src/sim';
import { RCS300_CONFIGURATION, Rcs300Double } from '../../../../src/sim/sony';

const MEASURED = readFileSync('../shared/corpus/real/rcs300-espusbhost-measured.txt', 'utf8');
const README = readFileSync('../shared/corpus/real/README.md', 'utf8').replace(/\s+/g, ' ');

/** A `NAME = "hex"` constant of the probe (§B). */
const probeConstant = (name: string): string => {
  const m = new RegExp(`^${name} = "([0-9a-f ]+)"`, 'm').exec(MEASURED);
  if (!m) throw new Error(`${name} not in the measured file`);
  return m[1].toUpperCase();
};

/** The `CCID_INTERFACE key=value …` line (§A). */
const measuredInterface = (): Record<string, string> =>
  Object.fromEntries(/^CCID_INTERFACE (.*)$/m.exec(MEASURED)![1].split(' ').map((kv) => kv.split('=') as [string, string]));

/** One USB descriptor of a raw configuration by type, in order. */
function descriptors(raw: Uint8Array, type: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < raw.length; at += raw[at]) if (raw[at + 1] === type) out.push(raw.subarray(at, at + raw[at]));
  return out;
}

const escape = (seq: number, apdu: Uint8Array) => Uint8Array.of(0x6b, apdu.length & 0xff, apdu.length >> 8, 0, 0, 0, seq, 0, 0, 0, ...apdu);

async function call(d: Rcs300Double, seq: number, apdu: string | Uint8Array): Promise<string> {
  await d.transferOut(2, escape(seq, typeof apdu === 'string' ? fromHex(apdu) : apdu));
  let out = new Uint8Array(0);
  for (;;) {
    const part = new Uint8Array((await d.transferIn(2, 64)).data!.buffer);
    out = Uint8Array.of(...out, ...part);
    if (part.length < 64) return toHex(out.subarray(10));
  }
}

async function inSession(card = createVirtualMyNumberCard()): Promise<Rcs300Double> {
  const d = new Rcs300Double({ card });
  await d.open();
  await d.selectConfiguration(1);
  await d.claimInterface(1);
  await call(d, 0, 'FF 50 00 00 02 81 00 00');
  await call(d, 1, 'FF 50 00 00 02 83 00 00');
  await call(d, 2, 'FF 50 00 00 02 84 00 00');
  await call(d, 3, 'FF 50 00 02 04 8F 02 01 03 00');
  return d;
}

describe('rcs300-espusbhost-measured.txt §A: the USB and CCID descriptor', () => {
  it('the double\'s interface 0 carries the measured CCID values and endpoints', () => {
    const m = measuredInterface();
    const d = parseCcidDescriptor(descriptors(RCS300_CONFIGURATION, 0x21)[0]);
    expect(d.bcdCCID.toString(16).padStart(4, '0')).toBe(m.bcd);
    expect(String(d.slots)).toBe(m.slots);
    expect(`0x${d.voltageSupport.toString(16).padStart(2, '0')}`).toBe(m.voltage);
    expect(d.protocols).toEqual(['T=1']); // protocols=0x00000002
    expect(m.protocols).toBe('0x00000002');
    expect(`0x${d.featuresMask.toString(16).padStart(8, '0')}`).toBe(m.features);
    expect(d.exchangeLevel).toBe('extended-apdu'); // "exchange=3", the author's "extended APDU level"
    expect(String(d.maxMessageLength)).toBe(m.maxMessage);
    const iface0Endpoints = descriptors(RCS300_CONFIGURATION, 0x05).slice(0, 3).map((e) => `0x${e[2].toString(16).padStart(2, '0')}`);
    expect(iface0Endpoints.sort()).toEqual([m.in, m.out, m.interrupt].sort());
  });

  it('the double names itself as the measured device (054c:0dc8 "FeliCa Port/PaSoRi 4.0")', () => {
    const d = new Rcs300Double();
    const line = /^connected: .*vid=([0-9a-f]{4}) pid=([0-9a-f]{4}) product="([^"]+)"/m.exec(MEASURED)!;
    expect([d.vendorId.toString(16).padStart(4, '0'), d.productId.toString(16).padStart(4, '0'), d.productName]).toEqual([line[1], line[2], line[3]]);
  });
});

describe('rcs300-espusbhost-measured.txt §B: the transparent-session pseudo-APDUs', () => {
  it('the host\'s session pseudo-APDUs are the probe\'s constants byte for byte', () => {
    expect(toHex(manageSession(0x81))).toBe(probeConstant('START_SESSION'));
    expect(toHex(manageSession(0x82))).toBe(probeConstant('END_SESSION'));
    expect(toHex(manageSession(0x83))).toBe(probeConstant('RF_OFF'));
    expect(toHex(manageSession(0x84))).toBe(probeConstant('RF_ON'));
  });

  it('an exchange is the short form `FF 50 00 01 Lc objects 00` with the probe\'s timer object', () => {
    expect(MEASURED).toContain('FF 50 00 <P2> <Lc> <objects> 00');
    const apdu = transparentExchange(fromHex('05 00 10'), 1_000_000);
    expect(toHex(apdu)).toBe(`FF 50 00 01 0E ${probeConstant('TIMEOUT_1S')} 95 82 00 03 05 00 10 00`);
    expect(apdu[4]).toBe(apdu.length - 6); // one-byte Lc, one-byte Le
  });

  it('the largest frame fits one short Lc; a larger one is refused before anything is sent', () => {
    expect(transparentExchange(new Uint8Array(MAX_EXCHANGE_FRAME), 1000)[4]).toBe(255);
    expect(() => transparentExchange(new Uint8Array(MAX_EXCHANGE_FRAME + 1), 1000)).toThrow(RangeError);
  });

  it('the measured result codes are named as measured; NO_ANSWER is an RF time-out', () => {
    const codes: [number, number, string][] = [[0x00, 0x9000, 'ok'], [0x01, 0x6301, 'refused'], [0x01, 0x6401, 'malformed'], [0x01, 0x6700, 'wrong-object-length'], [0x01, 0x6a81, 'unsupported-value'], [0x02, 0x6401, 'no-answer']];
    for (const [result, sw, name] of codes) expect(nameGeneric(result, sw)).toBe(name);
    expect(() => exchangeResult(parseTransparentResponse(fromHex(probeConstant('NO_ANSWER'))))).toThrow(/rf-timeout/);
  });

  it('the measured successful-exchange layout (§D) gives the card\'s frame', () => {
    const frame = `14 01 ${'01 14 B5 F2 C3 D4 E5 F6 '}00 F0 00 00 00 01 0B 4B 00 03`;
    expect(toHex(exchangeResult(parseTransparentResponse(fromHex(`C0 03 00 90 00 92 01 00 96 02 00 00 97 14 ${frame} 90 00`))))).toBe(toHex(fromHex(frame)));
  });
});

describe('the double answers as measured', () => {
  it('session commands: C0 03 00 90 00 + 90 00 (real and second source)', async () => {
    expect(README).toContain('session commands answer C0 03 00 90 00 + 90 00');
    const d = new Rcs300Double();
    await d.open();
    await d.selectConfiguration(1);
    await d.claimInterface(1);
    expect(await call(d, 0, probeConstant('START_SESSION'))).toBe('C0 03 00 90 00 90 00');
    expect(await call(d, 1, probeConstant('RF_ON'))).toBe('C0 03 00 90 00 90 00');
  });

  it('an extended pseudo-APDU with a 2-byte Le is answered 67 00 (second source); the same objects short are answered', async () => {
    expect(README).toContain('Extended length with a 2-byte Le is rejected with 67 00');
    const d = await inSession();
    const objects = `${probeConstant('TIMEOUT_1S')} 95 82 00 03 05 00 10`;
    expect(await call(d, 4, `FF 50 00 01 00 00 0E ${objects} 00 00`)).toBe('67 00');
    expect(await call(d, 5, `FF 50 00 01 0E ${objects} 00`)).toMatch(/^C0 03 00 90 00 92 01 00 96 02 00 00 97 0C 50 /);
  });

  it('switch protocol with a one-byte value is 01/6700; INS C2 is answered like INS 50', async () => {
    const d = await inSession();
    expect(await call(d, 4, 'FF 50 00 02 03 8F 01 03 00')).toBe('C0 03 01 67 00 90 00');
    expect(await call(d, 5, 'FF C2 00 00 02 83 00 00')).toBe('C0 03 00 90 00 90 00');
  });

  it('a bit-framing object is refused: 90 01 x → 01/6700, 90 02 x x → 03/6401', async () => {
    const d = await inSession();
    const t = probeConstant('TIMEOUT_1S');
    expect(await call(d, 4, `FF 50 00 01 11 ${t} 90 01 00 95 82 00 03 05 00 10 00`)).toBe('C0 03 01 67 00 90 00');
    expect(await call(d, 5, `FF 50 00 01 12 ${t} 90 02 00 00 95 82 00 03 05 00 10 00`)).toBe('C0 03 03 64 01 90 00');
  });

  it('the timer object is mandatory in an exchange', async () => {
    const d = await inSession();
    expect(await call(d, 4, 'FF 50 00 01 07 95 82 00 03 05 00 10 00')).toBe('C0 03 01 64 01 90 00');
  });

  it('an answer without C0 (the bare 67 00) fails the exchange as a session error, not as an RF time-out', () => {
    expect(() => exchangeResult(parseTransparentResponse(fromHex('67 00')))).toThrow(/rcs300-session-error.*sw=6700/);
    expect(() => expectOk('start session', parseTransparentResponse(fromHex('67 00')))).toThrow(/rcs300-session-error/);
  });
});

describe('the host never sends an extended Le through the RC-S300', () => {
  it('a whole read, a VERIFY and a signature: every pseudo-APDU is short, every card APDU is short', async () => {
    const card = createVirtualMyNumberCard();
    const device = new Rcs300Double({ card });
    const reader = await openRcs300(device);
    expect(reader.apduLimits.extendedLength).toBe(false);
    await reader.powerOn();
    const jpki = new JpkiAp(reader.channel());
    await jpki.readCertificate('auth');
    await jpki.readCertificate('sign-ca');
    await jpki.verifyPin('auth', DEFAULT_PINS.auth);
    await jpki.sign('auth', new Uint8Array(51).fill(0x30));
    await reader.close();

    expect(device.pseudoApdus.length).toBeGreaterThan(20);
    for (const a of device.pseudoApdus) {
      if (a[1] === 0x56) continue; // FF 56 00 00, no body
      expect(a[4], toHex(a.subarray(0, 8))).not.toBe(0x00); // no extended Lc marker
      expect(a.length, toHex(a.subarray(0, 8))).toBe(5 + a[4] + 1); // Lc data Le, Le one byte
    }
    const commands = device.picc!.executed.map((e) => e.command);
    expect(commands.length).toBeGreaterThan(5);
    for (const c of commands) {
      // A short APDU is 4, 5, 5+Lc or 5+Lc+1 bytes with Lc ≠ 0 (ISO/IEC 7816-4 §5.1); extended has 00 at byte 4 and more.
      const short = c.length <= 5 || (c[4] !== 0 && (c.length === 5 + c[4] || c.length === 6 + c[4]));
      expect(short, toHex(c)).toBe(true);
    }
  });

  it('frames stay at 128 bytes (FSD and FSC), so each answer fits the short Le', async () => {
    const device = new Rcs300Double({ card: createVirtualMyNumberCard() });
    const reader = await openRcs300(device);
    await reader.powerOn();
    expect(reader.activeSession).toMatchObject({ fsc: 128, fsd: 128 });
    await reader.close();
  });
});
