/**
 * Which certificate the view shows. The caller may know it (the EF it was read from); otherwise the
 * JPKI profile decoder in src/pki recognises it from its policy OIDs and issuer; anything else is 'unknown'.
 */
import type { CertificateKind } from '../../store';

export type ViewKind = 'auth' | 'auth-ca' | 'sign' | 'sign-ca' | 'unknown';
export type ViewSource = 'card' | 'library' | 'file';

export function resolveKind(given: ViewKind | undefined, fromModel: string | undefined): ViewKind {
  if (given && given !== 'unknown') return given;
  if (fromModel === 'auth' || fromModel === 'auth-ca' || fromModel === 'sign' || fromModel === 'sign-ca') return fromModel;
  return 'unknown';
}

/** The library's kind for a certificate: a certificate we cannot place is kept as 'imported'. */
export function storeKind(kind: ViewKind): CertificateKind {
  return kind === 'unknown' ? 'imported' : kind;
}

/** Short, file-name-safe name per kind (`jpki-auth-…`). */
export function fileStem(kind: ViewKind): string {
  return kind === 'unknown' ? 'certificate' : `jpki-${kind}`;
}
