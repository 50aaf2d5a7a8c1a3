/** `readers`: every reader PC/SC knows, with its index (for `--reader N`) and whether it holds a card. */
import { t } from '../../i18n';
import { openPcsc } from '../../readers/pcsc';
import type { CardCommand } from './command';
import { noPositional } from './context';

export const readersCommand: CardCommand = {
  name: 'readers',
  usage: 'readers [--json]                PC/SC readers and whether each holds a card',
  async run(ctx) {
    noPositional(ctx, 'readers');
    const pcsc = await openPcsc();
    try {
      const readers = pcsc.readers();
      if (ctx.args.flags.has('--json')) {
        ctx.io.stdout.write(`${JSON.stringify(readers, null, 2)}\n`);
        return 0;
      }
      if (readers.length === 0) {
        ctx.io.stdout.write(`${t('pcsc.readers.none')}\n`);
        return 0;
      }
      readers.forEach((r, i) => {
        const state = [r.present ? t('pcsc.readers.card') : r.mute ? t('pcsc.readers.mute') : t('pcsc.readers.empty')];
        if (r.exclusive) state.push(t('pcsc.readers.exclusive'));
        else if (r.inUse) state.push(t('pcsc.readers.in-use'));
        ctx.io.stdout.write(`${i}\t${r.name}\t${state.join(', ')}\n`);
      });
      return 0;
    } finally {
      await pcsc.release(); // the process exits next (index.ts runCardCli)
    }
  },
};
