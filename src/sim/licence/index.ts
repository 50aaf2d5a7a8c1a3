/** The virtual IC driver's licence (virtual-licence.ts), its holders and options. */
export { VirtualDriversLicence, createVirtualDriversLicence } from './virtual-licence';
export {
  DEFAULT_LICENCE_PINS,
  DPIN,
  LICENCE_AID,
  LICENCE_CONTACTLESS_ATR,
  LICENCE_CONTACT_ATR,
  LICENCE_PIN_TRIES,
  LICENCE_TYPE_B,
  type VirtualLicenceOptions,
} from './options';
export { LICENCE_CLASSES, LICENCE_HOLDERS, LICENCE_HOLDER_IDS, type LicenceChange, type LicenceClassCode, type LicenceHolder, type LicenceHolderId } from './holders';
export type { PinNumber as LicencePinNumber } from './layout';
export { DEFAULT_MYNA_LICENCE_PIN, MYNA_LICENCE_AID, MYNA_LICENCE_PIN_TRIES, type MynaLicenceOptions } from './myna-instance';
