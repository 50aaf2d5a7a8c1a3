/**
 * A structural check of a JPEG 2000 file before it reaches the decoder: which container it is, and
 * whether every length it declares fits in the bytes we have. OpenJPEG decodes what it can of a
 * short codestream (a tile part cut off may still give a partial picture with only a warning), so a
 * photo read only half-way from a card must be caught here, not by the decoder.
 *
 * ITU-T T.800 (ISO/IEC 15444-1): Annex A (codestream markers: SOC FF4F first, SIZ FF51 second,
 * marker segments with a 2-byte length, SOT FF90 with Psot = tile-part length, 0 meaning "up to
 * EOC", EOC FFD9 last) and Annex I (JP2 boxes: LBox(4) TBox(4) [XLBox(8) when LBox = 1; LBox = 0 is
 * "to the end of the file"], the signature box `0000000C 6A502020 0D0A870A` first, the codestream in
 * the `jp2c` box).
 */
import { LensError } from '../errors';

export type Jpeg2000Container = 'jp2' | 'j2k';

const JP2_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const JP2C = 0x6a703263; // 'jp2c'

function u16(b: Uint8Array, i: number): number {
  return (b[i] << 8) | b[i + 1];
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
}

export function containerOf(bytes: Uint8Array): Jpeg2000Container | undefined {
  if (bytes.length >= 12 && JP2_SIGNATURE.every((v, i) => bytes[i] === v)) return 'jp2';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0x4f) return 'j2k';
  return undefined;
}

const truncated = (container: Jpeg2000Container, where: string): LensError => new LensError('image-truncated', { container }, { detail: where });
const corrupt = (container: Jpeg2000Container, where: string): LensError => new LensError('image-corrupt', { container }, { detail: where });

/** The codestream inside a JP2 file (the contents of its first `jp2c` box). */
function jp2Codestream(bytes: Uint8Array): Uint8Array {
  let at = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) throw truncated('jp2', `box header at ${at}`);
    let length = u32(bytes, at);
    const type = u32(bytes, at + 4);
    let header = 8;
    if (length === 1) {
      if (at + 16 > bytes.length) throw truncated('jp2', `XLBox at ${at}`);
      // XLBox is 8 bytes; a photo of a few KB never needs the high word.
      if (u32(bytes, at + 8) !== 0) throw corrupt('jp2', `box at ${at} longer than 4 GiB`);
      length = u32(bytes, at + 12);
      header = 16;
    } else if (length === 0) {
      length = bytes.length - at;
    }
    if (length < header) throw corrupt('jp2', `box at ${at} shorter than its header`);
    if (at + length > bytes.length) throw truncated('jp2', `box ${type.toString(16)} at ${at} needs ${length} bytes, ${bytes.length - at} left`);
    if (type === JP2C) return bytes.subarray(at + header, at + length);
    at += length;
  }
  throw truncated('jp2', 'no codestream box');
}

/** Walks the codestream's marker segments and tile parts; throws when a length runs past the end. */
function checkCodestream(cs: Uint8Array, container: Jpeg2000Container): void {
  if (cs.length < 4) throw truncated(container, 'codestream shorter than SOC + SIZ');
  if (u16(cs, 0) !== 0xff4f) throw corrupt(container, 'codestream does not start with SOC');
  if (u16(cs, 2) !== 0xff51) throw corrupt(container, 'SIZ does not follow SOC');
  let at = 2;
  // Main header: marker segments up to the first SOT.
  for (;;) {
    if (at + 4 > cs.length) throw truncated(container, `main header marker at ${at}`);
    const marker = u16(cs, at);
    if (marker === 0xff90) break;
    if (marker >> 8 !== 0xff) throw corrupt(container, `no marker at ${at}`);
    const length = u16(cs, at + 2);
    if (length < 2) throw corrupt(container, `marker ${marker.toString(16)} with length ${length}`);
    if (at + 2 + length > cs.length) throw truncated(container, `marker ${marker.toString(16)} at ${at}`);
    at += 2 + length;
  }
  // Tile parts: SOT Lsot(2)=10 Isot(2) Psot(4) TPsot(1) TNsot(1), then the tile part's data.
  for (;;) {
    if (at + 2 > cs.length) throw truncated(container, `no EOC (ends at ${cs.length})`);
    const marker = u16(cs, at);
    if (marker === 0xffd9) return;
    if (marker !== 0xff90) throw corrupt(container, `expected SOT or EOC at ${at}, found ${marker.toString(16)}`);
    if (at + 12 > cs.length) throw truncated(container, `SOT at ${at}`);
    const psot = u32(cs, at + 6);
    if (psot === 0) {
      // "The tile part continues to EOC": the last two bytes must be EOC.
      if (cs.length < at + 14 || u16(cs, cs.length - 2) !== 0xffd9) throw truncated(container, `last tile part at ${at} has no EOC`);
      return;
    }
    if (psot < 14) throw corrupt(container, `Psot ${psot} at ${at}`);
    if (at + psot > cs.length) throw truncated(container, `tile part at ${at} needs ${psot} bytes, ${cs.length - at} left`);
    at += psot;
  }
}

/** The container, after checking that every declared length fits; LensError image-* otherwise. */
export function checkJpeg2000Structure(bytes: Uint8Array): Jpeg2000Container {
  const container = containerOf(bytes);
  if (!container) throw new LensError('image-not-jpeg2000', { length: bytes.length });
  checkCodestream(container === 'jp2' ? jp2Codestream(bytes) : bytes, container);
  return container;
}
