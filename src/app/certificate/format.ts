/**
 * Text helpers shared by the certificate tabs: model `Field`s to strings through the catalogs, and
 * dates shown in Japan time (JPKI validity ends at 23:59:59 JST; showing JST keeps the date the
 * user reads on the card and in the J-LIS client, and renders the same on every machine).
 */
import { hasMessage, t, type Locale } from '../../i18n';
import type { Field } from '../../pki/model/types';

/** The label of a field; an otherName labelled by its OID uses the OID's own label when we have one. */
export function fieldLabel(f: Field): string {
  const oid = f.params?.['oid'];
  if (typeof oid === 'string' && hasMessage(`pki.oid.${oid}`)) return t(`pki.oid.${oid}`);
  return t(f.key, f.params ?? {});
}

/** The value of a field: the data as is, followed by the catalog's reading of an enumerated value. */
export function fieldValue(f: Field): string {
  const parts: string[] = [];
  if (f.value !== undefined && f.value !== '') parts.push(f.value);
  if (f.valueKey && hasMessage(f.valueKey)) parts.push(t(f.valueKey, f.params ?? {}));
  return parts.join(' ');
}

const JST = 'Asia/Tokyo';

/** "2030年4月1日 23:59:59 (日本時間)" / "1 Apr 2030, 23:59:59 (Japan time)". */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = d.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: JST, year: 'numeric', month: locale === 'ja' ? 'long' : 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  });
  return `${text} ${t('app.cert.jst')}`;
}

/** A date without time, in Japan time. */
export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: JST, year: 'numeric', month: locale === 'ja' ? 'long' : 'short', day: 'numeric' });
}

/** Whole days from `at` until `iso` (negative when past). */
export function daysUntil(iso: string, at: Date): number {
  return Math.floor((new Date(iso).getTime() - at.getTime()) / 86_400_000);
}

/** `yyyy-mm-dd` of a date in Japan time (for `<input type="date">` and file names). */
export function isoDay(d: Date): string {
  return new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Upper-case hex with spaces every byte, wrapped by the caller. */
export function spacedHex(hex: string): string {
  return hex.replace(/(..)(?!$)/g, '$1 ');
}
