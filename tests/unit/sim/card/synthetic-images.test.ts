import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { syntheticJp2, syntheticPng } from '../../../../src/sim/card/synthetic-images';
import { createVirtualMyNumberCard } from '../../../../src/sim';
import { x } from './helpers';

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('synthetic 券面 images', () => {
  it('the PNG has valid chunk CRCs, an IHDR for a 1-bit greyscale image and inflatable IDAT rows', () => {
    const png = syntheticPng(296, 40);
    expect(x(png.slice(0, 8))).toBe('89 50 4E 47 0D 0A 1A 0A');
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    const chunks: string[] = [];
    let idat = new Uint8Array(0);
    for (let i = 8; i < png.length; ) {
      const n = view.getUint32(i);
      const typeAndData = png.slice(i + 4, i + 8 + n);
      expect(view.getUint32(i + 8 + n)).toBe(crc32(typeAndData));
      const type = new TextDecoder().decode(typeAndData.slice(0, 4));
      chunks.push(type);
      if (type === 'IHDR') expect(x(typeAndData.slice(4))).toBe('00 00 01 28 00 00 00 28 01 00 00 00 00');
      if (type === 'IDAT') idat = typeAndData.slice(4);
      if (type === 'tEXt') expect(new TextDecoder().decode(typeAndData.slice(4))).toContain('SYNTHETIC');
      i += 12 + n;
    }
    expect(chunks).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
    expect(inflateSync(idat)).toHaveLength((37 + 1) * 40);
  });

  it('the JP2 has the signature, ftyp, jp2h (ihdr, colr greyscale) and jp2c boxes with a J2K codestream', () => {
    const jp2 = syntheticJp2(90, 120);
    expect(x(jp2.slice(0, 12))).toBe('00 00 00 0C 6A 50 20 20 0D 0A 87 0A');
    const view = new DataView(jp2.buffer, jp2.byteOffset, jp2.byteLength);
    const boxes: string[] = [];
    let codestream = new Uint8Array(0);
    for (let i = 0; i < jp2.length; ) {
      const n = view.getUint32(i);
      const type = new TextDecoder().decode(jp2.slice(i + 4, i + 8));
      boxes.push(type);
      if (type === 'jp2c') codestream = jp2.slice(i + 8, i + n);
      i += n;
    }
    expect(boxes).toEqual(['jP  ', 'ftyp', 'jp2h', 'jp2c']);
    expect(x(codestream.slice(0, 4))).toBe('FF 4F FF 51'); // SOC, SIZ
    expect(x(codestream.slice(-2))).toBe('FF D9'); // EOC
  });

  it('the APDU log keeps the latest logLimit exchanges', async () => {
    const card = createVirtualMyNumberCard({ logLimit: 3 });
    for (let i = 0; i < 5; i++) await card.transmit(Uint8Array.of(0, 0xb0, 0, i, 1));
    expect(card.log.map((l) => l.command)).toEqual(['00 B0 00 02 01', '00 B0 00 03 01', '00 B0 00 04 01']);
  });
});
