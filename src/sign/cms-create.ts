/**
 * A detached CMS SignedData (.p7s) whose signature comes from elsewhere — the card's 署名用 key —
 * built with pkijs (RFC 5652 §5; structure as jpki/myna `src/pkcs7.rs` and OpenSSL write it,
 * ../shared/reference/client-auth.md §4):
 *
 *   ContentInfo { signedData, SignedData v1 { digestAlgorithms {sha256}, encapContentInfo {id-data,
 *   no eContent}, certificates {signer, chain…}, signerInfos { SignerInfo v1 { issuerAndSerialNumber,
 *   sha256, signedAttrs (DER order), rsaEncryption, signature } } } }
 *
 * The card (P1=00) pads whatever DigestInfo it is sent (jpki-card.md §3.5), so the host hashes the
 * DER of the signed attributes and sends DigestInfo(SHA-256) — what pkijs' own `SignedData.sign()`
 * would hash, without handing pkijs a private key. The returned signature is checked with WebCrypto
 * against the signer certificate before the file is made.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { LensError } from '../errors';
import { OID, sha256DigestInfo, signedAttributes, signedAttributesDer } from './attributes';
import { digestBytes, digestContent } from './digest';

export interface CreateDetachedSignatureInput {
  readonly content: Blob | Uint8Array;
  /** DER of the signer certificate (the card's 署名用電子証明書). */
  readonly signer: Uint8Array;
  /** DER of the CA certificate(s) to include after the signer. */
  readonly chain: readonly Uint8Array[];
  /** Signs a DigestInfo (the card: COMPUTE DIGITAL SIGNATURE P1=00 with key 001A). */
  readonly sign: (digestInfo: Uint8Array) => Promise<Uint8Array>;
  readonly signingTime?: Date;
  /** SHA-256 of `content` when the caller already hashed it (the app hashes a file as soon as it is chosen). */
  readonly messageDigest?: Uint8Array;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

function certificateOf(der: Uint8Array): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(der.slice());
  } catch (e) {
    throw new LensError('sign-certificate-unparseable', {}, { cause: e });
  }
}

/** RSASSA-PKCS1-v1_5/SHA-256 over `message` with the certificate's key (WebCrypto). */
export async function verifiesWith(cert: pkijs.Certificate, message: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>): Promise<boolean> {
  try {
    const spki = cert.subjectPublicKeyInfo.toSchema().toBER(false);
    const key = await crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, message);
  } catch {
    return false;
  }
}

/** DER of ContentInfo(SignedData), detached (no eContent). */
export async function createDetachedSignature(input: CreateDetachedSignatureInput): Promise<Uint8Array> {
  const signer = certificateOf(input.signer);
  const chain = input.chain.map(certificateOf);
  const messageDigest = input.messageDigest?.length === 32 ? input.messageDigest : await digestContent(input.content, {
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const attrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: signedAttributes({ messageDigest, signingTime: input.signingTime ?? new Date(), signer, signerDer: input.signer }),
  });
  const tbs = signedAttributesDer(attrs);
  const signature = new Uint8Array(await input.sign(sha256DigestInfo(digestBytes(tbs))));
  if (!(await verifiesWith(signer, tbs, signature))) throw new LensError('sign-signature-check-failed');

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: attrs,
    // rsaEncryption with NULL, as OpenSSL writes it (RFC 3370 §3.2 allows it and sha256WithRSA).
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: signature.buffer }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [signer, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
