/**
 * Progress of card reads on stderr (stdout stays the data): one line per step and, on a terminal, a
 * running byte count. A certificate is 1–2 KB in 256-byte READ BINARYs — several seconds on a slow
 * T=0 reader — so the user sees that something is happening.
 */
import type { CardChannel } from '../../card/channel';
import { t } from '../../i18n';

export interface TextSink {
  write(s: string): unknown;
}

export class Progress {
  private count = 0;
  private started = 0;
  private open = false;

  constructor(
    private readonly out: TextSink,
    private readonly tty: boolean,
    private readonly quiet: boolean,
  ) {}

  note(text: string): void {
    if (!this.quiet) this.out.write(`${text}\n`);
  }

  step(text: string): void {
    this.end();
    this.count = 0;
    this.started = Date.now();
    this.open = true;
    if (!this.quiet) this.out.write(this.tty ? text : `${text}\n`);
  }

  bytes(n: number): void {
    this.count += n;
    if (this.open && this.tty && !this.quiet) this.out.write(`\r\x1b[K${t('pcsc.progress.bytes', { count: this.count })}`);
  }

  /** Ends the current step with its byte count and time. */
  end(): void {
    if (!this.open) return;
    this.open = false;
    if (!this.quiet) this.out.write(`${this.tty ? '\r\x1b[K' : '  '}${t('pcsc.progress.done', { count: this.count, ms: Date.now() - this.started })}\n`);
  }

  /** `channel`, counting the data bytes of every response (without SW1 SW2) into this progress. */
  counting(channel: CardChannel): CardChannel {
    return {
      atr: channel.atr,
      close: () => channel.close(),
      transmit: async (apdu) => {
        const r = await channel.transmit(apdu);
        this.bytes(Math.max(0, r.length - 2));
        return r;
      },
    };
  }
}
