// Strings of the contactless link rate (issue 13 item 7): which rate the card was read at, why, and
// the "always 106 kbit/s" setting. Keys: `linkRate.<what>`.
// Japanese strings of the link-rate domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'linkRate.label': '通信速度',
  'linkRate.value': '{kbps}\u00a0kbit/s',
  'linkRate.notYet': 'カードを読むと表示されます',
  'linkRate.reason.card-and-reader': 'カードとリーダーの両方が対応する、いちばん速い速度です。',
  'linkRate.reason.fallback-after-failure': '速い速度での最初のやり取りに失敗したため、106\u00a0kbit/s でカードを読み直しました。リーダーを外すまで 106\u00a0kbit/s のままです。',
  'linkRate.reason.user-setting': '「常に 106\u00a0kbit/s で通信する」の設定に従っています。',
  'linkRate.force106': '常に 106\u00a0kbit/s で通信する',
  'linkRate.force106.hint': '遅くなりますが、カードの置き場所のずれに強くなります。読み取りが途中で止まるときにお試しください。次にカードを読むときから使われ、このブラウザに記憶されます。',
  'linkRate.force106.pending': '次にカードを読むときに反映されます。',
};
