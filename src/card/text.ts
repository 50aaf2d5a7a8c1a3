/**
 * Text and date decoding shared by the 入力補助AP and 券面AP decoders. Every failure is a named
 * LensError (fuzz-safe); values are never put in error params (they are personal data).
 */
import { LensError } from '../errors';
import { ascii } from './bytes';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(b: Uint8Array, field: string): string {
  try {
    return utf8.decode(b);
  } catch (e) {
    throw new LensError('card-text-not-utf8', { field }, { cause: e });
  }
}

/** A Gregorian date written as 8 ASCII digits `YYYYMMDD` (入力補助AP DF24, 券面AP DF22/DF29). */
export interface CardDate {
  /** The 8 digits as stored. */
  readonly raw: string;
  readonly year: number;
  /** 1–12, or undefined when stored as 00 (unknown month). */
  readonly month?: number;
  /** 1–31, or undefined when stored as 00 (unknown day). */
  readonly day?: number;
  /** `YYYY-MM-DD` when year, month and day form a real date. */
  readonly iso?: string;
}

export function decodeCardDate(b: Uint8Array, field: string): CardDate {
  const raw = ascii(b);
  if (!/^[0-9]{8}$/.test(raw)) throw new LensError('card-date-malformed', { field });
  const year = Number(raw.slice(0, 4));
  const month = Number(raw.slice(4, 6));
  const day = Number(raw.slice(6, 8));
  if (month > 12 || day > 31) throw new LensError('card-date-malformed', { field });
  const d = new Date(Date.UTC(year, month - 1, day));
  const real = month > 0 && day > 0 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return {
    raw,
    year,
    ...(month > 0 ? { month } : {}),
    ...(day > 0 ? { day } : {}),
    ...(real ? { iso: `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}` } : {}),
  };
}

/** 性別 as one ASCII digit, JIS X 0303: 1 male, 2 female, 9 not applicable, 0 unknown (jpki-card.md §4.2). */
export type SexCode = 'male' | 'female' | 'not-applicable' | 'unknown' | 'other';

export interface CardSex {
  readonly code: string;
  readonly meaning: SexCode;
}

export function decodeSex(b: Uint8Array, field: string): CardSex {
  if (b.length !== 1) throw new LensError('card-sex-malformed', { field });
  const code = ascii(b);
  const meaning: SexCode = code === '1' ? 'male' : code === '2' ? 'female' : code === '9' ? 'not-applicable' : code === '0' ? 'unknown' : 'other';
  return { code: /^[\x20-\x7e]$/.test(code) ? code : '?', meaning };
}
