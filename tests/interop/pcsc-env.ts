/**
 * A private PC/SC stack for the interoperability test: pcscd in the foreground with a reader.conf.d
 * of its own (vsmartcard's vpcd driver on a free port), the virtual card attached through
 * tools/vpcd-bridge.ts, and helpers to run OpenSC's tools with bounded time.
 *
 * pcsc-lite 1.9.9 (Debian 12) has no way to move the daemon's socket: PCSCLITE_CSOCK_NAME is read by
 * the client library only, the daemon always creates /run/pcscd/pcscd.comm. So the test needs the
 * default socket free (no system pcscd running) and permission to create /run/pcscd (root).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VirtualMyNumberCard } from '../../src/sim';
import { startVpcdBridge, type VpcdBridge } from '../../tools/vpcd-bridge';

const VPCD_DRIVERS = [
  '/usr/lib/pcsc/drivers/serial/libifdvpcd.so',
  '/usr/lib/x86_64-linux-gnu/pcsc/drivers/serial/libifdvpcd.so',
  '/usr/lib64/pcsc/drivers/serial/libifdvpcd.so',
];
const PKCS11_MODULES = [
  '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
  '/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so',
  '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so',
  '/usr/lib64/opensc-pkcs11.so',
  '/usr/lib/opensc-pkcs11.so',
];
const PATH_DIRS = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin', '/usr/bin']);

function which(name: string): string | undefined {
  return PATH_DIRS.map((d) => join(d, name)).find((p) => existsSync(p));
}

export interface Tools {
  readonly pcscd: string;
  readonly openscTool: string;
  readonly pkcs15Tool: string;
  readonly pkcs11Tool: string;
  readonly openssl: string;
  readonly vpcdDriver: string;
  readonly pkcs11Module: string;
}

/** The tools, or the list of what is missing. */
export function findTools(): Tools | { missing: string[] } {
  const found = {
    pcscd: which('pcscd'),
    openscTool: which('opensc-tool'),
    pkcs15Tool: which('pkcs15-tool'),
    pkcs11Tool: which('pkcs11-tool'),
    openssl: which('openssl'),
    vpcdDriver: VPCD_DRIVERS.find((p) => existsSync(p)),
    pkcs11Module: PKCS11_MODULES.find((p) => existsSync(p)),
  };
  const missing = Object.entries(found)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  return missing.length > 0 ? { missing } : (found as Tools);
}

/** Why the stack cannot run here (beyond missing tools), or undefined. */
export function environmentProblem(): string | undefined {
  if (existsSync('/run/pcscd/pcscd.comm')) return 'a pcscd is already running (/run/pcscd/pcscd.comm exists); the test needs its own';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'pcscd needs root here to create /run/pcscd';
  return undefined;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program with a time bound; never throws on a non-zero exit. */
export function run(file: string, args: readonly string[], timeoutMs = 30_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, [...args], { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr: error && code === -1 ? `${stderr}\n${error.message}` : stderr });
    });
  });
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** A port p with p and p+1 free (the Debian vpcd driver opens two slots, CHANNELID and CHANNELID+1). */
async function freePortPair(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const p = 36000 + Math.floor(Math.random() * 20000);
    if ((await portFree(p)) && (await portFree(p + 1))) return p;
  }
  throw new Error('no free port pair for vpcd');
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export interface PcscEnvironment {
  readonly dir: string;
  readonly readerName: string;
  readonly pcscdOutput: () => string;
  readonly bridge: VpcdBridge;
  /** Stops pcscd alone (SIGTERM, or SIGKILL for a crash), leaving the bridge to notice; for fault tests. */
  stopPcscd(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  stop(): Promise<void>;
}

/** Starts pcscd with a vpcd reader and attaches `card`; waits (bounded) until OpenSC sees the card. */
export async function startPcscEnvironment(tools: Tools, card: VirtualMyNumberCard): Promise<PcscEnvironment> {
  const dir = mkdtempSync(join(tmpdir(), 'jpki-lens-pcsc-'));
  const port = await freePortPair();
  const readerName = 'JPKI Lens virtual reader';
  const conf = join(dir, 'reader.conf.d');
  mkdirSync(conf);
  const hexPort = `0x${port.toString(16).toUpperCase()}`;
  writeFileSync(
    join(conf, 'vpcd'),
    `FRIENDLYNAME "${readerName}"\nDEVICENAME   /dev/null:${hexPort}\nLIBPATH      ${tools.vpcdDriver}\nCHANNELID    ${hexPort}\n`,
  );
  let output = '';
  const pcscd = spawn(tools.pcscd, ['--foreground', '--config', conf, '--error'], { stdio: ['ignore', 'pipe', 'pipe'] });
  pcscd.stdout.on('data', (d: Buffer) => (output += d.toString()));
  pcscd.stderr.on('data', (d: Buffer) => (output += d.toString()));

  const stopPcscd = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    if (pcscd.exitCode === null && pcscd.signalCode === null) {
      pcscd.kill(signal);
      if (!(await waitExit(pcscd, 5000))) {
        pcscd.kill('SIGKILL');
        await waitExit(pcscd, 2000);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  let bridge: VpcdBridge;
  try {
    bridge = await startVpcdBridge(card, { port, connectTimeoutMs: 10_000 });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const r = await run(tools.openscTool, ['--list-readers'], 5000);
      if (/^\s*0\s+Yes\s/m.test(r.stdout)) break;
      if (Date.now() > deadline) throw new Error(`the card did not appear in pcscd within 10 s:\n${r.stdout}${r.stderr}\n${output}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  } catch (e) {
    await stopPcscd();
    throw e;
  }

  return {
    dir,
    readerName,
    pcscdOutput: () => output,
    bridge,
    async stopPcscd(signal) {
      await stopPcscd(signal);
    },
    async stop() {
      await bridge.close();
      await stopPcscd();
    },
  };
}

/** PEM (one CERTIFICATE block) → DER. */
export function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const b64 = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}
