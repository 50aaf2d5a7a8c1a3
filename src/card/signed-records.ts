/**
 * The signatures inside the 券面 applications' data, each checked with the key the AP's CV
 * certificate (EF 0004) certifies (cvc.ts), as jpki-card.md describes them:
 *
 * - 券面AP EF 0002 face, DF28 (§5.2; myna-card `CardFace::verify`, jsapdu's example computes the same
 *   digests — UNCONFIRMED beyond that): SHA-256 separately over group 1 = the DF22..DF24 TLVs, group 2 =
 *   DF25..DF26, group 3 = DF27; the three digests concatenated (96 bytes) are the "hash" of a PKCS#1
 *   v1.5 DigestInfo with the SHA-256 OID. DF29 (expiry) and DF2A (security-code image) follow the
 *   signature and are not covered — the UI says so.
 * - 券面AP EF 0005 個人番号 image `FF40 { DF41 PNG, DF42 key, DF43 signature }` and 入力補助AP EF 0003
 *   `FF30 { DF31, DF32, DF33 signature }` (§4.3, §5.2 "Other EFs"): PKCS#1 v1.5 SHA-256 "over the bytes
 *   before the signature TLV". Whether those bytes include the outer FF40/FF30 header is UNCONFIRMED
 *   (the sources say "everything before DF33"), so both readings are tried — the children alone first,
 *   then from the start of the file — and a match under either counts. Neither reading touches the card.
 */
import { type Bytes, concat } from '../bytes';
import { type CardSignature, type CardVerifiableCertificate, type CvcTrust, checkWithCvc, parseCvc, verifySha256Pkcs1 } from './cvc';
import { type RsaPublicKey, verifyPkcs1v15 } from '../pki/rsa-check';
import { type TlvHeader, children, parseTlv } from './tlv';
import { LensError } from '../errors';

/** DigestInfo { sha256, OCTET STRING (96) } prefix: the three group digests in place of one hash. */
const FACE_DIGEST_INFO_PREFIX = Uint8Array.of(0x30, 0x71, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x60);

const FACE_GROUPS: readonly (readonly number[])[] = [
  [0xdf22, 0xdf23, 0xdf24],
  [0xdf25, 0xdf26],
  [0xdf27],
];

async function sha256(b: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', b.slice()));
}

function tlvBytes(raw: Uint8Array, h: TlvHeader): Uint8Array {
  return raw.subarray(h.start, h.end);
}

/** What DF28 signs: the DigestInfo over the three group digests, or undefined when a field is missing. */
export async function faceSignedDigestInfo(raw: Uint8Array): Promise<Bytes | undefined> {
  const outer = parseTlv(raw);
  const list = children(raw, outer);
  const digests: Uint8Array[] = [];
  for (const group of FACE_GROUPS) {
    const parts = group.map((tag) => list.find((c) => c.tag === tag));
    if (parts.some((p) => !p)) return undefined;
    digests.push(await sha256(concat(...parts.map((p) => tlvBytes(raw, p as TlvHeader)))));
  }
  return concat(FACE_DIGEST_INFO_PREFIX, ...digests);
}

function signatureOf(raw: Uint8Array, tag: number): { sig: Uint8Array; header: TlvHeader; before: TlvHeader[] } | undefined {
  const outer = parseTlv(raw);
  const list = children(raw, outer);
  const i = list.findIndex((c) => c.tag === tag);
  const h = list[i];
  if (!h) return undefined;
  return { sig: raw.slice(h.valueStart, h.end), header: outer, before: list.slice(0, i) };
}

/** The CVC, or undefined when it does not parse (reported as a failed check, never hiding the data). */
function cvcOrUndefined(raw: Uint8Array): CardVerifiableCertificate | undefined {
  try {
    return parseCvc(raw);
  } catch (e) {
    if (e instanceof LensError) return undefined;
    throw e;
  }
}

const BAD_CERTIFICATE: CardSignature = { status: 'invalid', part: 'certificate-format' };

/** Check EF 0002's DF28 with the 券面AP CVC (EF 0004). */
export async function checkFaceSignature(faceRaw: Uint8Array, cvcRaw: Uint8Array | undefined, trust: CvcTrust = {}): Promise<CardSignature> {
  const s = signatureOf(faceRaw, 0xdf28);
  if (!s || s.sig.length === 0) return { status: 'absent', missing: 'signature' };
  if (!cvcRaw) return { status: 'absent', missing: 'certificate' };
  const info = await faceSignedDigestInfo(faceRaw);
  if (!info) return { status: 'invalid', part: 'data' };
  const cvc = cvcOrUndefined(cvcRaw);
  if (!cvc) return BAD_CERTIFICATE;
  return checkWithCvc(cvc, (key) => Promise.resolve(verifyPkcs1v15(key, info, s.sig)), trust);
}

/** The two readings of "the bytes before the signature TLV" (see the header comment). */
function recordReadings(raw: Uint8Array, s: { header: TlvHeader; before: TlvHeader[] }): Uint8Array[] {
  const first = s.before[0];
  const last = s.before[s.before.length - 1];
  if (!first || !last) return [];
  return [raw.subarray(first.start, last.end), raw.subarray(s.header.start, last.end)];
}

async function recordMatches(key: RsaPublicKey, readings: Uint8Array[], sig: Uint8Array): Promise<boolean> {
  for (const r of readings) if (await verifySha256Pkcs1(key, r, sig)) return true;
  return false;
}

/** A record whose last child `sigTag` signs what precedes it (EF 0005 DF43, 入力補助 EF 0003 DF33). */
export async function checkRecordSignature(raw: Uint8Array, sigTag: number, cvcRaw: Uint8Array | undefined, trust: CvcTrust = {}): Promise<CardSignature> {
  let s: ReturnType<typeof signatureOf>;
  try {
    s = signatureOf(raw, sigTag);
  } catch (e) {
    if (e instanceof LensError) return { status: 'invalid', part: 'data' };
    throw e;
  }
  if (!s || s.sig.length === 0) return { status: 'absent', missing: 'signature' };
  if (!cvcRaw) return { status: 'absent', missing: 'certificate' };
  const readings = recordReadings(raw, s);
  const sig = s.sig;
  const cvc = cvcOrUndefined(cvcRaw);
  if (!cvc) return BAD_CERTIFICATE;
  return checkWithCvc(cvc, (key) => recordMatches(key, readings, sig), trust);
}
