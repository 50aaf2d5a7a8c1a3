import { PassThrough } from 'node:stream';
import { closeSync, openSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LensError } from '../../../src/errors';
import { parseCardArgs } from '../../../src/cli/card/args';
import { cardExitCode, CARD_EXIT } from '../../../src/cli/card/exit-codes';
import { CARD_COMMANDS, cardLocale, runCardCommand } from '../../../src/cli/card';
import { promptSecret, readSecretFromFd } from '../../../src/cli/card/pin-input';

describe('card command arguments', () => {
  it.each(['--pin', '--pin=1234', '--password', '--sign-password'])('refuses %s: PINs never come from argv', (flag) => {
    expect(() => parseCardArgs(['sign', flag, '1234'])).toThrow(/never taken as arguments/);
  });

  it('parses values and flags, refuses unknown options', () => {
    const a = parseCardArgs(['sign', '--format', 'der', '--show', '--reader', '1']);
    expect(a.positional).toEqual(['sign']);
    expect(a.values.get('--format')).toBe('der');
    expect(a.flags.has('--show')).toBe(true);
    expect(() => parseCardArgs(['--nope'])).toThrow(LensError);
  });

  it('the registry holds the four commands of this issue', () => {
    expect([...CARD_COMMANDS.keys()]).toEqual(['readers', 'card', 'cert', 'mynumber']);
  });

  it('an unknown card usage is exit 2 without touching PC/SC', async () => {
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, stdin: new PassThrough() };
    expect(await runCardCommand(['cert', 'nope'], io, {})).toBe(CARD_EXIT.usage);
    expect(err).toContain('error pki-cli-usage');
  });
});

describe('card exit codes (src/cli/README.md)', () => {
  it.each([
    ['pcsc-binding-missing', 5], ['pcsc-no-service', 5], ['pcsc-no-reader', 6], ['pcsc-no-card', 6], ['pcsc-sharing-violation', 6],
    ['pcsc-card-removed', 7], ['pcsc-service-stopped', 7], ['pcsc-timeout', 7], ['pin-wrong', 8], ['pin-last-try-not-acknowledged', 8],
    ['cli-pin-no-terminal', 8], ['card-not-jpki', 9], ['jpki-certificate-absent', 9], ['pki-cli-usage', 2], ['cli-output-unwritable', 3],
  ])('%s → %i', (code, exit) => {
    expect(cardExitCode(new LensError(code))).toBe(exit);
  });
  it('anything else is an internal error', () => expect(cardExitCode(new Error('x'))).toBe(70));
});

describe('locale of the card commands', () => {
  it('--lang, then JPKI_LENS_LANG, then LC_ALL / LC_MESSAGES / LANG', () => {
    expect(cardLocale(['card', '--lang', 'ja'], { LANG: 'C' })).toBe('ja');
    expect(cardLocale(['card'], { JPKI_LENS_LANG: 'en', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(cardLocale(['card'], { LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(cardLocale(['card'], { LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(cardLocale(['card'], {})).toBe('en');
  });
});

describe('reading a PIN', () => {
  it('from a file descriptor: the first line only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpki-pin-'));
    const file = join(dir, 'pin');
    writeFileSync(file, 'ABC123\nsecond line\n');
    const fd = openSync(file, 'r');
    try {
      expect(readSecretFromFd(fd)).toBe('ABC123');
    } finally {
      closeSync(fd);
    }
  });

  it('an unreadable descriptor is cli-pin-fd-unreadable', () => {
    expect(() => readSecretFromFd(987)).toThrow(expect.objectContaining({ code: 'cli-pin-fd-unreadable' }) as Error);
  });

  /** A terminal double: records raw mode, feeds keystrokes. */
  function tty() {
    const s = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[] });
    return Object.assign(s, { setRawMode: (m: boolean) => s.modes.push(m) });
  }

  it('at a terminal: raw mode (no echo) while typing, backspace edits, Enter ends', async () => {
    const input = tty();
    let shown = '';
    const p = promptSecret('PIN: ', input, { write: (s: string) => (shown += s) }, 'jpki-auth');
    input.write('12x\u007f34\r');
    await expect(p).resolves.toBe('1234');
    expect(input.modes).toEqual([true, false]);
    expect(shown).toBe('PIN: \n'); // nothing of the PIN, not even asterisks
  });

  it('Ctrl-C cancels with pin-cancelled; no terminal is cli-pin-no-terminal', async () => {
    const input = tty();
    const p = promptSecret('PIN: ', input, { write: () => true }, 'kenhojo');
    input.write('12\u0003');
    await expect(p).rejects.toMatchObject({ code: 'pin-cancelled', params: { pin: 'kenhojo' } });
    await expect(promptSecret('PIN: ', new PassThrough(), { write: () => true }, 'kenhojo')).rejects.toMatchObject({ code: 'cli-pin-no-terminal' });
  });
});
