/**
 * Gemalto GemPC Twin (08E6:3437): a class-0x0B TPDU reader *without* automatic PPS (dwFeatures
 * 0x00010230), so the host sends the PPS request itself through XfrBlock (ISO/IEC 7816-3 §9) and
 * then SetParameters. The 54-byte class descriptor, the endpoints and the 53-entry GET_DATA_RATES
 * answer are real bytes recorded by GoogleChromeLabs/chromeos_smart_card_connector @f7f5cee8
 * `smart_card_connector_app/src/testing_smart_card_simulation.cc` ("Values are taken from a real
 * device"; corpus raw-descriptors.json). The configuration and interface descriptors around them are
 * built here (UNCONFIRMED: not recorded). Protected class, like every 0x0B reader.
 */
import type { CcidClassFields } from '../ccid/class-descriptor';
import { createCcidReaderDouble, type CcidReaderDouble, type CcidReaderOptions, type CcidReaderProfile } from '../ccid/ccid-reader-double';
import { readU32le } from '../ccid/messages';
import type { SimCard } from '../t1/card-t1';
import { buildConfigurationDescriptor } from '../usb/descriptors';
import { fromHex } from '../card/bytes';

export const GEMPC_TWIN_CLASS_DESCRIPTOR = '36210101000703000000c0120000c01200000067320000ce990c0035fe0000000000000000000000300201000f010000000000000001';

export const GEMPC_TWIN_DATA_RATES_HEX =
  '67320000ce6400009dc900003a93010074260300e74c0600ce990c00d75c020011f003003443000069860000d10c0100a2190200453304008a6608000ba0020073300000e6600000ccc100009983010032070300630e0600b32201007fe40100065001003697000004fc000053280000a55000004aa100009542010029850200f87800003e4900007c920000f8240100f0490200e0930400c027090074b701006cdc0200d4300000a861000050c30000a0860100400d0300801a060048e80100badb0000366e010024f40000dd6d00001bb70000';

/** The fields of the recorded class descriptor, read at its offsets (CCID Rev 1.10 Table 5.1-1). */
export function fieldsOf(d: Uint8Array): CcidClassFields {
  return {
    bcdCCID: d[2] | (d[3] << 8),
    maxSlotIndex: d[4],
    voltageSupport: d[5],
    protocols: readU32le(d, 6),
    defaultClockKhz: readU32le(d, 10),
    maximumClockKhz: readU32le(d, 14),
    numClockSupported: d[18],
    dataRate: readU32le(d, 19),
    maxDataRate: readU32le(d, 23),
    numDataRatesSupported: d[27],
    maxIfsd: readU32le(d, 28),
    synchProtocols: readU32le(d, 32),
    mechanical: readU32le(d, 36),
    features: readU32le(d, 40),
    maxMessageLength: readU32le(d, 44),
    classGetResponse: d[48],
    classEnvelope: d[49],
    lcdLayout: d[50] | (d[51] << 8),
    pinSupport: d[52],
    maxBusySlots: d[53],
  };
}

const classDescriptor = fromHex(GEMPC_TWIN_CLASS_DESCRIPTOR);
const rates = fromHex(GEMPC_TWIN_DATA_RATES_HEX);

export const GEMPC_TWIN_PROFILE: CcidReaderProfile = {
  identity: { vendorId: 0x08e6, productId: 0x3437, manufacturerName: 'Gemalto', productName: 'USB SmartCard Reader', deviceVersion: [2, 0, 0] },
  configurationDescriptor: buildConfigurationDescriptor([
    {
      number: 0,
      cls: 0x0b,
      classDescriptor,
      endpoints: [
        { address: 0x01, type: 'bulk', packetSize: 64 },
        { address: 0x82, type: 'bulk', packetSize: 64 },
        { address: 0x83, type: 'interrupt', packetSize: 8 },
      ],
    },
  ]),
  fields: fieldsOf(classDescriptor),
  interfaceNumber: 0,
  endpoints: { bulkOut: 1, bulkIn: 2, interrupt: 3 },
  clockFrequenciesKhz: 'stall',
  dataRates: Array.from({ length: rates.length / 4 }, (_, i) => readU32le(rates, 4 * i)),
  slots: ['contact'],
  zeroLengthPacket: false,
};

export function createGemPcTwin(card?: SimCard, options?: CcidReaderOptions): CcidReaderDouble {
  return createCcidReaderDouble(GEMPC_TWIN_PROFILE, card, options);
}
