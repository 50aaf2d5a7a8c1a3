/**
 * Which certificate the view shows. The caller may know it (the EF it was read from); otherwise the
 * JPKI profile decoder in src/pki recognises it from its policy OIDs and issuer; anything else is 'unknown'.
 */
import type { CertificateKind } from '../../store';

export type ViewKind = 'auth' | 'auth-ca' | 'sign' | 'sign-ca' | 'unknown';
export type ViewSource = 'card' | 'library' | 'file';

function isJpkiKind(k: string | null | undefined): k is Exclude<ViewKind, 'unknown'> {
  return k === 'auth' || k === 'auth-ca' || k === 'sign' || k === 'sign-ca';
}

/**
 * The kind the view presents. `decoded` is what the JPKI profile decoder recognised: a kind, `null`
 * when the certificate was decoded and is not a JPKI one (issuer not recognised as J-LIS), or
 * `undefined` before decoding. What was decoded wins over where it was read from: a certificate in
 * the sign-certificate EF whose issuer is not J-LIS is not presented as a sign certificate
 * holding the 4 info (issue 13 item 9).
 */
export function resolveKind(given: ViewKind | undefined, decoded: string | null | undefined): ViewKind {
  if (isJpkiKind(decoded)) return decoded;
  if (decoded !== undefined) return 'unknown';
  return given ?? 'unknown';
}

/** The kind the caller expected (the EF it was read from) when the decoded one differs; else undefined. */
export function expectedKindMismatch(given: ViewKind | undefined, resolved: ViewKind): Exclude<ViewKind, 'unknown'> | undefined {
  return isJpkiKind(given) && given !== resolved ? given : undefined;
}

/** The library's kind for a certificate: a certificate we cannot place is kept as 'imported'. */
export function storeKind(kind: ViewKind): CertificateKind {
  return kind === 'unknown' ? 'imported' : kind;
}

/** Short, file-name-safe name per kind (`jpki-auth-…`). */
export function fileStem(kind: ViewKind): string {
  return kind === 'unknown' ? 'certificate' : `jpki-${kind}`;
}
