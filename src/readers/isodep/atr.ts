/**
 * The ATR a PC/SC reader synthesises for an ISO/IEC 14443-4 Type B card (PC/SC Part 3 §3.1.3.2.3),
 * so the app shows the same ATR a Windows or pcsc-lite user would see: `3B 88 80 01` + ATQB
 * application data (4) + protocol info (3) + the ATTRIB answer's MBLI|CID byte + TCK
 * (jpki-card.md §1.1: e.g. `3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F`). The PUPI is random per
 * activation on some cards, so it is deliberately not in the ATR.
 */
import { concat, type Bytes } from './bytes';
import type { Atqb, AttribResponse } from './type-b';

export function synthesiseTypeBAtr(atqb: Atqb, attrib: AttribResponse): Bytes {
  // T0 = 88: TD1 present, 8 historical bytes; TD1 = 80: TD2 present, T=0 indicated;
  // TD2 = 01: T=1 indicated (ISO/IEC 7816-3 §8.2). TCK = XOR of T0 … last historical byte.
  const body = concat(0x88, 0x80, 0x01, atqb.applicationData, atqb.protocolInfo.subarray(0, 3), attrib.raw[0]);
  let tck = 0;
  for (const b of body) tck ^= b;
  return concat(0x3b, body, tck);
}
