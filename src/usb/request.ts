/**
 * Asking the user for a reader (WICG/webusb `requestDevice`). Chrome's chooser lists only devices
 * that match a filter: by default the readers a page can drive (pageUsableFilters); with
 * `includeSmartCardClass`, every Smart Card class device too, so "my reader isn't listed" can pick
 * it and be told what it is (and why Chrome refuses it). The chooser waits for the user, so this
 * one wait is the user's, not a device's: it has no timer.
 */
import { lookupReader, pageUsableFilters, smartCardClassFilters } from './catalogue';
import { detectOs, mapUsbError } from './errors';

export interface RequestReaderOptions {
  readonly includeSmartCardClass?: boolean;
  /** `navigator.userAgentData?.platform ?? navigator.userAgent` */
  readonly platform?: string;
}

export function readerFilters(options: RequestReaderOptions = {}): USBDeviceFilter[] {
  return [...pageUsableFilters(), ...(options.includeSmartCardClass ? smartCardClassFilters() : [])];
}

/** requestDevice with the catalogue's filters; a cancelled chooser becomes `no-device-selected`. */
export async function requestReaderDevice(usb: USB, options: RequestReaderOptions = {}): Promise<USBDevice> {
  try {
    return await usb.requestDevice({ filters: readerFilters(options) });
  } catch (e) {
    throw mapUsbError(e, { op: 'request', name: 'USB', vendorId: 0, productId: 0, os: detectOs(options.platform) });
  }
}

/** A short name for a device, from the catalogue or its own strings. */
export function readerName(device: USBDevice): string {
  return lookupReader(device.vendorId, device.productId)?.name ?? (device.productName?.trim() || 'USB reader');
}
