import type { Catalog } from '../types';

// Strings of the pin domain: what the PIN dialogs say at the field, and the per-PIN variants of the
// PIN error texts (`error.<code>.<pin id>`, preferred by errorText() over `error.<code>` so that a
// wrong 署名用パスワード is called a パスワード, not a 暗証番号).
export const pinCatalog: Catalog = {
  ja: {
    'app.flows.pin.jpki-sign.wrong': '署名用パスワードが違います。残り {remaining} 回です。',
    'app.flows.pin.jpki-auth.wrong': '利用者証明用の暗証番号が違います。残り {remaining} 回です。',
    'app.flows.pin.kenhojo.wrong': '券面事項入力補助用の暗証番号が違います。残り {remaining} 回です。',
    'error.pin-wrong.jpki-sign': '署名用パスワードが違います。残り {remaining} 回です。',
    'error.pin-wrong.jpki-auth': '利用者証明用の暗証番号が違います。残り {remaining} 回です。',
    'error.pin-wrong.kenhojo': '券面事項入力補助用の暗証番号が違います。残り {remaining} 回です。',
    'error.pin-blocked.jpki-sign': 'この署名用パスワードはロックされています。お住まいの市区町村の窓口で初期化できます。カードには何も送っていません。',
    'error.pin-last-try-not-acknowledged.jpki-sign': '署名用パスワードの残りは 1 回です。間違えるとロックされます。確認のうえで改めて入力してください。カードには何も送っていません。',
  },
  en: {
    'app.flows.pin.jpki-sign.wrong': 'Wrong signature password. Tries left: {remaining}.',
    'app.flows.pin.jpki-auth.wrong': 'Wrong authentication PIN. Tries left: {remaining}.',
    'app.flows.pin.kenhojo.wrong': 'Wrong card-info input support PIN. Tries left: {remaining}.',
    'error.pin-wrong.jpki-sign': 'Wrong signature password. Tries left: {remaining}.',
    'error.pin-wrong.jpki-auth': 'Wrong authentication PIN. Tries left: {remaining}.',
    'error.pin-wrong.kenhojo': 'Wrong card-info input support PIN. Tries left: {remaining}.',
    'error.pin-blocked.jpki-sign': 'This signature password is locked. It can be reset at your municipal office. Nothing was sent to the card.',
    'error.pin-last-try-not-acknowledged.jpki-sign': 'Only one try of the signature password is left; a wrong entry will lock it. Confirm and enter it again. Nothing was sent to the card.',
  },
};
