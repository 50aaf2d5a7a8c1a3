/**
 * "The PIN typed appears nowhere": searches everything the page can persist or print — every
 * IndexedDB database and object store, localStorage, sessionStorage, Cache Storage, and the console
 * messages the guard saw — for the given strings. Binary values (Uint8Array, ArrayBuffer) are
 * searched both as Latin-1 text (a PIN in an APDU is ASCII) and as hex. Returns where each was found;
 * a test expects `[]`.
 *
 * Choose secrets that cannot occur by chance in certificates (e.g. '4821', 'HAYAKU7KAERU'), since a
 * DER certificate may contain any short digit string.
 */
import type { Page } from '@playwright/test';
import type { Guard } from './fixtures';

export interface SecretHit {
  readonly secret: string;
  readonly where: string;
}

/** Everything the page persists, flattened to labelled text (runs in the page). */
async function dumpStorage(): Promise<{ where: string; text: string }[]> {
  const out: { where: string; text: string }[] = [];
  const toText = (v: unknown): string => {
    const bin = (b: Uint8Array) => `${String.fromCharCode(...b)} ${[...b].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
    return JSON.stringify(v, (_k, x: unknown) => {
      if (x instanceof Uint8Array) return bin(x);
      if (x instanceof ArrayBuffer) return bin(new Uint8Array(x));
      if (ArrayBuffer.isView(x)) return bin(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
      if (x instanceof Blob) return `[Blob ${x.type} ${x.size}]`;
      return x;
    });
  };
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(info.name!);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(String(r.error)));
    });
    for (const store of [...db.objectStoreNames]) {
      const rows = await new Promise<[unknown, unknown][]>((resolve, reject) => {
        const tx = db.transaction(store);
        const keys = tx.objectStore(store).getAllKeys();
        const values = tx.objectStore(store).getAll();
        tx.oncomplete = () => resolve(keys.result.map((k, i) => [k, values.result[i]]));
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      for (const [k, v] of rows) out.push({ where: `IndexedDB ${info.name}/${store} key ${toText(k)}`, text: `${toText(k)} ${toText(v)}` });
    }
    db.close();
  }
  for (const [name, storage] of [
    ['localStorage', localStorage],
    ['sessionStorage', sessionStorage],
  ] as const) {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i)!;
      out.push({ where: `${name} ${k}`, text: `${k} ${storage.getItem(k)}` });
    }
  }
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const req of await cache.keys()) {
      const res = await cache.match(req);
      const body = res ? new Uint8Array(await res.arrayBuffer()) : new Uint8Array(0);
      out.push({ where: `Cache Storage ${name} ${req.url}`, text: `${req.url} ${new TextDecoder('latin1').decode(body)}` });
    }
  }
  return out;
}

export async function findSecrets(page: Page, guard: Guard, secrets: readonly string[]): Promise<SecretHit[]> {
  const places = [...(await page.evaluate(dumpStorage)), ...guard.consoleLog.map((text, i) => ({ where: `console message ${i}`, text }))];
  const hits: SecretHit[] = [];
  for (const secret of secrets) {
    const hex = [...new TextEncoder().encode(secret)].map((x) => x.toString(16).padStart(2, '0')).join('');
    for (const p of places) if (p.text.includes(secret) || p.text.includes(hex)) hits.push({ secret, where: p.where });
  }
  return hits;
}
