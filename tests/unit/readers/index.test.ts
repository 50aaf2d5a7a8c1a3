import { describe, expect, it } from 'vitest';
import { isLensError } from '../../../src/errors';
import { findDriver, openReader, readerDrivers, type ReaderDriver } from '../../../src/readers';
import { CcidReader } from '../../../src/readers/ccid';
import type { CardReader } from '../../../src/readers/types';
import { createVirtualMyNumberCard } from '../../../src/sim/card';
import { createVirtualReader } from '../../../src/sim/readers';
import { UsbDeviceDouble } from '../../../src/sim/usb/usb-device-double';
import { buildConfigurationDescriptor } from '../../../src/sim/usb/descriptors';

class PlainDevice extends UsbDeviceDouble {
  constructor(vendorId: number, productId: number, cls: number) {
    super({
      identity: { vendorId, productId, manufacturerName: 'Test', productName: 'Plain' },
      configurationDescriptor: buildConfigurationDescriptor([{ number: 0, cls, endpoints: [{ address: 0x81, type: 'bulk', packetSize: 64 }] }]),
    });
  }
  protected onBulkOut(): void {}
}

describe('openReader and the driver registry', () => {
  it('the CCID driver is registered and takes the NTT Com reader', async () => {
    expect(readerDrivers.map((d) => d.id)).toContain('ccid');
    const dev = createVirtualReader('scr3310-nttcom', createVirtualMyNumberCard());
    expect(findDriver(dev)?.id).toBe('ccid');
    const reader = await openReader(dev, { platform: 'Windows' });
    expect(reader).toBeInstanceOf(CcidReader);
    expect(reader.info.family).toBe('ccid');
    await reader.close();
  });

  it('a device with no smart-card interface and not in the catalogue → unsupported-reader', async () => {
    const err = await openReader(new PlainDevice(0x1234, 0x5678, 0xff)).catch((e: unknown) => e);
    expect(isLensError(err, 'unsupported-reader') && err.params.vidpid).toBe('1234:5678');
  });

  it('an unknown class-0x0B device goes to CCID (and gets the protected-class explanation)', async () => {
    const dev = new PlainDevice(0x1234, 0x0001, 0x0b);
    expect(findDriver(dev)?.id).toBe('ccid');
  });

  it('the first matching driver wins (Sony entries go before CCID)', async () => {
    const opened: string[] = [];
    const fake = (id: string, match: boolean): ReaderDriver => ({
      id,
      matches: () => match,
      open: async () => {
        opened.push(id);
        return {} as CardReader;
      },
    });
    await openReader(new PlainDevice(0x054c, 0x0dc8, 0x0b), {}, [fake('sony', true), fake('ccid', true)]);
    await openReader(new PlainDevice(0x054c, 0x0dc8, 0x0b), {}, [fake('sony', false), fake('ccid', true)]);
    expect(opened).toEqual(['sony', 'ccid']);
  });

  it('the catalogue keeps Sony readers away from the CCID driver', () => {
    expect(findDriver(new PlainDevice(0x054c, 0x0dc8, 0x0b), readerDrivers.filter((d) => d.id === 'ccid'))).toBeUndefined();
    expect(findDriver(new PlainDevice(0x054c, 0x06c3, 0xff), readerDrivers.filter((d) => d.id === 'ccid'))).toBeUndefined();
  });
});
