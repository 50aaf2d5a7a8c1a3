/**
 * NTT Com SCR3310-NTTCom (04E6:511A): the contact reader sold in Japan for e-Tax and JPKI. Its CCID
 * function is declared vendor class 0xFF, so stock Chrome lets a page claim it; it exchanges at TPDU
 * level, so the host runs T=1 itself. Facts: libccid `readers/SCR3310-NTTCom.txt` (LudovicRousseau/CCID
 * @5de6a966, copied to tests/unit/sim/readers/fixtures/).
 *
 * The raw configuration descriptor is that of the real SCM SCR 3310 (04E6:5116, 93 bytes, recorded by
 * GoogleChromeLabs/chromeos_smart_card_connector @f7f5cee8 `libusb-to-webusb-adaptor-unittest.js`,
 * "Parameters for a real SCM SCR 3310 device"), the same hardware family, with exactly two changes:
 *  1. byte 14, bInterfaceClass: 0x0B → 0xFF, as the NTTCom dump shows ("Class is 0xFF (proprietary)");
 *  2. bytes 18–71, the 54-byte class descriptor, rebuilt from the NTTCom dump's fields (bcdCCID 1.10
 *     instead of 1.00, voltages 0x07 instead of 0x01, clocks 4.8/8 MHz instead of 4/12 MHz, data rates
 *     12903–412903 bps instead of 9600–307200, dwFeatures 0x000101BA instead of 0x000100BA (adds clock
 *     stop), dwMaxCCIDMessageLength 271 instead of 263). bNumClockSupported and
 *     bNumDataRatesSupported stay 0, as dumped.
 * Everything else (configuration header, interface numbering, iInterface index, the three endpoints
 * 0x01 bulk OUT / 0x82 bulk IN / 0x83 interrupt IN with their packet sizes and interval) is the SCR 3310's;
 * the NTTCom dump agrees on the endpoint kinds ("bulk-IN, bulk-OUT and Interrupt-IN") but does not
 * record addresses or sizes (UNCONFIRMED for the NTTCom unit).
 */
import { buildCcidClassDescriptor, type CcidClassFields } from '../ccid/class-descriptor';
import { createCcidReaderDouble, type CcidReaderDouble, type CcidReaderOptions, type CcidReaderProfile } from '../ccid/ccid-reader-double';
import type { SimCard } from '../t1/card-t1';
import { fromHex } from '../card/bytes';

/** The real SCM SCR 3310 (04E6:5116) configuration descriptor, 93 bytes. */
export const SCR3310_RAW_CONFIGURATION =
  '09025d00010103a03209040000030b00000436210001000103000000a00f0000e02e0000008025000000b0040000fc0000000000000000000000ba00010007010000ffff00000001070501024000000705820240000007058303100010';

/** Offsets in that descriptor: configuration (9) + interface (9) → class descriptor at 18. */
export const INTERFACE_CLASS_OFFSET = 9 + 5;
export const CLASS_DESCRIPTOR_OFFSET = 18;

export const SCR3310_NTTCOM_FIELDS: CcidClassFields = {
  bcdCCID: 0x0110,
  maxSlotIndex: 0,
  voltageSupport: 0x07,
  protocols: 0x0003,
  defaultClockKhz: 4800,
  maximumClockKhz: 8000,
  numClockSupported: 0,
  dataRate: 12903,
  maxDataRate: 412903,
  numDataRatesSupported: 0,
  maxIfsd: 252,
  synchProtocols: 0,
  mechanical: 0,
  features: 0x000101ba,
  maxMessageLength: 271,
  classGetResponse: 0xff,
  classEnvelope: 0xff,
  lcdLayout: 0,
  pinSupport: 0,
  maxBusySlots: 1,
};

/** GET_CLOCK_FREQUENCIES as dumped ("Support … kHz"). */
export const SCR3310_NTTCOM_CLOCKS_KHZ = [4000, 4800, 6000, 8000, 12000];

/** GET_DATA_RATES as dumped, in the reader's order, repeats included (96 values). */
export const SCR3310_NTTCOM_DATA_RATES = [
  10752, 21505, 43010, 86021, 172043, 344086, 129032, 215053, 12903, 25806, 51612, 103225, 206451, 412903, 154838, 258064,
  10752, 21505, 43010, 86021, 172043, 344086, 129032, 215053, 10752, 21505, 43010, 86021, 172043, 344086, 129032, 215053,
  7168, 14336, 28673, 57347, 114695, 229390, 86021, 143369, 5376, 10752, 21505, 43010, 86021, 172043, 64516, 107526,
  4301, 8602, 17204, 34408, 68817, 137634, 51612, 86021, 9375, 18750, 37500, 75000, 150000, 300000, 112500, 187500,
  7812, 15625, 31250, 62500, 125000, 250000, 93750, 156250, 7812, 15625, 31250, 62500, 125000, 250000, 93750, 156250,
  5208, 10416, 20833, 41666, 83333, 166666, 62500, 104166, 3906, 7812, 15625, 31250, 62500, 125000, 46875, 78125,
];

export function scr3310NttComConfiguration(): Uint8Array<ArrayBuffer> {
  const raw = fromHex(SCR3310_RAW_CONFIGURATION);
  raw[INTERFACE_CLASS_OFFSET] = 0xff;
  raw.set(buildCcidClassDescriptor(SCR3310_NTTCOM_FIELDS), CLASS_DESCRIPTOR_OFFSET);
  return raw;
}

export const SCR3310_NTTCOM_PROFILE: CcidReaderProfile = {
  identity: {
    vendorId: 0x04e6,
    productId: 0x511a,
    manufacturerName: 'NTT Communications Corp.',
    productName: 'SCR3310-NTTCom USB SmartCard Reader',
    deviceVersion: [2, 0, 3],
  },
  configurationDescriptor: scr3310NttComConfiguration(),
  fields: SCR3310_NTTCOM_FIELDS,
  interfaceNumber: 0,
  endpoints: { bulkOut: 1, bulkIn: 2, interrupt: 3 },
  clockFrequenciesKhz: SCR3310_NTTCOM_CLOCKS_KHZ,
  dataRates: SCR3310_NTTCOM_DATA_RATES,
  slots: ['contact'],
  // UNCONFIRMED whether SCM firmware ends a 64·k-byte message with a ZLP; without one is the harder case.
  zeroLengthPacket: false,
};

export function createScr3310NttCom(card?: SimCard, options?: CcidReaderOptions): CcidReaderDouble {
  return createCcidReaderDouble(SCR3310_NTTCOM_PROFILE, card, options);
}
