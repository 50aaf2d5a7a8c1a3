/**
 * The CLI's card commands over PC/SC (src/readers/pcsc), sharing the app's card and pki code. The
 * registry below is the whole list: a new read (card face, licence, signing) is one CardCommand file
 * and one line here.
 */
import { isLensError } from '../../errors';
import { LOCALES, loadLocales, setLocale, t, type Locale } from '../../i18n';
import { parseCardArgs } from './args';
import { certCommand } from './cert';
import type { CardCommand } from './command';
import { createContext, errorText, type CardIo } from './context';
import { CARD_EXIT, cardExitCode } from './exit-codes';
import { mynumberCommand } from './mynumber';
import { cardCommand } from './overview';
import { readersCommand } from './readers';

export const CARD_COMMANDS: ReadonlyMap<string, CardCommand> = new Map(
  [readersCommand, cardCommand, certCommand, mynumberCommand].map((c) => [c.name, c]),
);

export const CARD_USAGE = `card commands (PC/SC readers: ACS ACR39U, SCR3310 v2, any reader the OS knows):
${[...CARD_COMMANDS.values()].map((c) => `  ${c.usage}`).join('\n')}
options: --reader NAME|INDEX  --wait SECONDS (default 15)  --quiet  --lang ja|en (default: from LANG)
PINs: typed at a prompt that does not echo, or --pin-fd N (a file descriptor holding it); never an argument
exit codes: 0 ok, 2 usage, 3 output file, 5 PC/SC not available, 6 no reader/card, 7 card or service lost,
            8 PIN refused or not given, 9 card error, 70 internal error
`;

/** ja/en: `--lang`, then JPKI_LENS_LANG, then the POSIX locale (LC_ALL, LC_MESSAGES, LANG). */
export function cardLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const i = argv.indexOf('--lang');
  const explicit = i >= 0 ? argv[i + 1] : env.JPKI_LENS_LANG;
  if (explicit) return explicit === 'ja' ? 'ja' : 'en';
  const posix = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja/i.test(posix) ? 'ja' : 'en';
}

/** Run one card command; resolves to the exit code (messages already written). */
export async function runCardCommand(argv: readonly string[], io: CardIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Errors carry both languages (tBoth): both catalogs are loaded (plain dynamic imports, also in Node).
  await loadLocales(LOCALES);
  await setLocale(cardLocale(argv, env));
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : CARD_COMMANDS.get(name);
  if (!command) {
    io.stderr.write(CARD_USAGE);
    return CARD_EXIT.usage;
  }
  try {
    return await command.run(createContext(parseCardArgs(rest), io));
  } catch (e) {
    if (!isLensError(e)) {
      io.stderr.write(`error pki-internal: ${t('error.pki-internal', { detail: String(e) })}\n`);
      return CARD_EXIT.internal;
    }
    io.stderr.write(`error ${e.code}: ${errorText(e)}\n`);
    if (e.code === 'pin-last-try-not-acknowledged') io.stderr.write(`${t('pcsc.pin.last-try')}\n`);
    if (e.code === 'pki-cli-usage') io.stderr.write(CARD_USAGE);
    return cardExitCode(e);
  }
}

/**
 * The process entry for a card command: run it, flush stdout and stderr, and exit. Exiting (rather
 * than waiting for the event loop to drain) is what ends the binding's monitoring thread without the
 * join that can hang (readers/pcsc/context.ts `release`): every wait of the command itself is bounded.
 */
export async function runCardCli(argv: readonly string[]): Promise<never> {
  const code = await runCardCommand(argv, process);
  const flush = (s: NodeJS.WriteStream) => new Promise<void>((resolve) => s.write('', () => resolve()));
  await Promise.race([Promise.all([flush(process.stdout), flush(process.stderr)]), new Promise((r) => setTimeout(r, 2000))]);
  process.exit(code);
}
