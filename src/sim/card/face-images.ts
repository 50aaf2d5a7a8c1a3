/**
 * The image files of the virtual card's 券面AP data (jpki-card.md §5.2), per holder and variant, from
 * face-images.generated.ts (written by tools/gen-fixtures.ts from tests/fixtures/images/: 1-bit PNGs of
 * the holder's text rendered by tools/gen-face-images.ts, and a greyscale JP2 photo encoded by OpenJPEG's
 * `opj_compress` — see tests/fixtures/README.md).
 *
 * Variants (VirtualCardOptions.face):
 * - `genuine`: as issued; DF28 signs these bytes.
 * - `tampered`: one byte of the name image's pixel data changed (the PNG re-packed so it still
 *   displays, as a forger would), DF28 kept — its check must fail.
 * - `corrupt-photo`: the photo cut short (a damaged chip or a bad read), signed as it is so that only
 *   the photo decoder reports the damage.
 */
import { fromBase64 } from './bytes';
import { FACE_IMAGES, FACE_PHOTO, FACE_PHOTO_CORRUPT } from './face-images.generated';
import type { FaceImageSet } from './kenkaku-files';
import type { PersonId } from './people';

export type FaceVariant = 'genuine' | 'tampered' | 'corrupt-photo';

export function faceImagesOf(person: PersonId, variant: FaceVariant = 'genuine'): FaceImageSet {
  const p = FACE_IMAGES[person];
  return {
    name: fromBase64(variant === 'tampered' ? p.tamperedName : p.name),
    address: fromBase64(p.address),
    photo: fromBase64(variant === 'corrupt-photo' ? FACE_PHOTO_CORRUPT : FACE_PHOTO),
    securityCode: fromBase64(p.securityCode),
    myNumber: fromBase64(p.myNumber),
  };
}
