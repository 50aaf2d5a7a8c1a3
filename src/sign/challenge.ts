/**
 * "Can this card log me in?": proof that the card holds the private key of a certificate, the way
 * 利用者証明 works for e-Tax and マイナポータル and for TLS 1.2 client authentication (a signature over
 * data the verifier chose; ../shared/reference/client-auth.md §3.4).
 *
 * A fresh random challenge (32 bytes from the platform CSPRNG) is signed by the card and verified here
 * with WebCrypto against the certificate's public key:
 *  - `pkcs1-v1_5`: DigestInfo(SHA-256(challenge)) → `80 2A 00 80` (the multiply-confirmed path, and
 *    exactly a TLS 1.2 CertificateVerify) → RSASSA-PKCS1-v1_5 verify;
 *  - `pss`: SHA-256(challenge) → `80 2A 04 80` → RSA-PSS verify with saltLength 32 (RFC 8446 §4.2.3
 *    rsa_pss_rsae_sha256 needs salt = hash length). Single source, UNCONFIRMED (jpki-card.md §3.5): a
 *    card that refuses it answers with a status word, reported as `unsupported`, never retried.
 * The PIN is verified by the caller (JpkiAp.verifyPin with its guard) before this runs.
 */
import type { JpkiAp } from '../card/jpki';
import { LensError, isLensError } from '../errors';
import { sha256DigestInfo } from './attributes';
import { digestBytes } from './digest';

export type ProofScheme = 'pkcs1-v1_5' | 'pss';

export interface ProofOptions {
  readonly scheme?: ProofScheme;
  /** The challenge to sign (default: 32 fresh random bytes). */
  readonly challenge?: Uint8Array;
}

export interface KeyPossessionProof {
  readonly challenge: Uint8Array;
  readonly signature: Uint8Array;
  readonly valid: boolean;
  readonly scheme: ProofScheme;
}

async function publicKey(certificate: Uint8Array, scheme: ProofScheme): Promise<CryptoKey> {
  const { Certificate } = await import('pkijs');
  let spki: ArrayBuffer;
  try {
    spki = Certificate.fromBER(certificate.slice()).subjectPublicKeyInfo.toSchema().toBER(false);
  } catch (e) {
    throw new LensError('sign-certificate-unparseable', {}, { cause: e });
  }
  const name = scheme === 'pss' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5';
  try {
    return await crypto.subtle.importKey('spki', spki, { name, hash: 'SHA-256' }, false, ['verify']);
  } catch (e) {
    throw new LensError('jpki-certificate-key-not-rsa', {}, { cause: e });
  }
}

/** Sign a challenge with the card's auth or sign key and verify it against `certificate`. */
export async function proveKeyPossession(ap: JpkiAp, key: 'auth' | 'sign', certificate: Uint8Array, options: ProofOptions = {}): Promise<KeyPossessionProof> {
  const scheme = options.scheme ?? 'pkcs1-v1_5';
  const challenge = options.challenge ? options.challenge.slice() : crypto.getRandomValues(new Uint8Array(32));
  const verifyKey = await publicKey(certificate, scheme);
  const hash = digestBytes(challenge);
  let signature: Uint8Array;
  try {
    signature = scheme === 'pss' ? await ap.signPss(key, hash) : await ap.sign(key, sha256DigestInfo(hash));
  } catch (e) {
    // The card's own self-check (JpkiAp.sign) failing means: this key is not this certificate's.
    if (isLensError(e, 'jpki-signature-check-failed')) return { challenge, signature: new Uint8Array(), valid: false, scheme };
    throw e;
  }
  const algorithm = scheme === 'pss' ? { name: 'RSA-PSS', saltLength: 32 } : { name: 'RSASSA-PKCS1-v1_5' };
  const valid = await crypto.subtle.verify(algorithm, verifyKey, signature.slice(), challenge.slice());
  return { challenge, signature, valid, scheme };
}
