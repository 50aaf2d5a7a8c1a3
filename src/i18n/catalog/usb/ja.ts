// Strings of the usb domain. Keys: `error.<code>` for LensError codes, `usb.<what>` otherwise.
// Params: {name} reader name (catalogue), {vidpid} "04E6:511A", {os}, {interface}, {what}, {ms}.
// Japanese strings of the usb domain; ./en.ts has the same keys in English (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
  'error.protected-class':
    '{name} ({vidpid}) は USB の「スマートカード」クラス (0x0B) として接続するリーダーです。Chrome はこのクラスを、キーボードや記憶装置と同じく Web ページから使えない「保護されたクラス」にしているため、ページからは開けません (ドライバーや設定では変えられません)。ページから使えるのは、ベンダー固有クラスで接続するリーダーです: NTT コミュニケーションズ SCR3310-NTTCom・SCR331-DI-NTTCom (接触型)、ソニー PaSoRi RC-S380 (非接触)。RC-S300 は試験的な対応です。',
  'error.device-access-denied':
    '{name} ({vidpid}) を開けませんでした (アクセス拒否)。OS のドライバーがリーダーを使っています。Windows: メーカーのドライバーの代わりに WinUSB を割り当てる必要があります (例: Zadig)。割り当てると他のアプリからは使えなくなります。Linux: この VID:PID の読み書きを許す udev ルールを追加してください。macOS: メーカーの NFC/PC/SC ソフトを終了してください。',
  'error.interface-busy':
    '{name} ({vidpid}) のインターフェース {interface} を確保できませんでした。ほかのソフトが使っています。Linux: pcscd (sudo systemctl stop pcscd.socket pcscd) か、RC-S380 ならカーネルの port100 モジュール (sudo modprobe -r port100) を止めてください。Windows: メーカーのドライバーが使っています。macOS: ソニーの NFC サービスや、このリーダーを開いている別のタブを閉じてください。',
  'error.reader-unplugged': '{name} が取り外されました。差し直してから、もう一度接続してください。',
  'error.no-device-selected': 'リーダーが選ばれませんでした。一覧にリーダーが出ない場合は、USB の差し直しと、ほかのソフトが使っていないかを確かめてください。',
  'error.reader-busy': '{name} はいま応答できない状態です。少し待ってから、またはリーダーを差し直してから、もう一度お試しください。',
  'error.timeout': 'リーダーが時間内に応答しませんでした ({what}、{ms} ms)。やり取りを中止しました。コマンドは自動では送り直しません。カードがそのコマンドを実行したかどうかは分かりません。暗証番号の照合だった場合は、次に入力する前に残り回数を確認してください。',
  'error.reader-protocol-error': 'リーダーとの通信で想定外の応答がありました ({what})。リーダーを差し直してから、もう一度お試しください。',
  'error.unsupported-reader': '{name} ({vidpid}) は JPKI Lens が対応していないリーダーです。',
  'error.reader-closed': '{name} との接続はすでに閉じています。もう一度接続してください。',
  'usb.lead.device-access-denied': '{name} ({vidpid}) を開けませんでした (アクセス拒否)。次の手順のあと、もう一度接続してください。',
  'usb.lead.interface-busy': 'ほかのソフトが {name} ({vidpid}) を使っているため、ページから確保できませんでした。次の手順で解放してから、もう一度接続してください。',
  'usb.advice.device-access-denied.windows': 'Windows: Zadig などで、このリーダーのドライバーを WinUSB に替えてください。替えると、メーカーのソフトや他のアプリからは使えなくなります。',
  'usb.advice.device-access-denied.linux': 'Linux: /etc/udev/rules.d/ に、この VID:PID ({vidpid}) を利用者が読み書きできるルールを追加し、リーダーを差し直してください。',
  'usb.advice.device-access-denied.macos': 'macOS: メーカーの NFC/PC/SC ソフトを終了してから、もう一度お試しください。',
  'usb.advice.interface-busy.windows': 'Windows: メーカーのドライバーがリーダーを使っています。WinUSB に替える必要があります (例: Zadig)。',
  'usb.advice.interface-busy.linux': 'Linux: sudo systemctl stop pcscd.socket pcscd で pcscd を止めてください。RC-S380 なら sudo modprobe -r port100 も必要です。',
  'usb.advice.interface-busy.macos': 'macOS: ソニーの NFC サービスや、このリーダーを開いている別のタブ・アプリを終了してください。',
};
