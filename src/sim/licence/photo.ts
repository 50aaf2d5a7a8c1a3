/**
 * The default photo of DF2/EF01: a JPEG 2000 codestream (starts FF 4F, jpki-card.md §9.1). Interim:
 * the flat synthetic codestream of the My Number card's 券面 placeholder (synthetic-images.ts), taken
 * out of its JP2 `jp2c` box, until the committed licence photo fixture replaces it.
 */
import { syntheticJp2 } from '../card/synthetic-images';

function codestreamOf(jp2: Uint8Array): Uint8Array<ArrayBuffer> {
  for (let at = 0; at + 8 <= jp2.length; ) {
    const size = ((jp2[at] << 24) >>> 0) + (jp2[at + 1] << 16) + (jp2[at + 2] << 8) + jp2[at + 3];
    const type = String.fromCharCode(...jp2.subarray(at + 4, at + 8));
    if (type === 'jp2c') return jp2.slice(at + 8, at + size);
    if (size < 8) break;
    at += size;
  }
  throw new Error('sim licence: no jp2c box');
}

export const LICENCE_PHOTO: Uint8Array = codestreamOf(syntheticJp2(240, 320));
