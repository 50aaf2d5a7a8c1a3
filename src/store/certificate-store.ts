/**
 * The certificate library, in this browser's IndexedDB through idb-keyval (one database, one object
 * store, key = SHA-256 of the DER). It holds public certificates and the user's label and note only.
 */
import { createStore, del, get, set, clear, values, type UseStore } from 'idb-keyval';
import { LensError } from '../errors';
import { isSingleDerSequence } from './der-check';
import { parseBackup, serializeBackup } from './backup';
import { LABEL_MAX, NOTE_MAX, type ImportResult, type NewCertificate, type SaveOptions, type SavedCertificate } from './types';

export const DB_NAME = 'jpki-lens';
export const STORE_NAME = 'certificates';

/** SHA-256 of the DER, lower-case hex (the certificate's usual "fingerprint"). */
export async function fingerprint(der: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', Uint8Array.from(der));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function iso(d: string | Date): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) throw new LensError('store-bad-date');
  return date.toISOString();
}

export class CertificateStore {
  private readonly idb: UseStore;

  constructor(dbName = DB_NAME) {
    this.idb = createStore(dbName, STORE_NAME);
  }

  /**
   * Save (or update the label and note of) a certificate. Refuses the sign certificate unless the
   * user acknowledged that it holds their name, address, birth date and sex.
   */
  async save(input: NewCertificate, options: SaveOptions = {}, now: Date = new Date()): Promise<SavedCertificate> {
    if (input.certificateKind === 'sign' && options.acknowledgePersonalData !== true) {
      throw new LensError('store-sign-needs-acknowledgement');
    }
    if (!isSingleDerSequence(input.der)) throw new LensError('store-not-a-certificate');
    const label = input.label.trim();
    const note = (input.note ?? '').trim();
    if (label.length > LABEL_MAX) throw new LensError('store-text-too-long', { max: LABEL_MAX });
    if (note.length > NOTE_MAX) throw new LensError('store-text-too-long', { max: NOTE_MAX });
    const der = Uint8Array.from(input.der); // our own copy: the caller may reuse its buffer
    const id = await fingerprint(der);
    const existing = await this.run(() => get<SavedCertificate>(id, this.idb));
    const entry: SavedCertificate = {
      id,
      der,
      label,
      note,
      readAt: iso(input.readAt),
      savedAt: existing?.savedAt ?? now.toISOString(),
      cardKind: input.cardKind,
      certificateKind: input.certificateKind,
    };
    await this.run(() => set(id, entry, this.idb));
    return entry;
  }

  /** Every saved certificate, most recently read first. */
  async list(): Promise<SavedCertificate[]> {
    const all = await this.run(() => values<SavedCertificate>(this.idb));
    return all.sort((a, b) => (a.readAt < b.readAt ? 1 : a.readAt > b.readAt ? -1 : a.id < b.id ? -1 : 1));
  }

  async get(id: string): Promise<SavedCertificate | undefined> {
    return this.run(() => get<SavedCertificate>(id, this.idb));
  }

  async delete(id: string): Promise<void> {
    await this.run(() => del(id, this.idb));
  }

  async deleteAll(): Promise<void> {
    await this.run(() => clear(this.idb));
  }

  /** The whole library as a backup file's text (see backup.ts). */
  async exportBackup(now: Date = new Date()): Promise<string> {
    return serializeBackup(await this.list(), now);
  }

  /**
   * Restore a backup: every entry is validated (format, DER, and that its id is the SHA-256 of its
   * DER) before anything is written; entries with an id already present replace it.
   */
  async importBackup(text: string): Promise<ImportResult> {
    const entries = parseBackup(text);
    for (const e of entries) {
      if ((await fingerprint(e.der)) !== e.id) {
        throw new LensError('store-backup-invalid', {}, { detail: `entry ${e.id.slice(0, 12)}…: id is not the SHA-256 of its DER` });
      }
    }
    let added = 0;
    let replaced = 0;
    for (const e of entries) {
      if (await this.run(() => get(e.id, this.idb))) replaced++;
      else added++;
      await this.run(() => set(e.id, e, this.idb));
    }
    return { added, replaced };
  }

  /** IndexedDB failures (disabled storage, quota) become one error the UI can explain. */
  private async run<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (cause) {
      if (cause instanceof LensError) throw cause;
      throw new LensError('store-unavailable', {}, { cause, detail: cause instanceof Error ? cause.message : String(cause) });
    }
  }
}

let shared: CertificateStore | undefined;
/** The app's library (created on first use, so importing this module touches no storage). */
export function certificateStore(): CertificateStore {
  shared ??= new CertificateStore();
  return shared;
}
