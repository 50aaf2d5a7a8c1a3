import type { Catalog } from '../types';

// Strings of the store domain. Keys: `error.<code>` for LensError codes, `store.<what>` otherwise.
export const storeCatalog: Catalog = {
  ja: {
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
  },
  en: {
    'error.store-unavailable': "This browser's storage (IndexedDB) is not available. Check that site data is not disabled in the browser settings.",
    'error.store-not-a-certificate': 'This data cannot be saved as a certificate (it is not a DER-encoded certificate).',
    'error.store-sign-needs-acknowledgement':
      'The signature certificate contains your name, address, date of birth and sex. To save it, confirm explicitly that you understand this.',
    'error.store-text-too-long': 'The text is too long (at most {max} characters).',
    'error.store-bad-date': 'The read time is not a valid date.',
    'error.store-backup-invalid': 'This file cannot be read as a JPKI Lens backup. It is damaged or a different kind of file.',
    'error.store-backup-version': 'This backup (format {version}) was made by a newer JPKI Lens. This version reads formats up to {supported}.',
    'store.kind.auth': 'User authentication certificate',
    'store.kind.auth-ca': 'Authentication CA certificate',
    'store.kind.sign': 'Digital signature certificate',
    'store.kind.sign-ca': 'Signature CA certificate',
    'store.kind.imported': 'Certificate imported from a file',
    'store.card.my-number-card': 'My Number Card',
    'store.card.file': 'File',
    'store.card.unknown': 'Unknown card',
  },
};
