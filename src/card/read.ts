/**
 * Reading transparent EFs with as few APDUs as the channel allows, and no more bytes than needed.
 *
 * Strategy (issue 4; compare OpenSC `card-jpki.c jpki_select_file`, which reads a 4-byte header and
 * then 256-byte chunks, and jpki/myna `read_binary_all`, which reads 7 bytes first):
 *  - The first READ BINARY asks for a full chunk (256 bytes). It *is* the header read: it holds the
 *    tag and the 81/82/83 length, so a separate header APDU would cost one more exchange and save
 *    nothing. The card reads to end of file within Le (jpki-card.md §1.2), and certificate EFs are
 *    larger than one chunk anyway.
 *  - Once the length is known, ask for exactly what is left, so the bytes moved equal the object's
 *    length.
 *  - Short APDUs: chunks of ≤ 256 bytes (short Le). Extended APDUs through reader and card
 *    (`capabilities.extendedLength`): policy `exact` (default) sends the rest in *one* extended READ
 *    BINARY — two exchanges per EF; policy `whole-ef` asks for everything (Le up to 65536) in the
 *    first read — one exchange, but the card then returns the EF's filler too: a real card's EF 0002
 *    is 1900 bytes, the 1304-byte DER then 00 (tests/fixtures/real/jpki-ef0002-readbinary-sctools.txt;
 *    the other EF sizes are not published). bench/card.bench.ts measures both: on a byte-rate-limited
 *    contact link the filler costs more than the exchange it saves, hence the default.
 *  - The object's length comes from its DER/BER header only, never from the EF size or the filler
 *    byte (00 on the real card, FF elsewhere): the result is trimmed to the header's length.
 *  - Short reads (fewer bytes than asked, SW 9000) continue from where they stopped; 6282 and 6B00
 *    mean end of file (myna-card `is_end_of_file`); a read that makes no progress is an error, never
 *    a loop. Offsets stop at 7FFF (15-bit P1-P2).
 */
import type { CardChannel } from './channel';
import type { CardSession } from './session';
import { type Bytes, bytes } from './bytes';
import { CardStatusError } from './status-words';
import { parseTlvHeader } from './tlv';
import { LensError } from '../errors';

export type ReadPolicy = 'exact' | 'whole-ef';

export interface ReadStrategy {
  /** Ne of the first READ BINARY of an object (before its length is known). */
  readonly first: number;
  /** Largest Ne one READ BINARY asks for once the length is known. */
  readonly chunk: number;
  readonly extended: boolean;
}

export function readStrategy(channel: Pick<CardChannel, 'capabilities'>, policy: ReadPolicy = 'exact'): ReadStrategy {
  const caps = channel.capabilities;
  const clamp = (v: number, hi: number) => Math.max(1, Math.min(hi, Math.floor(v)));
  if (caps?.extendedLength) {
    const chunk = clamp(caps.maxResponseData, 65536);
    return { first: policy === 'whole-ef' ? chunk : Math.min(chunk, 256), chunk, extended: true };
  }
  const chunk = clamp(caps?.maxResponseData ?? 256, 256);
  return { first: chunk, chunk, extended: false };
}

/** Largest offset P1-P2 can address (ISO 7816-4 §11.2.3, P1 bit 8 = 0). */
const MAX_OFFSET = 0x7fff;

const END_OF_FILE = new Set([0x6282, 0x6b00]);

interface ChunkResult {
  readonly data: Uint8Array;
  readonly eof: boolean;
}

async function readChunk(session: CardSession, offset: number, ne: number): Promise<ChunkResult> {
  if (offset > MAX_OFFSET) throw new LensError('ef-offset-limit', { offset });
  const r = await session.readBinary(offset, ne);
  if (r.sw === 0x9000) return { data: r.data, eof: false };
  if (END_OF_FILE.has(r.sw)) return { data: r.data, eof: true };
  throw new CardStatusError(r.sw, 'READ BINARY');
}

export interface ReadObjectOptions {
  /** Refuse objects longer than this (a corrupt length must not make us read 16 MB). */
  readonly maxLength?: number;
  /** The EF is empty (first byte 00/FF or no data): which error code to throw. */
  readonly emptyCode?: string;
  readonly policy?: ReadPolicy;
}

/**
 * Read the BER-TLV object at the start of the currently selected EF and return exactly its bytes
 * (header + value), with the filler after it trimmed away.
 */
export async function readObject(session: CardSession, options: ReadObjectOptions = {}): Promise<Bytes> {
  const { first, chunk } = readStrategy(session.channel, options.policy);
  const maxLength = options.maxLength ?? MAX_OFFSET + chunk;
  const parts: Uint8Array[] = [];
  let have = 0;
  let total: number | undefined;
  let joined: Bytes | undefined;
  for (;;) {
    const want = total === undefined ? first : Math.min(chunk, total - have);
    if (want <= 0) break;
    const { data, eof } = await readChunk(session, have, want);
    parts.push(data);
    have += data.length;
    joined = undefined;
    if (total === undefined && have > 0) {
      joined = bytes(...parts);
      // Filler from byte 0 means no object: 00, or FF FF (a lone FF may be the start of FF10/FF20/FF30).
      if (joined[0] === 0x00 || (joined[0] === 0xff && joined.length >= 2 && joined[1] === 0xff)) {
        throw new LensError(options.emptyCode ?? 'ef-empty');
      }
      const h = parseTlvHeader(joined);
      if (h) {
        total = h.end;
        if (total > maxLength) throw new LensError('ef-object-too-long', { length: total, max: maxLength });
      }
    }
    if (total !== undefined && have >= total) break;
    if (eof) break;
    if (data.length === 0) throw new LensError('ef-read-no-progress', { offset: have });
  }
  if (have === 0) throw new LensError(options.emptyCode ?? 'ef-empty');
  joined ??= bytes(...parts);
  if (total === undefined) throw new LensError('ef-truncated', { have, need: 0 });
  if (have < total) throw new LensError('ef-truncated', { have, need: total });
  return joined.slice(0, total);
}

/**
 * Read the first `length` bytes of the current EF (fixed-size records: token info, the 個人番号
 * file). Returns fewer bytes only when the card reports end of file first.
 */
export async function readPrefix(session: CardSession, length: number): Promise<Bytes> {
  const { chunk } = readStrategy(session.channel);
  const parts: Uint8Array[] = [];
  let have = 0;
  while (have < length) {
    const { data, eof } = await readChunk(session, have, Math.min(chunk, length - have));
    parts.push(data);
    have += data.length;
    if (eof) break;
    if (data.length === 0) throw new LensError('ef-read-no-progress', { offset: have });
  }
  return bytes(...parts).slice(0, length);
}
