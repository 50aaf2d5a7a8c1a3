/**
 * `cert auth|sign|auth-ca|sign-ca`: one certificate as PEM (default), DER or the openssl-style text
 * with JPKI annotations (src/pki, the same code the app's certificate view uses).
 *
 * The sign certificate holds name, address, birth date and sex, so the card gives it out only after
 * the 署名用パスワード: its counter is read first (one transaction), the password asked for with the
 * last-try guard, then VERIFY and the read run in a second transaction, so no other program's APDUs
 * can come between them (and the card is reset on disconnect, ending the login).
 */
import { JpkiAp, type CertificateKind } from '../../card/jpki';
import { PIN } from '../../card/pin-references';
import { getLocale, t } from '../../i18n';
import { certificateText, explainCertificate, toPem } from '../../pki';
import { usageError } from './args';
import type { CardCommand } from './command';
import { askPin, emit, onePositional, withCard } from './context';

const KINDS: readonly CertificateKind[] = ['auth', 'sign', 'auth-ca', 'sign-ca'];
const FORMATS = ['pem', 'der', 'text'] as const;

export const certCommand: CardCommand = {
  name: 'cert',
  usage:
    'cert auth|sign|auth-ca|sign-ca [--format pem|der|text] [--out FILE] [--pin-fd N] [--i-understand-last-try]\n' +
    '                                  one certificate; sign asks for the signature password first',
  async run(ctx) {
    const kind = onePositional(ctx, KINDS, 'cert') as CertificateKind;
    const format = ctx.args.values.get('--format') ?? 'pem';
    if (!(FORMATS as readonly string[]).includes(format)) usageError(`--format takes one of: ${FORMATS.join(' | ')}`);
    const der = await withCard(ctx, async (card) => {
      const what = t(`pcsc.cert.${kind}`);
      if (kind !== 'sign') {
        return card.transaction(async (channel) => {
          ctx.progress.step(t('pcsc.progress.cert', { what }));
          return new JpkiAp(ctx.progress.counting(channel)).readCertificate(kind);
        });
      }
      const status = await card.transaction((channel) => new JpkiAp(channel).pinStatus('sign'));
      const password = await askPin(ctx, PIN.jpkiSign.id, PIN.jpkiSign.format, status);
      return card.transaction(async (channel) => {
        const ap = new JpkiAp(ctx.progress.counting(channel));
        await ap.verifyPin('sign', password, { acknowledgeLastTry: ctx.args.flags.has('--i-understand-last-try') });
        ctx.progress.step(t('pcsc.progress.cert', { what }));
        return ap.readCertificate('sign');
      });
    });
    ctx.progress.end();
    if (format === 'der') await emit(ctx, der);
    else if (format === 'pem') await emit(ctx, toPem(der));
    else await emit(ctx, certificateText(await explainCertificate(der), { annotations: true, locale: getLocale() }));
    return 0;
  },
};
