/** The shape of one card command: adding one (card face, licence, signing) is a file and a registry line. */
import type { CardCommandContext } from './context';

export interface CardCommand {
  readonly name: string;
  /** One usage line (two spaces of indent are added). */
  readonly usage: string;
  /** Runs the command; resolves to the exit code (errors are thrown as LensErrors). */
  run(ctx: CardCommandContext): Promise<number>;
}
