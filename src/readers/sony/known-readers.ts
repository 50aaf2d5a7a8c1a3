/**
 * Sony readers this family drives, by VID:PID (ccid-webusb.md §4). A page can claim only their
 * vendor-class (0xFF) interfaces: the RC-S380's only interface, and the RC-S300's interface 1
 * (its interface 0 is CCID class 0x0B, which Chrome refuses to a page).
 */
export const SONY_VENDOR_ID = 0x054c;

export interface SonyModel {
  readonly productId: number;
  readonly name: string;
  readonly family: 'rcs380' | 'rcs300';
  /** not yet shown working with a My Number card on real hardware */
  readonly experimental: boolean;
}

export const SONY_MODELS: readonly SonyModel[] = [
  { productId: 0x06c1, name: 'Sony PaSoRi RC-S380/S', family: 'rcs380', experimental: false },
  { productId: 0x06c3, name: 'Sony PaSoRi RC-S380/P', family: 'rcs380', experimental: false },
  // RC-S634/UA is an OEM module with the same Port-100 chip (ccid-webusb.md §4); UNCONFIRMED on hardware.
  { productId: 0x06c2, name: 'Sony RC-S634/UA', family: 'rcs380', experimental: false },
  { productId: 0x0dc8, name: 'Sony PaSoRi RC-S300/S', family: 'rcs300', experimental: true },
  { productId: 0x0dc9, name: 'Sony PaSoRi RC-S300/P', family: 'rcs300', experimental: true },
];

export function sonyModel(device: Pick<USBDevice, 'vendorId' | 'productId'>): SonyModel | undefined {
  if (device.vendorId !== SONY_VENDOR_ID) return undefined;
  return SONY_MODELS.find((m) => m.productId === device.productId);
}

/** WebUSB `requestDevice` filters for the chooser. */
export const SONY_USB_FILTERS: readonly USBDeviceFilter[] = SONY_MODELS.map((m) => ({ vendorId: SONY_VENDOR_ID, productId: m.productId }));
