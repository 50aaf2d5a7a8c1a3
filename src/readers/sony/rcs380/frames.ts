/**
 * Sony NFC Port-100 framing (nfcpy `src/nfc/clf/rcs380.py Frame`; Linux `drivers/nfc/port100.c`):
 *   ACK            00 00 FF 00 FF 00
 *   extended frame 00 00 FF FF FF LEN_L LEN_H LCS DATA… DCS 00   (what hosts send; LEN up to 0xFFFF)
 *   normal frame   00 00 FF LEN LCS DATA… DCS 00                  (PN53x style; decoded for tolerance)
 *   error frame    00 00 FF 01 FF 7F 81 00                        (a normal frame carrying 7F; nfcpy tests' ERR())
 * LCS makes LEN bytes + LCS ≡ 0 (mod 256); DCS makes DATA + DCS ≡ 0.
 */
import { LensError } from '../../../errors';
import { concat, fromHex, toHex, type Bytes } from '../../isodep/bytes';

export const ACK_FRAME: Bytes = fromHex('00 00 FF 00 FF 00');

const checksum = (bytes: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum += bytes[i];
  return (0x100 - (sum & 0xff)) & 0xff;
};

export function encodeFrame(data: Uint8Array): Bytes {
  if (data.length > 0xffff) throw new RangeError('Port-100 frame data longer than 65535 bytes');
  const len = [data.length & 0xff, data.length >> 8];
  return concat(0x00, 0x00, 0xff, 0xff, 0xff, len, checksum(len), data, checksum(data), 0x00);
}

export type Port100Frame = { readonly kind: 'ack' } | { readonly kind: 'error' } | { readonly kind: 'data'; readonly data: Bytes };

/** The whole frame's length once `head` shows it (for reading from USB), else undefined. */
export function frameLength(head: Uint8Array): number | undefined {
  if (head.length < 5) return undefined;
  if (head[3] === 0x00 && head[4] === 0xff) return 6;
  if (head[3] === 0xff && head[4] === 0xff) return head.length < 7 ? undefined : 8 + (head[5] | (head[6] << 8)) + 2;
  return 5 + head[3] + 2;
}

export function decodeFrame(frame: Uint8Array): Port100Frame {
  const bad = (why: string) => new LensError('port100-bad-frame', {}, { detail: `${why}: ${toHex(frame.subarray(0, 16))}${frame.length > 16 ? '…' : ''}` });
  if (frame.length < 6 || frame[0] !== 0 || frame[1] !== 0 || frame[2] !== 0xff) throw bad('no start code');
  if (frame[3] === 0x00 && frame[4] === 0xff) {
    if (frame.length !== 6) throw bad('ACK with trailing bytes');
    return { kind: 'ack' };
  }
  let len: number;
  let start: number;
  if (frame[3] === 0xff && frame[4] === 0xff) {
    if (frame.length < 10) throw bad('short extended frame');
    const lenBytes = [frame[5], frame[6]];
    if (checksum(lenBytes) !== frame[7]) throw bad('LCS mismatch');
    len = frame[5] | (frame[6] << 8);
    start = 8;
  } else {
    if (checksum([frame[3]]) !== frame[4]) throw bad('LCS mismatch');
    len = frame[3];
    start = 5;
  }
  if (frame.length !== start + len + 2) throw bad(`length ${frame.length}, frame says ${start + len + 2}`);
  const data = frame.slice(start, start + len);
  if (checksum(data) !== frame[start + len]) throw bad('DCS mismatch');
  if (frame[start + len + 1] !== 0x00) throw bad('no postamble');
  if (len === 1 && data[0] === 0x7f) return { kind: 'error' };
  return { kind: 'data', data };
}
