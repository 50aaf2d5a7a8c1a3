/**
 * Finding the CCID function in a configuration: an interface of class 0x0B (Smart Card), or 0xFF
 * (vendor) carrying the 54-byte class descriptor (type 0x21) — the NTT Com SCR3310/SCR331-DI
 * readers expose CCID this way. Like libccid (LudovicRousseau/CCID src/ccid_usb.c
 * get_ccid_device_descriptor), the descriptor is accepted when exactly 54 extra bytes follow the
 * interface descriptor, or follow its last endpoint (O2Micro OZ776, Reiner SCT, Bludrive II).
 */
import type { UsbAlternateDescriptor, UsbConfigurationDescriptor, UsbEndpointDescriptor } from './config-descriptor';

export const CCID_DESCRIPTOR_LENGTH = 54;
export const CCID_DESCRIPTOR_TYPE = 0x21;
export const CLASS_SMART_CARD = 0x0b;
export const CLASS_VENDOR = 0xff;

export interface CcidFunction {
  readonly interfaceNumber: number;
  readonly alternateSetting: number;
  readonly interfaceClass: number;
  /** where the 54 bytes were found */
  readonly descriptorPlacement: 'after-interface' | 'after-last-endpoint';
  readonly classDescriptor: Uint8Array;
  readonly bulkIn: UsbEndpointDescriptor;
  readonly bulkOut: UsbEndpointDescriptor;
  readonly interruptIn?: UsbEndpointDescriptor;
}

function isCcidBlock(extra: Uint8Array): boolean {
  // libccid checks the length only; the type is 0x21, or 0xFF on some vendor-class readers
  // (libccid readers/DellSK-3106.txt "PROPRIETARY bDescriptorType").
  return extra.length === CCID_DESCRIPTOR_LENGTH && extra[0] === CCID_DESCRIPTOR_LENGTH && (extra[1] === CCID_DESCRIPTOR_TYPE || extra[1] === 0xff);
}

/** The CCID class descriptor of one interface alternate, if it has one. */
export function ccidDescriptorOf(alt: UsbAlternateDescriptor): { bytes: Uint8Array; placement: CcidFunction['descriptorPlacement'] } | undefined {
  if (alt.interfaceClass !== CLASS_SMART_CARD && alt.interfaceClass !== CLASS_VENDOR) return undefined;
  if (isCcidBlock(alt.extra)) return { bytes: alt.extra, placement: 'after-interface' };
  const last = alt.endpoints[alt.endpoints.length - 1];
  if (last && isCcidBlock(last.extra)) return { bytes: last.extra, placement: 'after-last-endpoint' };
  return undefined;
}

/** Every CCID function of a configuration, in interface order (composite readers have several). */
export function findCcidFunctions(config: UsbConfigurationDescriptor): CcidFunction[] {
  const out: CcidFunction[] = [];
  for (const alt of config.alternates) {
    const d = ccidDescriptorOf(alt);
    if (!d) continue;
    const bulkIn = alt.endpoints.find((e) => e.type === 'bulk' && e.direction === 'in');
    const bulkOut = alt.endpoints.find((e) => e.type === 'bulk' && e.direction === 'out');
    if (!bulkIn || !bulkOut) continue; // CCID §3.1: bulk-IN and bulk-OUT are mandatory
    const interruptIn = alt.endpoints.find((e) => e.type === 'interrupt' && e.direction === 'in');
    out.push({
      interfaceNumber: alt.interfaceNumber,
      alternateSetting: alt.alternateSetting,
      interfaceClass: alt.interfaceClass,
      descriptorPlacement: d.placement,
      classDescriptor: d.bytes,
      bulkIn,
      bulkOut,
      ...(interruptIn ? { interruptIn } : {}),
    });
  }
  return out;
}

/** Whether WebUSB lets an ordinary page claim this interface class (ccid-webusb.md §2.1). */
export const PAGE_PROTECTED_CLASSES: ReadonlySet<number> = new Set([0x01, 0x03, 0x08, 0x0b, 0x0e, 0x10, 0xe0]);
