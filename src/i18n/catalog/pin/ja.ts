// Strings of the pin domain: what the PIN dialogs say at the field, and the per-PIN variants of the
// PIN error texts (`error.<code>.<pin id>`, preferred by errorText() over `error.<code>` so that a
// wrong 署名用パスワード is called a パスワード, not a 暗証番号).
// Japanese strings of the pin domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'app.flows.pin.jpki-sign.wrong': '署名用パスワードが違います。残り {remaining} 回です。',
  'app.flows.pin.jpki-auth.wrong': '利用者証明用の暗証番号が違います。残り {remaining} 回です。',
  'app.flows.pin.kenhojo.wrong': '券面事項入力補助用の暗証番号が違います。残り {remaining} 回です。',
  'error.pin-wrong.jpki-sign': '署名用パスワードが違います。残り {remaining} 回です。',
  'error.pin-wrong.jpki-auth': '利用者証明用の暗証番号が違います。残り {remaining} 回です。',
  'error.pin-wrong.kenhojo': '券面事項入力補助用の暗証番号が違います。残り {remaining} 回です。',
  'error.pin-blocked.jpki-sign': 'この署名用パスワードはロックされています。お住まいの市区町村の窓口で初期化できます。カードには何も送っていません。',
  'error.pin-last-try-not-acknowledged.jpki-sign': '署名用パスワードの残りは 1 回です。間違えるとロックされます。確認のうえで改めて入力してください。カードには何も送っていません。',
};
