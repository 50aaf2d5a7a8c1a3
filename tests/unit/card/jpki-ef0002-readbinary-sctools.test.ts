// tests/fixtures/real/jpki-ef0002-readbinary-sctools.txt: on a real card EF 0002 is 1900 bytes, the 1304-byte
// signca03 DER then 00 filler (its first 272 bytes equal ../shared/corpus/jpki-ca/signca03.cer; the author
// elided the middle, so the EF is rebuilt as signca03 + 00 filler to the size the dump ends at). Every host
// read path must take the object's length from the DER header only: whatever the policy and APDU level, the
// result is exactly the DER, and only the whole-ef policy moves the filler.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardChannel, ChannelCapabilities } from '../../../src/card/channel';
import { bytes, toHex } from '../../../src/card/bytes';
import { JpkiAp } from '../../../src/card/jpki';
import type { ReadPolicy } from '../../../src/card/read';
import { ef0002Readbinary } from '../helpers/real-fixtures';
import { EXTENDED, SHORT } from './scripted-channel';

const SIGNCA03 = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../../shared/corpus/jpki-ca/signca03.cer')));
const real = ef0002Readbinary();
const EF = bytes(SIGNCA03, new Uint8Array(real.efSize - SIGNCA03.length));

/** A card holding only JPKI EF 0002 as the real one does: SELECT AP / EF, READ BINARY short or extended. */
function realEf0002Card(capabilities: ChannelCapabilities): CardChannel & { readBytes: number; reads: number } {
  const ok = (data: Uint8Array = new Uint8Array()) => bytes(data, Uint8Array.of(0x90, 0x00));
  const card = {
    atr: Uint8Array.of(0x3b),
    capabilities,
    readBytes: 0,
    reads: 0,
    async close() {},
    async transmit(apdu: Uint8Array): Promise<Uint8Array> {
      const [, ins, p1, p2] = apdu;
      if (ins === 0xa4) return ok();
      if (ins !== 0xb0) return Uint8Array.of(0x6d, 0x00);
      const offset = (p1 << 8) | p2;
      // Short: Le in byte 4 (00 = 256); extended: 00 Le1 Le2 (0000 = 65536).
      const ne = apdu.length === 5 ? apdu[4] || 256 : ((apdu[5] << 8) | apdu[6]) || 65536;
      if (offset >= EF.length) return Uint8Array.of(0x6b, 0x00);
      const data = EF.subarray(offset, offset + ne);
      card.reads++;
      card.readBytes += data.length;
      return ok(data);
    },
  };
  return card;
}

describe('jpki-ef0002-readbinary-sctools.txt: the host reads the real EF 0002 shape', () => {
  it('the printed head is signca03.cer byte for byte (the fixture is what the README says)', () => {
    const head = bytes(...real.lines.filter((l) => l.offset < 0x110).map((l) => l.bytes));
    expect(head.length).toBe(272);
    expect(toHex(head)).toBe(toHex(SIGNCA03.subarray(0, 272)));
    expect(((SIGNCA03[2] << 8) | SIGNCA03[3]) + 4).toBe(1304);
  });

  const cases: [string, ChannelCapabilities, ReadPolicy, number][] = [
    // [name, path, policy, bytes the card sends]
    ['short APDUs', SHORT, 'exact', 1304],
    ['extended, exact (default)', EXTENDED, 'exact', 1304],
    ['extended, whole-ef', EXTENDED, 'whole-ef', real.efSize],
  ];
  it.each(cases)('%s: readCertificate(sign-ca) returns exactly the 1304-byte DER', async (_n, caps, policy, moved) => {
    const card = realEf0002Card(caps);
    const der = await new JpkiAp(card, { readPolicy: policy }).readCertificate('sign-ca');
    expect(toHex(der)).toBe(toHex(SIGNCA03));
    expect(card.readBytes).toBe(moved);
  });
});
