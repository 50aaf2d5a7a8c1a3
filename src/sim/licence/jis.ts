/**
 * JIS X 0208 text of the licence (jpki-card.md §9.3): row/cell bytes 0x21–0x7E, two per character,
 * 外字 FF F1–FF F7, 欠字 FF FA. The bytes come from jis.generated.ts, made at fixture time by
 * tools/gen-licence-text.ts with the system's iconv; nothing here maps characters itself.
 */
import { fromHex } from '../card/bytes';
import { JIS_X_0208_TEXT } from './jis.generated';

export function jisX0208(text: string): Uint8Array<ArrayBuffer> {
  const hexText = JIS_X_0208_TEXT[text];
  if (hexText === undefined) {
    throw new Error(`sim licence: no JIS X 0208 bytes for ${JSON.stringify(text)}; run \`npx tsx tools/gen-licence-text.ts\``);
  }
  return fromHex(hexText);
}

/** JIS X 0201 text (digits, era dates, the spec version): its code points are those of ASCII here. */
export function jisX0201(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`sim licence: not JIS X 0201 roman: ${text}`);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** The 外字 numbers (1–7) a text uses, in order of first use. */
export function gaijiIn(text: string): number[] {
  return [...new Set([...text.matchAll(/\{([1-7])\}/gu)].map((m) => Number(m[1])))];
}
