/**
 * DF1/EF07 電子署名 (jpki-card.md §9.1: 578 bytes, tag B1 with an `82` two-byte length, + serial, issuer,
 * subject, key id). Tags B1 電子署名, B2 シリアル番号, B3 RFU, B4 発行者名, B5 主体者名, B6 主体者鍵識別子 from
 * matsusaka `MF_DF1_EF07` and DLC `TAG_SIGNATURE_EF07 = B1`.
 *
 * The signer is synthetic (tests/fixtures/licence/signer.key.p8, test-only): RSA-2048, PKCS#1 v1.5 with
 * SHA-256 over DF1/EF01 ‖ DF1/EF02 ‖ DF2/EF01 (whole EF bodies). What the real signature covers, its
 * algorithm, and how issuer/subject/serial are encoded are not in our sources (UNCONFIRMED): here the
 * names are JIS X 0201 text, the serial raw bytes, the key id the SHA-1 of the public key (as an X.509
 * SKI). The signatures are made at fixture time (tools/gen-licence-signatures.ts) because the card is
 * built synchronously; a unit test checks they still verify.
 */
import { concat, fromBase64, fromHex } from '../card/bytes';
import { domicile, entries, photo as photoEf } from './files';
import type { LicenceHolder, LicenceHolderId } from './holders';
import { jisX0201 } from './jis';
import { LICENCE_SIGNATURES, LICENCE_SIGNER_KEY_ID } from './signatures.generated';
import { efBody, tlv } from './tlv';

export const LICENCE_SIGNER = {
  serial: fromHex('7E 57 D1 00 01'),
  issuer: 'C=JP, O=JPKI-LENS-TEST, CN=SYNTHETIC LICENCE SIGNING CA',
  subject: 'C=JP, O=JPKI-LENS-TEST, CN=SYNTHETIC LICENCE SIGNER 01',
} as const;

/** The bytes the synthetic signature covers. */
export function signedPart(h: LicenceHolder, photo: Uint8Array): Uint8Array<ArrayBuffer> {
  return concat(entries(h), domicile(h), photoEf(photo));
}

/** EF07 with the holder's fixture-time signature (zeros, i.e. not verifying, for a holder without one). */
export function signatureFile(id: LicenceHolderId): Uint8Array<ArrayBuffer> {
  const signature = LICENCE_SIGNATURES[id] ? fromBase64(LICENCE_SIGNATURES[id]) : new Uint8Array(256);
  return efBody(
    concat(
      tlv(0xb1, signature),
      tlv(0xb2, LICENCE_SIGNER.serial),
      tlv(0xb3, new Uint8Array(0)),
      tlv(0xb4, jisX0201(LICENCE_SIGNER.issuer)),
      tlv(0xb5, jisX0201(LICENCE_SIGNER.subject)),
      tlv(0xb6, fromHex(LICENCE_SIGNER_KEY_ID)),
    ),
    578,
  );
}
