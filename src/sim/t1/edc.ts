/**
 * T=1 epilogue field, card side (ISO/IEC 7816-3:2006 §11.4.4). Written for the simulator only; the
 * host has its own implementation in src/readers/t1/ and the two are never shared (house rule 1).
 */

/** LRC: exclusive-or of every byte of the prologue and information field (§11.4.4). */
export function lrc(bytes: Uint8Array): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

/**
 * CRC: §11.4.4 names the ISO/IEC 13239 16-bit CRC (polynomial x^16 + x^12 + x^5 + 1). The bit order,
 * preset and byte order here follow the implementation readers are tested against in practice
 * (LudovicRousseau/CCID src/openct/checksum.c `csum_crc_compute`: LSB-first with the reflected
 * polynomial 0x8408, preset 0xFFFF, no final complement, high byte sent first).
 * UNCONFIRMED against the ISO text itself (not read here); few cards use CRC (TC3 bit 1).
 */
export function crc(bytes: Uint8Array): [number, number] {
  let v = 0xffff;
  for (const b of bytes) {
    v ^= b;
    for (let i = 0; i < 8; i++) v = v & 1 ? (v >>> 1) ^ 0x8408 : v >>> 1;
  }
  return [(v >> 8) & 0xff, v & 0xff];
}

export type EdcKind = 'lrc' | 'crc';

export function edcLength(kind: EdcKind): number {
  return kind === 'crc' ? 2 : 1;
}

export function computeEdc(kind: EdcKind, bytes: Uint8Array): number[] {
  return kind === 'crc' ? crc(bytes) : [lrc(bytes)];
}
