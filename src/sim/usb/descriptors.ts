/**
 * The device side's own reading of a raw USB configuration descriptor (USB 2.0 §9.6.3–§9.6.6),
 * turned into the objects WebUSB exposes (`USBConfiguration` → `USBInterface` → `USBAlternateInterface`
 * → `USBEndpoint`; WICG/webusb index.bs "Device Enumeration"). Written independently of src/usb/,
 * which parses the same bytes on the host side.
 */
export interface SimEndpoint {
  readonly endpointNumber: number;
  readonly direction: 'in' | 'out';
  readonly type: 'bulk' | 'interrupt' | 'isochronous';
  readonly packetSize: number;
}
export interface SimAlternate {
  readonly alternateSetting: number;
  readonly interfaceClass: number;
  readonly interfaceSubclass: number;
  readonly interfaceProtocol: number;
  readonly interfaceName: string | null;
  readonly endpoints: readonly SimEndpoint[];
}
export interface SimInterface {
  readonly interfaceNumber: number;
  readonly alternates: readonly SimAlternate[];
}
export interface SimConfiguration {
  readonly configurationValue: number;
  readonly configurationName: string | null;
  readonly interfaces: readonly SimInterface[];
}

const TYPE_INTERFACE = 0x04;
const TYPE_ENDPOINT = 0x05;

export function parseConfigurationDescriptor(raw: Uint8Array): SimConfiguration {
  if (raw.length < 9 || raw[1] !== 0x02) throw new Error('sim: not a configuration descriptor');
  const total = raw[2] | (raw[3] << 8);
  if (total !== raw.length) throw new Error(`sim: wTotalLength ${total} ≠ ${raw.length} bytes`);
  const interfaces = new Map<number, SimAlternate[]>();
  let current: { number: number; alt: SimAlternate & { endpoints: SimEndpoint[] } } | undefined;
  for (let off = raw[0]; off < raw.length; ) {
    const len = raw[off];
    if (len < 2 || off + len > raw.length) throw new Error(`sim: bad descriptor length at ${off}`);
    const type = raw[off + 1];
    if (type === TYPE_INTERFACE) {
      const alt = {
        alternateSetting: raw[off + 3],
        interfaceClass: raw[off + 5],
        interfaceSubclass: raw[off + 6],
        interfaceProtocol: raw[off + 7],
        interfaceName: null,
        endpoints: [] as SimEndpoint[],
      };
      current = { number: raw[off + 2], alt };
      const list = interfaces.get(current.number) ?? [];
      list.push(alt);
      interfaces.set(current.number, list);
    } else if (type === TYPE_ENDPOINT && current) {
      const address = raw[off + 2];
      const attributes = raw[off + 3] & 0x03;
      current.alt.endpoints.push({
        endpointNumber: address & 0x0f,
        direction: address & 0x80 ? 'in' : 'out',
        type: attributes === 2 ? 'bulk' : attributes === 3 ? 'interrupt' : 'isochronous',
        packetSize: (raw[off + 4] | (raw[off + 5] << 8)) & 0x7ff,
      });
    }
    off += len;
  }
  return {
    configurationValue: raw[5],
    configurationName: null,
    interfaces: [...interfaces.entries()].map(([interfaceNumber, alternates]) => ({ interfaceNumber, alternates })),
  };
}

/** Build a raw configuration descriptor (for doubles whose real bytes are not recorded). */
export interface InterfaceSpec {
  readonly number: number;
  readonly cls: number;
  readonly subclass?: number;
  readonly protocol?: number;
  /** class-specific descriptor placed right after the interface descriptor (e.g. the 54-byte CCID one) */
  readonly classDescriptor?: Uint8Array;
  readonly endpoints: readonly { address: number; type: 'bulk' | 'interrupt'; packetSize: number; interval?: number }[];
}

export function buildConfigurationDescriptor(interfaces: readonly InterfaceSpec[], opts: { maxPowerMa?: number; selfPowered?: boolean } = {}): Uint8Array {
  const parts: number[] = [];
  for (const i of interfaces) {
    parts.push(9, TYPE_INTERFACE, i.number, 0, i.endpoints.length, i.cls, i.subclass ?? 0, i.protocol ?? 0, 0);
    if (i.classDescriptor) parts.push(...i.classDescriptor);
    for (const e of i.endpoints) {
      parts.push(7, TYPE_ENDPOINT, e.address, e.type === 'bulk' ? 2 : 3, e.packetSize & 0xff, e.packetSize >> 8, e.interval ?? 0);
    }
  }
  const total = 9 + parts.length;
  const header = [9, 0x02, total & 0xff, total >> 8, interfaces.length, 1, 0, opts.selfPowered ? 0xc0 : 0x80, Math.ceil((opts.maxPowerMa ?? 100) / 2)];
  return Uint8Array.from([...header, ...parts]);
}
