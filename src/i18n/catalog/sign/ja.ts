// Strings of the sign domain needed before its screens load: error texts (LensError codes of src/sign
// and the flow) and the navigation entry. The screens' own strings are in the sign-ui and sign-kit domains.
// Japanese strings of the sign domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.sign-digest-unsupported': 'このハッシュ関数 ({hash}) には対応していません。',
  'error.sign-cancelled': '取り消しました。',
  'error.sign-certificate-unparseable': '証明書を読み取れません (DER 形式の X.509 証明書ではありません)。',
  'error.sign-signature-check-failed': 'カードが返した署名が証明書の公開鍵で検証できませんでした。署名ファイルは作っていません。',
  'error.sign-not-cms': 'CMS (PKCS#7) の署名ファイルとして読み取れません。',
  'error.sign-not-signed-data': 'CMS ファイルですが、署名データ (SignedData) ではありません (種類 {type})。',
  'error.sign-no-certificate': 'この操作にはカードの証明書が必要です。先にカードを読み取ってください。',
  'error.sign-no-file': '署名するファイルを先に選んでください。',
  'app.nav.keys': '鍵を使う',
  'app.title.keys': 'カードの鍵を使う',
};
