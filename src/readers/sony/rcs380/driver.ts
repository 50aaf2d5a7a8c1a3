/**
 * Sony PaSoRi RC-S380 (054C:06C1 /S, 06C3 /P; RC-S634/UA 06C2) driven from a page over its one
 * vendor-class interface, speaking NFC Port-100 (nfcpy `src/nfc/clf/rcs380.py`), with the page
 * running ISO/IEC 14443-3 Type B activation and ISO-DEP itself (src/readers/isodep).
 *
 * | function                              | support | remarks                                                        |
 * |---------------------------------------|---------|----------------------------------------------------------------|
 * | Type B activation at 106 kbit/s       | yes     | REQB `05 00 10`, ATTRIB FSDI 8, nfcpy sense_ttb settings        |
 * | Type B at 212 / 424 kbit/s            | yes     | after ATTRIB when the ATQB allows; InSetRF 3,8 / 3,9 (nfcpy)   |
 * | fall back to 106 kbit/s               | yes     | first exchange after the rate change failed (rate-fallback.ts)  |
 * | user cap on the rate ("always 106")   | yes     | SonyReaderOptions.contactlessMaxRate, asked at each activation  |
 * | Type B at 848 kbit/s                  | no      | no Port-100 setting is known                                    |
 * | ISO-DEP frames up to 256 bytes        | yes     | Port-100 carries 290 bytes (nfcpy get_max_send_data_size)      |
 * | ISO-DEP chaining, WTX, R(NAK) recovery| yes     | src/readers/isodep/initiator.ts                                 |
 * | extended APDUs                        | no      | short APDUs only (portable choice, jpki-card.md §1.2)           |
 * | card presence                         | polled  | R(NAK) presence check / REQB; no interrupt endpoint             |
 * | Type A, FeliCa, target mode           | no      | not needed for the My Number Card                               |
 *
 * The device must be free: on Linux the `port100` kernel module binds it (unbind or blacklist it),
 * on Windows Sony's NFC Port Software holds it (WinUSB via Zadig is needed) — both show up as
 * `interface-busy` / `device-access-denied` (src/usb/errors.ts, with per-OS advice).
 */
import type { Transcript } from '../../../trace/transcript';
import { detectOs } from '../../../usb/errors';
import type { TypeBLink } from '../../isodep/link';
import type { BitRate, LinkRates } from '../../isodep/type-b';
import type { CardReader, ReaderInfo } from '../../types';
import { BulkPipe } from '../bulk-pipe';
import { FIELD_RESET_MS, pause, SonyContactlessReader, type ContactlessFrontEnd, type SonyReaderOptions } from '../contactless-reader';
import { sonyModel } from '../known-readers';
import { quietable } from '../quiet-transcript';
import { closeVendorInterface, openVendorInterface } from '../usb-open';
import { Port100Chipset } from './chipset';
import { TYPE_B_RATES } from './commands';

/** Largest Type B frame (CRC included) we ask the card to send or accept: FSD/FSC 256. */
const MAX_FRAME = 256;

class Port100TypeBLink implements TypeBLink {
  readonly maxFrameSize = MAX_FRAME;
  readonly bitRates: readonly BitRate[] = TYPE_B_RATES;
  rates: LinkRates = { pcdToPicc: 106, piccToPcd: 106 };
  constructor(private readonly chipset: Port100Chipset) {}

  transceive(frame: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return this.chipset.inCommRf(frame, timeoutMs);
  }

  async setBitRates(rates: LinkRates): Promise<void> {
    await this.chipset.inSetRf(rates.pcdToPicc, rates.piccToPcd);
    // nfcpy re-sends the protocol settings after every InSetRF (send_cmd_recv_rsp); whether InSetRF
    // resets them is UNCONFIRMED, so do the same once per rate change.
    await this.chipset.setTypeBProtocol();
    this.rates = rates;
  }
}

export class Rcs380FrontEnd implements ContactlessFrontEnd {
  readonly link: Port100TypeBLink;
  constructor(
    readonly chipset: Port100Chipset,
    private readonly device: USBDevice,
    private readonly interfaceNumber: number,
  ) {
    this.link = new Port100TypeBLink(chipset);
  }

  async startTypeB(): Promise<void> {
    // Field off first: the card loses power and forgets any earlier session (ISO/IEC 14443-3 §6.2
    // reset); the next InCommRF switches the field on again after the initial guard time.
    await this.chipset.switchRf(false);
    await pause(FIELD_RESET_MS);
    await this.chipset.inSetRf(106, 106);
    await this.chipset.setTypeBProtocol();
    this.link.rates = { pcdToPicc: 106, piccToPcd: 106 };
  }

  fieldOff(): Promise<void> {
    return this.chipset.switchRf(false);
  }

  async shutdown(): Promise<void> {
    try {
      await this.chipset.shutdown();
    } finally {
      await closeVendorInterface(this.device, this.interfaceNumber);
    }
  }
}

export async function openRcs380(device: USBDevice, options: SonyReaderOptions = {}): Promise<SonyContactlessReader> {
  const model = sonyModel(device);
  const name = model?.name ?? device.productName ?? 'Sony RC-S380';
  const context = { name, vendorId: device.vendorId, productId: device.productId, os: detectOs(options.platform) };
  const vendor = await openVendorInterface(device, context, undefined, options.timeoutMs);
  const transcript: Transcript | undefined = quietable(options.transcript);
  const pipe = new BulkPipe(device, { ...vendor, transcript, layer: 'port100', context, ...(options.timeoutMs ? { writeTimeoutMs: options.timeoutMs } : {}) });
  const chipset = new Port100Chipset(pipe, { timeoutMs: options.timeoutMs, transcript });
  try {
    await chipset.init();
  } catch (e) {
    await closeVendorInterface(device, vendor.interfaceNumber);
    throw e;
  }
  transcript?.note('port100', `NFC Port-100 firmware ${chipset.firmware}, package data ${chipset.pdDataVersion}`);
  const info: ReaderInfo = {
    vendorId: device.vendorId,
    productId: device.productId,
    name,
    family: 'rcs380',
    cardInterface: 'contactless',
    protocols: ['ISO 14443-4 Type B'],
    experimental: model?.experimental ?? false,
  };
  return new SonyContactlessReader(info, new Rcs380FrontEnd(chipset, device, vendor.interfaceNumber), { ...options, transcript });
}

/** The registry entry (src/readers/drivers.ts). */
export const rcs380Driver = {
  id: 'sony-rcs380',
  matches: (device: USBDevice): boolean => sonyModel(device)?.family === 'rcs380',
  open: (device: USBDevice, options: SonyReaderOptions): Promise<CardReader> => openRcs380(device, options),
};
