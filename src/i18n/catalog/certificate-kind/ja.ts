// Strings of the certificate-kind domain: what the card certificate page and the 基本情報 tab say when
// the certificate read from an EF is not what that EF should hold (issue 13 item 9: a certificate in
// the sign-certificate EF whose issuer is not recognised as J-LIS).
// Japanese strings of the certificate-kind domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'app.flows.cert.lead.issuer-unrecognised': 'カードの「{where}」の場所から読み取った証明書ですが、発行者を J-LIS (公的個人認証サービス) の認証局と認識できませんでした。そのため、基本 4 情報を含む証明書としては表示していません。',
  'app.flows.cert.lead.other-kind': 'カードの「{where}」の場所から読み取りましたが、中身は別の証明書 ({actual}) でした。そのとおりに表示しています。',
  'app.cert.basic.issuer-unrecognised': 'カードの「{expected}」の場所から読み取った証明書ですが、発行者「{issuer}」を J-LIS の認証局と認識できませんでした。そのため基本 4 情報は読み取っていません。',
  'app.cert.basic.other-kind': 'カードの「{expected}」の場所から読み取りましたが、この証明書は別のもの ({actual}) です。',
};
