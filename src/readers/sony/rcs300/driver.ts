/**
 * Sony PaSoRi RC-S300/S and /P (054C:0DC8, 0DC9) driven from a page over interface 1 (vendor class):
 * CCID Escape frames carrying the transparent-session pseudo-APDUs, with the page running Type B
 * activation and ISO-DEP itself. Interface 0 is CCID class 0x0B, which Chrome refuses to a page.
 *
 * EXPERIMENTAL: nobody has published this route working with a My Number card (ccid-webusb.md §4
 * "open question"). ReaderInfo.experimental is true, and every Escape frame, pseudo-APDU and
 * ISO-DEP block goes to the transcript, so a real user's diagnostics report can be replayed
 * (./replay.ts) and turned into a test.
 *
 * | function                              | support  | remarks                                                         |
 * |---------------------------------------|----------|-----------------------------------------------------------------|
 * | transparent session, RF off/on        | yes      | `FF 50 00 00` objects 81/82/83/84 (corpus trace, real probe)     |
 * | switch protocol to Type B             | yes, ?   | `8F 02 01 03` by default (UNCONFIRMED on hardware; option)      |
 * | Type B activation, ISO-DEP            | yes      | our REQB/ATTRIB/I-blocks in `95` transceive objects             |
 * | 212/424 kbit/s                        | no       | no bit-rate object known for this reader; 106 kbit/s only       |
 * | ISO-DEP frames up to 128 bytes        | yes      | FSD/FSC 128: a frame and its objects fit one short pseudo-APDU   |
 * | extended pseudo-APDUs / card APDUs    | no       | short only (2-byte Le answered 67 00, see below)                 |
 * | card presence                         | polled   | R(NAK) presence check / REQB                                     |
 * | FeliCa, Type A                        | no       | not needed for the My Number Card                                |
 *
 * Real data compared (../shared/corpus/real/rcs300-espusbhost-measured.txt, "real": measured by
 * EspUsbHost on a real RC-S300/S over interface 0 with XfrBlock, no Type B card; and the README's
 * last section, "2nd": a WebUSB module said to be checked on a real RC-S300/P over interface 1,
 * provenance UNCONFIRMED). Host = this driver; double = src/sim/sony/rcs300-double.ts. Tests:
 * tests/unit/readers/sony/rcs300-espusbhost-measured.test.ts.
 *
 * | point                                   | real data says                                   | host                                  | double                                  |
 * |-----------------------------------------|--------------------------------------------------|---------------------------------------|-----------------------------------------|
 * | identity                                | 054C:0DC8 "FeliCa Port/PaSoRi 4.0"               | matched by known-readers.ts           | same                                    |
 * | interface 0 CCID descriptor             | bcd 1.10, 1 slot, 0x07 V, T=1 only, features     | not used (class 0x0B: no page access) | same values (rcs300-descriptors.ts)     |
 * |                                         | 0x0004007E (extended APDU level), 522 bytes,     |                                       |                                         |
 * |                                         | bulk 0x01/0x81, interrupt 0x83                   |                                       |                                         |
 * | pseudo-APDU form                        | `FF 50 00 P2 Lc objects 00` (short, real);       | short; was extended `00 Lc1 Lc2 … 00 00`| short; extended with 2-byte Le → 67 00  |
 * |                                         | 2-byte Le → `67 00` (2nd)                        | → FIXED                               | (2nd; was accepted) → FIXED             |
 * | INS C2 (PC/SC Part 3 standard form)     | answered too (real)                              | not used (INS 50 as measured)         | answered like INS 50 → FIXED (was 6E00) |
 * | session objects 81/82/83/84, 2 bytes    | `FF 50 00 00 02 8x 00 00` (real, 2nd)            | same bytes                            | same                                    |
 * | session answer                          | `C0 03 00 90 00` + `90 00` (real, 2nd)           | expected exactly (expectOk)           | same                                    |
 * | C0 result/SW codes                      | 00/9000 ok, 01/6301 refused, 01/6401 malformed,  | all named (nameGeneric)               | all produced                            |
 * |                                         | 01/6700 length, 01/6A81 value, 02/6401 no answer |                                       |                                         |
 * | timer object 5F 46 04 (µs LE)           | mandatory in an exchange (real)                  | always sent                           | exchange without it → malformed         |
 * | switch protocol value length            | `8F 01 p` → 01/6700 (real)                       | always 2 bytes                        | 01/6700; was 01/6401 → FIXED            |
 * | switch protocol FeliCa / Type B         | `03 00` FeliCa (real); Type B: no data           | `01 03` (UNCONFIRMED, option)         | accepts 01 02 / 01 03 (assumed)         |
 * | RF off then on before exchanging        | required (real: RF on alone left a card mute)    | startTypeB cycles the field           | field off resets the card (PICC model)  |
 * | exchange answer                         | C0 ok, 92 01 00, 96 02 00 00, 97 len frame, 9000 | parsed in any order, BER lengths      | emitted in that order                   |
 * | nothing answered                        | `C0 03 02 64 01 90 00` (real, 2nd)               | rf-timeout (ISO-DEP recovers)         | same bytes                              |
 * | bit-framing object 90                   | not needed; 90 01 x → 01/6700, 90 02 xx → 03/6401| never sent                            | those answers → FIXED (was ignored)     |
 * | Escape message types                    | 0x6B / 0x83 on interface 1 (2nd); EspUsbHost's   | 0x6B / 0x83 on interface 1            | same; anything else → failed SlotStatus |
 * |                                         | "Escape unsupported" used 0x6E (IccClock)        |                                       |                                         |
 * | ATRs (interface 0's own PC/SC synthesis)| `3B 8F 80 01 80 4F 0C A0 00 00 03 06 …` (FeliCa, | own Type B ATR (isodep/atr.ts); the   | not modelled (interface 0 is not)       |
 * |                                         | MIFARE), `3B 80 80 01 01` (iPhone), no Type B    | reader's own is not reachable here    |                                         |
 * | 96 status bits, 97 long lengths, Type B | no data                                          | read as PC/SC Part 3 (UNCONFIRMED)    | CRC error as 96 02 01 00 (assumed)      |
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
import { EscapeTransport } from './escape';
import {
  exchangeResult, expectOk, GET_FIRMWARE_VERSION, manageSession, OBJ, parseTransparentResponse, PROTOCOL, switchProtocol, transparentExchange,
} from './transparent';

export interface Rcs300Options extends SonyReaderOptions {
  /** Switch-protocol layer byte for Type B (default 03; 02 may be what the firmware wants — UNCONFIRMED). */
  readonly typeBLayer?: number;
}

export const RCS300_VENDOR_INTERFACE = 1;

class TransparentTypeBLink implements TypeBLink {
  /**
   * FSD 128 (and FSC at most 128): with short pseudo-APDUs only (see the header), a card frame of
   * 256 bytes would not fit. Outbound a frame may be 244 bytes (MAX_EXCHANGE_FRAME); inbound the
   * answer objects (15 bytes) plus a 254-byte frame would exceed the 256 bytes a one-byte Le asks
   * for. Whether the reader enforces that Le is not known, so the next table size down is used.
   */
  readonly maxFrameSize = 128;
  readonly bitRates: readonly BitRate[] = [106];
  constructor(private readonly escape: EscapeTransport) {}

  async transceive(frame: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    const pseudoApdu = transparentExchange(frame, timeoutMs * 1000);
    try {
      const data = await this.escape.call(pseudoApdu, 'transparent exchange', timeoutMs);
      return exchangeResult(parseTransparentResponse(data));
    } finally {
      pseudoApdu.fill(0); // it holds a copy of the ISO-DEP block, which may carry a PIN (house rule 7)
    }
  }

  setBitRates(rates: LinkRates): Promise<void> {
    // Unreachable while bitRates is [106]: activation only changes rates the link lists.
    return Promise.reject(new RangeError(`RC-S300 link runs 106 kbit/s only, asked ${rates.pcdToPicc}/${rates.piccToPcd}`));
  }
}

export class Rcs300FrontEnd implements ContactlessFrontEnd {
  readonly link: TransparentTypeBLink;
  private inSession = false;

  constructor(
    readonly escape: EscapeTransport,
    private readonly device: USBDevice,
    private readonly typeBLayer = 0x03,
  ) {
    this.link = new TransparentTypeBLink(escape);
  }

  /** Firmware version bytes (FF 56 00 00), for the diagnostics report; undefined if refused. */
  async firmwareVersion(): Promise<Uint8Array | undefined> {
    const data = await this.escape.call(GET_FIRMWARE_VERSION, 'get firmware version');
    return data.length >= 2 && data[data.length - 2] === 0x90 && data[data.length - 1] === 0x00 ? data.slice(0, -2) : undefined;
  }

  async startTypeB(): Promise<void> {
    if (!this.inSession) {
      // End a session a killed page may have left open; its answer does not matter.
      await this.escape.call(manageSession(OBJ.endSession), 'end transparent session');
      await this.session(OBJ.startSession, 'start transparent session');
      this.inSession = true;
    }
    // "The RF field must be switched off and on again before an exchange" (ccid-webusb.md §4).
    await this.session(OBJ.rfOff, 'RF off');
    await pause(FIELD_RESET_MS);
    await this.session(OBJ.rfOn, 'RF on');
    expectOk('switch protocol', parseTransparentResponse(await this.escape.call(switchProtocol(PROTOCOL.typeB, this.typeBLayer), 'switch protocol Type B')));
  }

  async fieldOff(): Promise<void> {
    if (this.inSession) await this.session(OBJ.rfOff, 'RF off');
  }

  async shutdown(): Promise<void> {
    try {
      if (this.inSession) {
        await this.session(OBJ.rfOff, 'RF off');
        await this.session(OBJ.endSession, 'end transparent session');
        this.inSession = false;
      }
    } finally {
      await closeVendorInterface(this.device, RCS300_VENDOR_INTERFACE);
    }
  }

  private async session(object: number, what: string): Promise<void> {
    expectOk(what, parseTransparentResponse(await this.escape.call(manageSession(object), what)));
  }
}

export async function openRcs300(device: USBDevice, options: Rcs300Options = {}): Promise<SonyContactlessReader> {
  const model = sonyModel(device);
  const name = model?.name ?? device.productName ?? 'Sony RC-S300';
  const context = { name, vendorId: device.vendorId, productId: device.productId, os: detectOs(options.platform) };
  const vendor = await openVendorInterface(device, context, RCS300_VENDOR_INTERFACE, options.timeoutMs);
  const transcript: Transcript | undefined = quietable(options.transcript);
  const pipe = new BulkPipe(device, { ...vendor, transcript, layer: 'rcs300', context, ...(options.timeoutMs ? { writeTimeoutMs: options.timeoutMs } : {}) });
  const escape = new EscapeTransport(pipe, options.timeoutMs, transcript);
  const frontEnd = new Rcs300FrontEnd(escape, device, options.typeBLayer);
  try {
    const fw = await frontEnd.firmwareVersion();
    transcript?.note('rcs300', `experimental RC-S300 interface 1; firmware ${fw ? Array.from(fw, (b) => b.toString(16).padStart(2, '0')).join(' ') : 'not reported'}`);
  } catch (e) {
    await closeVendorInterface(device, vendor.interfaceNumber);
    throw e;
  }
  const info: ReaderInfo = {
    vendorId: device.vendorId,
    productId: device.productId,
    name,
    family: 'rcs300',
    cardInterface: 'contactless',
    protocols: ['ISO 14443-4 Type B'],
    experimental: true,
  };
  return new SonyContactlessReader(info, frontEnd, { ...options, transcript });
}

/** The registry entry (src/readers/drivers.ts). */
export const rcs300Driver = {
  id: 'sony-rcs300',
  matches: (device: USBDevice): boolean => sonyModel(device)?.family === 'rcs300',
  open: (device: USBDevice, options: Rcs300Options): Promise<CardReader> => openRcs300(device, options),
};
