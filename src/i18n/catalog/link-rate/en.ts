// Strings of the contactless link rate (issue 13 item 7): which rate the card was read at, why, and
// the "always 106 kbit/s" setting. Keys: `linkRate.<what>`.
// English strings of the link-rate domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'linkRate.label': 'Link speed',
  'linkRate.value': '{kbps}\u00a0kbit/s',
  'linkRate.notYet': 'Shown once a card is read',
  'linkRate.reason.card-and-reader': 'The fastest rate both the card and the reader support.',
  'linkRate.reason.fallback-after-failure': 'The first exchange at the faster rate failed, so the card was read again at 106\u00a0kbit/s. It stays at 106\u00a0kbit/s until the reader is disconnected.',
  'linkRate.reason.user-setting': 'As set by “Always use 106\u00a0kbit/s”.',
  'linkRate.force106': 'Always use 106\u00a0kbit/s',
  'linkRate.force106.hint': 'Slower, but more forgiving of where the card lies. Try it if reading keeps stopping part-way. Applies from the next card read and is remembered in this browser.',
  'linkRate.force106.pending': 'Takes effect the next time the card is read.',
};
