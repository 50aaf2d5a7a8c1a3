// JPKI Lens CLI over src/pki (the same code the app uses). `npm run --silent cli -- <command> …`.
// Commands, output and exit codes: src/cli/README.md.
import { readFileSync } from 'node:fs';
import { LensError, isLensError } from '../errors';
import { LOCALES, loadLocales, setLocale, t, tBoth, type Locale } from '../i18n';
import { runCommand, EXIT } from './commands';
import { CARD_COMMANDS, CARD_USAGE, runCardCli } from './card';
import { readCliFile, runSignCommand } from './sign-commands';

async function main(argv: string[]): Promise<number> {
  // The card commands over PC/SC (src/cli/card): their own options, locale and exit codes.
  if (argv[0] !== undefined && CARD_COMMANDS.has(argv[0])) return runCardCli(argv);
  if (argv[0] === 'help' || argv[0] === '--help') process.stderr.write(CARD_USAGE);
  const langFlag = argv.indexOf('--lang');
  const lang = langFlag >= 0 ? argv[langFlag + 1] : process.env.JPKI_LENS_LANG;
  const locale: Locale = lang === 'ja' ? 'ja' : 'en';
  // Errors carry both languages (tBoth), so both catalogs are loaded (plain dynamic imports, also in Node).
  await loadLocales(LOCALES);
  await setLocale(locale);
  try {
    const out = (await runSignCommand(argv, readCliFile)) ?? await runCommand(argv, (file) => {
      try {
        return new Uint8Array(readFileSync(file));
      } catch (e) {
        throw new LensError('pki-file-unreadable', { file }, { cause: e });
      }
    });
    process.stdout.write(out.stdout);
    if (out.stderr) process.stderr.write(out.stderr);
    return out.code;
  } catch (e) {
    if (isLensError(e)) {
      const both = tBoth(`error.${e.code}`, e.params);
      process.stderr.write(`error ${e.code}: ${locale === 'ja' ? both.ja : both.en}\n`);
      return e.code === 'pki-cli-usage' ? EXIT.usage : EXIT.badInput;
    }
    // Not a LensError: a bug, not the user's input or usage (exit 70, README); say so, not "usage".
    process.stderr.write(`error pki-internal: ${t('error.pki-internal', { detail: String(e) })}\n`);
    return EXIT.internal;
  }
}

process.exitCode = await main(process.argv.slice(2));
