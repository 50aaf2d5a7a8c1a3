/** The CCID entry of the reader driver registry (src/readers/drivers.ts). */
import type { ReaderDriver } from '../drivers';
import { lookupReader } from '../../usb/catalogue';
import { CLASS_SMART_CARD } from '../../usb/ccid-function';
import { openCcidReader } from './reader';

/**
 * Any device with a Smart Card class (0x0B) interface, or one the catalogue knows as a CCID reader
 * (the vendor-class ones such as the SCR3310-NTTCom). A class-0x0B reader is taken too, so that
 * opening it ends in the explained `protected-class` error rather than "unsupported".
 */
export const ccidDriver: ReaderDriver = {
  id: 'ccid',
  matches(device) {
    const known = lookupReader(device.vendorId, device.productId);
    if (known) return known.family === 'ccid';
    return device.configurations.some((c) => c.interfaces.some((i) => i.alternates.some((a) => a.interfaceClass === CLASS_SMART_CARD)));
  },
  open: (device, options) => openCcidReader(device, options),
};
