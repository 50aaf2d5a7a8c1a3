/**
 * The raw USB configuration descriptor, read and walked by the host. WebUSB exposes interfaces and
 * endpoints but not class-specific descriptors (the 54-byte CCID one), so we fetch the whole
 * configuration with GET_DESCRIPTOR ourselves: 9 bytes first, then wTotalLength bytes
 * (USB 2.0 §9.4.3, §9.6.3; the same two-step read as GoogleChromeLabs/chromeos_smart_card_connector
 * libusb-to-webusb-adaptor.js fetchAndFillConfigurationExtraDataForOpenedDevice).
 */
import { LensError } from '../errors';
import { withTimeout } from './bounded';

export interface UsbEndpointDescriptor {
  readonly address: number;
  readonly endpointNumber: number;
  readonly direction: 'in' | 'out';
  readonly type: 'control' | 'isochronous' | 'bulk' | 'interrupt';
  readonly packetSize: number;
  readonly interval: number;
  /** class/vendor descriptors that follow this endpoint (before the next interface or endpoint) */
  readonly extra: Uint8Array;
}

export interface UsbAlternateDescriptor {
  readonly interfaceNumber: number;
  readonly alternateSetting: number;
  readonly interfaceClass: number;
  readonly interfaceSubclass: number;
  readonly interfaceProtocol: number;
  /** class/vendor descriptors between the interface descriptor and its first endpoint */
  readonly extra: Uint8Array;
  readonly endpoints: readonly UsbEndpointDescriptor[];
}

export interface UsbConfigurationDescriptor {
  readonly configurationValue: number;
  readonly totalLength: number;
  /** every interface descriptor in order (alternates included) */
  readonly alternates: readonly UsbAlternateDescriptor[];
}

const TYPE_CONFIGURATION = 0x02;
const TYPE_INTERFACE = 0x04;
const TYPE_ENDPOINT = 0x05;
const TYPE_INTERFACE_ASSOCIATION = 0x0b;
const ENDPOINT_TYPES = ['control', 'isochronous', 'bulk', 'interrupt'] as const;

const bad = (detail: string) => new LensError('reader-protocol-error', { what: 'configuration descriptor' }, { detail });

/** Walk a whole configuration descriptor (USB 2.0 §9.6.3–§9.6.6). */
export function parseConfigurationDescriptor(raw: Uint8Array): UsbConfigurationDescriptor {
  if (raw.length < 9 || raw[0] < 9 || raw[1] !== TYPE_CONFIGURATION) throw bad('not a configuration descriptor');
  const totalLength = raw[2] | (raw[3] << 8);
  if (totalLength > raw.length) throw bad(`wTotalLength ${totalLength} but ${raw.length} bytes`);
  type MutableAlt = Omit<UsbAlternateDescriptor, 'extra' | 'endpoints'> & { extra: number[]; endpoints: (Omit<UsbEndpointDescriptor, 'extra'> & { extra: number[] })[] };
  const alts: MutableAlt[] = [];
  let alt: MutableAlt | undefined;
  for (let off = raw[0]; off < totalLength; ) {
    const len = raw[off];
    if (len < 2 || off + len > totalLength) throw bad(`descriptor length ${len} at offset ${off}`);
    const type = raw[off + 1];
    const d = raw.subarray(off, off + len);
    if (type === TYPE_INTERFACE && len >= 9) {
      alt = { interfaceNumber: d[2], alternateSetting: d[3], interfaceClass: d[5], interfaceSubclass: d[6], interfaceProtocol: d[7], extra: [], endpoints: [] };
      alts.push(alt);
    } else if (type === TYPE_ENDPOINT && len >= 7 && alt) {
      alt.endpoints.push({
        address: d[2],
        endpointNumber: d[2] & 0x0f,
        direction: d[2] & 0x80 ? 'in' : 'out',
        type: ENDPOINT_TYPES[d[3] & 0x03],
        packetSize: (d[4] | (d[5] << 8)) & 0x7ff,
        interval: d[6],
        extra: [],
      });
    } else if (type === TYPE_INTERFACE_ASSOCIATION) {
      // IADs sit before the interfaces they group; they belong to no interface.
    } else if (alt) {
      const lastEndpoint = alt.endpoints[alt.endpoints.length - 1];
      (lastEndpoint ? lastEndpoint.extra : alt.extra).push(...d);
    }
    off += len;
  }
  return {
    configurationValue: raw[5],
    totalLength,
    alternates: alts.map((a) => ({ ...a, extra: Uint8Array.from(a.extra), endpoints: a.endpoints.map((e) => ({ ...e, extra: Uint8Array.from(e.extra) })) })),
  };
}

/** GET_DESCRIPTOR(CONFIGURATION, index) in two steps; the device must be open. */
export async function readConfigurationDescriptor(device: USBDevice, index = 0, timeoutMs = 3000): Promise<Uint8Array> {
  const get = async (length: number) => {
    const r = await withTimeout(
      device.controlTransferIn({ requestType: 'standard', recipient: 'device', request: 0x06, value: (TYPE_CONFIGURATION << 8) | index, index: 0 }, length),
      timeoutMs,
      'GET_DESCRIPTOR',
    );
    if (r.status !== 'ok' || !r.data) throw bad(`GET_DESCRIPTOR status ${r.status}`);
    return new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength);
  };
  const head = await get(9);
  if (head.length < 4 || head[1] !== TYPE_CONFIGURATION) throw bad('short configuration descriptor header');
  const total = head[2] | (head[3] << 8);
  const full = await get(total);
  if (full.length < total) throw bad(`got ${full.length} of ${total} configuration bytes`);
  return full.slice(0, total);
}
