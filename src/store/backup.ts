/**
 * The backup file: JSON, one object per certificate with its DER in base64. Readable by a person,
 * diffable, and re-exported byte-identically after an import (entries sorted by id, fixed key order).
 */
import { LensError } from '../errors';
import { isSingleDerSequence } from './der-check';
import { CARD_KINDS, CERTIFICATE_KINDS, type CardKind, type CertificateKind, type SavedCertificate } from './types';

export const BACKUP_FORMAT = 'jpki-lens-certificates';
export const BACKUP_VERSION = 1;

interface BackupEntry {
  id: string;
  label: string;
  note: string;
  readAt: string;
  savedAt: string;
  cardKind: CardKind;
  certificateKind: CertificateKind;
  der: string;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function serializeBackup(entries: readonly SavedCertificate[], exportedAt: Date): string {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const certificates: BackupEntry[] = sorted.map((c) => ({
    id: c.id,
    label: c.label,
    note: c.note,
    readAt: c.readAt,
    savedAt: c.savedAt,
    cardKind: c.cardKind,
    certificateKind: c.certificateKind,
    der: toBase64(c.der),
  }));
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: exportedAt.toISOString(), certificates }, null, 2)}\n`;
}

const isIso = (s: unknown): s is string => typeof s === 'string' && !Number.isNaN(Date.parse(s));

/** Parse and validate the whole file before anything is written (all or nothing). */
export function parseBackup(text: string): SavedCertificate[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new LensError('store-backup-invalid', {}, { cause, detail: 'not JSON' });
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new LensError('store-backup-invalid', {}, { detail: 'not a JPKI Lens backup' });
  }
  const { version, certificates } = data as { version?: unknown; certificates?: unknown };
  if (typeof version !== 'number' || version > BACKUP_VERSION || version < 1) {
    throw new LensError('store-backup-version', { version: String(version), supported: BACKUP_VERSION });
  }
  if (!Array.isArray(certificates)) throw new LensError('store-backup-invalid', {}, { detail: 'no certificates array' });
  return certificates.map((raw: unknown, index) => {
    const e = raw as Partial<Record<keyof BackupEntry, unknown>>;
    const bad = (what: string) => new LensError('store-backup-invalid', {}, { detail: `entry ${index}: ${what}` });
    if (typeof e !== 'object' || e === null) throw bad('not an object');
    if (typeof e.id !== 'string' || !/^[0-9a-f]{64}$/.test(e.id)) throw bad('id');
    if (typeof e.label !== 'string' || typeof e.note !== 'string') throw bad('label/note');
    if (!isIso(e.readAt) || !isIso(e.savedAt)) throw bad('dates');
    if (!CARD_KINDS.includes(e.cardKind as CardKind)) throw bad('cardKind');
    if (!CERTIFICATE_KINDS.includes(e.certificateKind as CertificateKind)) throw bad('certificateKind');
    if (typeof e.der !== 'string') throw bad('der');
    let der: Uint8Array;
    try {
      der = fromBase64(e.der);
    } catch (cause) {
      throw new LensError('store-backup-invalid', {}, { cause, detail: `entry ${index}: der is not base64` });
    }
    if (!isSingleDerSequence(der)) throw bad('der is not one DER SEQUENCE');
    return {
      id: e.id,
      der,
      label: e.label,
      note: e.note,
      readAt: e.readAt,
      savedAt: e.savedAt,
      cardKind: e.cardKind as CardKind,
      certificateKind: e.certificateKind as CertificateKind,
    };
  });
}
