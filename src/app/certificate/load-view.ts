/**
 * Screens that only sometimes show a certificate (the library) register `<jpki-certificate-view>` on
 * first need instead of importing it eagerly, keeping the viewer's code out of the initial chunk
 * (issue 6: initial JS ≤ 80 KB gzip). Lit upgrades the element in place, keeping properties set before.
 */
let pending: Promise<unknown> | undefined;

export function loadCertificateView(): Promise<unknown> {
  pending ??= import('./certificate-view').catch((e: unknown) => {
    pending = undefined;
    throw e;
  });
  return pending;
}
