/**
 * The certificate code (src/pki, over pkijs ≈ 75 KB gzip) is loaded the first time a certificate is
 * explained, never in the initial chunk (issue 6 benchmark: initial JS ≤ 80 KB gzip). Every app
 * module that needs it goes through `loadPki()` so there is one dynamic import and one cached promise.
 */
export type PkiModule = typeof import('../../pki');

let pending: Promise<PkiModule> | undefined;

export function loadPki(): Promise<PkiModule> {
  pending ??= import('../../pki').catch((e: unknown) => {
    pending = undefined; // a failed chunk fetch (offline before precache) may succeed on the next try
    throw e;
  });
  return pending;
}
