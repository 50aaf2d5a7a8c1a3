/**
 * Card-verifiable certificates (CVC, tag 7F21) of the 券面 applications (EF 0004 of the 入力補助AP and
 * of the 券面事項確認AP; jpki-card.md §4.4) and the checks built on them.
 *
 * Layout, as ONE public reader implements it (soltia48/myna-card `src/data.rs CardVerifiableCertificate`;
 * jsapdu `schemaCertificate` agrees on the tags only):
 *   7F21 { 5F4E (297 bytes) = 証明者鍵ID (16) ‖ 被証明者鍵ID (16) ‖ 90 03 <e> ‖ 91 82 01 00 <modulus 256> ;
 *          5F37 <signature 256> }
 * The signature is RSASSA-PKCS1-v1_5 with SHA-256 over the 5F4E *value* alone (no tag, no length), by
 * the CA whose key is looked up by all 16 bytes of 証明者鍵ID. A single source: the parser below reads
 * the 90/91 objects as TLVs rather than at fixed offsets, so a different exponent length still parses.
 *
 * The CA keys (cvc-ca-keys.generated.ts) come from one public source too and were never checked here
 * against a real signature (../shared/corpus/jpki-ca/README.md). A synthetic CA made by
 * tools/gen-fixtures.ts (cvc-test-ca.generated.ts) signs the virtual card's certificates; its 証明者鍵ID
 * starts with ASCII letters ("TEST…"), which the all-digit J-LIS ids cannot equal, and it is trusted
 * only with `trustTestKeys` — the switch that also trusts the JPKI-TEST roots.
 */
import { LensError } from '../errors';
import type { Bytes } from './bytes';
import { digestInfo } from './digest-info';
import { type RsaPublicKey, verifyPkcs1v15 } from '../pki/rsa-check';
import { children, parseTlv, requireChild, valueOf } from './tlv';
import { JLIS_CVC_CA_KEYS } from './cvc-ca-keys.generated';
import { SYNTHETIC_CVC_CA_KEYS } from './cvc-test-ca.generated';

export interface CvcCaKey {
  /** All 16 bytes of the 証明者鍵ID, upper-case hex. */
  readonly keyId: string;
  /** The 7 leading ASCII characters ("5000023"). */
  readonly name: string;
  /** `production` and `test` are J-LIS's (from cvc-ca-keys.txt); `synthetic` is this project's fixture CA. */
  readonly hierarchy: 'production' | 'test' | 'synthetic';
  readonly role: string;
  readonly exponent: string;
  readonly modulus: string;
}

export interface CardVerifiableCertificate {
  /** 証明者鍵ID: the CA key that signed this certificate (16 bytes). */
  readonly issuerKeyId: Bytes;
  /** 被証明者鍵ID: the key this certificate certifies (16 bytes). */
  readonly subjectKeyId: Bytes;
  readonly publicKey: RsaPublicKey;
  /** The 5F4E value, what the signature covers. */
  readonly body: Bytes;
  readonly signature: Bytes;
}

export const CVC_TAG = { certificate: 0x7f21, body: 0x5f4e, signature: 0x5f37, exponent: 0x90, modulus: 0x91 } as const;

function toBigInt(b: Uint8Array): bigint {
  let hex = '';
  for (const x of b) hex += x.toString(16).padStart(2, '0');
  return hex ? BigInt(`0x${hex}`) : 0n;
}

export function rsaKeyFromBytes(modulus: Uint8Array, exponent: Uint8Array): RsaPublicKey {
  let m = 0;
  while (m < modulus.length - 1 && modulus[m] === 0) m++;
  return { n: toBigInt(modulus), e: toBigInt(exponent), size: modulus.length - m };
}

function fromHex(hex: string): Bytes {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function hexOf(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** "5000023/001" from a 16-byte id (7 ASCII, 08 05, 3 ASCII, …), or the hex when it is not that shape. */
export function cvcKeyIdLabel(idHex: string): string {
  const b = fromHex(idHex);
  const printable = (s: Uint8Array) => Array.from(s).every((x) => x >= 0x20 && x < 0x7f);
  if (b.length === 16 && printable(b.subarray(0, 7)) && b[7] === 0x08 && b[8] === 0x05 && printable(b.subarray(9, 12))) {
    return `${String.fromCharCode(...b.subarray(0, 7))}/${String.fromCharCode(...b.subarray(9, 12))}`;
  }
  return idHex;
}

/**
 * Parse a CVC as stored in EF 0004 (with its 7F21 wrapper; GET DATA answers come without it and are
 * accepted too). Filler after the object is ignored. Throws `cvc-malformed` with the part that is wrong.
 */
export function parseCvc(raw: Uint8Array): CardVerifiableCertificate {
  try {
    const outer = parseTlv(raw);
    const list = outer.tag === CVC_TAG.certificate ? children(raw, outer) : children(raw, { valueStart: 0, end: raw.length });
    const bodyTlv = requireChild(list, CVC_TAG.body, '5F4E');
    const sigTlv = requireChild(list, CVC_TAG.signature, '5F37');
    const body = valueOf(raw, bodyTlv);
    if (body.length < 32 + 4) throw new LensError('cvc-malformed', { part: '5F4E' });
    const keyParts = children(body, { valueStart: 32, end: body.length });
    const e = valueOf(body, requireChild(keyParts, CVC_TAG.exponent, '90'));
    const n = valueOf(body, requireChild(keyParts, CVC_TAG.modulus, '91'));
    if (n.length < 128 || e.length === 0) throw new LensError('cvc-malformed', { part: 'key' });
    return {
      issuerKeyId: body.slice(0, 16),
      subjectKeyId: body.slice(16, 32),
      publicKey: rsaKeyFromBytes(n, e),
      body,
      signature: valueOf(raw, sigTlv),
    };
  } catch (e) {
    if (e instanceof LensError && e.code === 'cvc-malformed') throw e;
    throw new LensError('cvc-malformed', { part: e instanceof LensError ? e.code : 'structure' }, { cause: e });
  }
}

export interface CvcTrust {
  /** Also trust the synthetic fixture CA (tests, demo). Never the default. */
  readonly trustTestKeys?: boolean;
}

/** The CA key named by `issuerKeyId`, among those trusted under `trust`. */
export function findCvcCaKey(issuerKeyId: Uint8Array, trust: CvcTrust = {}): CvcCaKey | undefined {
  const id = hexOf(issuerKeyId);
  const pool = trust.trustTestKeys ? [...JLIS_CVC_CA_KEYS, ...SYNTHETIC_CVC_CA_KEYS] : JLIS_CVC_CA_KEYS;
  return pool.find((k) => k.keyId === id);
}

export function caPublicKey(k: CvcCaKey): RsaPublicKey {
  return rsaKeyFromBytes(fromHex(k.modulus), fromHex(k.exponent));
}

/** RSASSA-PKCS1-v1_5 / SHA-256 over `message`. */
export async function verifySha256Pkcs1(key: RsaPublicKey, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', message.slice()));
  return verifyPkcs1v15(key, digestInfo('SHA-256', digest), signature);
}

/**
 * What a signature check found, as the issue names it — never "valid" without a check:
 * - `valid`: the data verify under the card key, and that key's CVC under a J-LIS production CA key;
 * - `valid-test`: the same under a J-LIS test-hierarchy key (6000…) or the synthetic fixture CA (switch on);
 * - `invalid`: a signature was checked and does not match (`part`: the data, or the certificate);
 * - `unknown-ca`: the data match the card key, but no trusted CA key has the certificate's 証明者鍵ID,
 *   so who certified that key was not checked;
 * - `absent`: there is no signature or no certificate to check with.
 */
export type SignatureStatus = 'valid' | 'valid-test' | 'invalid' | 'unknown-ca' | 'absent';

export interface CardSignature {
  readonly status: SignatureStatus;
  /** 証明者鍵ID (16 bytes, hex) of the certificate that was used — the CA key named, known or not. */
  readonly caKeyId?: string;
  /** For `invalid`: which signature failed, or `certificate-format` when EF 0004 could not be parsed. */
  readonly part?: 'data' | 'certificate' | 'certificate-format';
  /** For `absent`: what was missing. */
  readonly missing?: 'signature' | 'certificate';
}

/**
 * Check `signedBy(cardKey)` (the data's own check, given the key the CVC certifies) and then the CVC
 * itself. The data are checked first: a mismatch there is tampering whatever CA signed the certificate.
 */
export async function checkWithCvc(
  cvc: CardVerifiableCertificate,
  dataMatches: (cardKey: RsaPublicKey) => Promise<boolean>,
  trust: CvcTrust = {},
): Promise<CardSignature> {
  const caKeyId = hexOf(cvc.issuerKeyId);
  if (!(await dataMatches(cvc.publicKey))) return { status: 'invalid', part: 'data', caKeyId };
  const ca = findCvcCaKey(cvc.issuerKeyId, trust);
  if (!ca) return { status: 'unknown-ca', caKeyId };
  if (!(await verifySha256Pkcs1(caPublicKey(ca), cvc.body, cvc.signature))) return { status: 'invalid', part: 'certificate', caKeyId };
  return { status: ca.hierarchy === 'production' ? 'valid' : 'valid-test', caKeyId };
}

/** The CVC alone (no data): its signature under the CA key its 証明者鍵ID names. */
export function checkCvc(cvc: CardVerifiableCertificate, trust: CvcTrust = {}): Promise<CardSignature> {
  return checkWithCvc(cvc, () => Promise.resolve(true), trust);
}
