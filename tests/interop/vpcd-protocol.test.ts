/**
 * tools/vpcd-bridge.ts against a stand-in for the vpcd driver (a TCP server in the test), byte for byte:
 * 2-byte big-endian length prefix, 1-byte control messages 00/01/02 (no reply) and 04 (ATR), longer
 * messages are APDUs (frankmorgner/vsmartcard virtualsmartcard/src/vpcd/vpcd.c).
 */
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualMyNumberCard } from '../../src/sim';
import { startVpcdBridge, type VpcdBridge } from '../../tools/vpcd-bridge';

const hex = (b: Uint8Array): string => Array.from(b, (v) => v.toString(16).padStart(2, '0').toUpperCase()).join(' ');
const bytes = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** The driver side: accepts one connection and reads framed replies with a time bound. */
class FakeVpcd {
  private received = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  socket: Socket | undefined;

  constructor(readonly server: Server) {}

  static async listen(): Promise<FakeVpcd> {
    const server = createServer();
    const fake = new FakeVpcd(server);
    server.on('connection', (s) => {
      fake.socket = s;
      s.on('data', (d: Buffer) => {
        fake.received = Buffer.concat([fake.received, d]);
        for (const w of fake.waiters.splice(0)) w();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  send(raw: string): void {
    this.socket?.write(bytes(raw));
  }

  /** The next framed reply's payload (hex), waiting at most 2 s. */
  async reply(): Promise<string> {
    const deadline = Date.now() + 2000;
    for (;;) {
      if (this.received.length >= 2) {
        const n = this.received.readUInt16BE(0);
        if (this.received.length >= 2 + n) {
          const payload = this.received.subarray(2, 2 + n);
          this.received = this.received.subarray(2 + n);
          return hex(payload);
        }
      }
      if (Date.now() > deadline) throw new Error('no reply from the bridge within 2 s');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  get pending(): number {
    return this.received.length;
  }

  async close(): Promise<void> {
    this.socket?.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('vpcd bridge protocol', () => {
  let fake: FakeVpcd | undefined;
  let bridge: VpcdBridge | undefined;

  afterEach(async () => {
    await bridge?.close();
    await fake?.close();
  });

  async function connected(card = createVirtualMyNumberCard()): Promise<FakeVpcd> {
    fake = await FakeVpcd.listen();
    bridge = await startVpcdBridge(card, { port: fake.port, connectTimeoutMs: 2000 });
    const deadline = Date.now() + 2000;
    while (!fake.socket && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return fake;
  }

  it('answers GET ATR (04) with the ATR; power on/off/reset (01/00/02) get no reply', async () => {
    const f = await connected();
    f.send('00 01 01');
    f.send('00 01 04');
    expect(await f.reply()).toBe('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B');
    f.send('00 01 02');
    f.send('00 01 00');
    f.send('00 01 04');
    expect(await f.reply()).toBe('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B');
    expect(f.pending).toBe(0);
    expect(bridge?.counts).toEqual({ apdu: 0, atr: 2, power: 3 });
  });

  it('forwards APDUs in order, including messages split across and joined within TCP segments', async () => {
    const f = await connected();
    f.send('00 0F 00 A4 04 0C 0A D3 92 F0'); // first half of SELECT JPKI
    await new Promise((r) => setTimeout(r, 20));
    f.send('00 26 01 00 00 00 01 00 07 00 A4 02 0C 02 00 08 00 05 00 B0 00 00 03');
    expect(await f.reply()).toBe('90 00');
    expect(await f.reply()).toBe('90 00');
    expect(await f.reply()).toBe('8F 8F 00 90 00');
  });

  it('a reset from the driver clears the security status (power cycle), counters stay', async () => {
    const card = createVirtualMyNumberCard();
    const f = await connected(card);
    f.send('00 0F 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    expect(await f.reply()).toBe('90 00');
    f.send('00 07 00 A4 02 0C 02 00 18');
    expect(await f.reply()).toBe('90 00');
    f.send('00 09 00 20 00 80 04 30 30 30 30');
    expect(await f.reply()).toBe('63 C2');
    f.send('00 01 02');
    f.send('00 04 00 20 00 80');
    expect(await f.reply()).toBe('6A 88'); // no PIN EF selected any more after the reset
    expect(card.pinStatus('auth')?.remaining).toBe(2);
  });

  it('a removed card answers with an empty message (the driver then ejects it)', async () => {
    const card = createVirtualMyNumberCard();
    const f = await connected(card);
    card.removed = true;
    f.send('00 01 04');
    expect(await f.reply()).toBe('');
    f.send('00 04 00 A4 00 00');
    expect(await f.reply()).toBe('');
  });
});
