/**
 * Raw RSA private-key operation for the virtual card. The card's COMPUTE DIGITAL SIGNATURE (P1=00) pads
 * *whatever bytes it is given* with PKCS#1 v1.5 type 1 and exponentiates (jpki-card.md §3.5); WebCrypto
 * cannot do that (it always hashes first), so the card does the modular arithmetic itself with BigInt,
 * from the PKCS#8 key (RFC 5208 PrivateKeyInfo → RFC 8017 §A.1.2 RSAPrivateKey), using the CRT.
 */
import * as asn1js from 'asn1js';

export interface RsaPrivateKey {
  readonly n: bigint;
  readonly e: bigint;
  readonly d: bigint;
  readonly p: bigint;
  readonly q: bigint;
  readonly dp: bigint;
  readonly dq: bigint;
  readonly qinv: bigint;
  /** Modulus length in bytes (256 for RSA-2048). */
  readonly k: number;
}

function toBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function toBytes(v: bigint, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
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

function integerAt(seq: asn1js.Sequence, i: number): bigint {
  const item = seq.valueBlock.value[i];
  if (!(item instanceof asn1js.Integer)) throw new Error(`RSAPrivateKey field ${i} is not an INTEGER`);
  return toBigInt(item.valueBlock.valueHexView);
}

/** Parses a PKCS#8 PrivateKeyInfo holding an rsaEncryption key. */
export function parsePkcs8RsaKey(pkcs8: Uint8Array): RsaPrivateKey {
  const outer = asn1js.fromBER(pkcs8);
  if (outer.offset === -1 || !(outer.result instanceof asn1js.Sequence)) throw new Error('PKCS#8: not a SEQUENCE');
  const octets = outer.result.valueBlock.value[2];
  if (!(octets instanceof asn1js.OctetString)) throw new Error('PKCS#8: no privateKey OCTET STRING');
  const inner = asn1js.fromBER(octets.valueBlock.valueHexView);
  if (inner.offset === -1 || !(inner.result instanceof asn1js.Sequence)) throw new Error('RSAPrivateKey: not a SEQUENCE');
  const s = inner.result;
  const n = integerAt(s, 1);
  return {
    n,
    e: integerAt(s, 2),
    d: integerAt(s, 3),
    p: integerAt(s, 4),
    q: integerAt(s, 5),
    dp: integerAt(s, 6),
    dq: integerAt(s, 7),
    qinv: integerAt(s, 8),
    k: Math.ceil(n.toString(16).length / 2),
  };
}

/** EMSA-PKCS1-v1_5 type-1 block `00 01 FF…FF 00 <data>` (RFC 8017 §9.2 step 5), or null if data > k−11. */
export function pkcs1Type1(data: Uint8Array, k: number): Uint8Array<ArrayBuffer> | null {
  if (data.length > k - 11) return null;
  const block = new Uint8Array(k).fill(0xff);
  block[0] = 0x00;
  block[1] = 0x01;
  block[k - data.length - 1] = 0x00;
  block.set(data, k - data.length);
  return block;
}

/** RSASP1 with the CRT (RFC 8017 §5.2.1 2.b). */
export function rsaPrivate(key: RsaPrivateKey, block: Uint8Array): Uint8Array<ArrayBuffer> {
  const m = toBigInt(block);
  const m1 = modPow(m % key.p, key.dp, key.p);
  const m2 = modPow(m % key.q, key.dq, key.q);
  let h = (key.qinv * (m1 - m2)) % key.p;
  if (h < 0n) h += key.p;
  return toBytes(m2 + h * key.q, key.k);
}

/** PKCS#1 v1.5 signature over `data` exactly as given (the card's P1=00 scheme), or null if too long. */
export function signPkcs1Raw(key: RsaPrivateKey, data: Uint8Array): Uint8Array<ArrayBuffer> | null {
  const block = pkcs1Type1(data, key.k);
  return block ? rsaPrivate(key, block) : null;
}

/** The public modulus as unsigned big-endian bytes. */
export function modulusBytes(key: RsaPrivateKey): Uint8Array<ArrayBuffer> {
  return toBytes(key.n, key.k);
}

/** The DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1). */
export const SHA256_DIGEST_INFO_PREFIX = Uint8Array.of(
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
);

/**
 * EMSA-PSS-ENCODE with SHA-256, MGF1-SHA-256 and a random 32-byte salt (RFC 8017 §9.1.1), for the
 * card's P1=04/05 schemes (jpki-card.md §3.5, UNCONFIRMED single source). `mHash` is the 32-byte hash.
 */
export async function pssEncodeSha256(mHash: Uint8Array, key: RsaPrivateKey): Promise<Uint8Array<ArrayBuffer>> {
  const sha256 = async (d: Uint8Array<ArrayBuffer>): Promise<Uint8Array> => new Uint8Array(await crypto.subtle.digest('SHA-256', d));
  const emBits = key.n.toString(2).length - 1;
  const emLen = Math.ceil(emBits / 8);
  const hLen = 32;
  const salt = crypto.getRandomValues(new Uint8Array(hLen));
  const mPrime = new Uint8Array(8 + hLen + hLen);
  mPrime.set(mHash, 8);
  mPrime.set(salt, 8 + hLen);
  const h = await sha256(mPrime);
  const db = new Uint8Array(emLen - hLen - 1);
  db[emLen - 2 * hLen - 2] = 0x01;
  db.set(salt, emLen - 2 * hLen - 1);
  // MGF1 (RFC 8017 §B.2.1)
  const mask = new Uint8Array(Math.ceil(db.length / hLen) * hLen);
  for (let counter = 0; counter * hLen < db.length; counter++) {
    const input = new Uint8Array(hLen + 4);
    input.set(h);
    input[hLen + 3] = counter & 0xff;
    input[hLen + 2] = (counter >> 8) & 0xff;
    mask.set(await sha256(input), counter * hLen);
  }
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  db[0] &= 0xff >> (8 * emLen - emBits);
  const em = new Uint8Array(key.k);
  em.set(db, key.k - emLen);
  em.set(h, key.k - emLen + db.length);
  em[key.k - 1] = 0xbc;
  return em;
}
