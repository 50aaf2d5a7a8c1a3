/**
 * The CLI's card commands for real: `node --import tsx src/cli/main.ts …` as a separate process,
 * through the PC/SC binding (pcsc-mini), a real pcscd, vsmartcard's vpcd and tools/vpcd-bridge.ts, to
 * the virtual My Number card. Certificates are compared with OpenSC's pkcs15-tool on the same card,
 * byte for byte; a card pulled and pcscd stopped in the middle of a read must end in named errors
 * within a bound.
 *
 * Runs inside `npm test` (tests/unit/interop.test.ts imports it, so it runs after the OpenSC suite,
 * never beside it: pcscd is one system-wide socket). Skips with the reason when the tools are
 * missing, except under CI=true, where that is a failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { createVirtualMyNumberCard, type VirtualMyNumberCard } from '../../src/sim';
import { certificateText, explainCertificate, toPem } from '../../src/pki';
import { setLocale } from '../../src/i18n';
import { environmentProblem, findTools, pemToDer, run, type PcscEnvironment, type Tools } from './pcsc-env';
import { pcscEnvironmentFor as sharedEnvironmentFor } from './pcsc-suite';

const ROOT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/jpki-test');
const fixture = (rel: string): Buffer => readFileSync(join(FIXTURES, rel));
const found = findTools();
const bindingPresent = existsSync(join(ROOT, 'node_modules/pcsc-mini/package.json'));
const problem =
  'missing' in found
    ? `PC/SC interop tools missing: ${found.missing.join(', ')}`
    : !bindingPresent
      ? 'the optional dependency pcsc-mini is not installed'
      : environmentProblem();
const tools: Tools | undefined = 'missing' in found ? undefined : found;

interface CliResult {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly ms: number;
}

/** Bound of one CLI run in the test: far above a normal run (~1–2 s), far below a hang. */
const CLI_BOUND_MS = 25_000;

/** The CLI as a user runs it; `secret` goes to file descriptor 3 (for `--pin-fd 3`), never to argv. */
function cli(args: readonly string[], options: { secret?: string; env?: Record<string, string>; npx?: boolean } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    // `npx jpki-lens` is the documented command (bin/jpki-lens.mjs); the direct form skips npx's start-up.
    const [file, argv] = options.npx ? ['npx', ['--offline', 'jpki-lens', ...args]] : [process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args]];
    const child = spawn(file, argv, {
      cwd: ROOT,
      env: { ...process.env, LANG: 'C', LC_ALL: '', JPKI_LENS_LANG: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const fd3 = child.stdio[3] as NodeJS.WritableStream | null;
    if (fd3) {
      (fd3 as unknown as { on(e: string, l: () => void): void }).on('error', () => undefined);
      fd3.end(options.secret === undefined ? '' : `${options.secret}\n`);
    }
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_BOUND_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: err, ms: Date.now() - started });
    });
  });
}

const pcscEnvironmentFor = (card: VirtualMyNumberCard): ((ctx: TestContext) => PcscEnvironment) => sharedEnvironmentFor(card, { tools, problem, suite: 'PC/SC CLI test' });

/** Runs `action` (once) when the card receives its `n`-th READ BINARY, before the card answers it. */
function onReadBinary(card: VirtualMyNumberCard, n: number, action: () => Promise<void> | void): void {
  const transmit = card.transmit.bind(card);
  let seen = 0;
  card.transmit = async (apdu: Uint8Array) => {
    if (apdu[1] === 0xb0 && ++seen === n) await action();
    return transmit(apdu);
  };
}

const verifiesWithData = (card: VirtualMyNumberCard) => card.log.filter((l) => /^00 20 00 80 [0-9A-F]{2} /.test(l.command)).length;

describe('CLI card commands over PC/SC (pcscd + vpcd + virtual card)', () => {
  const card = createVirtualMyNumberCard({ person: 'ordinary' });
  const ready = pcscEnvironmentFor(card);

  it('readers lists the virtual reader with its card', async (ctx) => {
    const e = ready(ctx);
    const r = await cli(['readers']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.toString()).toContain(`0\t${e.readerName} 00 00\tcard present`);
    const json = await cli(['readers', '--json']);
    const list = JSON.parse(json.stdout.toString()) as { name: string; present: boolean }[];
    expect(list.find((x) => x.name === `${e.readerName} 00 00`)?.present).toBe(true);
  }, 60_000);

  it('card prints the overview and every PIN counter, spending no try', async (ctx) => {
    ready(ctx);
    const before = card.log.length;
    const r = await cli(['card'], { npx: true });
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.toString();
    expect(text).toContain('ATR: 3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B');
    expect(text).toContain('token: JPKIAPICCTOKEN2 (My Number Card)');
    expect(text).toContain('certificates: authentication certificate present, signature certificate present');
    expect(text).toMatch(/jpki-auth\s+3\/3/);
    expect(text).toMatch(/jpki-sign\s+5\/5/);
    expect(text).toMatch(/kenhojo\s+3\/3/);
    expect(text).toMatch(/common\s+3\/3/);
    // Only empty VERIFYs: nothing that could spend a try.
    expect(card.log.slice(before).filter((l) => l.command.startsWith('00 20')).every((l) => l.command === '00 20 00 80')).toBe(true);
    expect(r.stderr).toContain('Reading the PIN counters');
    const json = JSON.parse((await cli(['card', '--json'])).stdout.toString()) as { token: { kind: string }; pins: { id: string; status?: { remaining: number } }[] };
    expect(json.token.kind).toBe('my-number-card');
    expect(json.pins.map((p) => [p.id, p.status?.remaining])).toEqual([['jpki-auth', 3], ['jpki-sign', 5], ['kenhojo', 3], ['common', 3]]);
  }, 60_000);

  it('speaks Japanese under a Japanese locale', async (ctx) => {
    ready(ctx);
    const r = await cli(['card'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.toString()).toContain('トークン: JPKIAPICCTOKEN2 (マイナンバーカード)');
    expect(r.stderr).toContain('暗証番号の残り回数を読んでいます');
  }, 60_000);

  for (const [kind, id, file] of [
    ['auth', '01', 'ordinary/auth.der'],
    ['auth-ca', '03', 'auth-ca.der'],
    ['sign-ca', '04', 'sign-ca.der'],
  ] as const) {
    it(`cert ${kind} is byte-identical to pkcs15-tool --read-certificate ${id} (PEM) and to ${file} (DER)`, async (ctx) => {
      const e = ready(ctx);
      const openscPem = join(e.dir, `opensc-${id}.pem`);
      const o = await run(tools!.pkcs15Tool, ['--reader', '0', '--read-certificate', id, '--output', openscPem]);
      expect(o.code, o.stderr).toBe(0);
      const pem = await cli(['cert', kind]);
      expect(pem.code, pem.stderr).toBe(0);
      expect(pem.stdout.equals(readFileSync(openscPem))).toBe(true);
      const derFile = join(e.dir, `${kind}.der`);
      const der = await cli(['cert', kind, '--format', 'der', '--out', derFile]);
      expect(der.code, der.stderr).toBe(0);
      expect(readFileSync(derFile).equals(fixture(file))).toBe(true);
      expect(Buffer.from(pemToDer(readFileSync(openscPem, 'utf8'))).equals(fixture(file))).toBe(true);
    }, 60_000);
  }

  it('cert auth --format text is the pki layer\'s openssl-style text of the same certificate', async (ctx) => {
    ready(ctx);
    const r = await cli(['cert', 'auth', '--format', 'text']);
    expect(r.code, r.stderr).toBe(0);
    await setLocale('en');
    expect(r.stdout.toString()).toBe(certificateText(await explainCertificate(fixture('ordinary/auth.der')), { annotations: true, locale: 'en' }));
  }, 60_000);

  it('a reader another program holds exclusively: pcsc-sharing-violation (exit 6), nothing sent', async (ctx) => {
    const e = ready(ctx);
    // The other program: a process with an exclusive PC/SC connection (SCARD_SHARE_EXCLUSIVE) to the card.
    const holder = spawn(process.execPath, ['-e', `
      const pcsc = require('pcsc-mini');
      const client = new pcsc.Client();
      client.on('reader', (r) => r.once('change', async () => {
        if (r.name() !== ${JSON.stringify(`${e.readerName} 00 00`)}) return;
        await r.connect(pcsc.CardMode.EXCLUSIVE);
        process.stdout.write('held\\n');
      }));
      client.start();
      process.stdin.on('end', () => process.exit(0));
      process.stdin.resume();
    `], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the holder did not get its exclusive connection')), 15_000);
        holder.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('held')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const before = card.log.length;
      const r = await cli(['card']);
      expect(r.stderr).toContain('error pcsc-sharing-violation');
      expect(r.code).toBe(6);
      expect(card.log.length).toBe(before);
      const list = await cli(['readers']);
      expect(list.stdout.toString()).toContain('held exclusively by another program');
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.once('close', resolve));
    }
  }, 60_000);

  it('PINs never come from argv: --pin is a usage error before any APDU', async (ctx) => {
    ready(ctx);
    const before = card.log.length;
    const r = await cli(['cert', 'sign', '--pin', 'ABC123']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PINs are never taken as arguments');
    expect(card.log.length).toBe(before);
  }, 60_000);

  it('without a terminal or --pin-fd the sign certificate ends with cli-pin-no-terminal, no VERIFY sent', async (ctx) => {
    ready(ctx);
    const before = verifiesWithData(card);
    const r = await cli(['cert', 'sign']);
    expect(r.code).toBe(8);
    expect(r.stderr).toContain('error cli-pin-no-terminal');
    expect(verifiesWithData(card)).toBe(before);
  }, 60_000);

  it('a malformed password from --pin-fd is refused locally (nothing sent, no try spent)', async (ctx) => {
    ready(ctx);
    const before = verifiesWithData(card);
    const r = await cli(['cert', 'sign', '--pin-fd', '3'], { secret: 'abc' });
    expect(r.code).toBe(8);
    expect(r.stderr).toContain('error pin-format-sign-password');
    expect(verifiesWithData(card)).toBe(before);
    expect(card.pinStatus('sign')?.remaining).toBe(5);
  }, 60_000);

  it('a wrong password costs one try and says how many are left', async (ctx) => {
    ready(ctx);
    const r = await cli(['cert', 'sign', '--pin-fd', '3'], { secret: 'WRONG1' });
    expect(r.code).toBe(8);
    expect(r.stderr).toContain('error pin-wrong: Wrong PIN. Tries left: 4.');
    expect(card.pinStatus('sign')?.remaining).toBe(4);
  }, 60_000);

  it('cert sign after the password (from --pin-fd) is byte-identical to pkcs15-tool\'s, and the password is nowhere in the output', async (ctx) => {
    const e = ready(ctx);
    const openscPem = join(e.dir, 'opensc-02.pem');
    // (OpenSC takes the PIN as an argument; ours never does.)
    const o = await run(tools!.pkcs15Tool, ['--reader', '0', '--read-certificate', '02', '--verify-pin', '--auth-id', '02', '--pin', 'ABC123', '--output', openscPem]);
    expect(o.code, o.stderr).toBe(0);
    const r = await cli(['cert', 'sign', '--pin-fd', '3'], { secret: 'abc123' }); // lower case is upper-cased, as the app does
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.equals(readFileSync(openscPem))).toBe(true);
    expect(r.stdout.toString()).toBe(toPem(fixture('ordinary/sign.der')));
    expect(`${r.stdout.toString()}${r.stderr}`).not.toMatch(/ABC123|abc123/);
    expect(card.pinStatus('sign')?.remaining).toBe(5);
    // The PIN bytes are masked in the card's own log; the session ended with a reset (login gone).
    expect(card.verifiedPins).toEqual([]);
  }, 60_000);

  it('at a real terminal (a pty from script(1)) the password prompt does not echo, and the certificate is read', async (ctx) => {
    const e = ready(ctx);
    const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
    if (!script) {
      if (process.env.CI === 'true') throw new Error('script(1) (util-linux) missing');
      ctx.skip('script(1) (util-linux) missing');
    }
    const out = join(e.dir, 'sign-tty.der');
    const command = [process.execPath, '--import', 'tsx', 'src/cli/main.ts', 'cert', 'sign', '--format', 'der', '--out', out].map((a) => `'${a}'`).join(' ');
    const r = await new Promise<{ code: number | null; seen: string }>((resolve) => {
      const child = spawn(script!, ['-qfec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, LANG: 'C', LC_ALL: '', JPKI_LENS_LANG: '' } });
      let seen = '';
      let typed = false;
      child.stdout.on('data', (d: Buffer) => {
        seen += d.toString();
        // Type the password once the prompt is there, as a person would.
        if (!typed && seen.includes('not shown')) {
          typed = true;
          child.stdin.write('ABC123\r');
        }
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), CLI_BOUND_MS);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, seen });
      });
    });
    expect(r.code, r.seen).toBe(0);
    expect(r.seen).toContain('Enter the signature password (6–16 capital letters and digits) (not shown, 5 tries left): ');
    expect(r.seen).not.toContain('ABC123'); // raw mode: the terminal echoed nothing
    expect(readFileSync(out).equals(fixture('ordinary/sign.der'))).toBe(true);
  }, 60_000);

  it('mynumber: masked by default, --show reveals; the last-try guard holds until --i-understand-last-try', async (ctx) => {
    ready(ctx);
    const masked = await cli(['mynumber', '--pin-fd', '3'], { secret: '1234' });
    expect(masked.code, masked.stderr).toBe(0);
    expect(masked.stdout.toString()).toContain('Individual Number: •••• •••• •••• (masked; add --show to see it)');
    expect(masked.stdout.toString()).not.toContain(card.person.myNumber.slice(-4));
    expect(masked.stdout.toString()).not.toContain(card.person.name);
    expect(masked.stdout.toString()).toContain('integrity record on the card (SHA-256): Individual Number match, 4 match');

    const shown = await cli(['mynumber', '--show', '--pin-fd', '3'], { secret: '1234' });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.toString()).toContain(`Individual Number: ${card.person.myNumber.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    expect(shown.stdout.toString()).toContain(`name: ${card.person.name}`);
    expect(shown.stdout.toString()).toContain(`address: ${card.person.address}`);

    for (const left of [2, 1]) {
      const wrong = await cli(['mynumber', '--pin-fd', '3'], { secret: '0000' });
      expect(wrong.code).toBe(8);
      expect(wrong.stderr).toContain(`Tries left: ${left}.`);
    }
    const sent = verifiesWithData(card);
    const guarded = await cli(['mynumber', '--pin-fd', '3'], { secret: '1234' });
    expect(guarded.code).toBe(8);
    expect(guarded.stderr).toContain('error pin-last-try-not-acknowledged');
    expect(guarded.stderr).toContain('--i-understand-last-try');
    expect(verifiesWithData(card)).toBe(sent);
    const ok = await cli(['mynumber', '--i-understand-last-try', '--pin-fd', '3'], { secret: '1234' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(card.pinStatus('kenhojo')?.remaining).toBe(3);
  }, 120_000);
});

describe('CLI over PC/SC: the card pulled mid-read, then no card', () => {
  const card = createVirtualMyNumberCard({ person: 'ordinary', extendedLength: false });
  const ready = pcscEnvironmentFor(card);

  it('ends in pcsc-card-removed (exit 7) within the bound, then pcsc-no-card (exit 6)', async (ctx) => {
    const e = ready(ctx);
    // Pulling the card out of vpcd's reader: the card stops answering and its connection drops.
    onReadBinary(card, 3, () => {
      card.removed = true;
      void e.bridge.close();
    });
    const r = await cli(['cert', 'auth']);
    expect(r.stderr).toContain('error pcsc-card-removed');
    expect(r.code).toBe(7);
    expect(r.stdout.length).toBe(0);
    expect(r.ms).toBeLessThan(CLI_BOUND_MS);
    const none = await cli(['card', '--wait', '1']);
    expect(none.stderr).toContain('error pcsc-no-card');
    expect(none.code).toBe(6);
  }, 60_000);
});

describe('CLI over PC/SC: pcscd stopped mid-read, then not running', () => {
  const card = createVirtualMyNumberCard({ person: 'ordinary', extendedLength: false });
  const ready = pcscEnvironmentFor(card);

  it('ends in pcsc-service-stopped (exit 7) within the bound, then pcsc-no-service (exit 5)', async (ctx) => {
    const e = ready(ctx);
    // systemctl stop pcscd: SIGTERM while the card is working on a READ BINARY, answered only after.
    onReadBinary(card, 2, () => {
      void e.stopPcscd('SIGTERM');
      return new Promise((resolve) => setTimeout(resolve, 300));
    });
    const r = await cli(['cert', 'sign-ca']);
    expect(r.stderr).toContain('error pcsc-service-stopped');
    expect(r.code).toBe(7);
    expect(r.stdout.length).toBe(0);
    expect(r.ms).toBeLessThan(CLI_BOUND_MS);
    const down = await cli(['readers']);
    expect(down.stderr).toContain('error pcsc-no-service');
    expect(down.code).toBe(5);
  }, 60_000);
});
