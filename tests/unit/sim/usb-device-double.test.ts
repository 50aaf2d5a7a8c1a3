import { describe, expect, it } from 'vitest';
import { UsbDeviceDouble } from '../../../src/sim/usb/usb-device-double';
import { buildConfigurationDescriptor } from '../../../src/sim/usb/descriptors';
import { FakeUsb } from '../../../src/sim/webusb/fake-usb';

/** An echo device: whatever goes OUT on endpoint 1 comes back IN on endpoint 2. */
class EchoDouble extends UsbDeviceDouble {
  constructor(cls = 0xff, zlp = false, allowProtectedClasses = false) {
    super({
      identity: { vendorId: 0x1234, productId: 0x5678, manufacturerName: 'Test', productName: 'Echo' },
      configurationDescriptor: buildConfigurationDescriptor([
        { number: 0, cls, endpoints: [{ address: 0x01, type: 'bulk', packetSize: 64 }, { address: 0x82, type: 'bulk', packetSize: 64 }] },
      ]),
      sendsZeroLengthPacket: zlp,
      allowProtectedClasses,
    });
  }
  protected onBulkOut(_ep: number, data: Uint8Array): void {
    this.sendIn(2, data);
  }
}

async function ready(d: USBDevice) {
  await d.open();
  await d.selectConfiguration(1);
  await d.claimInterface(0);
}

describe('UsbDeviceDouble', () => {
  it('exposes the configuration parsed from raw bytes', () => {
    const d = new EchoDouble();
    const alt = d.configurations[0].interfaces[0].alternate;
    expect(alt.interfaceClass).toBe(0xff);
    expect(alt.endpoints.map((e) => [e.endpointNumber, e.direction, e.packetSize])).toEqual([[1, 'out', 64], [2, 'in', 64]]);
  });

  it('refuses a protected class as Chrome does, unless allowed', async () => {
    const d = new EchoDouble(0x0b);
    await d.open();
    await d.selectConfiguration(1);
    const refusal: unknown = await d.claimInterface(0).then(() => undefined, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(DOMException);
    expect((refusal as DOMException).name).toBe('SecurityError');
    expect((refusal as DOMException).message).toContain('protected class');
    // An Isolated Web App with "usb-unrestricted" may claim it.
    const allowed = new EchoDouble(0x0b, false, true);
    await ready(allowed);
    expect(allowed.configuration?.interfaces[0].claimed).toBe(true);
  });

  it('ends a transfer at a short packet and waits past a full one', async () => {
    const d = new EchoDouble();
    await ready(d);
    await d.transferOut(1, new Uint8Array(70));
    const r = await d.transferIn(2, 1024);
    expect(r.data?.byteLength).toBe(70);
    // 64 bytes exactly, no ZLP: a 1024-byte transfer stays open; a 64-byte one completes.
    await d.transferOut(1, new Uint8Array(64).fill(7));
    const exact = await d.transferIn(2, 64);
    expect(exact.data?.byteLength).toBe(64);
  });

  it('adds a zero-length packet when the device does', async () => {
    const d = new EchoDouble(0xff, true);
    await ready(d);
    await d.transferOut(1, new Uint8Array(128));
    const r = await d.transferIn(2, 1024);
    expect(r.data?.byteLength).toBe(128);
  });

  it('reports babble when the host buffer is too small', async () => {
    const d = new EchoDouble();
    await ready(d);
    await d.transferOut(1, new Uint8Array(40));
    const r = await d.transferIn(2, 10);
    expect(r.status).toBe('babble');
  });

  it('fails pending transfers when unplugged', async () => {
    const usb = new FakeUsb();
    const d = new EchoDouble();
    usb.plug(d);
    await ready(d);
    const pending = d.transferIn(2, 64);
    usb.unplug(d);
    await expect(pending).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(d.open()).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('matches chooser filters by interface class and grants the pick', async () => {
    const usb = new FakeUsb();
    const d = new EchoDouble();
    usb.plug(d);
    expect(await usb.getDevices()).toEqual([]);
    await expect(usb.requestDevice({ filters: [{ classCode: 0x0b }] })).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(await usb.requestDevice({ filters: [{ classCode: 0xff }] })).toBe(d);
    expect(await usb.getDevices()).toEqual([d]);
  });
});
