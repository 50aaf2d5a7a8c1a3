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
    'error.port100-bad-frame': 'RC-S380 から壊れたデータを受け取りました。リーダーを差し直してください。',
    'error.port100-no-ack': 'RC-S380 がコマンド {command} を受け付けませんでした。リーダーを差し直してください。',
    'error.port100-error-frame': 'RC-S380 がコマンド {command} をエラーとして返しました。',
    'error.port100-unexpected-response': 'RC-S380 がコマンド {command} に想定外の応答（{got}）を返しました。',
    'error.port100-status-error': 'RC-S380 がコマンド {command} を実行できませんでした（{status}）。',
    'error.port100-rf-error': 'RC-S380 の無線部でエラーが起きました（{name}）。リーダーを差し直してください。',
    'error.sony-no-vendor-interface': '{product} にブラウザから使えるインターフェースが見つかりません。',
    'error.sony-card-not-activated': 'カードとの通信が開始されていません。先にカードの読み取りを開始してください。',
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
    'error.port100-bad-frame': 'The RC-S380 sent corrupted data. Unplug the reader and plug it in again.',
    'error.port100-no-ack': 'The RC-S380 did not accept the command {command}. Unplug the reader and plug it in again.',
    'error.port100-error-frame': 'The RC-S380 answered the command {command} with an error.',
    'error.port100-unexpected-response': 'The RC-S380 answered the command {command} unexpectedly ({got}).',
    'error.port100-status-error': 'The RC-S380 could not carry out {command} ({status}).',
    'error.port100-rf-error': 'The RC-S380\u2019s radio reported an error ({name}). Unplug the reader and plug it in again.',
    'error.sony-no-vendor-interface': '{product} has no interface a web page can use.',
    'error.sony-card-not-activated': 'The card is not connected yet. Start reading the card first.',
  },
};
