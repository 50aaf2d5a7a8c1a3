/**
 * The 券面事項入力補助AP data files of a synthetic holder, built from the person table
 * (jpki-card.md §4.1–§4.3). Pure: the integrity record's signature is made by tools/gen-fixtures.ts
 * and stored in the generated fixtures; this module only lays out bytes and says what is hashed.
 */
import { ascii, concat, padTo, tlv, utf8 } from './bytes';
import type { SyntheticPerson } from './people';

/**
 * Filler after the TLV in these EFs: FF. The 個人番号 file ends in `FF FF` (§4.1; 17 bytes as stored on a
 * J-LIS test card, soltia48/myna-card, tests/fixtures/real/jpki-card-behaviour-notes.txt §5): that size and
 * filler are from a (test) card. For EF 0002 the FF filler is a GUESS by analogy.
 */
export const KENHOJO_FILLER = 0xff;
/** EF 0002 size on the virtual card: a GUESS (the real size is not published; any size ≥ the TLV works). */
export const BASIC_FOUR_EF_SIZE = 0x200;

/** EF 0001: `FF 10 0C <12 ASCII digits> FF FF`, 17 bytes physical (§4.1). */
export function myNumberFile(person: SyntheticPerson): Uint8Array<ArrayBuffer> {
  return concat(tlv([0xff, 0x10], ascii(person.myNumber)), Uint8Array.of(0xff, 0xff));
}

/**
 * EF 0002 content without filler: `FF 20 L { DF21 08 offsets, DF22 name, DF23 address, DF24 birth, DF25 sex }`
 * (§4.2). The DF21 offsets are the byte offsets, from the start of the file, of the DF22…DF25 tags
 * (UNCONFIRMED whether the real card points at the tag or at the value: §4.2 says "byte offset of each of
 * the 4 fields"; readers should parse the TLVs and not depend on the table).
 */
export function basicFourContent(person: SyntheticPerson): Uint8Array<ArrayBuffer> {
  const fields = [
    tlv([0xdf, 0x22], utf8(person.name)),
    tlv([0xdf, 0x23], utf8(person.address)),
    tlv([0xdf, 0x24], ascii(person.birthDate)),
    tlv([0xdf, 0x25], ascii(person.sex)),
  ];
  const fieldsLength = fields.reduce((n, f) => n + f.length, 0);
  const offsetTableLength = 3 + 8;
  const valueLength = offsetTableLength + fieldsLength;
  const headerLength = 2 + (valueLength < 0x80 ? 1 : valueLength < 0x100 ? 2 : 3);
  const offsets = new Uint8Array(8);
  let at = headerLength + offsetTableLength;
  fields.forEach((f, i) => {
    offsets[2 * i] = at >> 8;
    offsets[2 * i + 1] = at & 0xff;
    at += f.length;
  });
  return tlv([0xff, 0x20], concat(tlv([0xdf, 0x21], offsets), ...fields));
}

export function basicFourFile(person: SyntheticPerson): Uint8Array<ArrayBuffer> {
  return padTo(basicFourContent(person), BASIC_FOUR_EF_SIZE, KENHOJO_FILLER);
}

/**
 * What DF32 of the integrity record hashes: the FF20 value from the DF22 tag to its end — offset
 * table skipped, filler excluded (§4.3, jpki-card.md §10.8).
 */
export function basicFourDigestInput(person: SyntheticPerson): Uint8Array<ArrayBuffer> {
  const content = basicFourContent(person);
  return content.slice(fieldStart(content));
}

function fieldStart(content: Uint8Array): number {
  // FF 20 <len> DF 21 08 <8 bytes> → DF22 starts after the header and the 11-byte offset table.
  const lenByte = content[2] ?? 0;
  const header = 2 + (lenByte < 0x80 ? 1 : 1 + (lenByte & 0x7f));
  return header + 11;
}

/**
 * The signed part of EF 0003: `DF31 20 <SHA-256(EF 0001, 17 bytes)> DF32 20 <SHA-256(4情報 from DF22)>` (§4.3).
 * The record is `FF 30 82 01 4B <signed part> DF33 82 01 00 <signature>`. "Everything before DF33" is read
 * here as the DF31 and DF32 TLVs without the FF30 header (UNCONFIRMED which of the two the issuer signs).
 */
export async function integritySignedPart(person: SyntheticPerson): Promise<Uint8Array<ArrayBuffer>> {
  const h1 = new Uint8Array(await crypto.subtle.digest('SHA-256', myNumberFile(person)));
  const h2 = new Uint8Array(await crypto.subtle.digest('SHA-256', basicFourDigestInput(person)));
  return concat(tlv([0xdf, 0x31], h1), tlv([0xdf, 0x32], h2));
}

export function integrityRecord(signedPart: Uint8Array, signature: Uint8Array): Uint8Array<ArrayBuffer> {
  return tlv([0xff, 0x30], concat(signedPart, tlv([0xdf, 0x33], signature)));
}
