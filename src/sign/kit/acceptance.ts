/**
 * "Would a server with this bundle accept this card?" — offline, what OpenSSL checks for
 * `openssl verify -CAfile jpki-auth-ca-bundle.pem -purpose sslclient auth.pem` and nginx/Apache do
 * with `ssl_verify_client on`/`SSLVerifyClient require` (../shared/reference/client-auth.md §3.2):
 *  - the chain to one of the 利用者証明用 roots of the bundle (and only those: a 署名用 certificate
 *    chains to a different CA and is not accepted);
 *  - keyUsage allows digitalSignature (RFC 5280 §4.2.1.3; the TLS CertificateVerify is a signature);
 *  - extendedKeyUsage, when present, includes id-kp-clientAuth (RFC 5280 §4.2.1.12; OpenSSL's
 *    sslclient purpose);
 *  - valid now, and the days until notAfter = when the allowlist line must be renewed (the card's
 *    certificate is re-issued every 5 years with a new key, §1.6).
 * Revocation is not checked: J-LIS gives its CRL/OCSP only to registered verifiers (§1.7).
 */
import { explainCertificate, verifyChain, type ChainResult } from '../../pki';
import { authRoots } from './bundle';

export type AcceptanceCheckId = 'chain' | 'key-usage' | 'client-auth' | 'validity' | 'rsa-key';

export interface AcceptanceCheck {
  readonly id: AcceptanceCheckId;
  readonly ok: boolean;
  /** Catalog key of the finding and its parameters. */
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface AllowlistEntry {
  /** nginx `$ssl_client_fingerprint`: SHA-1 of the DER, lower-case hex without colons. */
  readonly sha1: string;
  /** SHA-256 colon-separated upper-case, as `openssl x509 -fingerprint -sha256` prints. */
  readonly sha256: string;
  /** Apache `SSL_CLIENT_M_SERIAL` / nginx `$ssl_client_serial`: upper-case hex. */
  readonly serialHex: string;
  readonly subjectCn: string;
  readonly notAfter: string;
}

export interface Acceptance {
  readonly accepted: boolean;
  readonly checks: readonly AcceptanceCheck[];
  readonly chain: ChainResult;
  /** Whole days from `at` to notAfter (negative when expired). */
  readonly daysLeft: number;
  /** The bundle root that anchors the chain: generation 1–3, 0 = the synthetic test CA. */
  readonly generation?: number;
  readonly rootFile?: string;
  readonly entry: AllowlistEntry;
}

const DAY = 86_400_000;

export async function wouldServerAccept(der: Uint8Array, options: { readonly at?: Date; readonly trustTestRoots?: boolean } = {}): Promise<Acceptance> {
  const at = options.at ?? new Date();
  const m = await explainCertificate(der);
  const roots = authRoots(options.trustTestRoots);
  const chain = await verifyChain(der, { at, usePinnedRoots: false, anchors: roots.map((r) => r.der) });
  const anchorSha = chain.links.at(-1)?.sha256.replace(/:/g, '').toLowerCase();
  const root = chain.status === 'valid' ? roots.find((r) => r.sha256 === anchorSha) : undefined;
  const notAfter = new Date(m.validity.notAfter.iso);
  const daysLeft = Math.floor((notAfter.getTime() - at.getTime()) / DAY);
  const eku = m.extendedKeyUsage;
  const checks: AcceptanceCheck[] = [
    chain.status === 'valid'
      ? { id: 'chain', ok: true, key: root?.test ? 'sign.kit.check.chain-ok-test' : 'sign.kit.check.chain-ok', params: { generation: root?.generation ?? '?' } }
      : { id: 'chain', ok: false, key: 'sign.kit.check.chain-bad', params: { reason: chain.reasonKey ?? '' } },
    m.keyUsage === undefined || m.keyUsage.includes('digitalSignature')
      ? { id: 'key-usage', ok: true, key: 'sign.kit.check.key-usage-ok' }
      : { id: 'key-usage', ok: false, key: 'sign.kit.check.key-usage-bad', params: { usages: m.keyUsage.join(', ') } },
    eku === undefined || eku.includes('1.3.6.1.5.5.7.3.2') || eku.includes('2.5.29.37.0')
      ? { id: 'client-auth', ok: true, key: eku ? 'sign.kit.check.client-auth-ok' : 'sign.kit.check.client-auth-absent' }
      : { id: 'client-auth', ok: false, key: 'sign.kit.check.client-auth-bad' },
    at < new Date(m.validity.notBefore.iso)
      ? { id: 'validity', ok: false, key: 'sign.kit.check.not-yet-valid', params: { date: m.validity.notBefore.iso } }
      : daysLeft < 0
        ? { id: 'validity', ok: false, key: 'sign.kit.check.expired', params: { date: m.validity.notAfter.iso } }
        : { id: 'validity', ok: true, key: daysLeft < 90 ? 'sign.kit.check.renew-soon' : 'sign.kit.check.valid', params: { date: m.validity.notAfter.iso, days: daysLeft } },
    m.publicKey.rsa && (m.publicKey.sizeBits ?? 0) >= 2048
      ? { id: 'rsa-key', ok: true, key: 'sign.kit.check.rsa-ok', params: { bits: m.publicKey.sizeBits ?? 0 } }
      : { id: 'rsa-key', ok: false, key: 'sign.kit.check.rsa-bad', params: { algorithm: m.publicKey.algorithm.name } },
  ];
  const cn = m.subject.rdns.flat().find((a) => a.shortName === 'CN')?.value ?? '';
  return {
    accepted: checks.every((c) => c.ok),
    checks,
    chain,
    daysLeft,
    ...(root ? { generation: root.generation, rootFile: root.file } : {}),
    entry: {
      sha1: m.fingerprints.sha1.replace(/:/g, '').toLowerCase(),
      sha256: m.fingerprints.sha256,
      serialHex: m.serial.hex,
      subjectCn: cn,
      notAfter: m.validity.notAfter.iso,
    },
  };
}
