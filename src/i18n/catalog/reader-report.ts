import type { Catalog } from '../types';

// Strings of the "this worked / this failed on my reader" report on the diagnostics screen (issue 13
// item 8). Keys: `readerReport.<what>`.
export const readerReportCatalog: Catalog = {
  ja: {
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
  },
  en: {
    'readerReport.heading': 'Tell us how it went on your reader',
    'readerReport.lead': 'The app has not yet been checked with a real reader and card. Send this short report to say whether it worked or not. You can read it before you send it.',
    'readerReport.outcome': 'Result',
    'readerReport.worked': 'It worked',
    'readerReport.failed': 'It did not work',
    'readerReport.contents': 'It holds the reader’s name and USB IDs, its CCID descriptor, the card’s ATR, the app version, the link speed and exchange level used, and the exchange record (PINs and personal data removed). Not the reader’s serial number, not the certificates themselves.',
    'readerReport.preview': 'What the report contains',
    'readerReport.copy': 'Copy',
    'readerReport.save': 'Save as a file',
    'readerReport.copied': 'Copied.',
    'readerReport.copy-failed': 'Could not copy. Select the text and copy it, or save it as a file.',
    'readerReport.saved': 'Saved {name}.',
  },
};
