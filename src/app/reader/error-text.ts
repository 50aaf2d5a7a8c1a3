import { getLocale, hasMessage, t } from '../../i18n';
import type { LensError } from '../../errors';

/**
 * The error's text: `error.<code>.<pin>` where the error names a PIN and that variant exists (a
 * 署名用パスワード is a パスワード, not a 暗証番号), else `error.<code>`, else the fallback with the code.
 */
export function errorText(error: LensError, locale = getLocale()): string {
  const pin = error.params.pin;
  const variant = typeof pin === 'string' ? `error.${error.code}.${pin}` : undefined;
  if (variant && hasMessage(variant, locale)) return t(variant, error.params, locale);
  const key = `error.${error.code}`;
  return hasMessage(key, locale) ? t(key, error.params, locale) : t('app.flows.error.fallback', { code: error.code }, locale);
}
