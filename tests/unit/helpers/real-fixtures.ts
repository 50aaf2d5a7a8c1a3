// Readers for the real-data fixtures in tests/fixtures/real/ (see the fixtures README "Real data"): each
// turns one file's printed form back into bytes, so the tests use the file itself, not numbers copied from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REAL_FIXTURES = join(import.meta.dirname, '../../fixtures/real');

export function realText(name: string): string {
  return readFileSync(join(REAL_FIXTURES, name), 'utf8');
}

const fromHex = (h: string) => Uint8Array.from(h.replace(/\s+/g, '').match(/../g) ?? [], (b) => parseInt(b, 16));

export interface HexdumpLine {
  readonly offset: number;
  readonly bytes: Uint8Array;
}

/**
 * jpki-ef0002-readbinary-sctools.txt: sc-tools' hexdump lines `0xOFFSET    hh hh … (16)    ascii`, the
 * author's "(Omitted)" gap, and the final `Last SW: 0x9000`.
 */
export function ef0002Readbinary(): { lines: HexdumpLine[]; efSize: number; lastSw: number } {
  const text = realText('jpki-ef0002-readbinary-sctools.txt');
  const lines: HexdumpLine[] = [];
  for (const m of text.matchAll(/^0x([0-9A-F]{8}) {4}((?:[0-9A-F]{2} ){1,16})/gm)) {
    lines.push({ offset: parseInt(m[1], 16), bytes: fromHex(m[2]) });
  }
  const sw = /Last SW: 0x([0-9A-F]{4})/.exec(text);
  const last = lines[lines.length - 1];
  if (!sw || !last) throw new Error('jpki-ef0002-readbinary-sctools.txt: unexpected format');
  return { lines, efSize: last.offset + last.bytes.length, lastSw: parseInt(sw[1], 16) };
}
