/**
 * The RC-S300 double at the wire, without the host driver: interface layout, the Escape framing and
 * the transparent-session answers of the corpus trace (traces/rcs300-vendor-if1-escape.txt).
 */
import { describe, expect, it } from 'vitest';
import { Rcs300Double } from '../../../../src/sim/sony';
import { createVirtualMyNumberCard } from '../../../../src/sim';

const h = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g) ?? [], (x) => parseInt(x, 16));
const x = (b: Uint8Array) => Array.from(b, (v) => v.toString(16).padStart(2, '0').toUpperCase()).join(' ');
const escape = (seq: number, apdu: string) => {
  const d = h(apdu);
  return Uint8Array.of(0x6b, d.length & 0xff, d.length >> 8, 0, 0, 0, seq, 0, 0, 0, ...d);
};

async function ready(d: Rcs300Double) {
  await d.open();
  await d.selectConfiguration(1);
  await d.claimInterface(1);
}

async function call(d: Rcs300Double, seq: number, apdu: string): Promise<string> {
  await d.transferOut(2, escape(seq, apdu));
  let out = new Uint8Array(0);
  for (;;) {
    const part = new Uint8Array((await d.transferIn(2, 64)).data!.buffer);
    out = Uint8Array.of(...out, ...part);
    if (part.length < 64) return x(out);
  }
}

describe('RC-S300 double: USB layout', () => {
  it('has #0 CCID 0x0B with the libccid class descriptor and #1 vendor 0xFF (bulk 0x02/0x82)', () => {
    const d = new Rcs300Double();
    const [if0, if1] = d.configurations[0].interfaces;
    expect([if0.interfaceNumber, if0.alternate.interfaceClass, if1.interfaceNumber, if1.alternate.interfaceClass]).toEqual([0, 0x0b, 1, 0xff]);
    expect(if0.alternate.endpoints.map((e) => [e.endpointNumber, e.direction, e.type])).toEqual([[1, 'out', 'bulk'], [1, 'in', 'bulk'], [3, 'in', 'interrupt']]);
    expect(if1.alternate.endpoints.map((e) => [e.endpointNumber, e.direction, e.packetSize])).toEqual([[2, 'out', 64], [2, 'in', 64]]);
    expect([d.vendorId, d.productId, d.productName]).toEqual([0x054c, 0x0dc8, 'FeliCa Port/PaSoRi 4.0']);
  });

  it('refuses interface 0 to a page (protected class), and allows it to an "unrestricted" app', async () => {
    const d = new Rcs300Double();
    await d.open();
    await d.selectConfiguration(1);
    await expect(d.claimInterface(0)).rejects.toMatchObject({ name: 'SecurityError' });
    const iwa = new Rcs300Double({ allowProtectedClasses: true });
    await iwa.open();
    await iwa.selectConfiguration(1);
    await expect(iwa.claimInterface(0)).resolves.toBeUndefined();
  });
});

describe('RC-S300 double: the trace\'s answers', () => {
  it('session objects answer `83 07 … bSeq 02 00 00 | C0 03 00 90 00 90 00`', async () => {
    const d = new Rcs300Double();
    await ready(d);
    expect(await call(d, 1, 'FF 50 00 00 02 81 00 00')).toBe('83 07 00 00 00 00 01 02 00 00 C0 03 00 90 00 90 00');
    expect(await call(d, 2, 'FF 50 00 00 02 83 00 00')).toBe('83 07 00 00 00 00 02 02 00 00 C0 03 00 90 00 90 00');
    expect(await call(d, 3, 'FF 50 00 00 02 84 00 00')).toBe('83 07 00 00 00 00 03 02 00 00 C0 03 00 90 00 90 00');
    expect(await call(d, 4, 'FF 50 00 02 04 8F 02 03 00 00')).toBe('83 07 00 00 00 00 04 02 00 00 C0 03 00 90 00 90 00');
  });

  it('firmware version: `83 14 …` with the trace\'s 18 bytes and 90 00', async () => {
    const d = new Rcs300Double();
    await ready(d);
    expect(await call(d, 0, 'FF 56 00 00')).toBe('83 14 00 00 00 00 00 02 00 00 00 00 01 00 01 00 FF FF 04 01 FF FF 01 00 FF FF 00 00 90 00');
  });

  it('a FeliCa poll with no FeliCa card answers `C0 03 02 64 01 90 00` (no answer from the field)', async () => {
    const d = new Rcs300Double({ card: createVirtualMyNumberCard() });
    await ready(d);
    await call(d, 0, 'FF 50 00 00 02 81 00 00');
    await call(d, 1, 'FF 50 00 00 02 84 00 00');
    await call(d, 2, 'FF 50 00 02 04 8F 02 03 00 00');
    expect(await call(d, 3, 'FF 50 00 01 11 5F 46 04 A0 86 01 00 95 82 00 06 06 00 FF FF 01 00 00')).toBe('83 07 00 00 00 00 03 02 00 00 C0 03 02 64 01 90 00');
  });

  it('a Type B REQB in a transceive object returns the ATQB in 97 after C0/92/96', async () => {
    const d = new Rcs300Double({ card: createVirtualMyNumberCard() });
    await ready(d);
    await call(d, 0, 'FF 50 00 00 02 81 00 00');
    await call(d, 1, 'FF 50 00 00 02 84 00 00');
    await call(d, 2, 'FF 50 00 02 04 8F 02 01 03 00');
    expect(await call(d, 3, 'FF 50 00 01 0E 5F 46 04 30 75 00 00 95 82 00 03 05 00 10 00')).toBe(
      '83 1C 00 00 00 00 03 02 00 00 C0 03 00 90 00 92 01 00 96 02 00 00 97 0C 50 3A 5C 01 9E 00 00 05 E0 B3 81 A1 90 00',
    );
  });

  it('refuses objects outside a session, a missing timer, and unknown protocols', async () => {
    const d = new Rcs300Double({ card: createVirtualMyNumberCard() });
    await ready(d);
    expect(await call(d, 0, 'FF 50 00 00 02 84 00 00')).toContain('C0 03 01 63 01 90 00');
    await call(d, 1, 'FF 50 00 00 02 81 00 00');
    expect(await call(d, 2, 'FF 50 00 01 07 95 82 00 03 05 00 10 00')).toContain('C0 03 01 64 01 90 00');
    expect(await call(d, 3, 'FF 50 00 02 04 8F 02 01 04 00')).toContain('C0 03 01 6A 81 90 00');
  });

  it('answers a non-Escape message with a failed SlotStatus (command not supported)', async () => {
    const d = new Rcs300Double();
    await ready(d);
    await d.transferOut(2, Uint8Array.of(0x62, 0, 0, 0, 0, 0, 9, 0, 0, 0));
    expect(x(new Uint8Array((await d.transferIn(2, 64)).data!.buffer))).toBe('81 00 00 00 00 00 09 42 00 00');
  });

  it('takes a card off and puts it back like the CCID doubles (removeCard / reinsertCard)', async () => {
    const d = new Rcs300Double({ card: createVirtualMyNumberCard() });
    await ready(d);
    await call(d, 0, 'FF 50 00 00 02 81 00 00');
    await call(d, 1, 'FF 50 00 00 02 84 00 00');
    await call(d, 2, 'FF 50 00 02 04 8F 02 01 03 00');
    const reqb = 'FF 50 00 01 0E 5F 46 04 30 75 00 00 95 82 00 03 05 00 10 00';
    d.removeCard();
    expect(await call(d, 3, reqb)).toContain('C0 03 02 64 01 90 00');
    d.reinsertCard();
    expect(await call(d, 4, reqb)).toContain('97 0C 50');
  });
});
