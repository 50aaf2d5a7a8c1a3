// Strings of the image domain (src/image: the JPEG 2000 decoder, <jpki-photo>).
// Keys: `error.<code>` for LensError codes, `image.<what>` otherwise.
// English strings of the image domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.image-not-jpeg2000': 'The photo is not JPEG 2000 data, so it cannot be shown ({length} bytes).',
  'error.image-truncated': 'The photo data is cut off, so it cannot be shown. Read the card again.',
  'error.image-corrupt': 'The photo data is damaged, so it cannot be shown.',
  'error.image-unsupported': 'This photo’s format ({components} components, {bits} bits, colour space {colorSpace}) is not supported, so it cannot be shown.',
  'error.image-decoder-unavailable': 'The part of the app that shows photos could not be loaded. Reload the page.',
  'image.decoding': 'Showing the photo…',
  'image.failed': 'The photo cannot be shown',
  'image.photo': 'Photo',
};
