import type { Catalog } from '../types';

// Strings of the sign domain needed before its screens load: error texts (LensError codes of src/sign
// and the flow) and the navigation entry. The screens' own strings are in sign-ui.ts and sign-kit.ts,
// registered when the keys chunk loads (registerCatalog), so they stay out of the initial JS.
export const signCatalog: Catalog = {
  ja: {
    'error.sign-digest-unsupported': 'このハッシュ関数({hash})には対応していません。',
    'error.sign-cancelled': '取り消しました。',
    'error.sign-certificate-unparseable': '証明書を読み取れません(DER 形式の X.509 証明書ではありません)。',
    'error.sign-signature-check-failed': 'カードが返した署名が証明書の公開鍵で検証できませんでした。署名ファイルは作っていません。',
    'error.sign-not-cms': 'CMS (PKCS#7) の署名ファイルとして読み取れません。',
    'error.sign-not-signed-data': 'CMS ファイルですが、署名データ (SignedData) ではありません (種類 {type})。',
    'error.sign-no-certificate': 'この操作にはカードの証明書が必要です。先にカードを読み取ってください。',
    'error.sign-no-file': '署名するファイルを先に選んでください。',
    'app.nav.keys': '鍵を使う',
    'app.title.keys': 'カードの鍵を使う',
  },
  en: {
    'error.sign-digest-unsupported': 'This hash function ({hash}) is not supported.',
    'error.sign-cancelled': 'Cancelled.',
    'error.sign-certificate-unparseable': 'The certificate cannot be read (it is not a DER-encoded X.509 certificate).',
    'error.sign-signature-check-failed': "The signature the card returned does not verify with the certificate's public key. No signature file was made.",
    'error.sign-not-cms': 'This cannot be read as a CMS (PKCS#7) signature file.',
    'error.sign-not-signed-data': 'This CMS file is not signed data (SignedData); its type is {type}.',
    'error.sign-no-certificate': "This needs the card's certificate. Read the card first.",
    'error.sign-no-file': 'Choose the file to sign first.',
    'app.nav.keys': 'Use the keys',
    'app.title.keys': "Use the card's keys",
  },
};
