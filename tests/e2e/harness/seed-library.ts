/**
 * Put certificates into the app's library before a screen is shown, written straight into
 * IndexedDB in the layout src/store uses (database 'jpki-lens', object store 'certificates',
 * key = SHA-256 hex of the DER, value = SavedCertificate). For screens that need a filled library;
 * flows that save through the UI do not need it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { SavedCertificate } from '../../../src/store/types';

type Seed = Omit<SavedCertificate, 'id' | 'der'> & { readonly derFile: string };

export async function seedLibrary(page: Page, seeds: readonly Seed[]): Promise<void> {
  const entries = seeds.map(({ derFile, ...meta }) => {
    const der = readFileSync(derFile);
    return { ...meta, id: createHash('sha256').update(der).digest('hex'), der: [...der] };
  });
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('jpki-lens');
      r.onupgradeneeded = () => r.result.createObjectStore('certificates');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(String(r.error)));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('certificates', 'readwrite');
      for (const e of list) tx.objectStore('certificates').put({ ...e, der: Uint8Array.from(e.der) }, e.id);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  }, entries);
}
