/**
 * The default photo of DF2/EF01: a JPEG 2000 codestream (starts FF 4F, jpki-card.md §9.1) —
 * tests/fixtures/images/licence-photo.j2k, a synthetic drawing encoded by opj_compress (nobody real;
 * tests/fixtures/README.md "Photos"), carried as base64 by photo.generated.ts.
 */
import { fromBase64 } from '../card/bytes';
import { LICENCE_PHOTO_J2K } from './photo.generated';

export const LICENCE_PHOTO: Uint8Array = fromBase64(LICENCE_PHOTO_J2K);
