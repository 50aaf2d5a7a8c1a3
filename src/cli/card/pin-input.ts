/**
 * Reading a PIN for the card commands: typed at a prompt that does not echo, or read from a file
 * descriptor for scripts (`--pin-fd 3 3<pinfile`, or `--pin-fd 0` from a pipe). Never from argv
 * (args.ts refuses `--pin`), never written anywhere: the prompt goes to stderr, the value only to the
 * card layer, which validates it before any I/O and zeroes its encoded bytes.
 */
import { readSync } from 'node:fs';
import { LensError } from '../../errors';

/** The first line of what `fd` holds (up to EOF or newline); the read buffer is zeroed afterwards. */
export function readSecretFromFd(fd: number): string {
  const chunk = Buffer.alloc(256);
  const parts: Buffer[] = [];
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw new LensError('cli-pin-fd-unreadable', { fd }, { cause: e });
      }
      if (n === 0) break;
      parts.push(Buffer.from(chunk.subarray(0, n)));
      if (chunk.subarray(0, n).includes(0x0a) || parts.reduce((s, p) => s + p.length, 0) > 1024) break;
    }
    const all = Buffer.concat(parts);
    const line = all.toString('utf8').split(/\r?\n/)[0] ?? '';
    all.fill(0);
    return line;
  } finally {
    chunk.fill(0);
    for (const p of parts) p.fill(0);
  }
}

/** What the prompt needs of stdin: a TTY that can be put into raw mode (no echo). */
export interface SecretInput {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  removeListener(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/**
 * Prompt on `output` and read one line from the terminal `input` in raw mode: nothing is echoed, not
 * even asterisks (the length of a PIN is a hint too). Backspace edits; Ctrl-C and Ctrl-D cancel
 * (`pin-cancelled`, nothing sent).
 */
export function promptSecret(prompt: string, input: SecretInput, output: { write(s: string): unknown }, pinId: string): Promise<string> {
  if (!input.isTTY || typeof input.setRawMode !== 'function') return Promise.reject(new LensError('cli-pin-no-terminal'));
  const setRaw = input.setRawMode.bind(input);
  output.write(prompt);
  setRaw(true);
  input.resume();
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const done = (error?: LensError) => {
      input.removeListener('data', onData);
      setRaw(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      const s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (typeof chunk !== 'string') chunk.fill(0);
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new LensError('pin-cancelled', { pin: pinId }));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}
