import { describe, expect, it } from 'vitest';
import { TypeBPicc } from '../../../../src/sim/picc/type-b-picc';
import { RfField } from '../../../../src/sim/picc/rf-field';

const h = (s: string) => Uint8Array.from(s.trim().split(/\s+/).map((x) => parseInt(x, 16)));
const x = (b: Uint8Array | undefined) => (b ? Array.from(b, (v) => v.toString(16).padStart(2, '0').toUpperCase()).join(' ') : 'silent');

/** Echo card: answers the command bytes back with 90 00, or `size` bytes for READ BINARY Le 00. */
const card = {
  async transmit(apdu: Uint8Array) {
    if (apdu[1] === 0xb0) return Uint8Array.from({ length: 258 }, (_, i) => (i < 256 ? i & 0xff : i === 256 ? 0x90 : 0x00));
    return Uint8Array.of(...apdu, 0x90, 0x00);
  },
};

async function active(opts = {}) {
  const picc = new TypeBPicc(card, opts);
  picc.setField(true);
  expect(x(await picc.receive(h('05 00 10')))).toBe('50 3A 5C 01 9E 00 00 05 E0 B3 81 A1');
  expect(x(await picc.receive(h('1D 3A 5C 01 9E 00 08 01 00')))).toBe('00');
  return picc;
}

describe('TypeBPicc layer 3 (ISO/IEC 14443-3 §7)', () => {
  it('is silent with the field off, answers REQB in IDLE, ATTRIB with its PUPI only', async () => {
    const picc = new TypeBPicc(card);
    expect(await picc.receive(h('05 00 00'))).toBeUndefined();
    picc.setField(true);
    expect(await picc.receive(h('1D 3A 5C 01 9E 00 08 01 00'))).toBeUndefined(); // not READY yet
    await picc.receive(h('05 00 00'));
    expect(await picc.receive(h('1D 00 00 00 00 00 08 01 00'))).toBeUndefined();
    expect(x(await picc.receive(h('1D 3A 5C 01 9E 00 A8 01 00')))).toBe('00');
    expect(picc.rates).toEqual({ pcdToPicc: 424, piccToPcd: 424 });
    expect(picc.fsd).toBe(256);
  });

  it('refuses bit rates it did not advertise (00 81 D1 = 106 only)', async () => {
    const picc = new TypeBPicc(card, { protocolInfo: h('00 81 D1') });
    picc.setField(true);
    await picc.receive(h('05 00 00'));
    expect(await picc.receive(h('1D 3A 5C 01 9E 00 58 01 00'))).toBeUndefined();
    expect(x(await picc.receive(h('1D 3A 5C 01 9E 00 08 01 00')))).toBe('00');
  });

  it('after S(DESELECT) (HALT) only WUPB wakes it', async () => {
    const picc = await active();
    expect(x(await picc.receive(h('C2')))).toBe('C2');
    expect(picc.state).toBe('halt');
    expect(await picc.receive(h('05 00 10'))).toBeUndefined();
    expect(await picc.receive(h('05 00 18'))).toBeDefined();
  });
});

describe('TypeBPicc blocks (ISO/IEC 14443-4 PICC rules)', () => {
  it('answers I(0) with I(0), then I(1) with I(1), executing each APDU once', async () => {
    const picc = await active();
    expect(x(await picc.receive(h('02 00 A4')))).toBe('02 00 A4 90 00');
    expect(x(await picc.receive(h('03 00 A5')))).toBe('03 00 A5 90 00');
    expect(picc.executed.length).toBe(2);
  });

  it('chains a 258-byte answer in FSD-3 parts and repeats the last block on R(ACK)/R(NAK) of its number', async () => {
    const picc = await active();
    const first = await picc.receive(h('02 00 B0 00 00 00'));
    expect([first?.[0], first?.length]).toEqual([0x12, 254]);
    expect(x(await picc.receive(h('B3'))).slice(0, 2)).toBe('A2'); // NAK with the other number → R(ACK)
    const second = await picc.receive(h('A3'));
    expect(x(second)).toBe('03 FD FE FF 90 00');
    expect(x(await picc.receive(h('A3')))).toBe('03 FD FE FF 90 00'); // same number → repeat
    expect(picc.executed.length).toBe(1);
  });

  it('acknowledges a chained command part with R(ACK) and runs the whole command once', async () => {
    const picc = await active();
    expect(x(await picc.receive(h('12 00 20 00')))).toBe('A2');
    expect(x(await picc.receive(h('B2')))).toBe('A2'); // lost ACK → R(NAK 0) → same R(ACK) again
    expect(x(await picc.receive(h('03 80 00')))).toBe('03 00 20 00 80 00 90 00');
    expect(picc.executed.length).toBe(1);
  });

  it('asks for WTX before answering when told to', async () => {
    const picc = await active();
    picc.pendingWtx.push(5);
    expect(x(await picc.receive(h('02 80 2A')))).toBe('F2 05');
    expect(x(await picc.receive(h('F2 05')))).toBe('02 80 2A 90 00');
  });

  it('stays silent on an invalid block', async () => {
    const picc = await active();
    expect(await picc.receive(h('0A 00 00'))).toBeUndefined(); // CID we did not assign
    expect(await picc.receive(h('42'))).toBeUndefined();
  });
});

describe('RfField', () => {
  it('loses a command, loses a response, corrupts one, and loses the card — counting air time', async () => {
    const field = new RfField(new TypeBPicc(card));
    const r = { pcdToPicc: 106, piccToPcd: 106 };
    field.inject('lose-command');
    expect((await field.transceive(h('05 00 10'), r, 30_000)).kind).toBe('timeout');
    expect((await field.transceive(h('05 00 10'), r, 30_000)).kind).toBe('frame');
    field.inject('corrupt-response');
    expect((await field.transceive(h('05 00 18'), r, 30_000)).kind).toBe('crc-error');
    field.inject('remove-card');
    expect((await field.transceive(h('05 00 18'), r, 30_000)).kind).toBe('timeout');
    expect(field.stats.timeouts).toBe(2);
    expect(field.stats.airTimeUs).toBeGreaterThan(60_000);
  });

  it('does not pass frames when the reader is not set for Type B, or runs another rate than agreed', async () => {
    const picc = await active();
    const field = new RfField();
    field.on = true;
    field.picc = picc;
    expect((await field.transceive(h('02 00'), { pcdToPicc: 106, piccToPcd: 106 }, 1000, false)).kind).toBe('timeout');
    picc.rates = { pcdToPicc: 424, piccToPcd: 424 };
    expect((await field.transceive(h('02 00'), { pcdToPicc: 106, piccToPcd: 106 }, 1000)).kind).toBe('timeout');
    expect((await field.transceive(h('02 00'), { pcdToPicc: 424, piccToPcd: 424 }, 1000)).kind).toBe('frame');
  });
});

describe('TypeBPicc power: the chip is reset whenever the field powers it up or down (ISO/IEC 14443-3 §6.2)', () => {
  it('calls the card\'s reset() on every change of power, not on a repeated setField', () => {
    let resets = 0;
    const resettable = { transmit: (apdu: Uint8Array) => card.transmit(apdu), reset: () => (resets++, Uint8Array.of(0x3b, 0x00)) };
    const picc = new TypeBPicc(resettable);
    picc.setField(false); // already off: nothing happens
    expect(resets).toBe(0);
    picc.setField(true);
    expect(resets).toBe(1);
    picc.setField(true); // still on (e.g. ATTRIB after a field already on)
    expect(resets).toBe(1);
    picc.setField(false);
    expect(resets).toBe(2);
  });
});
