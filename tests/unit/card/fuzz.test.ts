/**
 * Fuzzing: thousands of random and mutated inputs through every decoder, and random or mutated card
 * responses through every flow. The only acceptable outcomes are a result or a LensError with a
 * code — never a TypeError, RangeError or hang. Deterministic (seeded PRNG), so a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import { LensError } from '../../../src/errors';
import { parseResponse } from '../../../src/card/apdu';
import { bytes, fromHex } from '../../../src/card/bytes';
import { decodeCertificatePresence, decodeTokenLabel } from '../../../src/card/card-info';
import { JpkiAp } from '../../../src/card/jpki';
import { KenhojoAp } from '../../../src/card/kenhojo';
import { basicInfoDigestSource, decodeBasicInfo, decodeIntegrityRecord, decodeMyNumber } from '../../../src/card/kenhojo-data';
import { KenmenAp, decodeCardFace } from '../../../src/card/kenmen';
import { children, parseTlv } from '../../../src/card/tlv';
import { createVirtualMyNumberCard } from '../../../src/sim';
import type { CardChannel } from '../../../src/card/channel';
import { fixture } from './fixtures';
import { prng } from '../helpers/prng';


type Rand = ReturnType<typeof prng>;
const int = (r: Rand, n: number) => Math.floor(r() * n);

function randomBytes(r: Rand, max: number): Uint8Array {
  const b = new Uint8Array(int(r, max + 1));
  for (let i = 0; i < b.length; i++) b[i] = int(r, 256);
  return b;
}

/** Bit flips, byte changes, truncation, extension, length-byte tampering. */
function mutate(r: Rand, src: Uint8Array): Uint8Array {
  let b = src.slice();
  const n = 1 + int(r, 4);
  for (let k = 0; k < n; k++) {
    const op = int(r, 6);
    if (b.length === 0) return randomBytes(r, 8);
    const i = int(r, b.length);
    if (op === 0) b[i] ^= 1 << int(r, 8);
    else if (op === 1) b[i] = int(r, 256);
    else if (op === 2) b = b.slice(0, i);
    else if (op === 3) b = bytes(b, randomBytes(r, 16));
    else if (op === 4) b[Math.min(i, 2)] = [0x80, 0x81, 0x82, 0x83, 0x84, 0xff, 0x00][int(r, 7)];
    else b = bytes(b.subarray(0, i), b.subarray(i + 1));
  }
  return b;
}

function expectNamed(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof LensError) || !/^[a-z0-9-]+$/.test(e.code)) throw new Error(`unnamed failure: ${String(e)}`, { cause: e });
  }
}

/** Runs `f`; returns 'ok' or the LensError's code, and fails the test on anything else. */
async function expectNamedAsync(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
    return 'ok';
  } catch (e) {
    if (!(e instanceof LensError) || !/^[a-z0-9-]+$/.test(e.code)) throw new Error(`unnamed failure: ${String(e)}`, { cause: e });
    return e.code;
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);
function tlv(tag: number[], value: Uint8Array): Uint8Array {
  const n = value.length;
  return bytes(tag, n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff], value);
}
const SEEDS = {
  myNumber: fromHex('FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF'),
  basicInfo: bytes(
    tlv([0xff, 0x20], bytes(tlv([0xdf, 0x21], new Uint8Array(8)), tlv([0xdf, 0x22], utf8('見本　太郎')), tlv([0xdf, 0x23], utf8('東京都見本町１')), tlv([0xdf, 0x24], utf8('19850401')), tlv([0xdf, 0x25], utf8('1')))),
    new Uint8Array(20).fill(0xff),
  ),
  integrity: bytes(fromHex('FF 30 82 01 4B DF 31 20'), new Uint8Array(32), fromHex('DF 32 20'), new Uint8Array(32), fromHex('DF 33 82 01 00'), new Uint8Array(256)),
  face: tlv([0xff, 0x20], bytes(tlv([0xdf, 0x22], utf8('19850401')), fromHex('DF 23 01 31 DF 25 08 89 50 4E 47 0D 0A 1A 0A DF 29 00'))),
};

describe('decoder fuzzing', () => {
  it('random and mutated bytes through every decoder: result or named LensError', () => {
    const r = prng(0x4a504b49);
    const decoders: ((b: Uint8Array) => unknown)[] = [
      decodeMyNumber,
      decodeBasicInfo,
      basicInfoDigestSource,
      decodeIntegrityRecord,
      decodeCardFace,
      decodeTokenLabel,
      decodeCertificatePresence,
      parseResponse,
      (b) => {
        const h = parseTlv(b);
        return h.constructed ? children(b, h) : h;
      },
    ];
    const seeds = [...Object.values(SEEDS), fixture('ordinary/auth.der').subarray(0, 64)];
    let runs = 0;
    for (let i = 0; i < 3000; i++) {
      const input = i % 3 === 0 ? randomBytes(r, 64) : mutate(r, seeds[int(r, seeds.length)]);
      for (const d of decoders) {
        expectNamed(() => d(input));
        runs++;
      }
    }
    expect(runs).toBe(27000);
  });

  it('the seeds themselves decode (so mutations start from valid data)', () => {
    expect(decodeMyNumber(SEEDS.myNumber).value).toBe('123456789018');
    expect(decodeBasicInfo(SEEDS.basicInfo).name).toBe('見本　太郎');
    expect(decodeIntegrityRecord(SEEDS.integrity).issuerSignature.length).toBe(256);
    expect(decodeCardFace(SEEDS.face).birthDate?.iso).toBe('1985-04-01');
  });
});

/**
 * A channel that forwards to the virtual card but corrupts some responses; it answers 6F00 after a
 * budget of commands so that a card inventing huge lengths cannot make a run long.
 */
function corruptingChannel(r: Rand, rate: number): CardChannel & { count: number } {
  const card = createVirtualMyNumberCard();
  const ch = {
    atr: card.atr,
    capabilities: r() < 0.5 ? card.capabilities : undefined,
    count: 0,
    close: () => card.close(),
    async transmit(apdu: Uint8Array): Promise<Uint8Array> {
      ch.count++;
      if (ch.count > 400) return fromHex('6F 00');
      const real = await card.transmit(apdu);
      if (r() >= rate) return real;
      // Mostly keep the status word and corrupt the data, so the damage reaches the decoders.
      const data = real.subarray(0, real.length - 2);
      const sw = real.subarray(real.length - 2);
      const choice = int(r, 6);
      if (choice === 0) return bytes(randomBytes(r, 300), sw);
      if (choice === 1 || choice === 2) return bytes(mutate(r, data), sw);
      if (choice === 3) return bytes(data.subarray(0, int(r, data.length + 1)), sw);
      if (choice === 4) return bytes(randomBytes(r, 40), [[0x61, 0x6c, 0x62, 0x63, 0x69, 0x6a, 0x6b][int(r, 7)], int(r, 256)]);
      return randomBytes(r, 300);
    },
  };
  return ch;
}

describe('flow fuzzing', () => {
  // Each run exchanges dozens of APDUs (700 runs ≈ 20 000 responses); the timeout only guards a
  // loaded CI machine, it asserts nothing about speed.
  it('every flow over a card whose responses are randomly corrupted: result or named LensError', { timeout: 120_000 }, async () => {
    const r = prng(0x6d796e61);
    const di = fromHex('30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20').length;
    const flows: ((ch: CardChannel) => Promise<unknown>)[] = [
      (ch) => new JpkiAp(ch).identify(),
      (ch) => new JpkiAp(ch).readCertificate('auth'),
      async (ch) => {
        const ap = new JpkiAp(ch);
        await ap.verifyPin('sign', 'ABC123', { acknowledgeLastTry: true });
        return ap.readCertificate('sign');
      },
      (ch) => new JpkiAp(ch).allPinStatus(),
      async (ch) => {
        const ap = new JpkiAp(ch);
        await ap.verifyPin('auth', '1234');
        return ap.sign('auth', new Uint8Array(di + 32).fill(1));
      },
      async (ch) => {
        const ap = new KenhojoAp(ch);
        await ap.verifyPin('1234');
        return ap.readAll();
      },
      async (ch) => {
        const ap = new KenmenAp(ch);
        await ap.verifyNumberA('000000000019');
        return ap.readFace();
      },
      async (ch) => {
        const ap = new KenmenAp(ch);
        await ap.verifyNumberB('60040120351111', { acknowledgeLastTry: true });
        return ap.readFace({ trustTestKeys: true });
      },
      async (ch) => {
        const ap = new KenmenAp(ch);
        await ap.verifyNumberA('000000000019');
        return ap.readMyNumberImage();
      },
    ];
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 700; i++) {
      const ch = corruptingChannel(r, [0.02, 0.1, 0.3][i % 3]);
      const outcome = await expectNamedAsync(() => flows[i % flows.length](ch));
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // The corruption reaches deep enough to produce many different named failures, and mild
    // corruption still lets flows complete.
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(50);
    expect(outcomes.size, JSON.stringify([...outcomes])).toBeGreaterThan(15);
  });
});
