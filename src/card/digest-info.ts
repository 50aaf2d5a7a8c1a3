/**
 * DigestInfo for PKCS#1 v1.5 signatures: the DER `SEQUENCE { AlgorithmIdentifier, OCTET STRING
 * digest }` the card pads and signs when P1=00 (jpki-card.md §3.5). The fixed prefixes are those of
 * RFC 8017 §9.2 note 1 (also myna-go `common.go digestInfoPrefix`).
 */
import { LensError } from '../errors';
import { type Bytes, bytes, fromHex } from './bytes';

export type DigestAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';

const PREFIX: Record<DigestAlgorithm, Bytes> = {
  'SHA-256': fromHex('30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20'),
  'SHA-384': fromHex('30 41 30 0D 06 09 60 86 48 01 65 03 04 02 02 05 00 04 30'),
  'SHA-512': fromHex('30 51 30 0D 06 09 60 86 48 01 65 03 04 02 03 05 00 04 40'),
};

export const DIGEST_LENGTH: Record<DigestAlgorithm, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/** DigestInfo around a digest the caller computed. */
export function digestInfo(hash: DigestAlgorithm, digest: Uint8Array): Bytes {
  const prefix = PREFIX[hash] as Bytes | undefined;
  if (!prefix) throw new LensError('card-digest-algorithm-unsupported', { hash: String(hash) });
  if (digest.length !== DIGEST_LENGTH[hash]) throw new LensError('card-digest-length-mismatch', { hash, length: digest.length, expected: DIGEST_LENGTH[hash] });
  return bytes(prefix, digest);
}

/** Hash `message` with WebCrypto and wrap it. */
export async function digestInfoOf(hash: DigestAlgorithm, message: Uint8Array<ArrayBuffer>): Promise<Bytes> {
  const digest = new Uint8Array(await crypto.subtle.digest(hash, message));
  return digestInfo(hash, digest);
}
