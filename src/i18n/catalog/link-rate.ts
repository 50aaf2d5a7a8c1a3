import type { Catalog } from '../types';

// Strings of the contactless link rate (issue 13 item 7): which rate the card was read at, why, and
// the "always 106 kbit/s" setting. Keys: `linkRate.<what>`.
export const linkRateCatalog: Catalog = {
  ja: {
    'linkRate.label': '通信速度',
    'linkRate.value': '{kbps}\u00a0kbit/s',
    'linkRate.notYet': 'カードを読むと表示されます',
    'linkRate.reason.card-and-reader': 'カードとリーダーの両方が対応する、いちばん速い速度です。',
    'linkRate.reason.fallback-after-failure': '速い速度での最初のやり取りに失敗したため、106\u00a0kbit/s でカードを読み直しました。リーダーを外すまで 106\u00a0kbit/s のままです。',
    'linkRate.reason.user-setting': '「常に 106\u00a0kbit/s で通信する」の設定に従っています。',
    'linkRate.force106': '常に 106\u00a0kbit/s で通信する',
    'linkRate.force106.hint': '遅くなりますが、カードの置き場所のずれに強くなります。読み取りが途中で止まるときにお試しください。次にカードを読むときから使われ、このブラウザに記憶されます。',
    'linkRate.force106.pending': '次にカードを読むときに反映されます。',
  },
  en: {
    'linkRate.label': 'Link speed',
    'linkRate.value': '{kbps}\u00a0kbit/s',
    'linkRate.notYet': 'Shown once a card is read',
    'linkRate.reason.card-and-reader': 'The fastest rate both the card and the reader support.',
    'linkRate.reason.fallback-after-failure': 'The first exchange at the faster rate failed, so the card was read again at 106\u00a0kbit/s. It stays at 106\u00a0kbit/s until the reader is disconnected.',
    'linkRate.reason.user-setting': 'As set by “Always use 106\u00a0kbit/s”.',
    'linkRate.force106': 'Always use 106\u00a0kbit/s',
    'linkRate.force106.hint': 'Slower, but more forgiving of where the card lies. Try it if reading keeps stopping part-way. Applies from the next card read and is remembered in this browser.',
    'linkRate.force106.pending': 'Takes effect the next time the card is read.',
  },
};
