/**
 * A small BER-TLV reader for the card's data objects (ISO/IEC 7816-4:2013 §6.3, ISO/IEC 8825-1
 * §8.1.2–8.1.3): multi-byte tags such as the private-class `FF 20` / `DF 21` of the 入力補助AP and
 * `7F 21` / `5F 4E` of the CV certificate, and lengths in short form or `81`/`82`/`83` long form.
 * It never throws anything but a named LensError: truncation, indefinite length, oversize fields.
 * X.509 DER is not parsed here (that is asn1js/pkijs's job in pki/); only the outer header of a
 * certificate is read, to know how many bytes to fetch.
 */
import { LensError } from '../errors';

export interface TlvHeader {
  /** The tag bytes as one number: `0x30`, `0xFF20`, `0xDF21`, `0x7F21`. */
  readonly tag: number;
  readonly constructed: boolean;
  /** Offset of the tag's first byte. */
  readonly start: number;
  readonly headerLength: number;
  /** Length of the value. */
  readonly length: number;
  readonly valueStart: number;
  /** Offset just past the value. */
  readonly end: number;
}

/** Tags of more than 3 bytes do not occur on these cards; refuse them rather than loop. */
const MAX_TAG_BYTES = 3;

/**
 * Parse the header at `at`. Returns `null` when `buf` ends before the header does (the caller can
 * read more bytes); throws `tlv-*` errors for malformed headers. The value may extend past `limit`:
 * use `parseTlv` for a complete object.
 */
export function parseTlvHeader(buf: Uint8Array, at = 0, limit = buf.length): TlvHeader | null {
  let i = at;
  if (i >= limit) return null;
  const first = buf[i++];
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // High tag number form: subsequent bytes, bit 8 set on all but the last (8825-1 §8.1.2.4).
    let n = 1;
    for (;;) {
      if (i >= limit) return null;
      const b = buf[i++];
      tag = tag * 256 + b;
      n++;
      if (n > MAX_TAG_BYTES) throw new LensError('tlv-tag-too-long', { offset: at });
      if ((b & 0x80) === 0) break;
    }
  }
  if (i >= limit) return null;
  const l0 = buf[i++];
  let length: number;
  if (l0 < 0x80) length = l0;
  else if (l0 === 0x80) throw new LensError('tlv-indefinite-length', { offset: at });
  else {
    const n = l0 & 0x7f;
    if (n > 3) throw new LensError('tlv-length-too-long', { offset: at, bytes: n });
    if (i + n > limit) return null;
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + buf[i++];
  }
  return { tag, constructed: (first & 0x20) !== 0, start: at, headerLength: i - at, length, valueStart: i, end: i + length };
}

/** Parse one complete TLV at `at` that must fit before `limit`. */
export function parseTlv(buf: Uint8Array, at = 0, limit = buf.length): TlvHeader {
  const h = parseTlvHeader(buf, at, limit);
  if (!h) throw new LensError('tlv-truncated', { offset: at, have: Math.max(0, limit - at) });
  if (h.end > limit) throw new LensError('tlv-truncated', { offset: at, need: h.end - at, have: limit - at });
  return h;
}

/**
 * The TLVs inside `parent`'s value, in order. Stops at filler: on these cards EFs are longer than
 * their objects and padded with 00 or FF (jpki-card.md §4.2, pitfall 8), so a 00/FF byte where a
 * tag would start ends the list.
 */
export function children(buf: Uint8Array, parent: Pick<TlvHeader, 'valueStart' | 'end'>): TlvHeader[] {
  const out: TlvHeader[] = [];
  let at = parent.valueStart;
  while (at < parent.end) {
    if (buf[at] === 0x00 || buf[at] === 0xff) break;
    const h = parseTlv(buf, at, parent.end);
    out.push(h);
    at = h.end;
  }
  return out;
}

/** The first child with `tag`, or undefined. */
export function findChild(list: readonly TlvHeader[], tag: number): TlvHeader | undefined {
  return list.find((h) => h.tag === tag);
}

/** The first child with `tag`, or a `tlv-missing-tag` error naming it. */
export function requireChild(list: readonly TlvHeader[], tag: number, what: string): TlvHeader {
  const h = findChild(list, tag);
  if (!h) throw new LensError('tlv-missing-tag', { tag: tag.toString(16).toUpperCase(), what });
  return h;
}

export function valueOf(buf: Uint8Array, h: TlvHeader): Uint8Array<ArrayBuffer> {
  return buf.slice(h.valueStart, h.end);
}
