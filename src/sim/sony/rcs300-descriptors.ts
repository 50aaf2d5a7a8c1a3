/**
 * The RC-S300/S's USB layout, rebuilt from what is recorded (no raw dump exists):
 *  - interface 0: CCID, class 0x0B, bulk OUT 0x01, bulk IN 0x81, interrupt IN 0x83, packet size 64;
 *    the 54-byte class descriptor from libccid `readers/SONY_FeliCa_RC-S300_S.txt` (bcdCCID 1.10,
 *    voltages 0x07, T=1, 4 MHz, 115200–921600 bps, IFSD 254, dwFeatures 0x0004007E, 522 bytes);
 *  - interface 1: vendor class 0xFF, bulk OUT 0x02, bulk IN 0x82, packet size 64
 *    (corpus raw-descriptors.json `rcs300_usb_layout_measured`, from tanakamasayuki/EspUsbHost).
 * UNCONFIRMED: the interrupt endpoint's packet size and interval (8 bytes, 16 ms chosen), the
 * interface order in the descriptor, bcdDevice 1.00 (libccid says "1.00").
 */
import { buildCcidClassDescriptor, type CcidClassFields } from '../ccid/class-descriptor';
import { buildConfigurationDescriptor } from '../usb/descriptors';

export const RCS300_CCID_FIELDS: CcidClassFields = {
  bcdCCID: 0x0110,
  maxSlotIndex: 0,
  voltageSupport: 0x07,
  protocols: 0x0002,
  defaultClockKhz: 4000,
  maximumClockKhz: 4000,
  numClockSupported: 0,
  dataRate: 115200,
  maxDataRate: 921600,
  numDataRatesSupported: 0,
  maxIfsd: 254,
  synchProtocols: 0,
  mechanical: 0,
  features: 0x0004007e,
  maxMessageLength: 522,
  classGetResponse: 0x00,
  classEnvelope: 0x00,
  lcdLayout: 0,
  pinSupport: 0,
  maxBusySlots: 1,
};

export const RCS300_CONFIGURATION = buildConfigurationDescriptor([
  {
    number: 0,
    cls: 0x0b,
    classDescriptor: buildCcidClassDescriptor(RCS300_CCID_FIELDS),
    endpoints: [
      { address: 0x01, type: 'bulk', packetSize: 64 },
      { address: 0x81, type: 'bulk', packetSize: 64 },
      { address: 0x83, type: 'interrupt', packetSize: 8, interval: 16 },
    ],
  },
  { number: 1, cls: 0xff, endpoints: [{ address: 0x02, type: 'bulk', packetSize: 64 }, { address: 0x82, type: 'bulk', packetSize: 64 }] },
]);
