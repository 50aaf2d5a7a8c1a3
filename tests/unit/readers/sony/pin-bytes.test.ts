/**
 * House rule 7 through both Sony doubles: after a VERIFY, no PIN byte remains in the double's USB log
 * (its buffers are the usbLog entries), its RF log, its command lists or the PICC's executed list;
 * and every buffer the host handed to transferOut during the VERIFY has been zeroed.
 */
import { describe, expect, it } from 'vitest';
import { JpkiAp } from '../../../../src/card/jpki';
import { toHex } from '../../../../src/readers/isodep/bytes';
import { createVirtualMyNumberCard } from '../../../../src/sim';
import { Rcs300Double, Rcs380Double } from '../../../../src/sim/sony';
import { sonyDoubles } from './sony-doubles';

const ascii = (pin: string) => toHex(new TextEncoder().encode(pin));

describe.each(Object.entries(sonyDoubles))('PIN bytes after a VERIFY through the %s double', (_name, d) => {
  it('usbLog, the RF log and the executed list hold the VERIFY headers but no PIN byte', async () => {
    const card = createVirtualMyNumberCard();
    const device = d.make(card);
    const reader = await d.open(device);
    await reader.powerOn();
    const ap = new JpkiAp(reader.channel());
    await ap.verifyPin('auth', '1234');
    await expect(ap.verifyPin('sign', 'ZQ9X7W')).rejects.toThrow();
    const outs = device.usbLog.filter((l) => l.dir === 'out').map((l) => toHex(l.bytes));
    // The VERIFYs did go through USB (header intact, data zeroed) ...
    expect(outs.filter((o) => o.includes('00 20 00 80 04 00 00 00 00')).length).toBeGreaterThanOrEqual(1);
    expect(outs.some((o) => o.includes('00 20 00 80 06 00 00 00 00 00 00'))).toBe(true);
    expect(device.picc?.executed.filter((e) => e.command[1] === 0x20 && e.command.length > 5)).toHaveLength(2);
    // ... and their PINs are nowhere.
    for (const pin of ['1234', 'ZQ9X7W'].map(ascii)) {
      expect(outs.some((o) => o.includes(pin))).toBe(false);
      expect(device.field.log.some((f) => toHex(f.toCard).includes(pin))).toBe(false);
      expect(device.picc?.executed.some((e) => toHex(e.command).includes(pin))).toBe(false);
    }
    if (device instanceof Rcs380Double) expect(device.commands.some((c) => toHex(c.params).includes(ascii('1234')))).toBe(false);
    if (device instanceof Rcs300Double) expect(device.pseudoApdus.some((a) => toHex(a).includes(ascii('1234')))).toBe(false);
    await reader.close();
  });

  it('host side: every buffer handed to transferOut for the VERIFY is zeroed after the call', async () => {
    const card = createVirtualMyNumberCard();
    const device = d.make(card);
    const handed: Uint8Array[] = [];
    const transferOut = device.transferOut.bind(device);
    device.transferOut = (ep: number, data: BufferSource) => {
      handed.push(data as Uint8Array);
      return transferOut(ep, data);
    };
    const reader = await d.open(device);
    await reader.powerOn();
    const ap = new JpkiAp(reader.channel());
    await ap.verifyPin('auth', '1234'); // selects the AP and the PIN EF first
    const mark = handed.length;
    const logMark = device.usbLog.length;
    await ap.verifyPin('auth', '1234');
    const during = handed.slice(mark);
    expect(during.length).toBeGreaterThan(0);
    const pin = ascii('1234');
    expect(during.some((b) => toHex(b).includes(pin))).toBe(false);
    // it did carry the VERIFY: the device saw it (as a header with zeroed data)
    expect(device.usbLog.slice(logMark).some((l) => l.dir === 'out' && toHex(l.bytes).includes('00 20 00 80 04'))).toBe(true);
    await reader.close();
  });
});
