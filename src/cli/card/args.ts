/** Options of the card commands. PINs are deliberately not among them: see pin-input.ts. */
import { LensError } from '../../errors';

export interface CardArgs {
  readonly positional: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
}

const VALUES = new Set(['--reader', '--wait', '--pin-fd', '--out', '--format', '--lang']);
const FLAGS = new Set(['--show', '--json', '--i-understand-last-try', '--quiet']);

export function usageError(detail: string): never {
  throw new LensError('pki-cli-usage', { detail });
}

export function parseCardArgs(args: readonly string[]): CardArgs {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    // A PIN on the command line lands in shell history and in every process listing.
    if (/^--(pin|password|passwd|sign-password)(=|$)/.test(a)) usageError(`${a.split('=')[0]}: PINs are never taken as arguments; type it at the prompt or pass --pin-fd N`);
    if (VALUES.has(a)) {
      const v = args[++i];
      if (v === undefined) usageError(`${a} needs a value`);
      values.set(a, v);
    } else if (FLAGS.has(a)) flags.add(a);
    else if (a.startsWith('--')) usageError(`unknown option ${a}`);
    else positional.push(a);
  }
  return { positional, flags, values };
}

/** A non-negative number of seconds. */
export function secondsOption(args: CardArgs, name: string, fallback: number): number {
  const v = args.values.get(name);
  if (v === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(v)) usageError(`${name} needs a number of seconds`);
  return Number(v);
}

export function fdOption(args: CardArgs): number | undefined {
  const v = args.values.get('--pin-fd');
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) usageError('--pin-fd needs a file descriptor number');
  return Number(v);
}
