// Chain building and verification to pinned anchors (RFC 5280 §6 reduced to what a JPKI chain needs:
// signature, validity at a given date, keyUsage keyCertSign and basicConstraints CA on issuers).
// The three J-LIS root generations share one DN, so a name only narrows the candidates; the issuer is
// the candidate whose key verifies the signature (AKI = SKI candidates are tried first)
// (../shared/reference/jpki-card.md §8.1; soltia48/myna-card certs/README.md).
import * as pkijs from 'pkijs';
import { isLensError } from '../../errors';
import { ownBytes } from '../bytes';
import { buildCertificateModel, parsePkijsCertificate } from '../model/certificate';
import { timeToDate } from '../model/time';
import type { CertificateModel } from '../model/types';
import { JLIS_ROOTS } from '../roots/jlis-roots';
import { checkRevocation, type CrlModel, type RevocationStatus } from '../crl/crl';

export interface ChainOptions {
  /** Validation date (default: now). */
  readonly at?: Date;
  /** Also trust the synthetic JPKI-TEST CAs. Never the default. */
  readonly trustTestRoots?: boolean;
  /** Extra trust anchors the caller chose to trust (e.g. the CA certificate read from the card). */
  readonly anchors?: readonly Uint8Array[];
  /** Untrusted intermediate candidates. */
  readonly intermediates?: readonly Uint8Array[];
  /** When false, the pinned J-LIS roots are not used (anchor only to `anchors`). Default true. */
  readonly usePinnedRoots?: boolean;
  /** A CRL for the end-entity certificate's issuer. */
  readonly crl?: CrlModel;
}

export type Check = { readonly ok: true } | { readonly ok: false; readonly reasonKey: string; readonly params?: Readonly<Record<string, string | number>> };

export interface LinkStatus {
  readonly subject: string;
  readonly serialHex: string;
  readonly sha256: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** Signature of this certificate by the next link (for the anchor: its self-signature). */
  readonly signature: Check;
  readonly validity: Check;
  readonly keyUsage: Check;
  readonly basicConstraints: Check;
  /** Every critical extension is one this code decodes (RFC 5280 §4.2: reject an unrecognised critical one). */
  readonly criticalExtensions: Check;
  readonly anchor?: { readonly source: 'jlis' | 'jpki-test' | 'caller'; readonly file?: string; readonly generation?: number };
}

export interface ChainResult {
  /** 'valid' = every link checked out; revocation is reported separately and may still be 'not-checked'. */
  readonly status: 'valid' | 'invalid';
  readonly reasonKey?: string;
  readonly reasonParams?: Readonly<Record<string, string | number>>;
  readonly links: readonly LinkStatus[];
  /** Candidates that had the right issuer name but whose key did not verify the signature. */
  readonly rejectedCandidates: readonly { readonly subject: string; readonly sha256: string; readonly reasonKey: string }[];
  readonly revocation: RevocationStatus;
}

interface Candidate {
  readonly der: Uint8Array<ArrayBuffer>;
  readonly model: CertificateModel;
  readonly pkijs: pkijs.Certificate;
  readonly anchor?: LinkStatus['anchor'];
}

async function candidate(der: Uint8Array, anchor?: LinkStatus['anchor']): Promise<Candidate | undefined> {
  try {
    const own = ownBytes(der);
    return { der: own, model: await buildCertificateModel(own), pkijs: parsePkijsCertificate(own), ...(anchor ? { anchor } : {}) };
  } catch (e) {
    if (isLensError(e)) return undefined;
    throw e;
  }
}

async function signedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  try {
    return await cert.verify(issuer);
  } catch {
    return false;
  }
}

function validityCheck(m: CertificateModel, at: Date): Check {
  const nb = timeToDate(m.validity.notBefore);
  const na = timeToDate(m.validity.notAfter);
  if (at < nb) return { ok: false, reasonKey: 'pki.chain.notYetValid', params: { date: m.validity.notBefore.iso } };
  if (at > na) return { ok: false, reasonKey: 'pki.chain.expired', params: { date: m.validity.notAfter.iso } };
  return { ok: true };
}

function issuerChecks(m: CertificateModel): { keyUsage: Check; basicConstraints: Check } {
  // RFC 5280 §6.1.4 (n): keyCertSign when keyUsage is present. A keyUsage extension that is present
  // but did not decode leaves `m.keyUsage` undefined — that must not read as "absent, so allowed".
  const kuExt = m.extensions.find((e) => e.oid === '2.5.29.15');
  const keyUsage: Check = !kuExt || (kuExt.status === 'decoded' && m.keyUsage?.includes('keyCertSign'))
    ? { ok: true } : { ok: false, reasonKey: 'pki.chain.noKeyCertSign' };
  const basicConstraints: Check = m.basicConstraints?.ca ? { ok: true } : { ok: false, reasonKey: 'pki.chain.notCa' };
  return { keyUsage, basicConstraints };
}

/** RFC 5280 §4.2: a certificate with a critical extension the verifier does not process MUST be rejected. */
function criticalExtensionsCheck(m: CertificateModel): Check {
  const bad = m.extensions.find((e) => e.critical && e.status !== 'decoded');
  return bad ? { ok: false, reasonKey: 'pki.chain.unknownCriticalExtension', params: { oid: bad.oid } } : { ok: true };
}

function failedChecks(l: LinkStatus): Check[] {
  return [l.signature, l.validity, l.keyUsage, l.basicConstraints, l.criticalExtensions].filter((c) => !c.ok);
}

const MAX_LINKS = 8;

/**
 * Build the chain of `der` up to a trust anchor and check every link at `options.at`.
 * Throws only for an undecodable end-entity certificate (`pki-bad-certificate`).
 */
export async function verifyChain(der: Uint8Array, options: ChainOptions = {}): Promise<ChainResult> {
  const at = options.at ?? new Date();
  // The input itself must decode: its LensError (pki-bad-certificate, pki-bad-time, …) propagates.
  const own = ownBytes(der);
  const leaf: Candidate = { der: own, model: await buildCertificateModel(own), pkijs: parsePkijsCertificate(own) };
  const pool: Candidate[] = [];
  if (options.usePinnedRoots !== false) {
    for (const r of JLIS_ROOTS) {
      if (r.test && !options.trustTestRoots) continue;
      const c = await candidate(r.der, { source: r.test ? 'jpki-test' : 'jlis', file: r.file, generation: r.generation });
      if (c) pool.push(c);
    }
  }
  for (const a of options.anchors ?? []) { const c = await candidate(a, { source: 'caller' }); if (c) pool.push(c); }
  for (const i of options.intermediates ?? []) { const c = await candidate(i); if (c) pool.push(c); }

  const links: LinkStatus[] = [];
  const chainModels: CertificateModel[] = [];
  const rejected: { subject: string; sha256: string; reasonKey: string }[] = [];
  // The input may itself be a trusted anchor (e.g. a pinned root): then it is the whole chain.
  const leafAnchor = pool.find((c) => c.anchor && c.model.fingerprints.sha256 === leaf.model.fingerprints.sha256);
  let current: Candidate = leafAnchor ?? leaf;
  let reasonKey: string | undefined;
  let reasonParams: Readonly<Record<string, string | number>> | undefined;
  let issuerOfLeaf: Candidate | undefined;
  for (let depth = 0; depth < MAX_LINKS; depth++) {
    const isLeaf = depth === 0;
    const m = current.model;
    chainModels.push(m);
    const base = {
      subject: m.subject.text, serialHex: m.serial.hex, sha256: m.fingerprints.sha256,
      notBefore: m.validity.notBefore.iso, notAfter: m.validity.notAfter.iso,
      validity: validityCheck(m, at),
      criticalExtensions: criticalExtensionsCheck(m),
      ...(isLeaf ? { keyUsage: { ok: true } as Check, basicConstraints: { ok: true } as Check } : issuerChecks(m)),
    };
    if (current.anchor) {
      // A trust anchor: its self-signature is checked too (a tampered pinned copy must not pass).
      const self = await signedBy(current.pkijs, current.pkijs);
      links.push({ ...base, signature: self ? { ok: true } : { ok: false, reasonKey: 'pki.chain.badSelfSignature' }, anchor: current.anchor });
      break;
    }
    // Same issuer DN, AKI = SKI first; decide by signature.
    const named = pool.filter((c) => c.model.subject.derHex === m.issuer.derHex && c.model.fingerprints.sha256 !== m.fingerprints.sha256);
    named.sort((a, b) => Number(b.model.subjectKeyId === m.authorityKeyId) - Number(a.model.subjectKeyId === m.authorityKeyId));
    let issuer: Candidate | undefined;
    for (const c of named) {
      if (await signedBy(current.pkijs, c.pkijs)) { issuer = c; break; }
      rejected.push({ subject: c.model.subject.text, sha256: c.model.fingerprints.sha256, reasonKey: 'pki.chain.signatureMismatch' });
    }
    if (!issuer) {
      const selfSigned = m.selfIssued && (await signedBy(current.pkijs, current.pkijs));
      reasonKey = named.length ? 'pki.chain.signatureMismatch' : selfSigned ? 'pki.chain.untrustedRoot' : 'pki.chain.noIssuer';
      links.push({ ...base, signature: { ok: false, reasonKey } });
      break;
    }
    if (isLeaf) issuerOfLeaf = issuer;
    links.push({ ...base, signature: { ok: true } });
    current = issuer;
  }
  // RFC 5280 §6.1.4 (l)/(m): a CA's pathLenConstraint bounds the non-self-issued intermediate CA
  // certificates below it (links[1..k-1] for the CA at links[k]; the leaf does not count).
  for (let k = 2; k < links.length; k++) {
    const pathLen = chainModels[k]?.basicConstraints?.pathLen;
    const below = chainModels.slice(1, k).filter((c) => !c.selfIssued).length;
    const link = links[k];
    if (link && pathLen !== undefined && below > pathLen && link.basicConstraints.ok) {
      links[k] = { ...link, basicConstraints: { ok: false, reasonKey: 'pki.chain.pathLenExceeded', params: { pathLen, intermediates: below } } };
    }
  }
  const allOk = links.length > 0 && links.every((l) => failedChecks(l).length === 0)
    && links[links.length - 1]?.anchor !== undefined;
  if (!allOk && !reasonKey) {
    const check = links.map(failedChecks).find((f) => f.length > 0)?.[0];
    reasonKey = check && !check.ok ? check.reasonKey : 'pki.chain.tooLong';
    if (check && !check.ok && check.params) reasonParams = check.params;
  }
  const revocation = await checkRevocation(leaf.model, options.crl, issuerOfLeaf?.der, at);
  return { status: allOk ? 'valid' : 'invalid', ...(reasonKey ? { reasonKey } : {}), ...(reasonParams ? { reasonParams } : {}), links, rejectedCandidates: rejected, revocation };
}

