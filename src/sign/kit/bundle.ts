/**
 * The CA bundle a TLS server needs to accept JPKI 利用者証明用 client certificates: every J-LIS
 * 利用者証明用 CA generation pinned in pki/roots (authca01–03), newest first, as PEM. All three share
 * one DN; OpenSSL picks the right one by signature/AKI, and the chain is root → end entity, so
 * `ssl_verify_depth 1` suffices (../shared/reference/client-auth.md §1.2). Generation 01 expired on
 * 2025-10-19 and so did every certificate it issued; it is kept so that the bundle is complete (an
 * expired anchor admits nothing) and marked as expired in its comment line.
 */
import { toPem } from '../../pki/pem';
import { JLIS_ROOTS, type PinnedRoot } from '../../pki/roots/jlis-roots';

export const BUNDLE_FILE_NAME = 'jpki-auth-ca-bundle.pem';

/** The 利用者証明用 roots in the bundle (real ones; the synthetic test CA only when asked). */
export function authRoots(includeTest = false): PinnedRoot[] {
  return JLIS_ROOTS.filter((r) => r.kind === 'auth' && (includeTest || !r.test)).sort((a, b) => b.generation - a.generation);
}

/** PEM text: one `# …` line per certificate (file, generation, SHA-256), then the PEM block. */
export function clientAuthBundle(options: { readonly includeTest?: boolean } = {}): string {
  return authRoots(options.includeTest).map((r) => {
    const label = r.test ? 'JPKI-TEST (synthetic, for tests only)' : `J-LIS 利用者証明用 CA generation ${String(r.generation).padStart(2, '0')}`;
    return `# ${label}: ${r.file}, SHA-256 ${r.sha256}\n${toPem(r.der, 'CERTIFICATE')}`;
  }).join('');
}
