import { describe, expect, it } from 'vitest';
import { CardT1, type CardT1Faults } from '../../../../src/sim/t1/card-t1';
import { blk, bytes, FILE_2K, hex, TestCard } from './test-card';

const SELECT = [0x00, 0xa4, 0x04, 0x0c, 0x02, 0x3f, 0x00];
const READ_256 = [0x00, 0xb0, 0x00, 0x00, 0x00];

function setup(faults: CardT1Faults = {}, ifsc = 254) {
  const card = new TestCard();
  return { card, t1: new CardT1(card, { ifsc, edc: 'lrc', faults }) };
}

async function send(t1: CardT1, block: Uint8Array): Promise<string> {
  return hex((await t1.receive(block)).bytes);
}

/** One-shot hooks for the fault tests. */
function onceTrue(): () => boolean {
  let used = false;
  return () => {
    const fire = !used;
    used = true;
    return fire;
  };
}
function once<T>(value: T): () => T | undefined {
  let used = false;
  return () => {
    if (used) return undefined;
    used = true;
    return value;
  };
}

describe('card-side T=1: normal exchanges', () => {
  it('answers S(IFS request) with S(IFS response) and takes the new IFSD (§11.4.2)', async () => {
    const { t1 } = setup();
    expect(await send(t1, bytes('00 c1 01 fe 3e'))).toBe('00 e1 01 fe 1e');
    expect(t1.ifsd).toBe(254);
  });

  it('answers an I-block command with an I-block response, toggling N(S) on both sides', async () => {
    const { t1 } = setup();
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
    expect(await send(t1, blk(0, 0x40, SELECT))).toBe(hex(blk(0, 0x40, [0x90, 0x00])));
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
  });

  it('chains a long response in IFSD-sized parts, each pulled with R(N(R)) (§11.6.2.2)', async () => {
    const { t1 } = setup();
    // IFSD stays at its default 32: 258 bytes go as 8 × 32 + 2.
    const first = await send(t1, blk(0, 0x00, READ_256));
    expect(first).toBe(hex(blk(0, 0x20, [...FILE_2K.slice(0, 32)])));
    const got: number[] = [...FILE_2K.slice(0, 32)];
    let ns = 1;
    for (let part = 1; part < 9; part++) {
      const answer = (await t1.receive(blk(0, 0x80 | (ns << 4)))).bytes!;
      expect(answer[1]).toBe((ns << 6) | (part < 8 ? 0x20 : 0));
      got.push(...answer.slice(3, 3 + answer[2]));
      ns ^= 1;
    }
    expect(got).toEqual([...FILE_2K.slice(0, 256), 0x90, 0x00]);
  });

  it('receives a chained command, acknowledging each part with R(next N(S)) (§11.6.2.2)', async () => {
    const { t1, card } = setup({}, 4);
    expect(await send(t1, blk(0, 0x20, SELECT.slice(0, 4)))).toBe('00 90 00 90');
    expect(await send(t1, blk(0, 0x40, SELECT.slice(4)))).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
    expect(card.commands.map(hex)).toEqual([hex(Uint8Array.from(SELECT))]);
  });

  it('refuses an I-block longer than IFSC with R(error 2)', async () => {
    const { t1 } = setup({}, 4);
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe('00 82 00 82');
  });

  it('resends its last I-block when the device asks with R(N(R) = that N(S))', async () => {
    const { t1 } = setup();
    const first = await send(t1, blk(0, 0x00, SELECT));
    expect(await send(t1, bytes('00 81 00 81'))).toBe(first); // R(0, EDC error)
    expect(await send(t1, bytes('00 80 00 80'))).toBe(first); // R(0)
  });

  it('answers a bad EDC with R(error 1) and a wrong N(S) with R(error 2) (§11.6.3.2)', async () => {
    const { t1 } = setup();
    const bad = blk(0, 0x00, SELECT);
    bad[bad.length - 1] ^= 1;
    expect(await send(t1, bad)).toBe('00 81 00 81');
    expect(await send(t1, blk(0, 0x40, SELECT))).toBe('00 82 00 82');
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
  });

  it('resynchronises on S(RESYNCH request): N(S), N(R), IFSD back to their initial values (§11.6.3.3)', async () => {
    const { t1 } = setup();
    await send(t1, bytes('00 c1 01 fe 3e'));
    await send(t1, blk(0, 0x00, SELECT));
    expect(await send(t1, bytes('00 c0 00 c0'))).toBe('00 e0 00 e0');
    expect(t1.ifsd).toBe(32);
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
  });

  it('acknowledges S(ABORT request) and drops a chain in progress', async () => {
    const { t1 } = setup({}, 4);
    await send(t1, blk(0, 0x20, SELECT.slice(0, 4)));
    expect(await send(t1, bytes('00 c2 00 c2'))).toBe('00 e2 00 e2');
  });

  it('refuses an S(WTX request) from the device and an invalid IFS value', async () => {
    const { t1 } = setup();
    expect(await send(t1, bytes('00 c3 01 02 c0'))).toBe('00 82 00 82');
    expect(await send(t1, bytes('00 c1 01 ff 3f'))).toBe('00 82 00 82');
  });

  it('swaps NAD addresses in its S responses (§11.3.2.1)', async () => {
    const { t1 } = setup();
    expect(await send(t1, blk(0x12, 0xc1, [0x20]))).toBe(hex(blk(0x21, 0xe1, [0x20])));
  });

  it('marks the PIN bytes of a VERIFY block for redaction', async () => {
    const { t1 } = setup();
    const verify = blk(0, 0x00, [0x00, 0x20, 0x00, 0x80, 0x04, 0x31, 0x32, 0x33, 0x34]);
    const answer = await t1.receive(verify);
    expect(answer.secretRange).toEqual([8, 12]);
    expect(hex(answer.bytes)).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
  });
});

describe('card-side T=1: requests and faults from the card', () => {
  it('sends S(WTX request) before its answer and answers after S(WTX response)', async () => {
    const { t1 } = setup({ takeWtx: once(2) });
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe('00 c3 01 02 c0');
    expect(await send(t1, bytes('00 e3 01 02 e0'))).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
  });

  it('resends its S(WTX request) when the device answers with an R-block', async () => {
    const { t1 } = setup({ takeWtx: once(3) });
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe('00 c3 01 03 c1');
    expect(await send(t1, bytes('00 80 00 80'))).toBe('00 c3 01 03 c1');
  });

  it('sends S(IFS request) and uses the new IFSC once the device confirms it', async () => {
    const { t1 } = setup({ takeIfsRequest: once(0x04) });
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe('00 c1 01 04 c4');
    expect(await send(t1, bytes('00 e1 01 04 e4'))).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
    expect(t1.ifsc).toBe(4);
    expect(await send(t1, blk(0, 0x40, SELECT))).toBe('00 92 00 92');
  });

  it('NAKs a good block with R(N(R) = its N(S), error 1), then takes the repeat', async () => {
    const { t1, card } = setup({ takeNak: onceTrue() });
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe('00 81 00 81');
    expect(card.commands).toHaveLength(0);
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
    expect(card.commands).toHaveLength(1);
  });

  it('sends a corrupted EDC once; the retransmission is good', async () => {
    const { t1 } = setup({ takeBadEdc: onceTrue() });
    const good = hex(blk(0, 0x00, [0x90, 0x00]));
    const bad = await send(t1, blk(0, 0x00, SELECT));
    expect(bad).not.toBe(good);
    expect(bad.slice(0, -2)).toBe(good.slice(0, -2));
    expect(await send(t1, bytes('00 81 00 81'))).toBe(good);
  });

  it('loses a block: no answer, no command run; R(N(R)) brings R back and the I-block is repeated', async () => {
    const { t1, card } = setup({ takeIgnore: onceTrue() });
    expect((await t1.receive(blk(0, 0x00, SELECT))).bytes).toBeNull();
    expect(card.commands).toHaveLength(0);
    expect(await send(t1, bytes('00 80 00 80'))).toBe('00 80 00 80');
    expect(await send(t1, blk(0, 0x00, SELECT))).toBe(hex(blk(0, 0x00, [0x90, 0x00])));
  });

  it('shapes the next response part to the size the switchboard asks for', async () => {
    const { t1 } = setup({ takeResponseChunk: once(5) });
    await send(t1, bytes('00 c1 01 fe 3e'));
    expect(await send(t1, blk(0, 0x00, READ_256))).toBe(hex(blk(0, 0x20, [...FILE_2K.slice(0, 5)])));
    expect(await send(t1, bytes('00 90 00 90'))).toBe(hex(blk(0, 0x40, [...FILE_2K.slice(5, 256), 0x90, 0x00])));
  });
});
