/**
 * Card-side command APDU parsing and response building (ISO/IEC 7816-4:2020 §5.1, cases 1–4 in short and
 * extended form; ISO/IEC 7816-3:2006 §12.1.3). The virtual card's own code: sim/ shares no codec with card/.
 */

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** Command data (empty for cases 1 and 2). */
  readonly data: Uint8Array;
  /** Ne: undefined when absent (cases 1, 3); 256 for short `00`, 65536 for extended `00 00`. */
  readonly ne: number | undefined;
  readonly extended: boolean;
}

/** Parses one command APDU, or returns null when its length fields do not add up (→ SW 6700). */
export function parseCommandApdu(apdu: Uint8Array): CommandApdu | null {
  if (apdu.length < 4) return null;
  const [cla, ins, p1, p2] = [apdu[0], apdu[1], apdu[2], apdu[3]];
  const head = { cla, ins, p1, p2 };
  const body = apdu.length - 4;
  if (body === 0) return { ...head, data: new Uint8Array(0), ne: undefined, extended: false }; // case 1
  const b1 = apdu[4];
  if (body === 1) return { ...head, data: new Uint8Array(0), ne: b1 === 0 ? 256 : b1, extended: false }; // case 2S
  if (b1 !== 0) {
    if (body === 1 + b1) return { ...head, data: apdu.slice(5), ne: undefined, extended: false }; // case 3S
    if (body === 2 + b1) {
      const le = apdu[apdu.length - 1];
      return { ...head, data: apdu.slice(5, 5 + b1), ne: le === 0 ? 256 : le, extended: false }; // case 4S
    }
    return null;
  }
  // b1 = 00 and more bytes follow: extended length.
  if (body === 3) {
    const le = (apdu[5] << 8) | apdu[6];
    return { ...head, data: new Uint8Array(0), ne: le === 0 ? 65536 : le, extended: true }; // case 2E
  }
  if (body < 3) return null;
  const lc = (apdu[5] << 8) | apdu[6];
  if (lc === 0) return null;
  if (body === 3 + lc) return { ...head, data: apdu.slice(7), ne: undefined, extended: true }; // case 3E
  if (body === 5 + lc) {
    const le = (apdu[apdu.length - 2] << 8) | apdu[apdu.length - 1];
    return { ...head, data: apdu.slice(7, 7 + lc), ne: le === 0 ? 65536 : le, extended: true }; // case 4E
  }
  return null;
}

/** Status words the virtual card answers with (meanings as on the real card, jpki-card.md §7). */
export const SW = {
  OK: 0x9000,
  WRONG_LENGTH: 0x6700,
  SM_NOT_SUPPORTED: 0x69fc,
  INCOMPATIBLE_FILE: 0x6981,
  SECURITY_NOT_SATISFIED: 0x6982,
  AUTH_BLOCKED: 0x6984,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  NO_CURRENT_EF: 0x6986,
  WRONG_DATA: 0x6a80,
  FILE_NOT_FOUND: 0x6a82,
  RECORD_NOT_FOUND: 0x6a83,
  WRONG_P1P2: 0x6a86,
  DATA_NOT_FOUND: 0x6a88,
  END_OF_FILE: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

/** `63 Cx`: verification failed / counter query, x tries left (ISO/IEC 7816-4 §5.6, jpki-card.md §3.2). */
export function triesLeft(x: number): number {
  return 0x63c0 | (x & 0x0f);
}

export function response(sw: number, data: Uint8Array = new Uint8Array(0)): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = sw >> 8;
  out[data.length + 1] = sw & 0xff;
  return out;
}
