import { describe, expect, it } from 'vitest';
import { isLensError } from '../../../src/errors';
import { BulkInPipe, BulkOutPipe, newStats, type Framing } from '../../../src/usb/pipes';
import { buildConfigurationDescriptor } from '../../../src/sim/usb/descriptors';
import { UsbDeviceDouble } from '../../../src/sim/usb/usb-device-double';

/** Messages `len LL data…` (2-byte header: type, length); the device sends what a test queues. */
class Device extends UsbDeviceDouble {
  constructor(zlp = false) {
    super({
      identity: { vendorId: 1, productId: 2, manufacturerName: 't', productName: 't' },
      configurationDescriptor: buildConfigurationDescriptor([
        { number: 0, cls: 0xff, endpoints: [{ address: 0x01, type: 'bulk', packetSize: 64 }, { address: 0x82, type: 'bulk', packetSize: 64 }] },
      ]),
      sendsZeroLengthPacket: zlp,
    });
  }
  send(message: Uint8Array) {
    this.sendIn(2, message);
  }
  protected onBulkOut(): void {}
}

const framing: Framing = { headerLength: 2, totalLength: (h) => 2 + h[1], maxLength: 300 };
const message = (n: number, fill = 7) => Uint8Array.from([0xaa, n, ...new Array<number>(n).fill(fill)]);

async function ready(zlp = false) {
  const d = new Device(zlp);
  await d.open();
  await d.selectConfiguration(1);
  await d.claimInterface(0);
  const stats = newStats();
  return { d, stats, pipe: new BulkInPipe(d, 2, 64, stats) };
}

describe('BulkInPipe', () => {
  it('reads lengths that are exact multiples of the packet size from a device without ZLP', async () => {
    const { d, pipe, stats } = await ready();
    for (const n of [62, 126, 190, 0, 1, 63, 64]) {
      d.send(message(n));
      const m = await pipe.readMessage(framing, Date.now() + 1000, 'test');
      expect(m.length).toBe(n + 2);
    }
    // one packet, then exactly the rest: 64→1, 128→2, 192→2, 2→1, 3→1, 65→2, 66→2
    expect(stats.transfersIn).toBe(11);
  });

  it('a timed-out wait leaves its transfer outstanding and the next read takes it over', async () => {
    const { d, pipe, stats } = await ready();
    const err = await pipe.readMessage(framing, Date.now() + 30, 'first').catch((e: unknown) => e);
    expect(isLensError(err, 'timeout')).toBe(true);
    expect(pipe.hasOutstandingTransfer).toBe(true);
    d.send(message(3));
    expect(Array.from(await pipe.readMessage(framing, Date.now() + 1000, 'second'))).toEqual([0xaa, 3, 7, 7, 7]);
    expect(stats.transfersIn).toBe(1);
  });

  it('reads back-to-back messages, the first exactly one packet long', async () => {
    const { d, pipe } = await ready();
    d.send(message(62, 1));
    d.send(message(2, 2));
    expect((await pipe.readMessage(framing, Date.now() + 1000, 'a')).length).toBe(64);
    expect(Array.from(await pipe.readMessage(framing, Date.now() + 1000, 'b'))).toEqual([0xaa, 2, 2, 2]);
  });

  it('clears a halted endpoint and goes on reading', async () => {
    const { d, pipe, stats } = await ready();
    d.stall(2, 'in');
    d.send(message(5));
    expect((await pipe.readMessage(framing, Date.now() + 1000, 'stall')).length).toBe(7);
    expect(stats.stalls).toBe(1);
  });

  it('refuses a header announcing more than the maximum', async () => {
    const { d, pipe } = await ready();
    d.send(Uint8Array.from([0xaa, 0xff]));
    const err = await pipe.readMessage({ ...framing, maxLength: 100 }, Date.now() + 1000, 'big').catch((e: unknown) => e);
    expect(isLensError(err, 'reader-protocol-error')).toBe(true);
  });
});

describe('BulkOutPipe', () => {
  it('writes, and retries once only when a stall means nothing was accepted', async () => {
    const { d } = await ready();
    const stats = newStats();
    const out = new BulkOutPipe(d, 1, stats);
    d.stall(1, 'out');
    await out.write(Uint8Array.from([1, 2, 3]), Date.now() + 1000, 'w');
    expect(stats).toMatchObject({ transfersOut: 2, bytesOut: 3, stalls: 1 });
    expect(d.usbLog.filter((l) => l.dir === 'out')).toHaveLength(1);
  });
});
