/**
 * A faithful `USBDevice` double (WICG/webusb index.bs §6 "Device Usage"): open / configuration /
 * claim rules, the protected-class refusal Chrome applies, bulk and interrupt endpoints carried as
 * USB packets, and unplugging. A reader family extends it with its device-side protocol in
 * `onBulkOut` (and `onControlIn/Out` for class or vendor requests) and answers with `sendIn`.
 *
 * Packets matter: a bulk IN transfer ends at a short packet (including a zero-length one) or when the
 * host's buffer is full (USB 2.0 §5.8.3). A message whose length is an exact multiple of the packet
 * size ends only if the device adds a zero-length packet, which many CCID readers do not do — so a
 * host that asks for more than it gets must cope (`sendsZeroLengthPacket: false` models that).
 */
import { parseConfigurationDescriptor, type SimConfiguration } from './descriptors';

/** WebUSB protected interface classes (WICG/webusb index.bs, "protected interface classes"). */
export const PROTECTED_CLASSES: ReadonlySet<number> = new Set([0x01, 0x03, 0x08, 0x0b, 0x0e, 0x10, 0xe0]);

export interface DeviceIdentity {
  readonly vendorId: number;
  readonly productId: number;
  readonly manufacturerName: string;
  readonly productName: string;
  readonly serialNumber?: string;
  /** bcdDevice as [major, minor, subminor] */
  readonly deviceVersion?: readonly [number, number, number];
  readonly deviceClass?: number;
}

export interface UsbDoubleOptions {
  readonly identity: DeviceIdentity;
  readonly configurationDescriptor: Uint8Array;
  /** Claim protected classes anyway, as an Isolated Web App with "usb-unrestricted" could. */
  readonly allowProtectedClasses?: boolean;
  /**
   * An operating-system driver holds the device. 'open': open() is refused ("Access denied.", e.g.
   * Windows with the vendor driver instead of WinUSB). 'claim': claimInterface() fails ("Unable to
   * claim interface.", e.g. Linux with pcscd or the port100 module bound).
   */
  readonly heldByOsDriver?: 'open' | 'claim';
  /** Add a zero-length packet after an IN message whose length is a multiple of the packet size. */
  readonly sendsZeroLengthPacket?: boolean;
}

export interface SetupPacket {
  readonly requestType: USBRequestType;
  readonly recipient: USBRecipient;
  readonly request: number;
  readonly value: number;
  readonly index: number;
}

type Waiter = { resolve: () => void; reject: (e: unknown) => void };

const dom = (name: string, message: string) => new DOMException(message, name);
const fail = (method: string, message: string, name: string) => dom(name, `Failed to execute '${method}' on 'USBDevice': ${message}`);

export abstract class UsbDeviceDouble implements USBDevice {
  readonly usbVersionMajor = 2;
  readonly usbVersionMinor = 0;
  readonly usbVersionSubminor = 0;
  readonly deviceClass: number;
  readonly deviceSubclass = 0;
  readonly deviceProtocol = 0;
  readonly vendorId: number;
  readonly productId: number;
  readonly deviceVersionMajor: number;
  readonly deviceVersionMinor: number;
  readonly deviceVersionSubminor: number;
  readonly manufacturerName: string;
  readonly productName: string;
  readonly serialNumber: string | null;

  /**
   * Every transfer the host made, for tests and the simulator's own diagnostics. An OUT entry holds the
   * very copy handed to `onBulkOut`, so a subclass that zeroes PIN data in it once the card has it
   * (ccid-reader-double.ts) scrubs the log too; no second copy of a PIN is kept here (house rule 7).
   */
  readonly usbLog: { dir: 'out' | 'in' | 'control-in' | 'control-out'; endpoint: number; bytes: Uint8Array }[] = [];

  private readonly rawConfiguration: Uint8Array;
  private readonly config: SimConfiguration;
  private readonly options: UsbDoubleOptions;
  private isOpened = false;
  private selected: SimConfiguration | null = null;
  private readonly claimed = new Set<number>();
  private readonly packets = new Map<number, Uint8Array[]>();
  private readonly waiters = new Map<number, Waiter[]>();
  private readonly halted = new Set<string>();
  private unplugged = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  protected constructor(options: UsbDoubleOptions) {
    this.options = options;
    const id = options.identity;
    this.vendorId = id.vendorId;
    this.productId = id.productId;
    this.manufacturerName = id.manufacturerName;
    this.productName = id.productName;
    this.serialNumber = id.serialNumber ?? null;
    this.deviceClass = id.deviceClass ?? 0;
    [this.deviceVersionMajor, this.deviceVersionMinor, this.deviceVersionSubminor] = id.deviceVersion ?? [1, 0, 0];
    this.rawConfiguration = options.configurationDescriptor;
    this.config = parseConfigurationDescriptor(options.configurationDescriptor);
  }

  // ---- what the device side implements -------------------------------------------------------

  /** A bulk OUT transfer arrived on `endpointNumber` (the whole transfer, as the host wrote it). */
  protected abstract onBulkOut(endpointNumber: number, data: Uint8Array): void;

  /** A class or vendor control IN request; return the data, or 'stall'. */
  protected onControlIn(_setup: SetupPacket, _length: number): Uint8Array | 'stall' {
    return 'stall';
  }

  /** A class or vendor control OUT request. */
  protected onControlOut(_setup: SetupPacket, _data: Uint8Array): 'ok' | 'stall' {
    return 'stall';
  }

  /** Called after open() and after reset(): the device starts from its power-on state. */
  protected onReset(): void {}

  /** Queue a message on an IN endpoint, split into packets (after `delayMs` if given). */
  protected sendIn(endpointNumber: number, message: Uint8Array, delayMs = 0): void {
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.sendIn(endpointNumber, message);
      }, delayMs);
      this.timers.add(timer);
      return;
    }
    if (this.unplugged) return;
    const mps = this.packetSize(endpointNumber, 'in');
    const queue = this.packets.get(endpointNumber) ?? [];
    for (let off = 0; off < message.length; off += mps) queue.push(message.slice(off, off + mps));
    if (message.length === 0 || (message.length % mps === 0 && this.options.sendsZeroLengthPacket)) queue.push(new Uint8Array(0));
    this.packets.set(endpointNumber, queue);
    this.wake(endpointNumber);
  }

  /** Halt an endpoint: transfers on it report 'stall' until the host clears the halt. */
  stall(endpointNumber: number, direction: 'in' | 'out'): void {
    this.halted.add(`${direction}${endpointNumber}`);
    if (direction === 'in') this.wake(endpointNumber);
  }

  /** The cable is pulled: every pending and later call fails as Chrome fails it. */
  unplug(): void {
    if (this.unplugged) return;
    this.unplugged = true;
    this.isOpened = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.rejectAll(dom('NotFoundError', 'The device was disconnected.'));
  }

  get isUnplugged(): boolean {
    return this.unplugged;
  }

  // ---- USBDevice ---------------------------------------------------------------------------------

  get opened(): boolean {
    return this.isOpened;
  }

  get configuration(): USBConfiguration | null {
    return this.selected ? this.toUsbConfiguration(this.selected) : null;
  }

  get configurations(): USBConfiguration[] {
    return [this.toUsbConfiguration(this.config)];
  }

  async open(): Promise<void> {
    this.ensurePlugged('open');
    if (this.options.heldByOsDriver === 'open') throw fail('open', 'Access denied.', 'SecurityError');
    if (this.isOpened) return;
    this.isOpened = true;
    this.onReset();
  }

  async close(): Promise<void> {
    this.ensurePlugged('close');
    if (!this.isOpened) return;
    this.rejectAll(dom('AbortError', 'The transfer was cancelled.'));
    this.claimed.clear();
    this.isOpened = false;
  }

  async forget(): Promise<void> {
    if (this.isOpened) await this.close();
  }

  async selectConfiguration(configurationValue: number): Promise<void> {
    this.ensureOpen('selectConfiguration');
    if (configurationValue !== this.config.configurationValue) {
      throw fail('selectConfiguration', 'The configuration value provided is not supported by the device.', 'NotFoundError');
    }
    this.selected = this.config;
  }

  async claimInterface(interfaceNumber: number): Promise<void> {
    this.ensureConfigured('claimInterface');
    const iface = this.selected?.interfaces.find((i) => i.interfaceNumber === interfaceNumber);
    if (!iface) throw fail('claimInterface', 'The interface number provided is not supported by the device in its current configuration.', 'NotFoundError');
    if (!this.options.allowProtectedClasses && iface.alternates.some((a) => PROTECTED_CLASSES.has(a.interfaceClass))) {
      throw fail('claimInterface', 'The requested interface implements a protected class.', 'SecurityError');
    }
    if (this.options.heldByOsDriver === 'claim') throw fail('claimInterface', 'Unable to claim interface.', 'NetworkError');
    this.claimed.add(interfaceNumber);
  }

  async releaseInterface(interfaceNumber: number): Promise<void> {
    this.ensureConfigured('releaseInterface');
    this.claimed.delete(interfaceNumber);
  }

  async selectAlternateInterface(interfaceNumber: number, alternateSetting: number): Promise<void> {
    this.ensureClaimed('selectAlternateInterface', interfaceNumber);
    const iface = this.config.interfaces.find((i) => i.interfaceNumber === interfaceNumber);
    if (!iface?.alternates.some((a) => a.alternateSetting === alternateSetting)) {
      throw fail('selectAlternateInterface', 'The alternate setting provided is not supported by the device in its current configuration.', 'NotFoundError');
    }
  }

  async controlTransferIn(setup: USBControlTransferParameters, length: number): Promise<USBInTransferResult> {
    this.ensureOpen('controlTransferIn');
    this.checkControlRecipient('controlTransferIn', setup);
    let data: Uint8Array | 'stall';
    if (setup.requestType === 'standard' && setup.recipient === 'device' && setup.request === 0x06) {
      data = this.getDescriptor(setup.value);
    } else {
      data = this.onControlIn(setup, length);
    }
    if (data === 'stall') return { status: 'stall', data: undefined as unknown as DataView };
    const out = data.slice(0, length);
    this.usbLog.push({ dir: 'control-in', endpoint: 0, bytes: out });
    return { status: 'ok', data: new DataView(out.buffer, out.byteOffset, out.byteLength) };
  }

  async controlTransferOut(setup: USBControlTransferParameters, data?: BufferSource): Promise<USBOutTransferResult> {
    this.ensureOpen('controlTransferOut');
    this.checkControlRecipient('controlTransferOut', setup);
    const bytes = toBytes(data);
    this.usbLog.push({ dir: 'control-out', endpoint: 0, bytes });
    const r = this.onControlOut(setup, bytes);
    return { status: r === 'ok' ? 'ok' : 'stall', bytesWritten: r === 'ok' ? bytes.length : 0 };
  }

  async clearHalt(direction: USBDirection, endpointNumber: number): Promise<void> {
    this.endpointOf('clearHalt', endpointNumber, direction);
    this.halted.delete(`${direction}${endpointNumber}`);
  }

  async transferIn(endpointNumber: number, length: number): Promise<USBInTransferResult> {
    const ep = this.endpointOf('transferIn', endpointNumber, 'in');
    const chunks: Uint8Array[] = [];
    let got = 0;
    for (;;) {
      if (this.halted.has(`in${endpointNumber}`)) return { status: 'stall', data: new DataView(new ArrayBuffer(0)) };
      const queue = this.packets.get(endpointNumber) ?? [];
      const packet = queue.shift();
      if (!packet) {
        // No packet yet (or the message so far ended on a full packet): the transfer stays open, as on USB.
        await this.waitForPacket(endpointNumber);
        this.ensurePlugged('transferIn');
        continue;
      }
      if (got + packet.length > length) {
        // The device sent more than the host's buffer: USB "babble" (the overflow is lost).
        chunks.push(packet.slice(0, length - got));
        return this.finishIn(endpointNumber, chunks, 'babble');
      }
      chunks.push(packet);
      got += packet.length;
      if (packet.length < ep.packetSize || got === length) return this.finishIn(endpointNumber, chunks, 'ok');
    }
  }

  async transferOut(endpointNumber: number, data: BufferSource): Promise<USBOutTransferResult> {
    this.endpointOf('transferOut', endpointNumber, 'out');
    if (this.halted.has(`out${endpointNumber}`)) return { status: 'stall', bytesWritten: 0 };
    const bytes = toBytes(data);
    this.usbLog.push({ dir: 'out', endpoint: endpointNumber, bytes });
    // The device reacts after the transfer completes (a microtask later), like real hardware.
    queueMicrotask(() => {
      if (!this.unplugged && this.isOpened) this.onBulkOut(endpointNumber, bytes);
    });
    return { status: 'ok', bytesWritten: bytes.length };
  }

  async isochronousTransferIn(): Promise<USBIsochronousInTransferResult> {
    throw fail('isochronousTransferIn', 'The specified endpoint is not part of a claimed and selected alternate interface.', 'NotFoundError');
  }

  async isochronousTransferOut(): Promise<USBIsochronousOutTransferResult> {
    throw fail('isochronousTransferOut', 'The specified endpoint is not part of a claimed and selected alternate interface.', 'NotFoundError');
  }

  async reset(): Promise<void> {
    this.ensureOpen('reset');
    this.rejectAll(dom('AbortError', 'The transfer was cancelled.'));
    this.packets.clear();
    this.halted.clear();
    this.onReset();
  }

  // ---- internals ----------------------------------------------------------------------------------

  private finishIn(endpointNumber: number, chunks: Uint8Array[], status: USBTransferStatus): USBInTransferResult {
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.length;
    }
    this.usbLog.push({ dir: 'in', endpoint: endpointNumber, bytes: out });
    return { status, data: new DataView(out.buffer) };
  }

  private waitForPacket(endpointNumber: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(endpointNumber) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(endpointNumber, list);
    });
  }

  private wake(endpointNumber: number): void {
    const list = this.waiters.get(endpointNumber);
    if (!list) return;
    this.waiters.delete(endpointNumber);
    for (const w of list) w.resolve();
  }

  private rejectAll(error: DOMException): void {
    for (const list of this.waiters.values()) for (const w of list) w.reject(error);
    this.waiters.clear();
  }

  private packetSize(endpointNumber: number, direction: 'in' | 'out'): number {
    for (const i of this.config.interfaces) {
      for (const a of i.alternates) {
        const e = a.endpoints.find((x) => x.endpointNumber === endpointNumber && x.direction === direction);
        if (e) return e.packetSize;
      }
    }
    throw new Error(`sim: no ${direction} endpoint ${endpointNumber}`);
  }

  private getDescriptor(value: number): Uint8Array | 'stall' {
    const type = value >> 8;
    if (type === 0x02) return this.rawConfiguration;
    if (type === 0x01) {
      const [maj, min, sub] = [this.deviceVersionMajor, this.deviceVersionMinor, this.deviceVersionSubminor];
      const bcd = ((maj / 10) << 12) | ((maj % 10) << 8) | (min << 4) | sub;
      return Uint8Array.from([18, 0x01, 0x00, 0x02, this.deviceClass, 0, 0, 64, this.vendorId & 0xff, this.vendorId >> 8,
        this.productId & 0xff, this.productId >> 8, bcd & 0xff, bcd >> 8, 1, 2, this.serialNumber ? 3 : 0, 1]);
    }
    return 'stall';
  }

  private checkControlRecipient(method: string, setup: USBControlTransferParameters): void {
    // WICG/webusb "check the validity of the control transfer parameters": an interface or endpoint
    // recipient must belong to a claimed interface. (Chromium since 2026 also refuses a wIndex that
    // points at a protected interface; a claimed one is never protected unless allowed.)
    if (setup.recipient === 'interface') this.ensureClaimed(method, setup.index & 0xff);
  }

  private endpointOf(method: string, endpointNumber: number, direction: USBDirection) {
    this.ensurePlugged(method);
    this.ensureOpen(method);
    for (const n of this.claimed) {
      const iface = this.config.interfaces.find((i) => i.interfaceNumber === n);
      const e = iface?.alternates[0]?.endpoints.find((x) => x.endpointNumber === endpointNumber && x.direction === direction);
      if (e) return e;
    }
    throw fail(method, 'The specified endpoint is not part of a claimed and selected alternate interface.', 'NotFoundError');
  }

  private ensurePlugged(method: string): void {
    if (this.unplugged) throw fail(method, 'The device was disconnected.', 'NotFoundError');
  }

  private ensureOpen(method: string): void {
    this.ensurePlugged(method);
    if (!this.isOpened) throw fail(method, 'The device must be opened first.', 'InvalidStateError');
  }

  private ensureConfigured(method: string): void {
    this.ensureOpen(method);
    if (!this.selected) throw fail(method, 'The device must have a configuration selected.', 'InvalidStateError');
  }

  private ensureClaimed(method: string, interfaceNumber: number): void {
    this.ensureConfigured(method);
    if (!this.claimed.has(interfaceNumber)) throw fail(method, 'The specified interface has not been claimed.', 'InvalidStateError');
  }

  private toUsbConfiguration(c: SimConfiguration): USBConfiguration {
    const claimed = this.claimed;
    return {
      configurationValue: c.configurationValue,
      configurationName: c.configurationName ?? undefined,
      interfaces: c.interfaces.map((i) => {
        const alternates = i.alternates.map((a) => ({
          alternateSetting: a.alternateSetting,
          interfaceClass: a.interfaceClass,
          interfaceSubclass: a.interfaceSubclass,
          interfaceProtocol: a.interfaceProtocol,
          interfaceName: a.interfaceName ?? undefined,
          endpoints: a.endpoints.map((e) => ({ ...e })),
        }));
        return { interfaceNumber: i.interfaceNumber, alternate: alternates[0], alternates, get claimed() { return claimed.has(i.interfaceNumber); } };
      }),
    } as USBConfiguration;
  }
}

function toBytes(data: BufferSource | undefined): Uint8Array {
  if (!data) return new Uint8Array(0);
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}
