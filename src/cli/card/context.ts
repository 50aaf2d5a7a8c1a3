/**
 * What every card command shares: its arguments and streams, the progress line, connecting to the
 * chosen reader's card, and asking for a PIN with the house's guard (counter first, last try only
 * when acknowledged, format checked before anything is sent).
 */
import type { PinStatus } from '../../card/pin';
import { pinBytes, type PinFormat } from '../../card/pin-rules';
import { LensError, isLensError } from '../../errors';
import { t, tBoth, getLocale } from '../../i18n';
import { openPcsc, type PcscChannel } from '../../readers/pcsc';
import { type CardArgs, fdOption, secondsOption, usageError } from './args';
import { promptSecret, readSecretFromFd, type SecretInput } from './pin-input';
import { Progress, type TextSink } from './progress';

export interface CardIo {
  readonly stdout: { write(s: string | Uint8Array): unknown; readonly isTTY?: boolean };
  readonly stderr: TextSink & { readonly isTTY?: boolean };
  readonly stdin: SecretInput;
}

export interface CardCommandContext {
  readonly args: CardArgs;
  readonly io: CardIo;
  readonly progress: Progress;
}

export function createContext(args: CardArgs, io: CardIo): CardCommandContext {
  return { args, io, progress: new Progress(io.stderr, io.stderr.isTTY === true, args.flags.has('--quiet')) };
}

/** Default wait for a card: long enough to insert one after starting the command. */
const DEFAULT_WAIT_S = 15;

/** Connect to the card of `--reader` (a name, or an index from `readers`) or the first reader holding one. */
export async function withCard<T>(ctx: CardCommandContext, use: (card: PcscChannel) => Promise<T>): Promise<T> {
  const pcsc = await openPcsc();
  try {
    const wanted = ctx.args.values.get('--reader');
    let name: string | undefined = wanted;
    if (wanted !== undefined && /^\d+$/.test(wanted)) {
      const r = pcsc.readers()[Number(wanted)];
      if (!r) throw new LensError('pcsc-reader-not-found', { reader: wanted });
      name = r.name;
    }
    const waitS = secondsOption(ctx.args, '--wait', DEFAULT_WAIT_S);
    const ready = pcsc.readers().some((r) => r.present && (name === undefined || r.name === name));
    if (!ready && waitS > 0 && pcsc.readers().length > 0) ctx.progress.note(t('pcsc.waiting', { seconds: waitS }));
    const reader = await pcsc.waitForCard(name, waitS * 1000);
    const card = await pcsc.connect(reader.name);
    return await use(card);
  } finally {
    ctx.progress.end();
    await pcsc.release(); // the process exits next (index.ts runCardCli)
  }
}

/**
 * The PIN `pinId` for one VERIFY, after its counter was read (`status`): refused when locked or when
 * one try is left without `--i-understand-last-try`; read from `--pin-fd` or typed at a prompt that
 * does not echo; its format checked locally (a wrong format re-asks at the terminal, and from a file
 * descriptor ends with nothing sent).
 */
export async function askPin(ctx: CardCommandContext, pinId: string, format: PinFormat, status: PinStatus): Promise<string> {
  if (status.blocked) throw new LensError('pin-blocked', { pin: pinId });
  if (status.remaining === 1 && !ctx.args.flags.has('--i-understand-last-try')) {
    throw new LensError('pin-last-try-not-acknowledged', { pin: pinId, remaining: 1 });
  }
  const check = (value: string): string => {
    if (value === '') throw new LensError('cli-pin-empty');
    pinBytes(format, value).fill(0);
    return value;
  };
  const fd = fdOption(ctx.args);
  if (fd !== undefined) return check(readSecretFromFd(fd));
  const label = t(`pcsc.pin.${pinId}`);
  for (let attempt = 0; ; attempt++) {
    const value = await promptSecret(t('pcsc.pin.prompt', { pin: label, remaining: status.remaining }), ctx.io.stdin, ctx.io.stderr, pinId);
    try {
      return check(value);
    } catch (e) {
      // A typing mistake is told at the prompt and asked again; nothing went to the card.
      if (attempt >= 2 || !isLensError(e) || !(e.code.startsWith('pin-format') || e.code === 'cli-pin-empty')) throw e;
      ctx.io.stderr.write(`${errorText(e)} ${t('pcsc.pin.retype')}\n`);
    }
  }
}

/** The message of a LensError in the current language. */
export function errorText(e: LensError): string {
  const both = tBoth(`error.${e.code}`, e.params);
  return getLocale() === 'ja' ? both.ja : both.en;
}

/** Write bytes or text to `--out FILE` or stdout. */
export async function emit(ctx: CardCommandContext, data: string | Uint8Array): Promise<void> {
  const file = ctx.args.values.get('--out');
  if (file === undefined) {
    ctx.io.stdout.write(data);
    return;
  }
  const { writeFile } = await import('node:fs/promises');
  try {
    await writeFile(file, data);
  } catch (e) {
    throw new LensError('cli-output-unwritable', { file }, { cause: e });
  }
  ctx.progress.note(t('pcsc.cert.written', { file, count: typeof data === 'string' ? Buffer.byteLength(data) : data.length }));
}

export function onePositional(ctx: CardCommandContext, allowed: readonly string[], command: string): string {
  const [first, ...more] = ctx.args.positional;
  if (first === undefined || more.length > 0 || !allowed.includes(first)) usageError(`${command} takes one of: ${allowed.join(' | ')}`);
  return first;
}

export function noPositional(ctx: CardCommandContext, command: string): void {
  if (ctx.args.positional.length > 0) usageError(`${command} takes no argument`);
}
