/**
 * A Sony RC-S300 double: interface 0 is the CCID function (class 0x0B — Chrome refuses it to a page,
 * and the base class does the same; its CCID protocol is not modelled here), interface 1 answers
 * the CCID-Escape transparent-session protocol with a Type B card in its field. Written from
 * ccid-webusb.md §4 and the corpus trace traces/rcs300-vendor-if1-escape.txt, independently of
 * src/readers/sony/rcs300 (no import).
 *
 * What the trace shows and this double reproduces: `PC_to_RDR_Escape` 0x6B in, `RDR_to_PC_Escape`
 * 0x83 out with bSeq echoed and bStatus 0x02; manage-session answers `C0 03 00 90 00 90 00`;
 * exchange answers `C0 03 00 90 00 92 01 00 96 02 00 00 97 <len> <frame> 90 00`, or
 * `C0 03 02 64 01 90 00` when nothing answered. Assumed and marked UNCONFIRMED: Type B switching
 * (`8F 02 01 02|03` sets Type B framing and activates nothing; `01 04` is refused as unsupported),
 * a CRC error reported as `96 02 01 00` with no 97 object, BER lengths (81/82) for long frames,
 * objects outside a session refused with `01 63 01`, and any non-Escape message answered with a
 * failed SlotStatus (bError 00, command not supported).
 *
 * From real measurements (corpus/real/rcs300-espusbhost-measured.txt §B, EspUsbHost's probe on a
 * real RC-S300 over interface 0): the pseudo-APDU is short (`FF 50 00 P2 Lc objects 00`), INS C2 is
 * answered like INS 50, a switch-protocol value of other than 2 bytes is `01 67 00`, and a bit-framing
 * object 90 is refused (`90 01 x` → `01 67 00`, `90 02 xx` → `03 64 01`). From the second source
 * (corpus/real/README.md, last section; UNCONFIRMED provenance): an extended pseudo-APDU with a
 * 2-byte Le is answered with the bare status `67 00`.
 */
import { berLength, concat } from '../card/bytes';
import type { ApduCard, TypeBPiccOptions } from '../picc/type-b-picc';
import { ContactlessReaderDouble } from './contactless-double';
import { RCS300_CONFIGURATION } from './rcs300-descriptors';

export interface Rcs300DoubleOptions {
  /** 0x0DC8 (/S) or 0x0DC9 (/P). */
  readonly productId?: number;
  readonly card?: ApduCard;
  readonly picc?: TypeBPiccOptions;
  readonly heldByOsDriver?: 'open' | 'claim';
  /** Claim interface 0 anyway (an Isolated Web App); the CCID function is still not modelled. */
  readonly allowProtectedClasses?: boolean;
}

const OK = Uint8Array.of(0xc0, 0x03, 0x00, 0x90, 0x00);
const status = (result: number, sw1: number, sw2: number) => Uint8Array.of(0xc0, 0x03, result, sw1, sw2);
const REFUSED = status(0x01, 0x63, 0x01);
const MALFORMED = status(0x01, 0x64, 0x01);
const UNSUPPORTED = status(0x01, 0x6a, 0x81);
const NO_ANSWER = status(0x02, 0x64, 0x01);
const WRONG_LENGTH = status(0x01, 0x67, 0x00);
/** Second source: "Extended length with a 2-byte Le is rejected with 67 00" (no C0 object). */
const EXTENDED_REJECTED = Uint8Array.of(0x67, 0x00);
/** Corpus trace, "Get firmware version" answer (illustrative bytes). */
const FIRMWARE = Uint8Array.of(0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0xff, 0xff, 0x04, 0x01, 0xff, 0xff, 0x01, 0x00, 0xff, 0xff, 0x00, 0x00);

/** Data objects of a request: one-byte tags except 5F xx; BER lengths. */
function objects(data: Uint8Array): Map<number, Uint8Array> | undefined {
  const out = new Map<number, Uint8Array>();
  for (let at = 0; at < data.length; ) {
    let tag = data[at++];
    if (tag === 0x5f) tag = (tag << 8) | data[at++];
    const first = data[at++];
    let len: number;
    if (first === undefined || first > 0x82 || first === 0x80) return undefined;
    if (first === 0x81) len = data[at++];
    else if (first === 0x82) {
      len = (data[at] << 8) | data[at + 1];
      at += 2;
    } else len = first;
    if (at + len > data.length) return undefined;
    out.set(tag, data.subarray(at, at + len));
    at += len;
  }
  return out;
}

/** `CLA INS P1 P2 00 Lc1 Lc2 data Le1 Le2`, with Lc matching the length. */
function isExtendedWithTwoByteLe(apdu: Uint8Array): boolean {
  if (apdu.length < 9 || apdu[4] !== 0x00) return false;
  const lc = (apdu[5] << 8) | apdu[6];
  return lc > 0 && apdu.length === 7 + lc + 2;
}

export class Rcs300Double extends ContactlessReaderDouble {
  /** Every pseudo-APDU received on interface 1, in order. */
  readonly pseudoApdus: Uint8Array[] = [];
  private inSession = false;
  private protocol: { readonly proto: number; readonly layer: number } | undefined;

  constructor(options: Rcs300DoubleOptions = {}) {
    const productId = options.productId ?? 0x0dc8;
    super({
      identity: { vendorId: 0x054c, productId, manufacturerName: 'SONY', productName: 'FeliCa Port/PaSoRi 4.0', deviceVersion: [1, 0, 0] },
      configurationDescriptor: RCS300_CONFIGURATION,
      heldByOsDriver: options.heldByOsDriver,
      allowProtectedClasses: options.allowProtectedClasses,
    }, options.card, options.picc);
  }

  protected override onReset(): void {
    this.inSession = false;
    this.protocol = undefined;
    this.field.setField(false);
  }

  protected onBulkOut(endpointNumber: number, data: Uint8Array): void {
    if (endpointNumber !== 2 || data.length < 10) return; // interface 0's CCID function is not modelled
    const seq = data[6];
    const length = data[1] | (data[2] << 8) | (data[3] << 16) | (data[4] << 24);
    if (data[0] !== 0x6b || length !== data.length - 10) {
      this.sendIn(2, Uint8Array.of(0x81, 0, 0, 0, 0, data[5], seq, 0x42, 0x00, 0x00));
      return;
    }
    // Views, not copies, all the way to the 95 object's frame: the RF field zeroes a PIN in place,
    // and with it this USB buffer (the usbLog entry) and the pseudoApdus entry — house rule 7.
    const apdu = data.subarray(10);
    this.pseudoApdus.push(apdu);
    void this.answer(apdu).then((abData) => {
      if (this.isUnplugged) return;
      const header = Uint8Array.of(0x83, abData.length & 0xff, (abData.length >> 8) & 0xff, 0, 0, 0, seq, 0x02, 0x00, 0x00);
      this.sendIn(2, concat(header, abData));
    });
  }

  private async answer(apdu: Uint8Array): Promise<Uint8Array> {
    if (apdu[0] === 0xff && apdu[1] === 0x56 && apdu.length === 4) return concat(FIRMWARE, Uint8Array.of(0x90, 0x00));
    // INS 50 (Sony) and C2 (PC/SC Part 3) are both answered (real probe).
    if (apdu[0] !== 0xff || (apdu[1] !== 0x50 && apdu[1] !== 0xc2) || apdu[2] !== 0x00 || apdu.length < 5) return Uint8Array.of(0x6e, 0x00);
    if (isExtendedWithTwoByteLe(apdu)) return EXTENDED_REJECTED;
    const data = this.body(apdu);
    const objs = data && objects(data);
    const done = (obj: Uint8Array) => concat(obj, Uint8Array.of(0x90, 0x00));
    if (!objs || objs.size === 0) return done(MALFORMED);
    switch (apdu[3]) {
      case 0x00:
        return done(this.manage(objs));
      case 0x02: {
        const p = objs.get(0x8f);
        if (!this.inSession) return done(REFUSED);
        if (!p) return done(MALFORMED);
        if (p.length !== 2) return done(WRONG_LENGTH); // real: `8F 01 <p>` → 01 67 00
        const known = (p[0] === 0x03 && p[1] === 0x00) || (p[0] === 0x00 && p[1] === 0x03) || (p[0] === 0x01 && (p[1] === 0x02 || p[1] === 0x03));
        if (!known) return done(UNSUPPORTED);
        this.protocol = { proto: p[0], layer: p[1] };
        return done(OK);
      }
      case 0x01:
        return done(await this.exchange(objs));
      default:
        return done(UNSUPPORTED);
    }
  }

  /** The short body `Lc data Le` (the only form the real reader is known to take). */
  private body(apdu: Uint8Array): Uint8Array | undefined {
    const lc = apdu[4];
    return lc !== 0 && apdu.length === 5 + lc + 1 ? apdu.subarray(5, 5 + lc) : undefined;
  }

  private manage(objs: Map<number, Uint8Array>): Uint8Array {
    for (const [tag, value] of objs) {
      if (value.length !== 0) return status(0x01, 0x67, 0x00);
      if (tag === 0x81) this.inSession = true;
      else if (tag === 0x82) {
        this.inSession = false;
        this.protocol = undefined;
        this.field.setField(false);
      } else if (tag === 0x83 || tag === 0x84) {
        if (!this.inSession) return REFUSED;
        this.field.setField(tag === 0x84);
      } else return UNSUPPORTED;
    }
    return OK;
  }

  private async exchange(objs: Map<number, Uint8Array>): Promise<Uint8Array> {
    if (!this.inSession) return REFUSED;
    const timer = objs.get(0x5f46);
    const frame = objs.get(0x95);
    if (!timer || timer.length !== 4 || !frame) return MALFORMED;
    // Bit framing (real probe): not needed, and refused in both lengths tried.
    const framing = objs.get(0x90);
    if (framing) return framing.length === 2 ? status(0x03, 0x64, 0x01) : WRONG_LENGTH;
    if (!this.field.on) return NO_ANSWER;
    const timeoutUs = (timer[0] | (timer[1] << 8) | (timer[2] << 16) | (timer[3] << 24)) >>> 0;
    const typeB = this.protocol?.proto === 0x01;
    const outcome = await this.field.transceive(frame, { pcdToPicc: 106, piccToPcd: 106 }, timeoutUs, typeB);
    if (outcome.kind === 'timeout') return NO_ANSWER;
    if (outcome.kind === 'crc-error') return concat(OK, Uint8Array.of(0x92, 0x01, 0x00, 0x96, 0x02, 0x01, 0x00));
    return concat(OK, Uint8Array.of(0x92, 0x01, 0x00, 0x96, 0x02, 0x00, 0x00, 0x97), berLength(outcome.frame.length), outcome.frame);
  }
}
