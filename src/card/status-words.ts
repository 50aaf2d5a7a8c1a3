/**
 * Named status words (architecture rule 4; the habit of yubikit's `SW` enum, peers.md §2.3). Each
 * SW has a stable error code `sw-xxxx` (lower-case hex) whose plain ja/en meaning lives in
 * src/i18n/catalog/card/, and a short English name used in `Error.message`, so a log line reads
 * `SW 6982 (security status not satisfied)`. Meanings are ISO/IEC 7816-4:2013 §5.6 (Tables 5–6)
 * unless a comment cites what this card does (jpki-card.md §7).
 */
import { LensError } from '../errors';
import { hex4 } from './bytes';

export const SW_OK = 0x9000;

interface Entry {
  readonly sw: number;
  readonly name: string;
}

/** Exact status words. 63Cx, 61xx and 6Cxx are families handled in `describeStatusWord`. */
const TABLE: readonly Entry[] = [
  { sw: 0x9000, name: 'success' },
  { sw: 0x6281, name: 'part of the returned data may be corrupted' },
  { sw: 0x6282, name: 'end of file reached before reading Ne bytes' }, // read past the end (myna-card is_end_of_file)
  { sw: 0x6283, name: 'selected file deactivated' },
  { sw: 0x6300, name: 'verification failed (no retry counter)' }, // key without a retry limit (myna-card)
  { sw: 0x6400, name: 'execution error' },
  { sw: 0x6581, name: 'memory failure' },
  { sw: 0x66f1, name: 'no session-key delivery configured for this application' }, // SET SESSION KEY outside 入力補助AP (myna-card text.rs)
  { sw: 0x6700, name: 'wrong length' },
  { sw: 0x6881, name: 'logical channel not supported' },
  { sw: 0x6882, name: 'secure messaging not supported' }, // SELECT under SM (myna-card)
  { sw: 0x6982, name: 'security status not satisfied' }, // e.g. reading EF 0001 before the 署名用パスワード
  { sw: 0x6983, name: 'authentication method blocked' }, // ISO meaning; treated as blocked (jpki-web), UNCONFIRMED on this card
  { sw: 0x6984, name: 'reference data not usable (PIN blocked)' }, // every try after the counter reached 0 (myna-card, myna-go)
  { sw: 0x6985, name: 'conditions of use not satisfied' },
  { sw: 0x6986, name: 'command not allowed (no current EF)' },
  { sw: 0x6988, name: 'incorrect secure messaging data objects' },
  { sw: 0x69fc, name: 'secure messaging not available in this application' }, // CLA 08/0C (myna-card)
  { sw: 0x6a80, name: 'incorrect parameters in the data field' },
  { sw: 0x6a81, name: 'function not supported' },
  { sw: 0x6a82, name: 'file or application not found' },
  { sw: 0x6a84, name: 'not enough memory space in the file' },
  { sw: 0x6a86, name: 'incorrect parameters P1-P2' },
  { sw: 0x6a87, name: 'Nc inconsistent with parameters P1-P2' },
  { sw: 0x6a88, name: 'referenced data not found' },
  { sw: 0x6b00, name: 'wrong parameters P1-P2 (offset beyond end of file)' }, // READ BINARY past EOF (JICSAP, myna-card)
  { sw: 0x6d00, name: 'instruction not supported' },
  { sw: 0x6e00, name: 'class not supported' },
  { sw: 0x6f00, name: 'no precise diagnosis' },
];

const BY_SW = new Map(TABLE.map((e) => [e.sw, e]));

/** Every exact SW with a name (for the catalog completeness test). */
export const NAMED_STATUS_WORDS: readonly number[] = TABLE.map((e) => e.sw);

export interface StatusWordDescription {
  /** Error/catalog code: `sw-6982`, `sw-63cx`, `sw-61xx`, `sw-6cxx`, or `sw-unknown`. */
  readonly code: string;
  /** Short English name for messages and logs. */
  readonly name: string;
  /** Parameters for the catalog text: always `sw` (4 hex digits), `tries` for 63Cx. */
  readonly params: Readonly<Record<string, string | number>>;
}

export function describeStatusWord(sw: number): StatusWordDescription {
  const s = hex4(sw);
  const exact = BY_SW.get(sw);
  if (exact) return { code: `sw-${s.toLowerCase()}`, name: exact.name, params: { sw: s } };
  const sw1 = sw >> 8;
  const x = sw & 0xff;
  // 63Cx: verification failed, x tries left (ISO 7816-4 Table 6). 63C0 is the try that blocked it.
  if ((sw & 0xfff0) === 0x63c0) {
    const tries = sw & 0x0f;
    if (tries === 0) return { code: 'sw-63c0', name: 'PIN wrong, now blocked', params: { sw: s } };
    return { code: 'sw-63cx', name: `PIN wrong, ${tries} ${tries === 1 ? 'try' : 'tries'} left`, params: { sw: s, tries } };
  }
  if (sw1 === 0x61) return { code: 'sw-61xx', name: `${x || 256} more bytes available`, params: { sw: s, count: x || 256 } };
  if (sw1 === 0x6c) return { code: 'sw-6cxx', name: `wrong Le, exact length is ${x || 256}`, params: { sw: s, count: x || 256 } };
  return { code: 'sw-unknown', name: 'unknown status word', params: { sw: s } };
}

/** True for the answers that mean a PIN can no longer be tried: 63C0, 6983, 6984 (jpki-card.md §3.2). */
export function isBlockedStatus(sw: number): boolean {
  return sw === 0x63c0 || sw === 0x6983 || sw === 0x6984;
}

/** 63Cx with x ≥ 1 → x; otherwise undefined. */
export function triesLeft(sw: number): number | undefined {
  return (sw & 0xfff0) === 0x63c0 && (sw & 0x0f) > 0 ? sw & 0x0f : undefined;
}

/**
 * A card answered something other than the success the caller needed. `code` is the SW's code
 * (`sw-6982`), `params.sw` the 4 hex digits, `params.command` what was being done; the message is
 * `SW 6982 (security status not satisfied) after READ BINARY`.
 */
export class CardStatusError extends LensError {
  readonly sw: number;
  constructor(sw: number, command?: string) {
    const d = describeStatusWord(sw);
    super(d.code, { ...d.params, ...(command ? { command } : {}) });
    this.sw = sw;
    this.message = `SW ${hex4(sw)} (${d.name})${command ? ` after ${command}` : ''}`;
  }
}
