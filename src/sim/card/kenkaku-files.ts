/**
 * 券面事項確認AP (券面AP) face data, EF 0002 (jpki-card.md §5.2), for a synthetic holder:
 * `FF 20 82 LL LL { DF21 offsets, DF22 birth, DF23 sex, DF24 key, DF25 name PNG, DF26 address PNG,
 * DF27 photo JP2, DF28 signature, DF29 expiry, DF2A security-code PNG }`. The images are the
 * fixture images (face-images.ts: 1-bit PNGs of the holder's text, a greyscale JP2 photo); the name
 * and address exist only as images on a real card.
 */
import { ascii, concat, tlv } from './bytes';
import type { SyntheticPerson } from './people';
import { modulusBytes, type RsaPrivateKey } from './rsa';

/** Filler after the face data in 券面AP EF 0002, to the next 256-byte boundary: both size and FF are GUESSES (no source). */
export const KENKAKU_FILLER = 0xff;

/** The image files one face is built from (PNG except the photo, JPEG 2000). */
export interface FaceImageSet {
  readonly name: Uint8Array;
  readonly address: Uint8Array;
  readonly photo: Uint8Array;
  readonly securityCode: Uint8Array;
  /** EF 0005's 個人番号 image. */
  readonly myNumber: Uint8Array;
}

/** The fields of the face data before and after the signature, as TLVs (the signature goes between). */
export function faceFields(person: SyntheticPerson, apKey: RsaPrivateKey, images: FaceImageSet): { signed: Uint8Array[]; unsigned: Uint8Array[] } {
  return {
    signed: [
      tlv([0xdf, 0x22], ascii(person.birthDate)),
      tlv([0xdf, 0x23], ascii(person.sex)),
      tlv([0xdf, 0x24], concat(tlv([0x90], Uint8Array.of(1, 0, 1)), tlv([0x91], modulusBytes(apKey)))),
      tlv([0xdf, 0x25], images.name),
      tlv([0xdf, 0x26], images.address),
      tlv([0xdf, 0x27], images.photo),
    ],
    unsigned: [tlv([0xdf, 0x29], ascii(person.cardExpiry)), tlv([0xdf, 0x2a], images.securityCode)],
  };
}

/**
 * What DF28 signs (myna-card `CardFace::verify`, UNCONFIRMED single source): SHA-256 of group 1
 * (DF22..DF24 TLVs), group 2 (DF25..DF26), group 3 (DF27), concatenated (96 bytes); the signature is
 * PKCS#1 v1.5 over DigestInfo(SHA-256 OID, those 96 bytes).
 */
export async function faceDigests(person: SyntheticPerson, apKey: RsaPrivateKey, images: FaceImageSet): Promise<Uint8Array<ArrayBuffer>> {
  const s = faceFields(person, apKey, images).signed;
  const h = async (parts: Uint8Array[]): Promise<Uint8Array> =>
    new Uint8Array(await crypto.subtle.digest('SHA-256', concat(...parts)));
  return concat(await h(s.slice(0, 3)), await h(s.slice(3, 5)), await h(s.slice(5, 6)));
}

/** The whole EF 0002 content (no filler); the DF21 table gives the offset of each later field's tag. */
export function faceData(person: SyntheticPerson, apKey: RsaPrivateKey, images: FaceImageSet, signature: Uint8Array): Uint8Array<ArrayBuffer> {
  const { signed, unsigned } = faceFields(person, apKey, images);
  const fields = [...signed, tlv([0xdf, 0x28], signature), ...unsigned];
  const tableLength = 3 + 2 * fields.length;
  const valueLength = tableLength + fields.reduce((n, f) => n + f.length, 0);
  const header = 2 + (valueLength < 0x80 ? 1 : valueLength < 0x100 ? 2 : 3);
  const table = new Uint8Array(2 * fields.length);
  let at = header + tableLength;
  fields.forEach((f, i) => {
    table[2 * i] = at >> 8;
    table[2 * i + 1] = at & 0xff;
    at += f.length;
  });
  return tlv([0xff, 0x20], concat(tlv([0xdf, 0x21], table), ...fields));
}

function publicKeyTlvs(apKey: RsaPrivateKey): Uint8Array<ArrayBuffer> {
  return concat(tlv([0x90], Uint8Array.of(1, 0, 1)), tlv([0x91], modulusBytes(apKey)));
}

/**
 * 券面AP EF 0001 age record `FF 10 { DF11 YYYYMMDD, DF12 public key, DF13 signature }` (§5.2 "Other EFs").
 * The signed part is DF11+DF12 (PKCS#1 v1.5 SHA-256 "over the bytes before the signature TLV", myna-card;
 * whether the FF10 header is included is UNCONFIRMED — here it is not, as for the 入力補助 integrity record).
 */
export function ageRecordSignedPart(person: SyntheticPerson, apKey: RsaPrivateKey): Uint8Array<ArrayBuffer> {
  return concat(tlv([0xdf, 0x11], ascii(person.birthDate)), tlv([0xdf, 0x12], publicKeyTlvs(apKey)));
}

export function ageRecord(person: SyntheticPerson, apKey: RsaPrivateKey, signature: Uint8Array): Uint8Array<ArrayBuffer> {
  return tlv([0xff, 0x10], concat(ageRecordSignedPart(person, apKey), tlv([0xdf, 0x13], signature)));
}

/** 券面AP EF 0005 個人番号 image `FF 40 { DF41 PNG (72×12 seen), DF42 public key, DF43 signature }` (§5.2). */
export function myNumberImageSignedPart(apKey: RsaPrivateKey, image: Uint8Array): Uint8Array<ArrayBuffer> {
  return concat(tlv([0xdf, 0x41], image), tlv([0xdf, 0x42], publicKeyTlvs(apKey)));
}

export function myNumberImage(apKey: RsaPrivateKey, image: Uint8Array, signature: Uint8Array): Uint8Array<ArrayBuffer> {
  return tlv([0xff, 0x40], concat(myNumberImageSignedPart(apKey, image), tlv([0xdf, 0x43], signature)));
}
