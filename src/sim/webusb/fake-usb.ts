/**
 * A `navigator.usb` double (WICG/webusb index.bs §5 "Device Enumeration"): the devices plugged in,
 * the ones this origin was granted, connect/disconnect events, and `requestDevice` with filter
 * matching and a simulated chooser. Chrome shows its chooser only for a user gesture.
 */
import type { UsbDeviceDouble } from '../usb/usb-device-double';

export type Chooser = (candidates: readonly USBDevice[]) => USBDevice | undefined;

export interface FakeUsbOptions {
  /** Which device the simulated chooser picks; default: the first that matches, or cancel when none. */
  readonly chooser?: Chooser;
  /** Require transient user activation for requestDevice, as Chrome does (off in Node tests). */
  readonly requireUserActivation?: boolean;
}

/** WebUSB "matches a device filter" (index.bs §5.1), including classCode against every interface. */
export function matchesFilter(device: USBDevice, filter: USBDeviceFilter): boolean {
  if (filter.vendorId !== undefined && device.vendorId !== filter.vendorId) return false;
  if (filter.productId !== undefined && device.productId !== filter.productId) return false;
  if (filter.serialNumber !== undefined && device.serialNumber !== filter.serialNumber) return false;
  if (filter.classCode === undefined) return true;
  const matchesClass = (cls: number, sub: number, proto: number) =>
    cls === filter.classCode &&
    (filter.subclassCode === undefined || sub === filter.subclassCode) &&
    (filter.protocolCode === undefined || proto === filter.protocolCode);
  if (matchesClass(device.deviceClass, device.deviceSubclass, device.deviceProtocol)) return true;
  return device.configurations.some((c) =>
    c.interfaces.some((i) => i.alternates.some((a) => matchesClass(a.interfaceClass, a.interfaceSubclass, a.interfaceProtocol))),
  );
}

class ConnectionEvent extends Event implements USBConnectionEvent {
  constructor(type: 'connect' | 'disconnect', readonly device: USBDevice) {
    super(type);
  }
}

export class FakeUsb extends EventTarget {
  onconnect: ((this: this, ev: USBConnectionEvent) => unknown) | null = null;
  ondisconnect: ((this: this, ev: USBConnectionEvent) => unknown) | null = null;
  private readonly plugged = new Set<UsbDeviceDouble>();
  private readonly granted = new Set<UsbDeviceDouble>();
  private readonly options: FakeUsbOptions;
  chooser: Chooser | undefined;

  constructor(options: FakeUsbOptions = {}) {
    super();
    this.options = options;
    this.chooser = options.chooser;
  }

  /** Plug a device in; `granted` as if the user had picked it in an earlier visit. */
  plug(device: UsbDeviceDouble, opts: { granted?: boolean } = {}): void {
    this.plugged.add(device);
    if (opts.granted) this.granted.add(device);
    this.fire('connect', device);
  }

  /** Pull the cable: pending transfers fail and a disconnect event fires. */
  unplug(device: UsbDeviceDouble): void {
    if (!this.plugged.delete(device)) return;
    device.unplug();
    this.fire('disconnect', device);
  }

  pluggedDevices(): readonly UsbDeviceDouble[] {
    return [...this.plugged];
  }

  async getDevices(): Promise<USBDevice[]> {
    return [...this.plugged].filter((d) => this.granted.has(d));
  }

  async requestDevice(options: USBDeviceRequestOptions): Promise<USBDevice> {
    const activation = (globalThis.navigator as Navigator | undefined)?.userActivation;
    if (this.options.requireUserActivation && activation && !activation.isActive) {
      throw new DOMException("Failed to execute 'requestDevice' on 'USB': Must be handling a user gesture to show a permission request.", 'SecurityError');
    }
    const filters = options.filters ?? [];
    const exclusions = options.exclusionFilters ?? [];
    const candidates = [...this.plugged].filter(
      (d) => (filters.length === 0 || filters.some((f) => matchesFilter(d, f))) && !exclusions.some((f) => matchesFilter(d, f)),
    );
    const picked = (this.chooser ?? ((c) => c[0]))(candidates);
    const device = candidates.find((d) => d === picked);
    if (!device) throw new DOMException("Failed to execute 'requestDevice' on 'USB': No device selected.", 'NotFoundError');
    this.granted.add(device);
    return device;
  }

  private fire(type: 'connect' | 'disconnect', device: USBDevice): void {
    const ev = new ConnectionEvent(type, device);
    this.dispatchEvent(ev);
    const handler = type === 'connect' ? this.onconnect : this.ondisconnect;
    handler?.call(this, ev);
  }
}
