import type { Catalog } from '../types';

// Strings of the usb domain. Keys: `error.<code>` for LensError codes, `usb.<what>` otherwise.
// Params: {name} reader name (catalogue), {vidpid} "04E6:511A", {os}, {interface}, {what}, {ms}.
export const usbCatalog: Catalog = {
  ja: {
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
  },
  en: {
    'error.protected-class':
      "{name} ({vidpid}) connects as a USB Smart Card class (0x0B) device. Chrome treats that class as protected, like keyboards and storage, so a web page cannot open it (no driver or setting changes this). Readers that connect with a vendor-specific class work from a page: NTT Communications SCR3310-NTTCom and SCR331-DI-NTTCom (contact) and Sony PaSoRi RC-S380 (contactless); RC-S300 support is experimental.",
    'error.device-access-denied':
      "Could not open {name} ({vidpid}): access denied. An operating-system driver holds the reader. Windows: WebUSB needs the WinUSB driver instead of the vendor's (e.g. via Zadig), which removes the reader from other apps. Linux: add a udev rule that lets your user read and write this VID:PID. macOS: quit the vendor's NFC or PC/SC software.",
    'error.interface-busy':
      "Could not claim interface {interface} of {name} ({vidpid}): other software is using it. Linux: stop pcscd (sudo systemctl stop pcscd.socket pcscd), or for an RC-S380 the kernel's port100 module (sudo modprobe -r port100). Windows: the vendor driver holds it. macOS: quit Sony's NFC service, or close another tab that has the reader open.",
    'error.reader-unplugged': '{name} was unplugged. Plug it in again and reconnect.',
    'error.no-device-selected': "No reader was chosen. If your reader is not in the list, plug it in again and check that no other software is using it.",
    'error.reader-busy': '{name} cannot answer right now. Wait a moment, or unplug it and plug it in again, then retry.',
    'error.timeout': 'The reader did not answer in time ({what}, {ms} ms). The exchange was aborted; commands are never re-sent automatically. Whether the card carried out the command is unknown: if it was a PIN check, look at the remaining tries before entering the PIN again.',
    'error.reader-protocol-error': 'The reader gave an unexpected answer ({what}). Unplug it, plug it in again, and retry.',
    'error.unsupported-reader': '{name} ({vidpid}) is not a reader JPKI Lens supports.',
    'error.reader-closed': 'The connection to {name} is already closed. Connect again.',
    'usb.lead.device-access-denied': 'The browser was refused access to {name} ({vidpid}). Do the step below, then connect again.',
    'usb.lead.interface-busy': 'Another program is using {name} ({vidpid}), so the page could not claim it. Free it as below, then connect again.',
    'usb.advice.device-access-denied.windows': 'Windows: switch this reader to the WinUSB driver (e.g. with Zadig). Other apps and the vendor software can then no longer use it.',
    'usb.advice.device-access-denied.linux': 'Linux: add a rule in /etc/udev/rules.d/ that lets your user read and write this VID:PID ({vidpid}), then plug the reader in again.',
    'usb.advice.device-access-denied.macos': "macOS: quit the vendor's NFC or PC/SC software and retry.",
    'usb.advice.interface-busy.windows': 'Windows: the vendor driver holds the reader; it needs WinUSB instead (e.g. via Zadig).',
    'usb.advice.interface-busy.linux': 'Linux: stop pcscd with sudo systemctl stop pcscd.socket pcscd; for an RC-S380 also run sudo modprobe -r port100.',
    'usb.advice.interface-busy.macos': "macOS: quit Sony's NFC service, or the other tab or app that has this reader open.",
  },
};
