/**
 * Renders the synthetic holders' card-face text images (券面AP EF 0002 DF25 name, DF26 address, DF2A
 * security code; EF 0005 DF41 個人番号 — jpki-card.md §5.2: "rendered image, PNG 1-bit") as 1-bit
 * greyscale PNGs, from src/sim/card/people.ts, into tests/fixtures/images/<person>/.
 *
 * Made with ImageMagick 6 (`convert`) and the IPA Gothic font (Debian `fonts-ipafont-gothic`), with
 * `-monochrome` (1-bit, dithering off by `+dither`) and `-strip` (no time stamps, so a re-run is
 * byte-identical on the same ImageMagick). The outputs are committed; tools/gen-fixtures.ts reads them
 * (it never re-renders) and signs the face data over them. Sizes follow the real card where the
 * reference gives one, doubled for legibility: security code 48×24 (24×12 seen), 個人番号 144×24 (72×12 seen);
 * name 296×40 and address 296×80 (no size published).
 *
 *   npx tsx tools/gen-face-images.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEOPLE, PERSON_IDS } from '../src/sim/card/people';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FONT = '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf';

/** Lines of at most `perLine` characters: ImageMagick 6's own `caption:` wrapping splits UTF-8 characters. */
function wrap(text: string, perLine: number): string {
  const chars = Array.from(text);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  return lines.join('\n');
}

function render(out: string, width: number, height: number, text: string, pointsize: number): void {
  execFileSync('convert', [
    '-size', `${width}x${height}`, 'xc:white', '-fill', 'black', '-font', FONT, '-pointsize', String(pointsize),
    '-gravity', 'West', '-annotate', '+2+0', text,
    '+dither', '-monochrome', '-define', 'png:bit-depth=1', '-define', 'png:color-type=0', '-strip', out,
  ]);
}

for (const id of PERSON_IDS) {
  const p = PEOPLE[id];
  const dir = join(root, 'tests', 'fixtures', 'images', id);
  mkdirSync(dir, { recursive: true });
  render(join(dir, 'name.png'), 296, 40, p.name, 26);
  render(join(dir, 'address.png'), 296, 80, wrap(p.address, p.address.length > 16 ? 22 : 16), p.address.length > 16 ? 13 : 18);
  render(join(dir, 'security-code.png'), 48, 24, p.securityCode, 18);
  render(join(dir, 'my-number.png'), 144, 24, p.myNumber.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3'), 17);
  console.log(`rendered ${id}`);
}
