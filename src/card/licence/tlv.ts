/**
 * The licence's simple TLV (jpki-card.md §9.3): a 1-byte tag (2 bytes for `5F xx`, the photo), a
 * length of 1 byte or `82 HH LL`, then the value; a tag byte `FF` (or `00`) where a tag would start
 * is the filler after the last object. TRET `DriversLicenseCard.convert` reads it the same way.
 * Every failure is a named `licence-tlv-truncated` error (the decoders are fuzzed).
 */
import { LensError } from '../../errors';

export interface SimpleTlv {
  readonly tag: number;
  readonly offset: number;
  readonly value: Uint8Array;
}

export function parseSimpleTlvs(buf: Uint8Array, what: string): SimpleTlv[] {
  const out: SimpleTlv[] = [];
  let i = 0;
  while (i < buf.length) {
    const start = i;
    let tag = buf[i++];
    if (tag === 0xff || tag === 0x00) break;
    if (tag === 0x5f) {
      if (i >= buf.length) throw new LensError('licence-tlv-truncated', { what, offset: start });
      tag = 0x5f00 | buf[i++];
    }
    if (i >= buf.length) throw new LensError('licence-tlv-truncated', { what, offset: start });
    let length = buf[i++];
    if (length === 0x82) {
      if (i + 2 > buf.length) throw new LensError('licence-tlv-truncated', { what, offset: start });
      length = (buf[i] << 8) | buf[i + 1];
      i += 2;
    }
    // Any other byte is the length itself (§9.3: "1 byte, or 82 HH LL"; TRET reads 80/81 as 128/129).
    if (i + length > buf.length) throw new LensError('licence-tlv-truncated', { what, offset: start });
    out.push({ tag, offset: start, value: buf.slice(i, i + length) });
    i += length;
  }
  return out;
}
