// Strings of the store domain. Keys: `error.<code>` for LensError codes, `store.<what>` otherwise.
// Japanese strings of the store domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.store-unavailable': 'このブラウザの保存領域(IndexedDB)を使えません。ブラウザの設定で保存が無効になっていないか確認してください。',
  'error.store-not-a-certificate': '証明書として保存できないデータです(DER 形式の証明書ではありません)。',
  'error.store-sign-needs-acknowledgement':
    '署名用電子証明書には氏名・住所・生年月日・性別が含まれます。保存するには、その内容を確認したうえで明示的に同意してください。',
  'error.store-text-too-long': '入力が長すぎます({max} 文字まで)。',
  'error.store-bad-date': '読み取り日時が正しくありません。',
  'error.store-backup-invalid': 'JPKI Lens のバックアップファイルとして読み込めません。ファイルが壊れているか、別の種類のファイルです。',
  'error.store-backup-version': 'このバックアップ(形式 {version})は新しい版の JPKI Lens で作られています。この版が読めるのは形式 {supported} までです。',
  'store.kind.auth': '利用者証明用電子証明書',
  'store.kind.auth-ca': '利用者証明用 CA 証明書',
  'store.kind.sign': '署名用電子証明書',
  'store.kind.sign-ca': '署名用 CA 証明書',
  'store.kind.imported': 'ファイルから読み込んだ証明書',
  'store.card.my-number-card': 'マイナンバーカード',
  'store.card.file': 'ファイル',
  'store.card.unknown': '不明なカード',
};
