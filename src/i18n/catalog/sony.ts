import type { Catalog } from '../types';

// Strings of the sony domain (Sony PaSoRi drivers, ISO 14443 Type B activation and ISO-DEP).
// Keys: `error.<code>` for LensError codes, `sony.<what>` otherwise.
export const sonyCatalog: Catalog = {
  ja: {
    'error.rf-timeout': 'カードから応答がありません。カードをリーダーの中央に置いたままにしてください。',
    'error.rf-transmission-error': 'カードとの無線通信でエラーが起きました（{name}）。カードを置き直してください。',
    'error.typeb-no-card': 'リーダーの上にマイナンバーカードが見つかりません。カードをリーダーの中央に置いてください。',
    'error.typeb-bad-atqb': 'カードの応答（ATQB）を読み取れませんでした（{length} バイト）。',
    'error.typeb-not-iso-dep': 'このカードは ISO/IEC 14443-4 に対応していないため読み取れません。マイナンバーカードか確認してください。',
    'error.typeb-attrib-failed': 'カードとの通信を開始できませんでした（ATTRIB）。カードを置き直してください。',
    'error.isodep-no-response': 'カードが途中で応答しなくなりました（{tries} 回試行）。カードが動いていないか確認して、もう一度お試しください。',
    'error.isodep-protocol-error': 'カードとの通信手順が乱れました。カードを置き直してください。',
    'error.isodep-wait-limit': 'カードの処理が {ms} ミリ秒を超えても終わりませんでした。',
  },
  en: {
    'error.rf-timeout': 'The card did not answer. Keep the card in the middle of the reader.',
    'error.rf-transmission-error': 'The radio link to the card failed ({name}). Place the card again.',
    'error.typeb-no-card': 'No My Number Card on the reader. Place the card in the middle of the reader.',
    'error.typeb-bad-atqb': 'The card\u2019s answer (ATQB) could not be read ({length} bytes).',
    'error.typeb-not-iso-dep': 'This card does not support ISO/IEC 14443-4, so it cannot be read. Is it a My Number Card?',
    'error.typeb-attrib-failed': 'Could not start talking to the card (ATTRIB). Place the card again.',
    'error.isodep-no-response': 'The card stopped answering ({tries} tries). Make sure it is not moving and try again.',
    'error.isodep-protocol-error': 'The exchange with the card got out of step. Place the card again.',
    'error.isodep-wait-limit': 'The card was still busy after {ms} ms.',
  },
};
