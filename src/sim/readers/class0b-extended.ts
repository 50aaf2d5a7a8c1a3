/**
 * A class-0x0B contact reader at short-and-extended APDU level: the Identive CLOUD 2700 R
 * (04E6:5810). Facts: libccid `readers/Identive_CLOUD_2700_R.txt` (LudovicRousseau/CCID @5de6a966):
 * class 0x0B, T=0/T=1, dwFeatures 0x000404BA ("Short and Extended APDU level exchange", automatic PPS,
 * automatic IFSD), dwMaxCCIDMessageLength 271, so any APDU or response above 261 bytes travels in CCID
 * chains (§6.1.4, §6.2.1). Chosen because it is a common desk reader whose dump shows this level and
 * whose small message size makes chaining happen for a 2 KB read.
 *
 * Chrome refuses `claimInterface` on it (smart card is a protected class); `allowProtectedClasses`
 * lets it be claimed, as an Isolated Web App with "usb-unrestricted" could.
 *
 * UNCONFIRMED: the raw descriptor is not recorded; it is built here with the interface descriptor, the
 * class descriptor right after it and three endpoints laid out as on the SCM SCR 3310 (SCM and Identive
 * are one company), 0x01 bulk OUT, 0x82 bulk IN, 0x83 interrupt IN (16 bytes, interval 16). The dump's
 * "IFD does not support GET CLOCK FREQUENCIES request: Success" reads as an empty answer, modelled so.
 */
import { buildCcidClassDescriptor, type CcidClassFields } from '../ccid/class-descriptor';
import { createCcidReaderDouble, type CcidReaderDouble, type CcidReaderOptions, type CcidReaderProfile } from '../ccid/ccid-reader-double';
import type { SimCard } from '../t1/card-t1';
import { buildConfigurationDescriptor } from '../usb/descriptors';

export const CLOUD_2700_R_FIELDS: CcidClassFields = {
  bcdCCID: 0x0110,
  maxSlotIndex: 0,
  voltageSupport: 0x07,
  protocols: 0x0003,
  defaultClockKhz: 4800,
  maximumClockKhz: 16000,
  numClockSupported: 0,
  dataRate: 12903,
  maxDataRate: 600000,
  numDataRatesSupported: 0,
  maxIfsd: 254,
  synchProtocols: 0,
  mechanical: 0,
  features: 0x000404ba,
  maxMessageLength: 271,
  classGetResponse: 0xff,
  classEnvelope: 0xff,
  lcdLayout: 0,
  pinSupport: 0,
  maxBusySlots: 1,
};

export const CLOUD_2700_R_PROFILE: CcidReaderProfile = {
  identity: {
    vendorId: 0x04e6,
    productId: 0x5810,
    manufacturerName: 'Identive',
    productName: 'CLOUD 2700 R Smart Card Reader',
    deviceVersion: [1, 0, 0],
  },
  configurationDescriptor: buildConfigurationDescriptor([
    {
      number: 0,
      cls: 0x0b,
      classDescriptor: buildCcidClassDescriptor(CLOUD_2700_R_FIELDS),
      endpoints: [
        { address: 0x01, type: 'bulk', packetSize: 64 },
        { address: 0x82, type: 'bulk', packetSize: 64 },
        { address: 0x83, type: 'interrupt', packetSize: 16, interval: 16 },
      ],
    },
  ]),
  fields: CLOUD_2700_R_FIELDS,
  interfaceNumber: 0,
  endpoints: { bulkOut: 1, bulkIn: 2, interrupt: 3 },
  clockFrequenciesKhz: [],
  dataRates: [],
  slots: ['contact'],
  zeroLengthPacket: false,
};

export function createClass0bExtended(card?: SimCard, options?: CcidReaderOptions): CcidReaderDouble {
  return createCcidReaderDouble(CLOUD_2700_R_PROFILE, card, options);
}
