/**
 * ISO/IEC 7816-4 command and response APDUs: encoding of the four cases in short and extended form
 * (ISO/IEC 7816-4:2013 §5.1, §5.2), and `transmitApdu`, which sends one command and follows the two
 * transmission-level status words the standard defines (61xx: fetch the rest with GET RESPONSE;
 * 6Cxx: the card wants the same command with Le = xx). No card-application knowledge lives here.
 */
import type { CardChannel } from './channel';
import { LensError, isLensError } from '../errors';
import { type Bytes, bytes, toHex } from './bytes';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** Command data (Nc = data.length). Absent or empty: no Lc field. */
  readonly data?: Uint8Array;
  /** Ne, the number of response bytes expected, 1..65536. Absent: no Le field. */
  readonly ne?: number;
}

export interface ResponseApdu {
  readonly data: Bytes;
  readonly sw: number;
}

export type ApduForm = 'short' | 'extended';

export const SHORT_MAX_NC = 255;
export const SHORT_MAX_NE = 256;
export const EXTENDED_MAX_NC = 65535;
export const EXTENDED_MAX_NE = 65536;

/** The ISO/IEC 7816-4 case of a command: 1 (no data, no Le) … 4 (data and Le). */
export function apduCase(cmd: CommandApdu): 1 | 2 | 3 | 4 {
  const hasData = (cmd.data?.length ?? 0) > 0;
  const hasLe = cmd.ne !== undefined;
  return hasData ? (hasLe ? 4 : 3) : hasLe ? 2 : 1;
}

/** The smallest form that carries the command: short unless Nc > 255 or Ne > 256. */
export function neededForm(cmd: CommandApdu): ApduForm {
  return (cmd.data?.length ?? 0) > SHORT_MAX_NC || (cmd.ne ?? 0) > SHORT_MAX_NE ? 'extended' : 'short';
}

function checkByte(v: number, field: string): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xff) throw new LensError('apdu-invalid-command', { field });
}

/**
 * Encode a command APDU. ISO/IEC 7816-4:2013 §5.1 (Table 1, "Command-response pairs"):
 *  case 1: CLA INS P1 P2
 *  case 2S: … Le (1 byte, 00 = 256)             case 2E: … 00 Le1 Le2 (0000 = 65536)
 *  case 3S: … Lc (1..FF) data                    case 3E: … 00 Lc1 Lc2 data
 *  case 4S: … Lc data Le                         case 4E: … 00 Lc1 Lc2 data Le1 Le2 (no second 00)
 * `form` forces the encoding; by default the smallest one is used.
 */
export function encodeCommand(cmd: CommandApdu, form: ApduForm = neededForm(cmd)): Bytes {
  checkByte(cmd.cla, 'cla');
  checkByte(cmd.ins, 'ins');
  checkByte(cmd.p1, 'p1');
  checkByte(cmd.p2, 'p2');
  const nc = cmd.data?.length ?? 0;
  const ne = cmd.ne;
  if (ne !== undefined && (!Number.isInteger(ne) || ne < 1 || ne > EXTENDED_MAX_NE)) {
    throw new LensError('apdu-invalid-command', { field: 'ne' });
  }
  if (nc > EXTENDED_MAX_NC) throw new LensError('apdu-invalid-command', { field: 'data' });
  if (form === 'short' && neededForm(cmd) === 'extended') throw new LensError('apdu-needs-extended-length', { nc, ne: ne ?? 0 });
  const header = [cmd.cla, cmd.ins, cmd.p1, cmd.p2];
  if (form === 'short') {
    const lc = nc > 0 ? [nc] : [];
    const le = ne === undefined ? [] : [ne === 256 ? 0 : ne];
    return bytes(header, lc, cmd.data ?? [], le);
  }
  // Extended: the first length byte after the header is 00, followed by Lc (2 bytes) if there is
  // data; Le is 2 bytes after data, or 3 bytes (00 + 2) when there is no data (ISO 7816-4 §5.1).
  const lc = nc > 0 ? [0x00, nc >> 8, nc & 0xff] : [];
  const leVal = ne === 65536 ? 0 : (ne ?? 0);
  const le = ne === undefined ? [] : nc > 0 ? [leVal >> 8, leVal & 0xff] : [0x00, leVal >> 8, leVal & 0xff];
  return bytes(header, lc, cmd.data ?? [], le);
}

/** Split a response into its data field and SW1 SW2. */
export function parseResponse(raw: Uint8Array): ResponseApdu {
  if (raw.length < 2) throw new LensError('apdu-response-too-short', { length: raw.length });
  return { data: raw.slice(0, raw.length - 2), sw: (raw[raw.length - 2] << 8) | raw[raw.length - 1] };
}

export interface TransmitOptions {
  /** The command carries a secret (VERIFY, CHANGE REFERENCE DATA): the transcript shows its data
   * bytes as `**`, the whole exchange runs inside `transcript.sensitive()`, and it is never
   * re-sent by the 6Cxx recovery (house rule: a VERIFY is never re-sent). */
  readonly secret?: boolean;
  /** Force an encoding (tests, the benchmark); by default the smallest form is used. */
  readonly form?: ApduForm;
}

/** INS codes that present or change reference data: never re-issued automatically. */
const NEVER_RESEND = new Set([0x20, 0x21, 0x24, 0x2c, 0x32]);

/** Bound on GET RESPONSE rounds: 65536 bytes in 256-byte parts, plus slack. */
const MAX_GET_RESPONSE = 260;

/**
 * Send one command and return the final response. Follows 61xx with GET RESPONSE (concatenating
 * the parts) and answers 6Cxx by re-issuing the same command once with Ne = xx (ISO/IEC 7816-4:2013
 * §5.3.4, §12.6.1; myna-card `src/card.rs` does both). The caller must hold the channel's queue
 * (`exclusive`, queue.ts) so no other APDU interleaves with a GET RESPONSE sequence.
 */
export async function transmitApdu(channel: CardChannel, cmd: CommandApdu, options: TransmitOptions = {}): Promise<ResponseApdu> {
  const form = options.form ?? neededForm(cmd);
  if (form === 'extended' && !channel.capabilities?.extendedLength) {
    throw new LensError('apdu-needs-extended-length', { nc: cmd.data?.length ?? 0, ne: cmd.ne ?? 0 });
  }
  const run = async (): Promise<ResponseApdu> => {
    let first = await exchange(channel, encodeCommand(cmd, form), cmd, options.secret === true);
    if ((first.sw & 0xff00) === 0x6c00 && !NEVER_RESEND.has(cmd.ins) && !options.secret) {
      const xx = first.sw & 0xff;
      const again = { ...cmd, ne: xx === 0 ? 256 : xx };
      first = await exchange(channel, encodeCommand(again), cmd, false);
    }
    if ((first.sw & 0xff00) !== 0x6100) return first;
    const parts: Uint8Array[] = [first.data];
    let last = first;
    for (let round = 0; (last.sw & 0xff00) === 0x6100; round++) {
      if (round >= MAX_GET_RESPONSE) throw new LensError('apdu-get-response-loop', { rounds: round });
      const xx = last.sw & 0xff;
      // GET RESPONSE is interindustry: CLA 00 (keeping the logical channel bits of an interindustry CLA).
      const cla = cmd.cla & 0x80 ? 0x00 : cmd.cla & 0x03;
      last = await exchange(channel, encodeCommand({ cla, ins: 0xc0, p1: 0, p2: 0, ne: xx === 0 ? 256 : xx }, 'short'), null, false);
      parts.push(last.data);
    }
    return { data: bytes(...parts), sw: last.sw };
  };
  const transcript = channel.transcript;
  return options.secret && transcript ? transcript.sensitive(run) : run();
}

async function exchange(channel: CardChannel, wire: Bytes, cmd: CommandApdu | null, secret: boolean): Promise<ResponseApdu> {
  const transcript = channel.transcript;
  if (transcript) {
    if (secret && cmd) transcript.recordMasked('apdu', 'out', maskedHex(wire, cmd), wire.length, 'data masked');
    else transcript.record('apdu', 'out', wire);
  }
  let raw: Uint8Array;
  try {
    raw = await channel.transmit(wire);
  } catch (e) {
    if (isLensError(e)) throw e;
    throw new LensError('card-transmit-failed', {}, { cause: e });
  } finally {
    if (secret) wire.fill(0); // the encoded PIN does not outlive the exchange
  }
  transcript?.record('apdu', 'in', raw);
  return parseResponse(raw);
}

/** The APDU as hex with the data field replaced by `**` per byte (header and lengths kept); lower
 * case like the transcript's own hex. */
export function maskedHex(wire: Uint8Array, cmd: CommandApdu): string {
  const nc = cmd.data?.length ?? 0;
  const hex = (b: Uint8Array) => toHex(b).toLowerCase();
  if (nc === 0) return hex(wire);
  const lcLen = wire[4] === 0 ? 3 : 1; // extended Lc is 00 Lc1 Lc2; a short Lc is never 00
  const start = 4 + lcLen;
  return [hex(wire.subarray(0, start)), Array(nc).fill('**').join(' '), hex(wire.subarray(start + nc))].filter((s) => s).join(' ');
}
