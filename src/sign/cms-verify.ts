/**
 * Verifying a CMS SignedData (RFC 5652 §5.6), detached (.p7s + the file) or attached (eContent), made
 * by this app or by other tools (`openssl cms -sign`, S/MIME clients), offline:
 *  1. the content is hashed in a stream (digest.ts) with the SignerInfo's digestAlgorithm;
 *  2. with signed attributes: messageDigest must equal that hash, contentType must equal
 *     eContentType (§5.3), and the signature is checked over the DER of the attributes *as received*
 *     (pkijs keeps their original bytes, tag set to SET); without them, over the content digest;
 *  3. the signer certificate (by issuerAndSerialNumber or subjectKeyIdentifier, §5.3) is chained to the
 *     pinned J-LIS roots (pki/chain), revocation reported as the chain check reports it;
 *  4. signingCertificate(V2), when present, must name the signer certificate (RFC 5035 §5.4);
 *  5. signingTime is returned as the signer's claim — it is not a time-stamp (RFC 5652 §11.3).
 * Problems are stable codes (`sign.problem.<code>` in the catalog); nothing throws for a bad
 * signature, only for input that is not CMS at all.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { LensError } from '../errors';
import { verifyChain, type ChainResult } from '../pki';
import { rsaKeyOfCertificate, verifyPkcs1v15 } from '../pki/rsa-check';
import { OID } from './attributes';
import { HASH_OF_OID, digestBytes, digestContent, type HashName } from './digest';
import { equalBytes, octetsOf } from './der';

export interface VerifyOptions {
  /** Validation date for the chain (default now). */
  readonly at?: Date;
  /** Trust the synthetic JPKI-TEST roots too (tests, demo). */
  readonly trustTestRoots?: boolean;
  /** Certificates to look for the signer in when the CMS carries none (`openssl cms -nocerts`). */
  readonly certificates?: readonly Uint8Array[];
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export type VerifyProblem =
  | 'content-missing'
  | 'no-signer'
  | 'several-signers'
  | 'signer-certificate-missing'
  | 'digest-unsupported'
  | 'signature-algorithm-unsupported'
  | 'digest-mismatch'
  | 'content-type-mismatch'
  | 'message-digest-missing'
  | 'signature-invalid'
  | 'signing-certificate-mismatch'
  | 'signer-key-usage'
  | 'chain-invalid';

export interface VerifyResult {
  /** The signature is mathematically valid over this content (digest, attributes, signature). */
  readonly signatureValid: boolean;
  /** DER of the signer certificate (empty when not found). */
  readonly signer: Uint8Array;
  /** The signer certificate's chain to the pinned roots (undefined when no signer was found). */
  readonly chain: ChainResult | undefined;
  readonly problems: VerifyProblem[];
  readonly attached: boolean;
  readonly digestAlgorithm: string;
  readonly signatureAlgorithm: string;
  /** The signer's own claim of when it signed (not a trusted time). */
  readonly signingTime?: Date;
  readonly contentLength: number;
  readonly signerCount: number;
  /** Whether signed attributes were present (then signingCertificate may be checked). */
  readonly signedAttributes: boolean;
}

interface Parsed {
  readonly signed: pkijs.SignedData;
  readonly certificates: { readonly der: Uint8Array; readonly cert: pkijs.Certificate }[];
}

function parse(p7s: Uint8Array): Parsed {
  try {
    const info = pkijs.ContentInfo.fromBER(p7s.slice());
    if (info.contentType !== OID.signedData) throw new LensError('sign-not-signed-data', { type: info.contentType });
    const signed = new pkijs.SignedData({ schema: info.content });
    const certificates = (signed.certificates ?? [])
      .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
      .map((cert) => ({ der: new Uint8Array(cert.toSchema().toBER(false)), cert }));
    return { signed, certificates };
  } catch (e) {
    if (e instanceof LensError) throw e;
    throw new LensError('sign-not-cms', {}, { cause: e });
  }
}

function findSigner(si: pkijs.SignerInfo, pool: Parsed['certificates']): Parsed['certificates'][number] | undefined {
  const sid = si.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return pool.find((c) => c.cert.issuer.isEqual(sid.issuer) && c.cert.serialNumber.isEqual(sid.serialNumber));
  }
  // [0] SubjectKeyIdentifier (§5.3, version 3 SignerInfo).
  const block = sid as asn1js.Constructed | asn1js.Primitive;
  const keyId: Uint8Array = 'valueHexView' in block.valueBlock
    ? block.valueBlock.valueHexView
    : ((block as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString | undefined)?.valueBlock.valueHexView ?? new Uint8Array();
  return pool.find((c) => {
    const ext = c.cert.extensions?.find((x) => x.extnID === '2.5.29.14');
    const ski = ext?.parsedValue as asn1js.OctetString | undefined;
    return ski !== undefined && equalBytes(ski.valueBlock.valueHexView, keyId);
  });
}

function attr(si: pkijs.SignerInfo, type: string): asn1js.BaseBlock | undefined {
  return si.signedAttrs?.attributes.find((a) => a.type === type)?.values[0] as asn1js.BaseBlock | undefined;
}

function timeOf(v: asn1js.BaseBlock | undefined): Date | undefined {
  if (v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime) return v.toDate();
  return undefined;
}

const SIG_HASH: Readonly<Record<string, HashName>> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};
const ECDSA = new Set(['1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4', '1.2.840.10045.2.1']);
const PSS = '1.2.840.113549.1.1.10';
const CURVES: Readonly<Record<string, string>> = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521' };

/** ECDSA-Sig-Value (SEQUENCE of two INTEGERs) → WebCrypto's r‖s of the curve's size. */
function ecdsaRaw(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> | undefined {
  const seq = asn1js.fromBER(der.slice());
  if (seq.offset === -1 || !(seq.result instanceof asn1js.Sequence)) return undefined;
  const out = new Uint8Array(size * 2);
  for (const [i, v] of seq.result.valueBlock.value.slice(0, 2).entries()) {
    if (!(v instanceof asn1js.Integer)) return undefined;
    let b = v.valueBlock.valueHexView;
    while (b.length > size && b[0] === 0) b = b.subarray(1);
    if (b.length > size) return undefined;
    out.set(b, i * size + size - b.length);
  }
  return out;
}

/** The signature over signed attributes (`message`) with a WebCrypto-supported scheme, or undefined if the scheme is unsupported. */
async function verifySignature(cert: pkijs.Certificate, si: pkijs.SignerInfo, hash: HashName, message: Uint8Array<ArrayBuffer>): Promise<boolean | undefined> {
  const alg = si.signatureAlgorithm.algorithmId;
  const signature = si.signature.valueBlock.valueHexView.slice();
  const spki = cert.subjectPublicKeyInfo.toSchema().toBER(false);
  try {
    if (alg === OID.rsaEncryption || (SIG_HASH[alg] && !ECDSA.has(alg))) {
      const h = SIG_HASH[alg] ?? hash;
      const key = await crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: h }, false, ['verify']);
      return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, message);
    }
    if (alg === PSS) {
      const params = new pkijs.RSASSAPSSParams({ schema: si.signatureAlgorithm.algorithmParams });
      const h = HASH_OF_OID[params.hashAlgorithm.algorithmId];
      if (!h) return undefined;
      const key = await crypto.subtle.importKey('spki', spki, { name: 'RSA-PSS', hash: h }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: params.saltLength }, key, signature, message);
    }
    if (ECDSA.has(alg)) {
      const curveOid = (cert.subjectPublicKeyInfo.algorithm.algorithmParams as asn1js.ObjectIdentifier | undefined)?.valueBlock.toString();
      const curve = curveOid ? CURVES[curveOid] : undefined;
      if (!curve) return undefined;
      const size = curve === 'P-256' ? 32 : curve === 'P-384' ? 48 : 66;
      const raw = ecdsaRaw(signature, size);
      if (!raw) return false;
      const key = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: curve }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'ECDSA', hash: SIG_HASH[alg] ?? hash }, key, raw, message);
    }
  } catch {
    return false;
  }
  return undefined;
}

/** signingCertificate (v1: SHA-1) or signingCertificateV2 names the signer certificate. */
function signingCertificateMatches(si: pkijs.SignerInfo, signerDer: Uint8Array): boolean | undefined {
  const v2 = attr(si, OID.signingCertificateV2);
  const v1 = attr(si, OID.signingCertificate);
  const value = v2 ?? v1;
  if (!(value instanceof asn1js.Sequence)) return value === undefined ? undefined : false;
  const certs = value.valueBlock.value[0];
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return false;
  const parts = first.valueBlock.value;
  let hash: HashName = v2 ? 'SHA-256' : 'SHA-1';
  let at = 0;
  if (v2 && parts[0] instanceof asn1js.Sequence) {
    const algo = new pkijs.AlgorithmIdentifier({ schema: parts[0] });
    const h = HASH_OF_OID[algo.algorithmId];
    if (!h) return false;
    hash = h;
    at = 1;
  }
  const certHash = parts[at];
  if (!(certHash instanceof asn1js.OctetString)) return false;
  return equalBytes(certHash.valueBlock.valueHexView, digestBytes(signerDer, hash));
}

/** Verify `p7s` (DER) over `content` (detached), or over its own eContent (attached; `content` then ignored). */
export async function verifyDetachedSignature(p7s: Uint8Array, content: Blob | Uint8Array | null | undefined, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { signed, certificates } = parse(p7s);
  const problems: VerifyProblem[] = [];
  const signerInfos = signed.signerInfos;
  const eContent = signed.encapContentInfo.eContent;
  const attached = eContent !== undefined;
  const body: Blob | Uint8Array | null | undefined = attached ? octetsOf(eContent) : content;
  const base = { attached, signerCount: signerInfos.length, contentLength: body ? (body instanceof Uint8Array ? body.length : body.size) : 0 };
  const si = signerInfos[0];
  if (!si) return { ...base, signatureValid: false, signer: new Uint8Array(), chain: undefined, problems: ['no-signer'], digestAlgorithm: '', signatureAlgorithm: '', signedAttributes: false };
  if (signerInfos.length > 1) problems.push('several-signers');
  const digestAlgorithm = si.digestAlgorithm.algorithmId;
  const signatureAlgorithm = si.signatureAlgorithm.algorithmId;
  const hasAttrs = si.signedAttrs !== undefined;
  const signingTime = timeOf(attr(si, OID.signingTime));
  const extra = (options.certificates ?? []).map((der) => ({ der, cert: pkijs.Certificate.fromBER(der.slice()) }));
  const found = findSigner(si, [...certificates, ...extra]);
  const partial = { ...base, digestAlgorithm, signatureAlgorithm, signedAttributes: hasAttrs, ...(signingTime ? { signingTime } : {}) };
  if (!body) problems.push('content-missing');
  if (!found) problems.push('signer-certificate-missing');
  const hash = HASH_OF_OID[digestAlgorithm];
  if (!hash) problems.push('digest-unsupported');
  if (!body || !found || !hash) return { ...partial, signatureValid: false, signer: found?.der ?? new Uint8Array(), chain: found ? await chainOf(found.der, certificates, options) : undefined, problems };

  const digest = await digestContent(body, { hash, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  let valid: boolean | undefined;
  if (hasAttrs) {
    const md = attr(si, OID.messageDigest);
    if (!(md instanceof asn1js.OctetString)) problems.push('message-digest-missing');
    else if (!equalBytes(md.valueBlock.valueHexView, digest)) problems.push('digest-mismatch');
    const ct = attr(si, OID.contentType);
    if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== signed.encapContentInfo.eContentType) problems.push('content-type-mismatch');
    const tbs = new Uint8Array(si.signedAttrs?.encodedValue ?? new ArrayBuffer(0));
    valid = await verifySignature(found.cert, si, hash, tbs);
    if (signingCertificateMatches(si, found.der) === false) problems.push('signing-certificate-mismatch');
  } else if (signatureAlgorithm === OID.rsaEncryption || (SIG_HASH[signatureAlgorithm] && !ECDSA.has(signatureAlgorithm))) {
    // No signed attributes: the signature is over the content digest itself (§5.4); RSA PKCS#1 v1.5
    // is checked by encode-and-compare over the DigestInfo (RFC 8017 §8.2.2; pki/rsa-check.ts).
    const digestInfo = new asn1js.Sequence({
      value: [new pkijs.AlgorithmIdentifier({ algorithmId: digestAlgorithm, algorithmParams: new asn1js.Null() }).toSchema(), new asn1js.OctetString({ valueHex: digest.slice().buffer })],
    });
    try {
      valid = verifyPkcs1v15(await rsaKeyOfCertificate(found.der), new Uint8Array(digestInfo.toBER(false)), si.signature.valueBlock.valueHexView);
    } catch {
      valid = false;
    }
  }
  if (valid === undefined) problems.push('signature-algorithm-unsupported');
  else if (!valid) problems.push('signature-invalid');
  const ku = keyUsageOk(found.cert);
  if (!ku) problems.push('signer-key-usage');
  const chain = await chainOf(found.der, certificates, options);
  if (chain && chain.status !== 'valid') problems.push('chain-invalid');
  const signatureValid = valid === true && !problems.some((p) => ['digest-mismatch', 'content-type-mismatch', 'message-digest-missing', 'signing-certificate-mismatch'].includes(p));
  return { ...partial, signatureValid, signer: found.der, chain, problems };
}

/** keyUsage, when present, must allow digitalSignature or nonRepudiation (RFC 5280 §4.2.1.3; RFC 8550 §4.4.2). */
function keyUsageOk(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((x) => x.extnID === '2.5.29.15');
  if (!ext) return true;
  const bits = (ext.parsedValue as asn1js.BitString | undefined)?.valueBlock.valueHexView;
  const first = bits?.[0] ?? 0;
  return (first & 0x80) !== 0 || (first & 0x40) !== 0;
}

async function chainOf(der: Uint8Array, carried: Parsed['certificates'], options: VerifyOptions): Promise<ChainResult | undefined> {
  try {
    return await verifyChain(der, {
      ...(options.at ? { at: options.at } : {}),
      ...(options.trustTestRoots ? { trustTestRoots: true } : {}),
      intermediates: carried.map((c) => c.der).filter((d) => !equalBytes(d, der)),
    });
  } catch {
    return undefined;
  }
}
