/** Dates of the licence in the card's era and in 西暦, in the current language. */
import { t } from '../../i18n';
import type { LicenceDate } from '../../card/licence';

export function eraText(d: LicenceDate): string {
  return t('licence.date.era', { era: t(`licence.era.${d.era}`), year: d.year === 1 ? t('licence.era.first-year') : String(d.year), month: d.month, day: d.day });
}

/** `令和7年4月1日 (2025-04-01)`; an era-inconsistent date keeps both and says so. */
export function dateText(d: LicenceDate | undefined): string {
  if (!d) return t('licence.value.none');
  const both = t('licence.date.both', { era: eraText(d), iso: d.iso });
  return d.consistent ? both : `${both} ${t('licence.date.inconsistent')}`;
}

/** `2029-08-29` from the common data (already Gregorian). */
export function isoText(iso: string): string {
  return iso;
}
