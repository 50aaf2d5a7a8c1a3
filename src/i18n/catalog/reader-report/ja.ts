// Strings of the "this worked / this failed on my reader" report on the diagnostics screen (issue 13
// item 8). Keys: `readerReport.<what>`.
// Japanese strings of the reader-report domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'readerReport.heading': 'リーダーでの結果を知らせる',
  'readerReport.lead': '実物のリーダーとカードでの動作はまだ確かめられていません。うまくいったか、いかなかったかを、この短いレポートで開発者に知らせてください。送る前に中身を読めます。',
  'readerReport.outcome': '結果',
  'readerReport.worked': 'うまくいった',
  'readerReport.failed': 'うまくいかなかった',
  'readerReport.contents': 'リーダーの名前と USB の ID、CCID 記述子、カードの ATR、アプリのバージョン、使った通信速度と交換レベル、やり取りの記録 (暗証番号と個人情報は消してあります) が入ります。リーダーのシリアル番号と証明書そのものは入りません。',
  'readerReport.preview': 'レポートの中身',
  'readerReport.copy': 'コピー',
  'readerReport.save': 'ファイルに保存',
  'readerReport.copied': 'コピーしました。',
  'readerReport.copy-failed': 'コピーできませんでした。テキストを選択してコピーするか、ファイルに保存してください。',
  'readerReport.saved': '{name} を保存しました。',
};
