/**
 * Connects the virtual My Number card to pcscd through vsmartcard's virtual reader driver (Debian
 * `vsmartcard-vpcd`), so that any PC/SC program (OpenSC, pcsc_scan, a browser with a PC/SC bridge) can
 * use it.
 *
 * The vpcd protocol, from frankmorgner/vsmartcard `virtualsmartcard/src/vpcd/vpcd.c` and `vpcd.h`:
 * - the driver inside pcscd *listens* on a TCP port (reader.conf CHANNELID, default 35963 = 0x8C7B,
 *   `VPCDPORT`); the card side (this bridge) connects as the client (`vicc_init` server mode,
 *   `waitforclient`);
 * - every message in both directions is a 2-byte big-endian length followed by that many bytes
 *   (`sendToVICC`: `htons(length)`; `recvFromVICC`: `ntohs(size)`);
 * - a 1-byte message from the driver is a control code (`VPCD_CTRL_LEN` 1): `00` power off, `01` power
 *   on, `02` reset — no reply is read for these (`vicc_poweroff/on/reset` only send) — and `04` get
 *   ATR, answered with the ATR (`vicc_getatr` = `vicc_transmit` of the one byte). The driver asks for
 *   the ATR on every presence poll (`vicc_present`);
 * - any longer message is a command APDU, answered with the response APDU (`vicc_transmit`);
 * - a zero-length answer (or a closed socket) makes the driver eject the card (`vicc_transmit`: r ≤ 0 →
 *   `vicc_eject`; `IFDHGetCapabilities`: size 0 → "Virtual ICC removed").
 *
 * CLI: `npx tsx tools/vpcd-bridge.ts [--host 127.0.0.1] [--port 35963] [--person ordinary]
 *       [--token card] [--atr jpki-02] [--no-extended]` — runs until Ctrl-C.
 */
import { Socket, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createVirtualMyNumberCard, type KnownAtr, type PersonId, type TokenKind, type VirtualMyNumberCard } from '../src/sim';

export const VPCD_DEFAULT_PORT = 35963;
const CTRL_OFF = 0x00;
const CTRL_ON = 0x01;
const CTRL_RESET = 0x02;
const CTRL_ATR = 0x04;

export interface VpcdBridgeOptions {
  readonly host?: string;
  readonly port?: number;
  /** How long to keep retrying the connection while pcscd loads the driver (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Called with one line per exchange (PINs masked by the card's log). */
  readonly log?: (line: string) => void;
}

export interface VpcdBridge {
  /** Resolves when the connection ends (the driver ejected the card, pcscd stopped, or close()). */
  readonly closed: Promise<void>;
  /** Messages handled so far by kind. */
  readonly counts: { apdu: number; atr: number; power: number };
  close(): Promise<void>;
}

function connectOnce(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (e) => {
      socket.destroy();
      reject(e);
    });
  });
}

async function connectWithRetry(host: string, port: number, timeoutMs: number): Promise<Socket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await connectOnce(host, port);
    } catch (e) {
      if (Date.now() >= deadline) throw new Error(`vpcd at ${host}:${port} not reachable within ${timeoutMs} ms`, { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 2);
  out[0] = payload.length >> 8;
  out[1] = payload.length & 0xff;
  out.set(payload, 2);
  return out;
}

/** Attaches `card` to the vpcd driver; one message at a time, in order. */
export async function startVpcdBridge(card: VirtualMyNumberCard, options: VpcdBridgeOptions = {}): Promise<VpcdBridge> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? VPCD_DEFAULT_PORT;
  const socket = await connectWithRetry(host, port, options.connectTimeoutMs ?? 10_000);
  socket.setNoDelay(true);
  const counts = { apdu: 0, atr: 0, power: 0 };
  let pending = Buffer.alloc(0);
  let queue = Promise.resolve();

  const handle = async (msg: Uint8Array): Promise<void> => {
    if (msg.length === 1) {
      const code = msg[0];
      if (code === CTRL_ATR) {
        counts.atr += 1;
        // A removed card answers nothing: the driver then reports the slot empty and drops us.
        socket.write(frame(card.removed ? new Uint8Array(0) : card.atr));
      } else if (code === CTRL_ON || code === CTRL_RESET || code === CTRL_OFF) {
        counts.power += 1;
        card.reset(); // power cycle: security status cleared, counters kept
        options.log?.(`vpcd: ${code === CTRL_OFF ? 'power off' : code === CTRL_ON ? 'power on' : 'reset'}`);
      } else {
        options.log?.(`vpcd: unknown control byte ${code}`);
      }
      return;
    }
    counts.apdu += 1;
    let response: Uint8Array;
    try {
      response = await card.transmit(msg);
    } catch {
      response = new Uint8Array(0); // removed: eject
    } finally {
      msg.fill(0); // a VERIFY from the PC/SC side carries a PIN: keep no copy (house rule 7)
    }
    const entry = card.log[card.log.length - 1];
    if (entry) options.log?.(`> ${entry.command}\n< ${entry.response}`);
    socket.write(frame(response));
  };

  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2) {
      const length = pending.readUInt16BE(0);
      if (pending.length < 2 + length) break;
      const msg = new Uint8Array(pending.subarray(2, 2 + length));
      pending = pending.subarray(2 + length);
      queue = queue.then(() => handle(msg)).catch((e: unknown) => options.log?.(`vpcd bridge error: ${String(e)}`));
    }
  });

  const closed = new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
  });
  socket.on('error', (e) => options.log?.(`vpcd socket: ${e.message}`));

  return {
    closed,
    counts,
    async close() {
      socket.end();
      const timer = setTimeout(() => socket.destroy(), 1000);
      await closed;
      clearTimeout(timer);
    },
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const card = createVirtualMyNumberCard({
    person: (arg('person') ?? 'ordinary') as PersonId,
    token: (arg('token') ?? 'card') as TokenKind,
    atr: (arg('atr') ?? 'jpki-02') as KnownAtr,
    extendedLength: !process.argv.includes('--no-extended'),
  });
  const bridge = await startVpcdBridge(card, {
    host: arg('host'),
    port: arg('port') ? Number(arg('port')) : undefined,
    log: (line) => console.log(line),
  });
  console.log(`virtual card (${card.person.id}) attached to vpcd; Ctrl-C to stop`);
  process.once('SIGINT', () => void bridge.close());
  await bridge.closed;
  console.log('vpcd connection closed');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
