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
  },
};
