/**
 * `openReader(device, options)` (architecture: public entry point): the first driver of the registry
 * (./drivers.ts) that matches the device opens it; the result has the `CardReader` shape
 * (`powerOn`, `transmit`, `powerOff`, `close`, …) whatever the family.
 */
import { LensError } from '../errors';
import { lookupReader } from '../usb/catalogue';
import { vidPid } from '../usb/errors';
import { findDriver, readerDrivers, type DriverOpenOptions, type ReaderDriver } from './drivers';
import type { CardReader } from './types';

export type { CardReader, ReaderInfo, ExchangeLevel, ReaderFamily, OpenReaderOptions } from './types';
export { readerDrivers, findDriver, type ReaderDriver, type DriverOpenOptions } from './drivers';

export async function openReader(device: USBDevice, options: DriverOpenOptions = {}, drivers: readonly ReaderDriver[] = readerDrivers): Promise<CardReader> {
  const driver = findDriver(device, drivers);
  if (!driver) {
    const name = lookupReader(device.vendorId, device.productId)?.name ?? (device.productName || 'USB device');
    throw new LensError('unsupported-reader', { name, vidpid: vidPid(device.vendorId, device.productId) }, { detail: 'no driver matches this device' });
  }
  return driver.open(device, options);
}
