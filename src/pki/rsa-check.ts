/**
 * Checking a signature the card returned against the certificate's public key, before handing it
 * to anyone (issue 4: "a check of the returned signature … with WebCrypto before returning it").
 *
 * Why not `crypto.subtle.verify('RSASSA-PKCS1-v1_5', …)`: WebCrypto's verify takes the *message*
 * and hashes it itself. Here we only have the DigestInfo the caller built — the message may never
 * have been in this process, and the card pads whatever DigestInfo it is given (P1=00) — so there
 * is no message to hand WebCrypto. Instead:
 *  - asn1js/pkijs pull the SubjectPublicKeyInfo out of the certificate DER;
 *  - WebCrypto imports it (which checks it is a well-formed RSA key) and exports it as a JWK, giving
 *    n and e without hand-written ASN.1;
 *  - the check itself is RSAVP1 (s^e mod n, BigInt square-and-multiply; RFC 8017 §5.2.2) and a
 *    byte comparison with EMSA-PKCS1-v1_5(DigestInfo) = 00 01 FF…FF 00 ‖ DigestInfo (§9.2), the
 *    "encode and compare" verification RFC 8017 §8.2.2 itself prescribes. Only public values are
 *    involved, so timing does not matter. (jpki/myna does the same check, `rsa_pkcs1_public_unpad`.)
 */
import { LensError } from '../errors';

export interface RsaPublicKey {
  readonly n: bigint;
  readonly e: bigint;
  /** Modulus length in bytes (k in RFC 8017). */
  readonly size: number;
}

function b64urlToBigInt(s: string): bigint {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  let hex = '';
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
  return hex ? BigInt(`0x${hex}`) : 0n;
}

/** The RSA public key of a DER certificate. Throws `certificate-unparseable` / `certificate-key-not-rsa`. */
export async function rsaKeyOfCertificate(der: Uint8Array): Promise<RsaPublicKey> {
  let spki: ArrayBuffer;
  // pkijs is loaded here, on first use, so that importing the card layer does not pull ~75 KB gzip
  // of pkijs into the app's first download (issue 6: initial JS ≤ 80 KB gzip).
  const { Certificate } = await import('pkijs');
  try {
    const cert = Certificate.fromBER(der.slice());
    spki = cert.subjectPublicKeyInfo.toSchema().toBER(false);
  } catch (e) {
    throw new LensError('jpki-certificate-unparseable', {}, { cause: e });
  }
  let jwk: JsonWebKey;
  try {
    const key = await crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
    jwk = await crypto.subtle.exportKey('jwk', key);
  } catch (e) {
    throw new LensError('jpki-certificate-key-not-rsa', {}, { cause: e });
  }
  if (!jwk.n || !jwk.e) throw new LensError('jpki-certificate-key-not-rsa');
  const n = b64urlToBigInt(jwk.n);
  return { n, e: b64urlToBigInt(jwk.e), size: Math.ceil(n.toString(16).length / 2) };
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

function toBigInt(b: Uint8Array): bigint {
  let hex = '';
  for (const x of b) hex += x.toString(16).padStart(2, '0');
  return hex ? BigInt(`0x${hex}`) : 0n;
}

/** EMSA-PKCS1-v1_5 encoding of an already-built DigestInfo T into k bytes (RFC 8017 §9.2 steps 3–5). */
export function emsaPkcs1v15(digestInfo: Uint8Array, k: number): Uint8Array | null {
  const psLen = k - digestInfo.length - 3;
  if (psLen < 8) return null;
  const em = new Uint8Array(k);
  em[1] = 0x01;
  em.fill(0xff, 2, 2 + psLen);
  em[2 + psLen] = 0x00;
  em.set(digestInfo, 3 + psLen);
  return em;
}

/** RSASSA-PKCS1-v1_5 verification over a given DigestInfo (RFC 8017 §8.2.2). */
export function verifyPkcs1v15(key: RsaPublicKey, digestInfo: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== key.size) return false;
  const s = toBigInt(signature);
  if (s >= key.n) return false;
  const m = modPow(s, key.e, key.n);
  const expected = emsaPkcs1v15(digestInfo, key.size);
  if (!expected) return false;
  return m === toBigInt(expected);
}
