/**
 * `mynumber`: 個人番号 and the 4 basic facts from the 券面事項入力補助AP after its 4-digit PIN
 * (card/kenhojo.ts, as the app's screen reads them), with the integrity record checked. Masked unless
 * `--show`: even the last digits identify a person (the app masks all 12 too). Nothing is saved.
 */
import { KenhojoAp, type KenhojoData } from '../../card/kenhojo';
import { PIN } from '../../card/pin-references';
import type { CardDate } from '../../card/text';
import { t } from '../../i18n';
import type { CardCommand } from './command';
import { askPin, noPositional, withCard } from './context';

const MASK = '•••• •••• ••••';

function dateText(d: CardDate): string {
  return d.iso ?? d.raw;
}

function render(data: KenhojoData, show: boolean): string {
  const masked = t('pcsc.mynumber.masked');
  const { myNumber: n, basicInfo: b, integrity: i } = data;
  const number = show ? n.value.replace(/(\d{4})(?=\d)/g, '$1 ') : `${MASK} ${masked}`;
  const lines = [
    `${t('pcsc.mynumber.number')}: ${number}`,
    ...(show && !n.checkDigitValid ? [`  ! ${t('pcsc.mynumber.check-digit-bad')}`] : []),
    `${t('pcsc.mynumber.name')}: ${show ? b.name : masked}`,
    `${t('pcsc.mynumber.address')}: ${show ? b.address : masked}`,
    `${t('pcsc.mynumber.birth')}: ${show ? dateText(b.birthDate) : masked}`,
    `${t('pcsc.mynumber.sex')}: ${show ? t(`pcsc.sex.${b.sex.meaning}`) : masked}`,
    `${t('pcsc.mynumber.integrity')}: ${t('pcsc.mynumber.number')} ${t(`pcsc.mynumber.${i.myNumber}`)}, 4 ${t(`pcsc.mynumber.${i.basicInfo}`)}`,
  ];
  return `${lines.join('\n')}\n`;
}

export const mynumberCommand: CardCommand = {
  name: 'mynumber',
  usage: 'mynumber [--show] [--pin-fd N] [--i-understand-last-try]\n' +
    '                                  個人番号 + 4 facts after the 4-digit PIN (masked unless --show)',
  async run(ctx) {
    noPositional(ctx, 'mynumber');
    const data = await withCard(ctx, async (card) => {
      const status = await card.transaction((channel) => new KenhojoAp(channel).pinStatus());
      const pin = await askPin(ctx, PIN.kenhojo.id, PIN.kenhojo.format, status);
      return card.transaction(async (channel) => {
        const ap = new KenhojoAp(ctx.progress.counting(channel));
        await ap.verifyPin(pin, { acknowledgeLastTry: ctx.args.flags.has('--i-understand-last-try') });
        ctx.progress.step(t('pcsc.progress.mynumber'));
        return ap.readAll();
      });
    });
    ctx.io.stdout.write(render(data, ctx.args.flags.has('--show')));
    return 0;
  },
};
