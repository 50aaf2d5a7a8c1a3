/**
 * A Sony RC-S380 double: the device side of NFC Port-100 on the reader's one vendor-class
 * interface, with a Type B card in its field. Written from the Port-100 facts in ccid-webusb.md §4,
 * nfcpy's `rcs380.py`/`test_clf_rcs380.py` byte scripts and the real RC-S380 log in
 * corpus/ccid/traces/rcs380-port100-felica-nfcpy.log — independently of src/readers/sony (no import).
 *
 * USB layout: interface 0, class 0xFF, bulk OUT 0x02, bulk IN 0x81 (ccid-webusb.md §4, from
 * aruneko/WebUSB-MyNumberCard `transferOut(2)`/`transferIn(1)`). Packet size 64 (full speed) is
 * UNCONFIRMED: no descriptor dump of an RC-S380 was found.
 *
 * Behaviour not seen in any log, chosen tolerant and marked UNCONFIRMED: a frame with a bad
 * checksum or an unknown command is answered with the error frame `00 00 FF 01 FF 7F 81 00`; the
 * field is switched on by InCommRF (SwitchRF 00 turns it off).
 */
import { buildConfigurationDescriptor } from '../usb/descriptors';
import type { ApduCard, TypeBPiccOptions } from '../picc/type-b-picc';
import { ContactlessReaderDouble } from './contactless-double';

const ACK = Uint8Array.of(0x00, 0x00, 0xff, 0x00, 0xff, 0x00);
const ERROR_FRAME = Uint8Array.of(0x00, 0x00, 0xff, 0x01, 0xff, 0x7f, 0x81, 0x00);

export const RCS380_CONFIGURATION = buildConfigurationDescriptor([
  { number: 0, cls: 0xff, endpoints: [{ address: 0x02, type: 'bulk', packetSize: 64 }, { address: 0x81, type: 'bulk', packetSize: 64 }] },
]);

export interface Rcs380DoubleOptions {
  /** 0x06C1 (/S), 0x06C3 (/P, the one in the corpus log) or 0x06C2 (RC-S634/UA). */
  readonly productId?: number;
  /** The APDU-level card in the field (none: an empty reader). */
  readonly card?: ApduCard;
  readonly picc?: TypeBPiccOptions;
  /** Linux's port100 module ('claim') or a Windows vendor driver ('open') holding the device. */
  readonly heldByOsDriver?: 'open' | 'claim';
  readonly sendsZeroLengthPacket?: boolean;
}

const NAMES: Readonly<Record<number, string>> = { 0x06c1: 'RC-S380/S', 0x06c2: 'RC-S634/UA', 0x06c3: 'RC-S380/P' };

/** InSetRF (set number, comm type) pairs the chip accepts, and the Type B ones with their rates. */
const SEND_SETTINGS = new Set(['1,1', '1,2', '2,3', '4,4', '5,5', '3,7', '3,8', '3,9']);
const TYPE_B_RATE: Readonly<Record<number, number>> = { 7: 106, 8: 212, 9: 424 };

function sum(bytes: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < bytes.length; i++) s += bytes[i];
  return s & 0xff;
}

function frame(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 10);
  out.set([0x00, 0x00, 0xff, 0xff, 0xff, data.length & 0xff, data.length >> 8, (0x100 - sum([data.length & 0xff, data.length >> 8])) & 0xff]);
  out.set(data, 8);
  out[8 + data.length] = (0x100 - sum(data)) & 0xff;
  return out;
}

export class Rcs380Double extends ContactlessReaderDouble {
  /** Commands the device received, in order: [code, parameters]. */
  readonly commands: { code: number; params: Uint8Array }[] = [];
  private sendType = 0;
  private recvType = 0;
  private readonly protocol = new Map<number, number>();
  private epoch = 0;

  constructor(options: Rcs380DoubleOptions = {}) {
    const productId = options.productId ?? 0x06c3;
    super({
      identity: { vendorId: 0x054c, productId, manufacturerName: 'SONY', productName: NAMES[productId] ?? 'RC-S380', deviceVersion: [1, 1, 1] },
      configurationDescriptor: RCS380_CONFIGURATION,
      heldByOsDriver: options.heldByOsDriver,
      sendsZeroLengthPacket: options.sendsZeroLengthPacket,
    }, options.card, options.picc);
  }

  protected override onReset(): void {
    this.sendType = this.recvType = 0;
    this.protocol.clear();
    this.field.setField(false);
    this.epoch++;
  }

  protected onBulkOut(endpointNumber: number, data: Uint8Array): void {
    if (endpointNumber !== 2) return;
    if (data.length === 6 && data.every((b, i) => b === ACK[i])) {
      this.epoch++; // an ACK from the host cancels the command in progress
      return;
    }
    const payload = this.parse(data);
    if (!payload || payload[0] !== 0xd6 || payload.length < 2) {
      this.sendIn(1, ERROR_FRAME);
      return;
    }
    this.sendIn(1, ACK);
    const epoch = this.epoch;
    const code = payload[1];
    // A view, not a copy: InCommRF's frame is zeroed in place when it carries a PIN, and so is the
    // USB buffer it came in (the usbLog entry) — house rule 7.
    const params = payload.subarray(2);
    this.commands.push({ code, params });
    void this.execute(code, params).then((answer) => {
      if (epoch !== this.epoch || this.isUnplugged) return;
      this.sendIn(1, answer ? frame(Uint8Array.of(0xd7, code + 1, ...answer)) : ERROR_FRAME);
    });
  }

  private parse(data: Uint8Array): Uint8Array | undefined {
    if (data.length < 10 || data[0] !== 0 || data[1] !== 0 || data[2] !== 0xff || data[3] !== 0xff || data[4] !== 0xff) return undefined;
    if (sum([data[5], data[6], data[7]]) !== 0) return undefined;
    const len = data[5] | (data[6] << 8);
    if (data.length !== len + 10) return undefined;
    const payload = data.subarray(8, 8 + len);
    if (sum([...payload, data[8 + len]]) !== 0 || data[9 + len] !== 0) return undefined;
    return payload;
  }

  private async execute(code: number, p: Uint8Array): Promise<Uint8Array | undefined> {
    switch (code) {
      case 0x2a: // SetCommandType
        return Uint8Array.of(p[0] === 1 || p[0] === 0 ? 0 : 1);
      case 0x28: // GetCommandType: bit mask, big-endian u64
        return Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0x03);
      case 0x20: // GetFirmwareVersion: 1.11 as in the corpus log
        return Uint8Array.of(0x11, 0x01);
      case 0x22: // GetPDDataVersion: 1.00 as in the corpus log
        return Uint8Array.of(0x00, 0x01);
      case 0x06: // SwitchRF
        if (p.length !== 1 || p[0] > 1) return Uint8Array.of(1);
        this.field.setField(p[0] === 1);
        return Uint8Array.of(0);
      case 0x12: // ResetDevice
        this.onReset();
        return new Uint8Array(0);
      case 0x00: // InSetRF
        if (p.length !== 4 || !SEND_SETTINGS.has(`${p[0]},${p[1]}`) || p[2] !== 15) return Uint8Array.of(1);
        [this.sendType, this.recvType] = [p[1], p[3]];
        return Uint8Array.of(0);
      case 0x02: // InSetProtocol: (key, value) pairs, keys 0x00–0x13
        if (p.length % 2 !== 0) return Uint8Array.of(1);
        for (let i = 0; i < p.length; i += 2) if (p[i] > 0x13) return Uint8Array.of(1);
        for (let i = 0; i < p.length; i += 2) this.protocol.set(p[i], p[i + 1]);
        return Uint8Array.of(0);
      case 0x04:
        return this.inCommRf(p);
      default:
        return undefined;
    }
  }

  /** InCommRF: `timeout(u16 LE, 0.1 ms) frame` → `status(u32 LE) 08 frame`. */
  private async inCommRf(p: Uint8Array): Promise<Uint8Array> {
    if (p.length < 2) return Uint8Array.of(0x01, 0, 0, 0);
    const timeoutUs = (p[0] | (p[1] << 8) || 0xffff) * 100;
    const frameToCard = p.subarray(2); // a view (see onBulkOut)
    const sendRate = TYPE_B_RATE[this.sendType];
    const recvRate = TYPE_B_RATE[this.recvType];
    const key = (k: number) => this.protocol.get(k) ?? 0;
    // The card understands the frame only with Type B modulation and CRC_B/SOF/EOF added and checked
    // (keys 01 add_crc, 02 check_crc, 09 add_sof, 0A check_sof, 0B add_eof, 0C check_eof).
    const typeB = sendRate !== undefined && recvRate !== undefined && [1, 2, 9, 10, 11, 12].every((k) => key(k) === 1);
    const rates = { pcdToPicc: sendRate ?? 106, piccToPcd: recvRate ?? 106 };
    const outcome = await this.field.transceive(frameToCard, rates, timeoutUs, typeB);
    if (outcome.kind === 'timeout') return Uint8Array.of(0x80, 0, 0, 0);
    if (outcome.kind === 'crc-error') return Uint8Array.of(0x04, 0, 0, 0);
    return Uint8Array.of(0, 0, 0, 0, 0x08, ...outcome.frame);
  }
}
