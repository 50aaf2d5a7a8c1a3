import type { Catalog } from '../types';

// Strings of the licence domain (IC driver's licence and マイナ免許証, issue 11) that the initial JS
// needs: `error.<code>` for LensError codes and the demo button. The screens' strings are in
// licence-screens.ts, loaded with the licence screens (addLazyCatalog) to keep the initial JS small.
export const licenceCatalog: Catalog = {
  ja: {
    'error.licence-text-odd-length': '免許証の文字データ ({field}) の長さが奇数です ({length} バイト)。データが壊れている可能性があります。',
    'error.licence-field-not-jis-x0201': '免許証の項目 ({field}) に数字・英字以外のバイトがあります。',
    'error.licence-date-malformed': '免許証の日付 ({field}) の形式が正しくありません。',
    'error.licence-tlv-truncated': '免許証のデータ ({what}) が途中で切れています ({offset} バイト目)。',
    'error.licence-field-malformed': '免許証の項目 ({field}) の形式が正しくありません。',
    'error.licence-field-missing': '免許証に項目 ({field}) がありません。',
    'error.licence-pin-setting-unknown': '暗証番号の設定を示す値 ({value}) が想定外です。試行回数を減らさないよう、照合はしません。',
    'error.licence-photo-not-jpeg2000': '写真のデータが JPEG 2000 のコードストリームではありません。',
    'error.licence-photo-absent': 'このカードには写真のデータがありません。',
    'error.licence-pin-kind-unknown': '免許証の暗証番号の種類 ({pin}) が正しくありません (内部エラー)。',
    'error.licence-pin-not-set': 'この免許証には暗証番号が設定されていません。入力は不要です (空欄のまま読み取れます)。カードには何も送っていません。',
    'error.licence-pin-wrong': '暗証番号が違います。残り {remaining} 回です。',
    'error.licence-pin-blocked': 'この暗証番号はロック (閉塞) されています。解除は運転免許センターか警察署で行います。カードには何も送っていません。',
    'error.licence-pin-last-try-not-acknowledged': '残りは1回です。間違えるとロックされ、解除には運転免許センターか警察署へ行く必要があります。確認のうえで改めて入力してください。カードには何も送っていません。',
    'licence.demo.button': 'デモ (運転免許証)',
    'licence.about.heading': '運転免許証とマイナ免許証',
    'licence.about.read': 'IC 運転免許証は、暗証番号なしで仕様書バージョン・交付年月日・有効期限・暗証番号の設定と残り回数を、暗証番号1で氏名・住所・生年月日・免許の条件・すべての種類とそれぞれの取得年月日・色区分・番号・公安委員会・裏面の記載事項変更・外字・電子署名の中身を、暗証番号2で本籍と写真を読みます。暗証番号が設定されていないカードでは既定の値を代わりに送ります。マイナンバーカードに免許情報 (マイナ免許証) があれば、それも表示します。',
    'licence.about.unconfirmed': '未確認のもの: 裏面・外字・電子署名のファイルのタグと並び (公開資料に記載がなく、値の形から読んでいます)、マイナ免許証のファイルの構造と暗証番号の桁数。電子署名は検証の鍵が公開されていないため、正しいかどうかは確かめられません。実物のカードでの動作はまだ確認していません。',
  },
  en: {
    'error.licence-text-odd-length': 'A text field of the licence ({field}) has an odd length ({length} bytes); the data may be damaged.',
    'error.licence-field-not-jis-x0201': 'A licence field ({field}) holds bytes that are not digits or letters.',
    'error.licence-date-malformed': 'A licence date ({field}) is not in the expected form.',
    'error.licence-tlv-truncated': 'The licence data ({what}) ends early (at byte {offset}).',
    'error.licence-field-malformed': 'A licence field ({field}) is not in the expected form.',
    'error.licence-field-missing': 'The licence has no {field} field.',
    'error.licence-pin-setting-unknown': 'The PIN setting has an unexpected value ({value}). No PIN is checked, so no try is spent.',
    'error.licence-photo-not-jpeg2000': 'The photo data is not a JPEG 2000 codestream.',
    'error.licence-photo-absent': 'This card holds no photo.',
    'error.licence-pin-kind-unknown': 'Unknown licence PIN ({pin}) (internal error).',
    'error.licence-pin-not-set': 'No PIN is set on this licence, so none is needed: leave the field empty. Nothing was sent to the card.',
    'error.licence-pin-wrong': 'Wrong PIN. Tries left: {remaining}.',
    'error.licence-pin-blocked': 'This PIN is locked. It can be unlocked only at a driving licence centre or a police station. Nothing was sent to the card.',
    'error.licence-pin-last-try-not-acknowledged': 'Only one try is left; a wrong entry locks the PIN, and unlocking it means a trip to a driving licence centre or a police station. Confirm and enter it again. Nothing was sent to the card.',
    'licence.demo.button': 'Demo (driver’s licence)',
    'licence.about.heading': 'Driver’s licence and the licence on a My Number Card',
    'licence.about.read': 'From an IC driver’s licence, without a PIN: the specification version, issue and expiry dates, whether PINs are set and the tries left; with PIN 1: name, address, birth date, the conditions, every class with the date it was obtained, the colour class, number, authority, the changes on the back, non-standard characters and what the electronic signature carries; with PIN 2: the registered domicile and the photo. On a card with no PIN set the app sends the default value for you. A My Number Card’s licence data (マイナ免許証) is shown too.',
    'licence.about.unconfirmed': 'Unconfirmed: the tags and order of the back, glyph and signature files (not in the public sources; read from the shape of the values), the structure of the My Number licence files and the length of its PIN. The signature cannot be checked, because its verifying key is not published. Not yet tried on a real card.',
  },
};
