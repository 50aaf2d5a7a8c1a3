/**
 * RC-S300 transparent-session pseudo-APDUs (PC/SC Part 3 style `FF 50 00 P2`, carried in CCID
 * Escape on the vendor interface) and their response objects, as measured on hardware by
 * tanakamasayuki/EspUsbHost (`examples/Ccid/EspUsbHostCcidFelicaIdm/README*.md`) and used by the
 * webusb-felica family (corpus traces/rcs300-vendor-if1-escape.txt; ccid-webusb.md §4).
 *
 * P2: 00 manage session, 01 transparent exchange, 02 switch protocol. Data objects:
 *   81 00 start session · 82 00 end session · 83 00 RF off · 84 00 RF on
 *   8F 02 <protocol> <layer> switch protocol · 5F 46 04 <µs u32 LE> timer (mandatory in an exchange)
 *   95 82 <len u16 BE> <frame> transceive
 * Response objects: C0 03 <result> <SW1 SW2> generic status · 92 01 <bits> valid bits of the last
 * byte · 96 02 <status> response status · 97 <len> <frame> received frame; then the APDU's SW1 SW2.
 *
 * Trusted from the trace: the manage-session and switch-protocol APDU bytes, the exchange's objects
 * `5F 46 04` and `95 82 00 LL`, and the response objects' order and the C0 result/SW pairs; from real
 * measurements (corpus/real/rcs300-espusbhost-measured.txt): the short pseudo-APDU form, the same
 * session bytes, the C0 codes and the exchange answer's objects (the driver's header compares them). UNCONFIRMED (no capture exists): Type B (`8F 02 01 xx`), how long frames are
 * length-coded in 97 (read as BER here), and the meaning of 96's bits (read as PC/SC Part 3's
 * response status: b0 CRC, b1 collision, b2 parity, b3 framing).
 */
import { LensError } from '../../../errors';
import { concat, toHex, u32le, type Bytes } from '../../isodep/bytes';

export const OBJ = { startSession: 0x81, endSession: 0x82, rfOff: 0x83, rfOn: 0x84, switchProtocol: 0x8f, transceive: 0x95 } as const;

/** Switch-protocol protocol byte (PC/SC Part 3): 00 Type A, 01 Type B, 03 FeliCa. */
export const PROTOCOL = { typeA: 0x00, typeB: 0x01, felica: 0x03 } as const;

/** `FF 50 00 00 02 <obj> 00 00`: one manage-session object (corpus: start `81 00`, end `82 00`, RF `83`/`84`). */
export function manageSession(object: number): Bytes {
  return Uint8Array.of(0xff, 0x50, 0x00, 0x00, 0x02, object, 0x00, 0x00);
}

/** `FF 50 00 02 04 8F 02 <protocol> <layer> 00` (corpus: FeliCa `03 00`, Type A layer 3 `00 03`). */
export function switchProtocol(protocol: number, layer: number): Bytes {
  return Uint8Array.of(0xff, 0x50, 0x00, 0x02, 0x04, OBJ.switchProtocol, 0x02, protocol, layer, 0x00);
}

/** `FF 56 00 00`: the firmware version query seen in the corpus trace. */
export const GET_FIRMWARE_VERSION: Bytes = Uint8Array.of(0xff, 0x56, 0x00, 0x00);

/**
 * Transparent exchange as a SHORT pseudo-APDU: `FF 50 00 01 <Lc> 5F 46 04 <timer µs LE> 95 82 <len u16> <frame> 00`.
 * Real data: EspUsbHost's RC-S300 probe (corpus/real/rcs300-espusbhost-measured.txt §B) gives the
 * layout `FF 50 00 <P2> <Lc> <objects> 00` with a one-byte Lc and Le; a second, unconfirmed source
 * (corpus/real/README.md, last section) says an extended form with a 2-byte Le is answered 67 00.
 * The corpus trace's extended form (`00 00 11 … 00 00 00`, hand-copied) is therefore not used any
 * more. The 95 object keeps its two-byte length (`95 82 00 LL`), as both the trace and the second
 * source send it. The objects must fit one Lc: 11 bytes of objects around a frame of at most 244.
 */
export const MAX_EXCHANGE_FRAME = 255 - 7 - 4;

export function transparentExchange(frame: Uint8Array, timerUs: number): Bytes {
  if (frame.length > MAX_EXCHANGE_FRAME) throw new RangeError(`a ${frame.length}-byte frame does not fit a short transparent exchange (at most ${MAX_EXCHANGE_FRAME})`);
  const objects = concat(0x5f, 0x46, 0x04, u32le(Math.min(Math.round(timerUs), 0xffffffff)), OBJ.transceive, 0x82, frame.length >> 8, frame.length & 0xff, frame);
  return concat(0xff, 0x50, 0x00, 0x01, objects.length, objects, 0x00);
}

export type GenericResult = 'ok' | 'refused' | 'malformed' | 'wrong-object-length' | 'unsupported-value' | 'no-answer' | 'error';

/** C0 result/SW pairs measured by EspUsbHost. */
export function nameGeneric(result: number, sw: number): GenericResult {
  if (result === 0x00 && sw === 0x9000) return 'ok';
  if (result === 0x01 && sw === 0x6301) return 'refused';
  if (result === 0x01 && sw === 0x6401) return 'malformed';
  if (result === 0x01 && sw === 0x6700) return 'wrong-object-length';
  if (result === 0x01 && sw === 0x6a81) return 'unsupported-value';
  if (result === 0x02 && sw === 0x6401) return 'no-answer';
  return 'error';
}

export interface TransparentResponse {
  /** C0: the generic status of the request */
  readonly generic?: { readonly result: number; readonly sw: number; readonly name: GenericResult };
  /** 92: valid bits in the last received byte (0 = all 8) */
  readonly validBits?: number;
  /** 96: response status bits (0 = clean) */
  readonly responseStatus?: number;
  /** 97: the frame the card sent */
  readonly frame?: Bytes;
  /** the pseudo-APDU's own SW1 SW2 */
  readonly sw: number;
  /** objects we did not expect, by tag (kept for the diagnostics report) */
  readonly other: readonly { tag: number; value: Bytes }[];
}

/** Parse `objects… SW1 SW2`; tags are one byte except 5F xx; lengths BER (1, 81 xx or 82 xx xx). */
export function parseTransparentResponse(data: Uint8Array): TransparentResponse {
  const bad = (why: string) => new LensError('rcs300-bad-response', {}, { detail: `${why}: ${toHex(data.subarray(0, 24))}` });
  if (data.length < 2) throw bad('shorter than SW1 SW2');
  const sw = (data[data.length - 2] << 8) | data[data.length - 1];
  const body = data.subarray(0, data.length - 2);
  let generic: TransparentResponse['generic'];
  let validBits: number | undefined;
  let responseStatus: number | undefined;
  let frame: Bytes | undefined;
  const other: { tag: number; value: Bytes }[] = [];
  for (let at = 0; at < body.length; ) {
    let tag = body[at++];
    if (tag === 0x5f || tag === 0xff) tag = (tag << 8) | body[at++];
    let len = body[at++];
    if (len === 0x81) len = body[at++];
    else if (len === 0x82) {
      len = (body[at] << 8) | body[at + 1];
      at += 2;
    } else if (len > 0x82 || len === undefined) throw bad('bad object length');
    if (at + len > body.length) throw bad(`object ${tag.toString(16)} runs past the end`);
    const value = body.slice(at, at + len);
    at += len;
    if (tag === 0xc0 && len === 3) generic = { result: value[0], sw: (value[1] << 8) | value[2], name: nameGeneric(value[0], (value[1] << 8) | value[2]) };
    else if (tag === 0x92 && len === 1) validBits = value[0];
    else if (tag === 0x96 && len === 2) responseStatus = value[0] | (value[1] << 8);
    else if (tag === 0x97) frame = value;
    else other.push({ tag, value });
  }
  return { generic, validBits, responseStatus, frame, sw, other };
}

const STATUS_BITS: readonly (readonly [number, string])[] = [[0x01, 'CRC_ERROR'], [0x02, 'COLLISION'], [0x04, 'PARITY_ERROR'], [0x08, 'FRAMING_ERROR']];

/** A manage-session or switch-protocol answer must be `C0 03 00 90 00 90 00`. */
export function expectOk(what: string, r: TransparentResponse): void {
  if (r.sw !== 0x9000 || !r.generic || r.generic.name !== 'ok') {
    const sw = (r.generic?.sw ?? r.sw).toString(16).toUpperCase().padStart(4, '0');
    throw new LensError('rcs300-session-error', { what, result: r.generic?.name ?? 'no status', sw });
  }
}

/** The card's frame from an exchange answer, or the RfLink error ISO-DEP recovers from. */
export function exchangeResult(r: TransparentResponse): Bytes {
  if (r.generic?.name === 'no-answer') throw new LensError('rf-timeout', {});
  expectOk('transparent exchange', r);
  if (r.responseStatus) {
    const names = STATUS_BITS.filter(([b]) => r.responseStatus! & b).map(([, n]) => n);
    throw new LensError('rf-transmission-error', { name: names.join('|') || `0x${r.responseStatus.toString(16)}` });
  }
  if (r.validBits !== undefined && r.validBits !== 0) throw new LensError('rf-transmission-error', { name: `${r.validBits} valid bits in the last byte` });
  if (!r.frame) throw new LensError('rcs300-bad-response', {}, { detail: 'exchange answer without a 97 frame object' });
  return r.frame;
}
