/**
 * Open a Sony reader's vendor-class interface and find its bulk endpoints from the descriptors the
 * browser parsed (not hard-coded: the RC-S380 uses OUT 0x02 / IN 0x81, the RC-S300's interface 1
 * OUT 0x02 / IN 0x82 — ccid-webusb.md §4). Another program or OS driver holding the device is the
 * common failure (Linux `port100` module, pcscd, Sony's NFC Port Software on Windows).
 */
import { LensError } from '../../errors';
import { quiet, withTimeout } from '../../usb/bounded';
import { mapUsbError, type UsbErrorContext } from '../../usb/errors';

/**
 * Bound on each USB housekeeping step (open, configuration, claim, release, close): WebUSB gives
 * these no timeout of their own (house rule 6); the same default as a CCID reader's exchange bound.
 */
export const USB_STEP_TIMEOUT_MS = 5000;

export interface VendorInterface {
  readonly interfaceNumber: number;
  readonly outEndpoint: number;
  readonly inEndpoint: number;
  readonly packetSize: number;
}

export function findVendorInterface(device: USBDevice, interfaceNumber?: number): VendorInterface {
  const config = device.configuration ?? device.configurations[0];
  for (const iface of config?.interfaces ?? []) {
    if (interfaceNumber !== undefined && iface.interfaceNumber !== interfaceNumber) continue;
    const alt = iface.alternates[0] ?? iface.alternate;
    if (alt.interfaceClass !== 0xff) continue;
    const out = alt.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
    const inp = alt.endpoints.find((e) => e.direction === 'in' && e.type === 'bulk');
    if (out && inp) return { interfaceNumber: iface.interfaceNumber, outEndpoint: out.endpointNumber, inEndpoint: inp.endpointNumber, packetSize: inp.packetSize };
  }
  throw new LensError('sony-no-vendor-interface', { product: device.productName ?? '' });
}

/** Open, select configuration 1 and claim the vendor interface; WebUSB failures are mapped by the
 * shared src/usb/errors.ts (device-access-denied, interface-busy, protected-class, reader-unplugged),
 * whose messages carry the per-OS advice. */
export async function openVendorInterface(
  device: USBDevice,
  context: Omit<UsbErrorContext, 'op'>,
  interfaceNumber?: number,
  timeoutMs = USB_STEP_TIMEOUT_MS,
): Promise<VendorInterface> {
  try {
    if (!device.opened) await withTimeout(quiet(device.open()), timeoutMs, 'open');
  } catch (e) {
    throw mapUsbError(e, { ...context, op: 'open' });
  }
  try {
    if (!device.configuration) await withTimeout(quiet(device.selectConfiguration(1)), timeoutMs, 'selectConfiguration');
  } catch (e) {
    throw mapUsbError(e, { ...context, op: 'select-configuration' });
  }
  const vendor = findVendorInterface(device, interfaceNumber);
  try {
    await withTimeout(quiet(device.claimInterface(vendor.interfaceNumber)), timeoutMs, 'claimInterface');
  } catch (e) {
    throw mapUsbError(e, { ...context, op: 'claim', interfaceNumber: vendor.interfaceNumber });
  }
  return vendor;
}

/** Release and close, ignoring a device that is already gone. */
export async function closeVendorInterface(device: USBDevice, interfaceNumber: number, timeoutMs = USB_STEP_TIMEOUT_MS): Promise<void> {
  try {
    if (device.opened) {
      await withTimeout(quiet(device.releaseInterface(interfaceNumber)), timeoutMs, 'releaseInterface');
      await withTimeout(quiet(device.close()), timeoutMs, 'close');
    }
  } catch {
    // unplugged or already closed: nothing left to release
  }
}
