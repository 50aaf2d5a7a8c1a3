// Strings of the sony domain (Sony PaSoRi drivers, ISO 14443 Type B activation and ISO-DEP).
// Keys: `error.<code>` for LensError codes, `sony.<what>` otherwise.
// Japanese strings of the sony domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.rf-timeout': 'カードから応答がありません。カードをリーダーの中央に置いたままにしてください。',
  'error.rf-transmission-error': 'カードとの無線通信でエラーが起きました（{name}）。カードを置き直してください。',
  'error.typeb-no-card': 'リーダーの上にマイナンバーカードが見つかりません。カードをリーダーの中央に置いてください。',
  'error.typeb-bad-atqb': 'カードの応答（ATQB）を読み取れませんでした（{length} バイト）。',
  'error.typeb-not-iso-dep': 'このカードは ISO/IEC 14443-4 に対応していないため読み取れません。マイナンバーカードか確認してください。',
  'error.typeb-attrib-failed': 'カードとの通信を開始できませんでした（ATTRIB）。カードを置き直してください。',
  'error.isodep-no-response': 'カードが途中で応答しなくなりました（{tries} 回試行）。カードが動いていないか確認して、もう一度お試しください。最後のコマンドをカードが実行したかどうかは分かりません。暗証番号の照合だった場合は、次に入力する前に残り回数を確認してください。',
  'error.isodep-protocol-error': 'カードとの通信手順が乱れました。カードを置き直してください。',
  'error.isodep-wait-limit': 'カードの処理が {ms} ミリ秒を超えても終わらなかったため、やり取りを中止しました。カードがコマンドを実行したかどうかは分かりません。暗証番号の照合だった場合は、次に入力する前に残り回数を確認してください。',
  'error.port100-bad-frame': 'RC-S380 から壊れたデータを受け取りました。リーダーを差し直してください。',
  'error.port100-no-ack': 'RC-S380 がコマンド {command} を受け付けませんでした。リーダーを差し直してください。',
  'error.port100-error-frame': 'RC-S380 がコマンド {command} をエラーとして返しました。',
  'error.port100-unexpected-response': 'RC-S380 がコマンド {command} に想定外の応答（{got}）を返しました。',
  'error.port100-status-error': 'RC-S380 がコマンド {command} を実行できませんでした（{status}）。',
  'error.port100-rf-error': 'RC-S380 の無線部でエラーが起きました（{name}）。リーダーを差し直してください。',
  'error.sony-no-vendor-interface': '{product} にブラウザから使えるインターフェースが見つかりません。',
  'error.sony-card-not-activated': 'カードとの通信が開始されていません。先にカードの読み取りを開始してください。',
  'error.rcs300-bad-response': 'RC-S300 から読み取れない応答が返りました（試験的な接続方法です）。診断レポートを保存してください。',
  'error.rcs300-escape-failed': 'RC-S300 が要求を拒否しました（{status}）。試験的な接続方法です。診断レポートを保存してください。',
  'error.rcs300-session-error': 'RC-S300 が「{what}」を受け付けませんでした（{result}、{sw}）。試験的な接続方法です。診断レポートを保存してください。',
  'error.rcs300-replay-diverged': '記録の再生が {step} 番目のやり取りで記録と食い違いました。',
  'sony.experimental': '試験的',
  'sony.experimental-note': 'RC-S300 でのマイナンバーカードの読み取りは、まだ実機で確認されていません。うまくいかないときは診断レポートを保存してください。',
};
