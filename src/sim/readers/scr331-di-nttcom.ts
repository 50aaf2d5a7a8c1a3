/**
 * SCR331-DI-NTTCom (04E6:5120): NTT Com's dual-interface reader (slot 0 contact, slot 1 contactless),
 * vendor class 0xFF, TPDU level, dwMaxCCIDMessageLength 263. Facts: libccid
 * `readers/SCR331-DI-NTTCom.txt` (LudovicRousseau/CCID @5de6a966).
 *
 * Not recorded anywhere we could find, so modelled and marked UNCONFIRMED:
 * - the raw configuration descriptor: the SCM SCR 3310's (same vendor and family) with class 0xFF and
 *   the class descriptor rebuilt from this dump (see scr3310-nttcom.ts for the template);
 * - the contactless slot: libccid (`src/ccid.c`, SCR331DI / SCR331DINTTCOM case, now under `#if 0`)
 *   sends Escape `00` (commented answer `06 10 03 03 00 00 00 01 FE FF FF FE 01 ??`) and Escape `02`
 *   (answer `00 ??`) to slot 1 before use, then drives that slot at short-APDU level with automatic IFSD.
 *   Here the slot reports no card until both Escapes were seen, then exchanges short APDUs; the
 *   Escapes answer the 13 and 1 known bytes. Which bytes '??' stand for, and whether the real reader
 *   refuses the slot before the Escapes, is unknown.
 * - SCM firmware accepts 271-byte messages although it announces 263 (libccid src/commands.c,
 *   BOGUS_SCM_FIRMWARE_FOR_dwMaxCCIDMessageLength: "reports 263 instead of 270"): tolerated here.
 */
import { buildCcidClassDescriptor, type CcidClassFields } from '../ccid/class-descriptor';
import { createCcidReaderDouble, type CcidReaderDouble, type CcidReaderOptions, type CcidReaderProfile } from '../ccid/ccid-reader-double';
import type { SimSlot } from '../ccid/slot';
import type { SimCard } from '../t1/card-t1';
import { fromHex } from '../card/bytes';
import { CLASS_DESCRIPTOR_OFFSET, INTERFACE_CLASS_OFFSET, SCR3310_RAW_CONFIGURATION } from './scr3310-nttcom';

export const SCR331_DI_NTTCOM_FIELDS: CcidClassFields = {
  bcdCCID: 0x0100,
  maxSlotIndex: 1,
  voltageSupport: 0x01,
  protocols: 0x0003,
  defaultClockKhz: 4000,
  maximumClockKhz: 12000,
  numClockSupported: 0,
  dataRate: 10753,
  maxDataRate: 344105,
  numDataRatesSupported: 0,
  maxIfsd: 252,
  synchProtocols: 0,
  mechanical: 0,
  features: 0x000100ba,
  maxMessageLength: 263,
  classGetResponse: 0xff,
  classEnvelope: 0xff,
  lcdLayout: 0,
  pinSupport: 0,
  maxBusySlots: 1,
};

/** Escape answers from the libccid comments (see above). */
export const SCR331_ESCAPE_00_ANSWER = Uint8Array.of(0x06, 0x10, 0x03, 0x03, 0x00, 0x00, 0x00, 0x01, 0xfe, 0xff, 0xff, 0xfe, 0x01);
export const SCR331_ESCAPE_02_ANSWER = Uint8Array.of(0x00);

function scr331Escape(slot: SimSlot, data: Uint8Array): Uint8Array | 'unsupported' {
  if (data.length !== 1) return 'unsupported';
  if (data[0] === 0x00) {
    if (slot.kind === 'contactless' && slot.contactlessInit === 0) slot.contactlessInit = 1;
    return SCR331_ESCAPE_00_ANSWER.slice();
  }
  if (data[0] === 0x02) {
    if (slot.kind === 'contactless' && slot.contactlessInit === 1) slot.contactlessInit = 2;
    return SCR331_ESCAPE_02_ANSWER.slice();
  }
  return 'unsupported';
}

export function scr331DiNttComConfiguration(): Uint8Array<ArrayBuffer> {
  const raw = fromHex(SCR3310_RAW_CONFIGURATION);
  raw[INTERFACE_CLASS_OFFSET] = 0xff;
  raw.set(buildCcidClassDescriptor(SCR331_DI_NTTCOM_FIELDS), CLASS_DESCRIPTOR_OFFSET);
  return raw;
}

export const SCR331_DI_NTTCOM_PROFILE: CcidReaderProfile = {
  identity: {
    vendorId: 0x04e6,
    productId: 0x5120,
    manufacturerName: 'SCM Microsystems Inc.',
    productName: 'SCR331-DI USB Smart Card Reader',
    deviceVersion: [6, 2, 7],
  },
  configurationDescriptor: scr331DiNttComConfiguration(),
  fields: SCR331_DI_NTTCOM_FIELDS,
  interfaceNumber: 0,
  endpoints: { bulkOut: 1, bulkIn: 2, interrupt: 3 },
  // The dump: "IFD does not support GET CLOCK FREQUENCIES request" / "… GET_DATA_RATES request".
  clockFrequenciesKhz: 'stall',
  dataRates: 'stall',
  slots: ['contact', 'contactless'],
  acceptedMaxMessageLength: 271,
  zeroLengthPacket: false,
  escape: scr331Escape,
  contactlessLevel: 'short-apdu',
};

/** `card` goes into slot 0 (contact); put a contactless card with `device.insertCard(card, 1)`. */
export function createScr331DiNttCom(card?: SimCard, options?: CcidReaderOptions): CcidReaderDouble {
  return createCcidReaderDouble(SCR331_DI_NTTCOM_PROFILE, card, options);
}
