/**
 * `card`: what the card is (token label from EF 0006), which certificates it holds (EF 0008) and the
 * counter of every PIN — all from reads that need no PIN and empty VERIFYs that spend no try
 * (card/pin-status.ts), inside one PC/SC transaction.
 */
import { JpkiAp } from '../../card/jpki';
import type { JpkiCardInfo } from '../../card/card-info';
import type { PinStatusEntry } from '../../card/pin-status';
import { t } from '../../i18n';
import type { CardCommand } from './command';
import { noPositional, withCard } from './context';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

function pinLine(p: PinStatusEntry): string {
  const label = t(`pcsc.pin.${p.id}`);
  let state: string;
  if (p.absent) state = t('pcsc.card.pin-absent');
  else if (p.errorCode) state = t('pcsc.card.pin-error', { code: p.errorCode });
  else if (p.status?.blocked) state = t('pcsc.card.pin-blocked');
  else state = `${p.status?.remaining ?? '?'}/${p.status?.max ?? '?'}`;
  return `  ${p.id.padEnd(10)} ${state.padEnd(8)} ${label}`;
}

function certificatesLine(info: JpkiCardInfo): string {
  const c = info.certificates;
  if (!c) return t('pcsc.card.unknown');
  const mark = (b: boolean) => t(b ? 'pcsc.card.present' : 'pcsc.card.absent');
  return `${t('pcsc.cert.auth')} ${mark(c.auth)}, ${t('pcsc.cert.sign')} ${mark(c.sign)}`;
}

export const cardCommand: CardCommand = {
  name: 'card',
  usage: 'card [--json]                   what the card is, its certificates, every PIN counter (no try spent)',
  async run(ctx) {
    noPositional(ctx, 'card');
    return withCard(ctx, async (card) => {
      const { info, pins } = await card.transaction(async (channel) => {
        const ap = new JpkiAp(ctx.progress.counting(channel));
        ctx.progress.step(t('pcsc.progress.identify'));
        const info = await ap.identify();
        ctx.progress.step(t('pcsc.progress.pins'));
        const pins = await ap.allPinStatus();
        ctx.progress.end();
        return { info, pins };
      });
      if (ctx.args.flags.has('--json')) {
        const out = { reader: card.readerName, atr: hex(card.atr), protocol: card.protocol, token: info.token, certificates: info.certificates, pins };
        ctx.io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return 0;
      }
      const lines = [
        `${t('pcsc.card.reader')}: ${card.readerName}`,
        `${t('pcsc.card.atr')}: ${hex(card.atr)}`,
        `${t('pcsc.card.protocol')}: ${card.protocol}`,
        `${t('pcsc.card.token')}: ${info.token.label} (${t(`card.token.${info.token.kind}`)})`,
        `${t('pcsc.card.certificates')}: ${certificatesLine(info)}`,
        `${t('pcsc.card.pins')}:`,
        ...pins.map(pinLine),
      ];
      ctx.io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    });
  },
};
