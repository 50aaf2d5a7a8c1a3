import type { Catalog } from '../types';

// Strings of the image domain (src/image: the JPEG 2000 decoder, <jpki-photo>).
// Keys: `error.<code>` for LensError codes, `image.<what>` otherwise.
export const imageCatalog: Catalog = {
  ja: {
    'error.image-not-jpeg2000': '写真のデータが JPEG 2000 形式ではないため表示できません（{length} バイト）。',
    'error.image-truncated': '写真のデータが途中で切れているため表示できません。カードをもう一度読み取ってください。',
    'error.image-corrupt': '写真のデータが壊れているため表示できません。',
    'error.image-unsupported': 'この写真の形式（成分 {components}、{bits} ビット、色空間 {colorSpace}）には対応していないため表示できません。',
    'error.image-decoder-unavailable': '写真を表示するための部品を読み込めませんでした。ページを再読み込みしてください。',
    'image.decoding': '写真を表示しています…',
    'image.failed': '写真を表示できません',
    'image.photo': '写真',
  },
  en: {
    'error.image-not-jpeg2000': 'The photo is not JPEG 2000 data, so it cannot be shown ({length} bytes).',
    'error.image-truncated': 'The photo data is cut off, so it cannot be shown. Read the card again.',
    'error.image-corrupt': 'The photo data is damaged, so it cannot be shown.',
    'error.image-unsupported': 'This photo’s format ({components} components, {bits} bits, colour space {colorSpace}) is not supported, so it cannot be shown.',
    'error.image-decoder-unavailable': 'The part of the app that shows photos could not be loaded. Reload the page.',
    'image.decoding': 'Showing the photo…',
    'image.failed': 'The photo cannot be shown',
    'image.photo': 'Photo',
  },
};
