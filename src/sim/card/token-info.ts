/**
 * JPKI-AP EF 0006: a serialised PKCS#11 CK_TOKEN_INFO, 160 bytes with 32-bit big-endian CK_ULONGs
 * (jpki-card.md §3.1; PKCS#11 v2.40 §3.2 CK_TOKEN_INFO field order). Readers use the label (first 32
 * bytes, space-padded). The other values are the virtual card's own (the real ones are not published).
 */
import { ascii, concat } from './bytes';

function padded(text: string, length: number): Uint8Array<ArrayBuffer> {
  return ascii(text.padEnd(length, ' ').slice(0, length));
}

function ulong(v: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

const CKF_RNG = 0x1;
const CKF_LOGIN_REQUIRED = 0x4;
const CKF_USER_PIN_INITIALIZED = 0x8;
const CKF_TOKEN_INITIALIZED = 0x400;
const CK_EFFECTIVELY_INFINITE = 0;
const CK_UNAVAILABLE_INFORMATION = 0xffffffff;

export function tokenInfo(label: string): Uint8Array<ArrayBuffer> {
  const out = concat(
    padded(label, 32),
    padded('JPKI-TEST virtual card', 32), // manufacturerID
    padded('My Number Card', 16), // model
    padded('SIM0000000000001', 16), // serialNumber
    ulong(CKF_RNG | CKF_LOGIN_REQUIRED | CKF_USER_PIN_INITIALIZED | CKF_TOKEN_INITIALIZED),
    ulong(CK_EFFECTIVELY_INFINITE), // ulMaxSessionCount
    ulong(CK_UNAVAILABLE_INFORMATION), // ulSessionCount
    ulong(CK_EFFECTIVELY_INFINITE), // ulMaxRwSessionCount
    ulong(CK_UNAVAILABLE_INFORMATION), // ulRwSessionCount
    ulong(16), // ulMaxPinLen
    ulong(4), // ulMinPinLen
    ulong(CK_UNAVAILABLE_INFORMATION), // ulTotalPublicMemory
    ulong(CK_UNAVAILABLE_INFORMATION), // ulFreePublicMemory
    ulong(CK_UNAVAILABLE_INFORMATION), // ulTotalPrivateMemory
    ulong(CK_UNAVAILABLE_INFORMATION), // ulFreePrivateMemory
    Uint8Array.of(1, 0), // hardwareVersion
    Uint8Array.of(1, 0), // firmwareVersion
    padded('', 16), // utcTime (no clock)
  );
  if (out.length !== 160) throw new Error(`CK_TOKEN_INFO is ${out.length} bytes`);
  return out;
}
