// Strings of the image domain (src/image: the JPEG 2000 decoder, <jpki-photo>).
// Keys: `error.<code>` for LensError codes, `image.<what>` otherwise.
// Japanese strings of the image domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.image-not-jpeg2000': '写真のデータが JPEG 2000 形式ではないため表示できません（{length} バイト）。',
  'error.image-truncated': '写真のデータが途中で切れているため表示できません。カードをもう一度読み取ってください。',
  'error.image-corrupt': '写真のデータが壊れているため表示できません。',
  'error.image-unsupported': 'この写真の形式（成分 {components}、{bits} ビット、色空間 {colorSpace}）には対応していないため表示できません。',
  'error.image-decoder-unavailable': '写真を表示するための部品を読み込めませんでした。ページを再読み込みしてください。',
  'image.decoding': '写真を表示しています…',
  'image.failed': '写真を表示できません',
  'image.photo': '写真',
};
