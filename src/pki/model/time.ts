// UTCTime / GeneralizedTime (RFC 5280 §4.1.2.5) to ISO text and openssl's ASN1_TIME_print form.
import { latin1 } from '../bytes';
import { LensError } from '../../errors';
import type { TimeModel } from './types';

const RE_UTC = /^([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})Z$/;
const RE_GEN = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})(\.[0-9]+)?Z$/;

export function parseTime(tag: number, content: Uint8Array): TimeModel {
  const raw = latin1(content);
  let parts: string[] | undefined;
  let type: TimeModel['type'];
  let frac = '';
  if (tag === 23) {
    const m = RE_UTC.exec(raw);
    type = 'UTCTime';
    // RFC 5280 §4.1.2.5.1: YY ≥ 50 → 19YY, else 20YY.
    if (m) parts = [String(Number(m[1]) >= 50 ? 1900 + Number(m[1]) : 2000 + Number(m[1])), ...m.slice(2, 7)];
  } else if (tag === 24) {
    const m = RE_GEN.exec(raw);
    type = 'GeneralizedTime';
    if (m) { parts = m.slice(1, 7); frac = m[7] ?? ''; }
  } else {
    throw new LensError('pki-bad-certificate', {}, { detail: 'time is neither UTCTime nor GeneralizedTime' });
  }
  if (!parts) throw new LensError('pki-bad-time', { value: raw });
  const [y, mo, d, h, mi, s] = parts.map(Number) as [number, number, number, number, number, number];
  // Date.UTC maps years 0–99 to 1900–1999 (ECMA-262 MakeFullYear), which would judge GeneralizedTime
  // 0000-02-29 by 1900's calendar; setUTCFullYear takes the year as given.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new LensError('pki-bad-time', { value: raw });
  }
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${frac}Z`;
  return { iso, type, raw };
}

export function timeToDate(t: TimeModel): Date {
  return new Date(t.iso);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ASN1_TIME_print (crypto/asn1/a_time.c): "Jul 16 00:50:27 2023 GMT", day space-padded. */
export function opensslTime(t: TimeModel): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/.exec(t.iso);
  if (!m) return t.raw;
  const [, y, mo, d, h, mi, s, f] = m;
  return `${MONTHS[Number(mo) - 1]} ${String(Number(d)).padStart(2, ' ')} ${h}:${mi}:${s}${f ?? ''} ${Number(y)} GMT`;
}
