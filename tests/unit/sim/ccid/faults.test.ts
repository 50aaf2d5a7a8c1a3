import { describe, expect, it } from 'vitest';
import { FaultSwitchboard } from '../../../../src/sim/ccid/faults';
import { blk, bytes, FILE_2K, hex, TEST_ATR } from '../t1/test-card';
import { ABORT, exchange, msg, openReader, POWER_ON, readInterrupt, readMessage, SLOT_STATUS, XFR } from './harness';

const SELECT = [0x00, 0xa4, 0x04, 0x0c, 0x02, 0x3f, 0x00];
const OK_BLOCK = hex(blk(0, 0x00, [0x90, 0x00]));

async function poweredTpdu() {
  const r = await openReader();
  await exchange(r.d, msg(POWER_ON, 0, 1));
  return r;
}

describe('fault switchboard', () => {
  it('counts down and records what fired', () => {
    const f = new FaultSwitchboard();
    f.arm('nak', { count: 2 });
    expect(f.armed()).toEqual([{ name: 'nak', remaining: 2 }]);
    expect(f.take('nak', 4)).toEqual({ count: 2 });
    expect(f.take('nak')).toEqual({ count: 2 });
    expect(f.take('nak')).toBeUndefined();
    expect(f.fired).toEqual([{ name: 'nak', seq: 4 }, { name: 'nak' }]);
    expect(() => f.arm('wtx', { count: 0 })).toThrow(/positive integer/);
  });
});

describe('CCID-level faults, byte for byte', () => {
  it('time-extension: n × bStatus 80 with bError = multiplier, then the answer (§6.2.6)', async () => {
    const { d } = await poweredTpdu();
    d.faults.arm('time-extension', { times: 2, multiplier: 3 });
    await d.transferOut(1, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT)));
    expect(hex(await readMessage(d))).toBe('80 00 00 00 00 00 02 80 03 00');
    expect(hex(await readMessage(d))).toBe('80 00 00 00 00 00 02 80 03 00');
    expect(hex(await readMessage(d))).toBe(`80 06 00 00 00 00 02 00 00 00 ${OK_BLOCK}`);
  });

  it('time-extension on IccPowerOn when asked with on: power-on', async () => {
    const { d } = await openReader();
    d.faults.arm('time-extension', { on: 'power-on' });
    await d.transferOut(1, msg(POWER_ON, 0, 1));
    expect(hex(await readMessage(d))).toBe('80 00 00 00 00 00 01 80 01 00');
    expect(hex(await readMessage(d))).toBe(`80 13 00 00 00 00 01 00 00 00 ${hex(TEST_ATR)}`);
  });

  it('stale-seq: the previous answer again (old bSeq), then the real one', async () => {
    const { d } = await poweredTpdu();
    d.faults.arm('stale-seq');
    await d.transferOut(1, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT)));
    expect(hex(await readMessage(d))).toBe(`80 13 00 00 00 00 01 00 00 00 ${hex(TEST_ATR)}`);
    expect(hex(await readMessage(d))).toBe(`80 06 00 00 00 00 02 00 00 00 ${OK_BLOCK}`);
  });

  it('split-packets: the answer arrives packet by packet and is whole', async () => {
    const { d } = await poweredTpdu();
    await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('00 c1 01 fc 3c')));
    d.faults.arm('split-packets', { gapMs: 2 });
    await d.transferOut(1, msg(XFR, 0, 3, [0, 0, 0], blk(0, 0, [0x00, 0xb0, 0x00, 0x00, 0x80])));
    const whole = await d.transferIn(2, 1024); // one transfer gathers the packets until the short one
    expect(whole.data!.byteLength).toBe(10 + 4 + 130);
    expect(hex(new Uint8Array(whole.data!.buffer).slice(10))).toBe(hex(blk(0, 0, [...FILE_2K.slice(0, 128), 0x90, 0x00])));
    expect(d.faults.fired.map((f) => f.name)).toEqual(['split-packets']);
  });

  it('boundary-length without ZLP: a 256-byte DataBlock (INF 242) and no zero-length packet after it', async () => {
    const { d } = await poweredTpdu();
    await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('00 c1 01 fe 3e')));
    d.faults.arm('boundary-length', { zlp: false });
    await d.transferOut(1, msg(XFR, 0, 3, [0, 0, 0], blk(0, 0, [0x00, 0xb0, 0x00, 0x00, 0x00])));
    const first = await d.transferIn(2, 256);
    expect(first.data!.byteLength).toBe(256);
    const m = new Uint8Array(first.data!.buffer);
    expect(hex(m.slice(0, 13))).toBe('80 f6 00 00 00 00 03 00 00 00 00 20 f2');
    // No ZLP queued: the next read gets the next answer straight away.
    const next = await exchange(d, msg(XFR, 0, 4, [0, 0, 0], blk(0, 0x90)));
    expect(hex(next)).toBe(`80 14 00 00 00 00 04 00 00 00 ${hex(blk(0, 0x40, [...FILE_2K.slice(242, 256), 0x90, 0x00]))}`);
  });

  it('boundary-length with ZLP: a large transfer ends exactly at 256 bytes', async () => {
    const { d } = await poweredTpdu();
    await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('00 c1 01 fe 3e')));
    d.faults.arm('boundary-length', { zlp: true });
    await d.transferOut(1, msg(XFR, 0, 3, [0, 0, 0], blk(0, 0, [0x00, 0xb0, 0x00, 0x00, 0x00])));
    const r = await d.transferIn(2, 4096);
    expect(r.data!.byteLength).toBe(256);
  });

  it('boundary-length at extended APDU level: a first chunk of 246 bytes (256-byte message), then the rest', async () => {
    const { d } = await openReader('class0b-extended');
    await exchange(d, msg(POWER_ON, 0, 1));
    d.faults.arm('boundary-length', { zlp: true });
    await d.transferOut(1, msg(XFR, 0, 2, [0, 0, 0], [0x00, 0xb0, 0x00, 0x00, 0x00]));
    const r = await d.transferIn(2, 4096);
    const m = new Uint8Array(r.data!.buffer);
    expect(m.length).toBe(256);
    expect(hex(m.slice(0, 10))).toBe('80 f6 00 00 00 00 02 00 00 01');
    expect(hex(await exchange(d, msg(XFR, 0, 3, [0, 0x10, 0])))).toBe(`80 0c 00 00 00 00 03 00 00 02 ${hex(Uint8Array.from([...FILE_2K.slice(246, 256), 0x90, 0x00]))}`);
  });

  it('chain-response: a response that fits is still sent as 01, 03, 02', async () => {
    const { d } = await openReader('class0b-extended');
    await exchange(d, msg(POWER_ON, 0, 1));
    d.faults.arm('chain-response', { chunk: 100 });
    const a = await exchange(d, msg(XFR, 0, 2, [0, 0, 0], [0x00, 0xb0, 0x00, 0x00, 0x00]));
    const b = await exchange(d, msg(XFR, 0, 3, [0, 0x10, 0]));
    const c = await exchange(d, msg(XFR, 0, 4, [0, 0x10, 0]));
    expect([a[9], b[9], c[9]]).toEqual([0x01, 0x03, 0x02]);
    expect([a.length, b.length, c.length]).toEqual([110, 110, 68]);
  });

  it('card-mute: IccPowerOn and XfrBlock fail with ICC_MUTE (FE)', async () => {
    const { d } = await openReader();
    d.faults.arm('card-mute', { count: 2 });
    expect(hex(await exchange(d, msg(POWER_ON, 0, 1)))).toBe('80 00 00 00 00 00 01 41 fe 00');
    d.faults.disarm('card-mute');
    await exchange(d, msg(POWER_ON, 0, 2));
    d.faults.arm('card-mute');
    expect(hex(await exchange(d, msg(XFR, 0, 3, [0, 0, 0], blk(0, 0, SELECT))))).toBe('80 00 00 00 00 00 03 40 fe 00');
  });

  it('card-pulled: the command fails with no ICC, and 50 02 follows on the interrupt endpoint', async () => {
    const { d } = await poweredTpdu();
    expect(hex(await readInterrupt(d))).toBe('50 03');
    d.faults.arm('card-pulled');
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT))))).toBe('80 00 00 00 00 00 02 42 fe 00');
    expect(hex(await readInterrupt(d))).toBe('50 02');
    expect(hex(await exchange(d, msg(SLOT_STATUS, 0, 3)))).toBe('81 00 00 00 00 00 03 02 00 00');
    d.reinsertCard();
    expect(hex(await readInterrupt(d))).toBe('50 03');
    expect(hex(await exchange(d, msg(SLOT_STATUS, 0, 4)))).toBe('81 00 00 00 00 00 04 01 00 00');
  });

  it('after: a fault lets n occasions pass — the card is pulled on the third part of a chained answer', async () => {
    const { d } = await poweredTpdu();
    d.faults.arm('card-pulled', { after: 2 });
    const first = await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, [0x00, 0xb0, 0x00, 0x00, 0x00])));
    expect(first[11]).toBe(0x20);
    expect(hex((await exchange(d, msg(XFR, 0, 3, [0, 0, 0], blk(0, 0x90)))).slice(10, 13))).toBe('00 60 20');
    expect(hex(await exchange(d, msg(XFR, 0, 4, [0, 0, 0], blk(0, 0x80))))).toBe('80 00 00 00 00 00 04 42 fe 00');
    expect(d.faults.fired).toEqual([{ name: 'card-pulled', seq: 4 }]);
  });

  it('unplug when: reply — the first packet of the answer goes out, then the device is gone', async () => {
    const { d } = await poweredTpdu();
    await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('00 c1 01 fe 3e')));
    d.faults.arm('unplug', { when: 'reply' });
    await d.transferOut(1, msg(XFR, 0, 3, [0, 0, 0], blk(0, 0, [0x00, 0xb0, 0x00, 0x00, 0x00])));
    const first = await d.transferIn(2, 64);
    expect(hex(new Uint8Array(first.data!.buffer).slice(0, 10))).toBe('80 02 01 00 00 00 03 00 00 00');
    await expect(d.transferIn(2, 64)).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('unplug: a pending read fails with NotFoundError, and so does everything after', async () => {
    const { d } = await poweredTpdu();
    d.faults.arm('unplug');
    const pending = d.transferIn(2, 64);
    await d.transferOut(1, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT)));
    await expect(pending).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(d.transferOut(1, msg(SLOT_STATUS, 0, 3))).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('stall in: the answer is lost and bulk IN reports stall until clearHalt', async () => {
    const { d } = await poweredTpdu();
    d.faults.arm('stall');
    await d.transferOut(1, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT)));
    expect((await d.transferIn(2, 64)).status).toBe('stall');
    await d.clearHalt('in', 2);
    expect(hex(await exchange(d, msg(SLOT_STATUS, 0, 3)))).toBe('81 00 00 00 00 00 03 00 00 00');
  });

  it('stall out: the command is answered, then bulk OUT halts', async () => {
    const { d } = await poweredTpdu();
    d.faults.arm('stall', { direction: 'out' });
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT))))).toBe(`80 06 00 00 00 00 02 00 00 00 ${OK_BLOCK}`);
    expect((await d.transferOut(1, msg(SLOT_STATUS, 0, 3))).status).toBe('stall');
    await d.clearHalt('out', 1);
    expect(hex(await exchange(d, msg(SLOT_STATUS, 0, 4)))).toBe('81 00 00 00 00 00 04 00 00 00');
  });

  it('silence: no answer at all; the CCID abort brings the reader back', async () => {
    const { d, card } = await poweredTpdu();
    d.faults.arm('silence');
    await d.transferOut(1, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT)));
    await d.controlTransferOut({ requestType: 'class', recipient: 'interface', request: 0x01, value: (2 << 8) | 0, index: 0 });
    // The first thing on bulk IN is the Abort's SlotStatus: the silenced command never answered.
    expect(hex(await exchange(d, msg(ABORT, 0, 2)))).toBe('81 00 00 00 00 00 02 00 00 00');
    expect(card!.commands).toHaveLength(0);
  });
});

describe('T=1 faults from the card, through the reader', () => {
  it('wtx: S(WTX request) comes back first; after S(WTX response) the answer', async () => {
    const { d } = await poweredTpdu();
    d.faults.arm('wtx', { multiplier: 5 });
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT))))).toBe('80 05 00 00 00 00 02 00 00 00 00 c3 01 05 c7');
    expect(hex(await exchange(d, msg(XFR, 0, 3, [5, 0, 0], bytes('00 e3 01 05 e7'))))).toBe(`80 06 00 00 00 00 03 00 00 00 ${OK_BLOCK}`);
  });

  it('ifs-request: S(IFS request) from the card, echoed by the host, then the answer', async () => {
    const { d } = await poweredTpdu();
    d.faults.arm('ifs-request', { ifsc: 0x40 });
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT))))).toBe('80 05 00 00 00 00 02 00 00 00 00 c1 01 40 80');
    expect(hex(await exchange(d, msg(XFR, 0, 3, [0, 0, 0], bytes('00 e1 01 40 a0'))))).toBe(`80 06 00 00 00 00 03 00 00 00 ${OK_BLOCK}`);
  });

  it('nak: R(0, error 1) for a good block; the repeated block is answered', async () => {
    const { d, card } = await poweredTpdu();
    d.faults.arm('nak');
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT))))).toBe('80 04 00 00 00 00 02 00 00 00 00 81 00 81');
    expect(card!.commands).toHaveLength(0);
    expect(hex(await exchange(d, msg(XFR, 0, 3, [0, 0, 0], blk(0, 0, SELECT))))).toBe(`80 06 00 00 00 00 03 00 00 00 ${OK_BLOCK}`);
  });

  it('bad-edc: the answer with a flipped EDC, then a good copy on R(0, error 1)', async () => {
    const { d } = await poweredTpdu();
    d.faults.arm('bad-edc');
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT))))).toBe('80 06 00 00 00 00 02 00 00 00 00 00 02 90 00 6d');
    expect(hex(await exchange(d, msg(XFR, 0, 3, [0, 0, 0], bytes('00 81 00 81'))))).toBe(`80 06 00 00 00 00 03 00 00 00 ${OK_BLOCK}`);
  });

  it('lose-blocks ×4: ICC_MUTE for the block and 3 R-blocks; S(RESYNCH) is answered; the command runs once', async () => {
    const { d, card } = await poweredTpdu();
    d.faults.arm('lose-blocks', { count: 4 });
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT))))).toBe('80 00 00 00 00 00 02 40 fe 00');
    for (let seq = 3; seq <= 5; seq++) {
      expect(hex(await exchange(d, msg(XFR, 0, seq, [0, 0, 0], bytes('00 80 00 80'))))).toBe(hex(Uint8Array.of(0x80, 0, 0, 0, 0, 0, seq, 0x40, 0xfe, 0)));
    }
    expect(hex(await exchange(d, msg(XFR, 0, 6, [0, 0, 0], bytes('00 c0 00 c0'))))).toBe('80 04 00 00 00 00 06 00 00 00 00 e0 00 e0');
    expect(card!.commands).toHaveLength(0);
    expect(hex(await exchange(d, msg(XFR, 0, 7, [0, 0, 0], blk(0, 0, SELECT))))).toBe(`80 06 00 00 00 00 07 00 00 00 ${OK_BLOCK}`);
    expect(card!.commands).toHaveLength(1);
  });
});
