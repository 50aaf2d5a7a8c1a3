/**
 * Text of the licence: JIS X 0208 2-byte codes (row/cell, each 0x21–0x7E), with the licence's own
 * codes for 外字 (`FFF1`–`FFF7` → glyph 1–7 in DF1/EF03 and EF05) and 欠字 (`FFFA`), jpki-card.md §9.3
 * (TRET `jisX0208Data`, JDCard `toJISX0208()`).
 *
 * No code table lives here: a run of JIS X 0208 pairs gets 0x80 added to each byte, which makes it
 * EUC-JP, and the platform's `TextDecoder('euc-jp')` (WHATWG Encoding §13.1) decodes it. A pair that
 * the platform does not map (an unassigned row, or bytes out of range) is kept as an `unmapped`
 * segment with its code, so nothing is lost or guessed; the plain-text form shows 〓 there.
 */
import { LensError } from '../../errors';

export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  /** 外字 1–7: drawn from the glyph bitmaps (gaiji.ts). */
  | { readonly kind: 'gaiji'; readonly index: number }
  /** 欠字: the card says a character is missing. */
  | { readonly kind: 'missing' }
  /** A code the platform decoder does not map (hex, e.g. `2F21`). */
  | { readonly kind: 'unmapped'; readonly code: string };

export interface LicenceText {
  /** Plain text; 外字, 欠字 and unmapped codes appear as 〓 (the conventional geta mark). */
  readonly text: string;
  readonly segments: readonly TextSegment[];
}

export const PLACEHOLDER = '\u3013';

let eucJp: TextDecoder | undefined;
function decoder(): TextDecoder {
  eucJp ??= new TextDecoder('euc-jp', { fatal: true });
  return eucJp;
}

const inRange = (b: number) => b >= 0x21 && b <= 0x7e;

function hexPair(a: number, b: number): string {
  return ((a << 8) | b).toString(16).padStart(4, '0').toUpperCase();
}

/** Decode one pair through the platform; undefined when it does not map. */
function decodePair(a: number, b: number): string | undefined {
  try {
    return decoder().decode(new Uint8Array([a | 0x80, b | 0x80]));
  } catch {
    return undefined;
  }
}

/**
 * Decode a JIS X 0208 text value. An odd length is a `licence-text-odd-length` error (the value is
 * corrupt; `field` names it — never the bytes, which are personal data).
 */
export function decodeJisText(value: Uint8Array, field: string): LicenceText {
  if (value.length % 2 !== 0) throw new LensError('licence-text-odd-length', { field, length: value.length });
  const segments: TextSegment[] = [];
  let run: number[] = [];
  const pushText = (s: string) => {
    const last = segments[segments.length - 1];
    if (last?.kind === 'text') segments[segments.length - 1] = { kind: 'text', text: last.text + s };
    else segments.push({ kind: 'text', text: s });
  };
  const flush = () => {
    if (run.length === 0) return;
    const euc = Uint8Array.from(run, (b) => b | 0x80);
    try {
      pushText(decoder().decode(euc));
    } catch {
      // Some pair in the run is unassigned: decode pair by pair to keep the rest.
      for (let i = 0; i < run.length; i += 2) {
        const s = decodePair(run[i], run[i + 1]);
        if (s !== undefined) pushText(s);
        else segments.push({ kind: 'unmapped', code: hexPair(run[i], run[i + 1]) });
      }
    }
    run = [];
  };
  for (let i = 0; i < value.length; i += 2) {
    const a = value[i];
    const b = value[i + 1];
    if (a === 0xff && b >= 0xf1 && b <= 0xf7) {
      flush();
      segments.push({ kind: 'gaiji', index: b - 0xf0 });
    } else if (a === 0xff && b === 0xfa) {
      flush();
      segments.push({ kind: 'missing' });
    } else if (inRange(a) && inRange(b)) {
      run.push(a, b);
    } else {
      flush();
      segments.push({ kind: 'unmapped', code: hexPair(a, b) });
    }
  }
  flush();
  const text = segments.map((s) => (s.kind === 'text' ? s.text : PLACEHOLDER)).join('');
  return { text, segments };
}

/** JIS X 0201 digits/letters (照会番号, 免許証の番号): printable ASCII only, else a named error. */
export function decodeJisX0201(value: Uint8Array, field: string): string {
  let s = '';
  for (const b of value) {
    if (b < 0x20 || b > 0x7e) throw new LensError('licence-field-not-jis-x0201', { field });
    s += String.fromCharCode(b);
  }
  return s;
}
