// Strings of the usb domain. Keys: `error.<code>` for LensError codes, `usb.<what>` otherwise.
// Params: {name} reader name (catalogue), {vidpid} "04E6:511A", {os}, {interface}, {what}, {ms}.
// English strings of the usb domain; ./ja.ts has the same keys in Japanese (a unit
// test checks). Layout made by tools/split-catalogs.ts: one file per language, loaded on demand.
import type { Messages } from '../../types';

export const messages: Messages = {
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
};
