/** The secrets search finds a planted value in each place it looks, and nothing in a clean page. */
import { test, expect, appReady, findSecrets } from './harness';

test('findSecrets looks in IndexedDB (text and bytes), local/session storage, Cache Storage and the console', async ({ page, guard }) => {
  await page.goto('/');
  await appReady(page);
  expect(await findSecrets(page, guard, ['QX7421', 'ZQ9988'])).toEqual([]);

  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.open('planted', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('s');
      r.onsuccess = () => {
        const tx = r.result.transaction('s', 'readwrite');
        tx.objectStore('s').put({ note: 'has QX7421 inside' }, 'text');
        tx.objectStore('s').put(new TextEncoder().encode('ZQ9988'), 'bytes');
        tx.oncomplete = () => {
          r.result.close();
          resolve();
        };
        tx.onerror = () => reject(new Error(String(tx.error)));
      };
    });
    localStorage.setItem('k', 'QX7421');
    sessionStorage.setItem('k', 'ZQ9988');
    await (await caches.open('planted')).put('/planted.txt', new Response('QX7421'));
    console.log('typed ZQ9988');
  });
  const hits = await findSecrets(page, guard, ['QX7421', 'ZQ9988']);
  expect(hits.map((h) => `${h.secret} @ ${h.where.split(' ').slice(0, 2).join(' ')}`).sort()).toEqual(
    [
      'QX7421 @ IndexedDB planted/s',
      'QX7421 @ localStorage k',
      'QX7421 @ Cache Storage',
      'ZQ9988 @ IndexedDB planted/s',
      'ZQ9988 @ sessionStorage k',
      'ZQ9988 @ console message',
    ].sort(),
  );
});
