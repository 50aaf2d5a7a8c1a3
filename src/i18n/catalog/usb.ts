import type { Catalog } from '../types';

// Strings of the usb domain. Keys: `error.<code>` for LensError codes, `usb.<what>` otherwise.
export const usbCatalog: Catalog = {
  ja: {},
  en: {},
};
