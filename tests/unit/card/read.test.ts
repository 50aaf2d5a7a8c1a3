import { describe, expect, it } from 'vitest';
import { bytes, toHex } from '../../../src/card/bytes';
import { readObject, readPrefix, readStrategy } from '../../../src/card/read';
import { CardSession } from '../../../src/card/session';
import { EXTENDED, OK, SELECT_JPKI, ScriptedChannel, hexOf, readBinary, selectEf } from './scripted-channel';

/** A fake DER object of `length` total bytes (30 82 LL LL + content) followed by `filler` FF bytes. */
function der(total: number, filler = 0): Uint8Array {
  const body = total - 4;
  const b = new Uint8Array(total + filler).fill(0xff);
  b.set([0x30, 0x82, body >> 8, body & 0xff]);
  for (let i = 4; i < total; i++) b[i] = i & 0xff;
  return b;
}

async function inEf(ch: ScriptedChannel, fn: (s: CardSession) => Promise<Uint8Array>) {
  const s = CardSession.of(ch);
  return s.run(async () => {
    await s.selectDf(new Uint8Array([0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01]));
    await s.selectEf(0x000a);
    return fn(s);
  });
}

const PRE: [string, string][] = [
  [SELECT_JPKI, OK],
  [selectEf(0x000a), OK],
];

describe('readStrategy', () => {
  it('short APDUs: 256-byte chunks unless the channel carries less', () => {
    expect(readStrategy({})).toEqual({ first: 256, chunk: 256, extended: false });
    expect(readStrategy({ capabilities: { extendedLength: false, maxResponseData: 128, maxCommandData: 255 } })).toEqual({ first: 128, chunk: 128, extended: false });
  });
  it('extended, policy exact: a 256-byte first read, then the rest in one read up to the channel limit', () => {
    expect(readStrategy({ capabilities: EXTENDED })).toEqual({ first: 256, chunk: 65536, extended: true });
    expect(readStrategy({ capabilities: { ...EXTENDED, maxResponseData: 1024 } })).toEqual({ first: 256, chunk: 1024, extended: true });
  });
  it('extended, policy whole-ef: everything in the first read', () => {
    expect(readStrategy({ capabilities: EXTENDED }, 'whole-ef')).toEqual({ first: 65536, chunk: 65536, extended: true });
  });
});

describe('readObject', () => {
  it('short APDUs: first 256 bytes carry the header, then exactly the remainder (1446-byte DER → 6 READ BINARY)', async () => {
    const file = der(1446, 600);
    const steps: [string, string][] = [...PRE];
    for (let off = 0; off < 1446; off += 256) {
      const n = Math.min(256, 1446 - off);
      steps.push([readBinary(off, n), `${hexOf(file, off, off + n)} 90 00`]);
    }
    const ch = new ScriptedChannel(steps);
    const out = await inEf(ch, (s) => readObject(s));
    expect(toHex(out)).toBe(hexOf(file, 0, 1446));
    expect(ch.done).toBe(true);
    expect(ch.sent.filter((c) => c.startsWith('00 B0'))).toHaveLength(6);
  });
  it('short APDUs with a 250-byte limit (TPDU reader, IFSD 252): Le FA at 0, 250, …, then exactly the remainder', async () => {
    const file = der(1446, 600);
    const steps: [string, string][] = [...PRE];
    for (let off = 0; off < 1446; off += 250) {
      const n = Math.min(250, 1446 - off);
      steps.push([readBinary(off, n), `${hexOf(file, off, off + n)} 90 00`]);
    }
    expect(steps.slice(2).map(([c]) => c)).toEqual(['00 B0 00 00 FA', '00 B0 00 FA FA', '00 B0 01 F4 FA', '00 B0 02 EE FA', '00 B0 03 E8 FA', '00 B0 04 E2 C4']);
    const ch = new ScriptedChannel(steps, { extendedLength: false, maxResponseData: 250, maxCommandData: 255 });
    const out = await inEf(ch, (s) => readObject(s));
    expect(toHex(out)).toBe(hexOf(file, 0, 1446));
    expect(ch.done).toBe(true);
  });
  it('a 250-byte limit and an object that ends inside the first chunk: one READ BINARY, trimmed', async () => {
    const file = der(200, 300);
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 250), `${hexOf(file, 0, 250)} 90 00`]], { extendedLength: false, maxResponseData: 250, maxCommandData: 255 });
    expect(toHex(await inEf(ch, (s) => readObject(s)))).toBe(hexOf(file, 0, 200));
    expect(ch.done).toBe(true);
  });
  it('readPrefix with a 250-byte limit: 600 bytes in 250 + 250 + 100', async () => {
    const file = der(1446);
    const ch = new ScriptedChannel(
      [...PRE, [readBinary(0, 250), `${hexOf(file, 0, 250)} 90 00`], [readBinary(250, 250), `${hexOf(file, 250, 500)} 90 00`], [readBinary(500, 100), `${hexOf(file, 500, 600)} 90 00`]],
      { extendedLength: false, maxResponseData: 250, maxCommandData: 255 },
    );
    expect(toHex(await inEf(ch, (s) => readPrefix(s, 600)))).toBe(hexOf(file, 0, 600));
    expect(ch.done).toBe(true);
  });
  it('extended, exact: the header chunk, then exactly the rest in one extended READ BINARY (no filler moved)', async () => {
    const file = der(1446, 600);
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 256), `${hexOf(file, 0, 256)} 90 00`], ['00 B0 01 00 00 04 A6', `${hexOf(file, 256, 1446)} 90 00`]], EXTENDED);
    const out = await inEf(ch, (s) => readObject(s));
    expect(toHex(out)).toBe(hexOf(file, 0, 1446));
    expect(ch.done).toBe(true);
  });
  it('extended, whole-ef: one READ BINARY for the whole EF, filler trimmed', async () => {
    const file = der(1446, 600);
    const ch = new ScriptedChannel([...PRE, ['00 B0 00 00 00 00 00', `${hexOf(file)} 62 82`]], EXTENDED);
    const out = await inEf(ch, (s) => readObject(s, { policy: 'whole-ef' }));
    expect(toHex(out)).toBe(hexOf(file, 0, 1446));
    expect(ch.done).toBe(true);
  });
  it('extended with a smaller channel limit continues in chunks of that limit', async () => {
    const file = der(1446, 100);
    const caps = { ...EXTENDED, maxResponseData: 1000 };
    const ch = new ScriptedChannel(
      [
        ...PRE,
        [readBinary(0, 256), `${hexOf(file, 0, 256)} 90 00`],
        ['00 B0 01 00 00 03 E8', `${hexOf(file, 256, 1256)} 90 00`],
        [readBinary(1256, 190), `${hexOf(file, 1256, 1446)} 90 00`],
      ],
      caps,
    );
    expect((await inEf(ch, (s) => readObject(s))).length).toBe(1446);
    expect(ch.done).toBe(true);
  });
  it('tolerates short reads (fewer bytes than asked, 90 00) and continues from where they stopped', async () => {
    const file = der(600, 10);
    const ch = new ScriptedChannel([
      ...PRE,
      [readBinary(0, 256), `${hexOf(file, 0, 100)} 90 00`],
      [readBinary(100, 256), `${hexOf(file, 100, 356)} 90 00`],
      [readBinary(356, 244), `${hexOf(file, 356, 500)} 90 00`],
      [readBinary(500, 100), `${hexOf(file, 500, 600)} 90 00`],
    ]);
    expect(toHex(await inEf(ch, (s) => readObject(s)))).toBe(hexOf(file, 0, 600));
    expect(ch.done).toBe(true);
  });
  it('a header split across reads is completed by the next read', async () => {
    const file = der(300);
    const ch = new ScriptedChannel([
      ...PRE,
      [readBinary(0, 256), `${hexOf(file, 0, 2)} 90 00`],
      [readBinary(2, 256), `${hexOf(file, 2, 258)} 90 00`],
      [readBinary(258, 42), `${hexOf(file, 258, 300)} 90 00`],
    ]);
    expect((await inEf(ch, (s) => readObject(s))).length).toBe(300);
  });
  it('6B00 at the end of file after the object is complete is fine; 6282 with data too', async () => {
    const file = der(200);
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 256), `${hexOf(file)} 62 82`]]);
    expect((await inEf(ch, (s) => readObject(s))).length).toBe(200);
    const ch2 = new ScriptedChannel([...PRE, [readBinary(0, 256), `${hexOf(file, 0, 150)} 90 00`], [readBinary(150, 50), `${hexOf(file, 150, 200)} 90 00`]]);
    expect((await inEf(ch2, (s) => readObject(s))).length).toBe(200);
  });
  it('6B00 before the object is complete is ef-truncated', async () => {
    const file = der(600);
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 256), `${hexOf(file, 0, 256)} 90 00`], [readBinary(256, 256), '6B 00']]);
    await expect(inEf(ch, (s) => readObject(s))).rejects.toMatchObject({ code: 'ef-truncated', params: { have: 256, need: 600 } });
  });
  it('an empty EF (FF filler from byte 0) gets the caller’s code', async () => {
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 256), `${'FF '.repeat(256)} 90 00`]]);
    await expect(inEf(ch, (s) => readObject(s, { emptyCode: 'jpki-certificate-absent' }))).rejects.toMatchObject({ code: 'jpki-certificate-absent' });
  });
  it('a card that returns nothing with 90 00 is stopped, not looped', async () => {
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 256), '30 82 90 00'], [readBinary(2, 256), '90 00']]);
    await expect(inEf(ch, (s) => readObject(s))).rejects.toMatchObject({ code: 'ef-read-no-progress' });
  });
  it('refuses a corrupt length above the limit before reading it', async () => {
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 256), `30 83 7F FF FF ${'00 '.repeat(251)} 90 00`]]);
    await expect(inEf(ch, (s) => readObject(s, { maxLength: 16384 }))).rejects.toMatchObject({ code: 'ef-object-too-long' });
    expect(ch.sent).toHaveLength(3);
  });
  it('stops at the 15-bit offset limit', async () => {
    // A 40000-byte object on a 256-byte channel would need offsets past 7FFF.
    const steps: [string, string][] = [...PRE];
    const chunk = new Uint8Array(256).fill(0x41);
    steps.push([readBinary(0, 256), `30 83 00 9C 3B ${hexOf(chunk, 0, 251)} 90 00`]);
    for (let off = 256; off <= 0x7fff; off += 256) steps.push([readBinary(off, 256), `${hexOf(chunk)} 90 00`]);
    const ch = new ScriptedChannel(steps);
    await expect(inEf(ch, (s) => readObject(s, { maxLength: 50000 }))).rejects.toMatchObject({ code: 'ef-offset-limit' });
  });
  it('passes other status words on as named CardStatusErrors', async () => {
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 256), '69 82']]);
    await expect(inEf(ch, (s) => readObject(s))).rejects.toMatchObject({ code: 'sw-6982', sw: 0x6982 });
  });
});

describe('readPrefix', () => {
  it('reads exactly n bytes, looping on short reads', async () => {
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 17), 'FF 10 0C 90 00'], [readBinary(3, 14), `${'31 '.repeat(12)} FF FF 90 00`]]);
    const out = await inEf(ch, (s) => readPrefix(s, 17));
    expect(toHex(out)).toBe(toHex(bytes([0xff, 0x10, 0x0c], new Uint8Array(12).fill(0x31), [0xff, 0xff])));
  });
  it('returns fewer bytes at end of file', async () => {
    const ch = new ScriptedChannel([...PRE, [readBinary(0, 32), '4A 50 62 82']]);
    expect((await inEf(ch, (s) => readPrefix(s, 32))).length).toBe(2);
  });
});
