/**
 * Hashing a file of any size in bounded memory, with progress.
 *
 * WebCrypto's `digest()` takes the whole message as one buffer (no update/finish), so a 2 GB file
 * would have to be read into memory first. Instead the content is read as a stream (`Blob.stream()`,
 * the browser reads the file from disk in chunks) and fed to an incremental SHA-2 from
 * **@noble/hashes** (`sha256.create().update().digest()`). Why that library:
 *  - it is audited (Cure53, 2022), 0-dependency, actively maintained, and pkijs 4 already depends on it,
 *    so it adds no new code to the download (the same module is shared);
 *  - it is plain JS: a WebAssembly hasher (hash-wasm) would need `'wasm-unsafe-eval'` in the CSP,
 *    which the app does not grant (`script-src 'self'`).
 * The memory held is one chunk of the stream plus the hash state (64 bytes of block buffer), whatever
 * the file size (bench/sign.bench.ts hashes 200 MB and reports the heap growth).
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { LensError } from '../errors';

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** Digest algorithm OIDs (RFC 5754 §2, RFC 3370 §2.1) → name. */
export const HASH_OF_OID: Readonly<Record<string, HashName>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

export const OID_OF_HASH: Readonly<Record<HashName, string>> = {
  'SHA-1': '1.3.14.3.2.26',
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};

interface Hasher {
  update(data: Uint8Array): Hasher;
  digest(): Uint8Array;
}

function hasher(hash: HashName): Hasher {
  switch (hash) {
    case 'SHA-1':
      return sha1.create();
    case 'SHA-256':
      return sha256.create();
    case 'SHA-384':
      return sha384.create();
    case 'SHA-512':
      return sha512.create();
    default:
      throw new LensError('sign-digest-unsupported', { hash: String(hash) });
  }
}

export interface DigestOptions {
  readonly hash?: HashName;
  /** Called after each chunk with the bytes hashed so far and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Largest slice hashed between progress reports (default 1 MiB). */
  readonly chunkSize?: number;
}

/** The digest of `content` (default SHA-256), read chunk by chunk. */
export async function digestContent(content: Blob | Uint8Array, options: DigestOptions = {}): Promise<Uint8Array> {
  const h = hasher(options.hash ?? 'SHA-256');
  const total = content instanceof Uint8Array ? content.length : content.size;
  const size = options.chunkSize ?? 1024 * 1024;
  let done = 0;
  // A chunk (a stream may deliver one large one) is fed in slices, so progress moves and the page gets
  // a turn between slices to repaint.
  const feed = async (chunk: Uint8Array) => {
    for (let at = 0; at < chunk.length; at += size) {
      if (options.signal?.aborted) throw new LensError('sign-cancelled');
      const slice = chunk.subarray(at, at + size);
      h.update(slice);
      done += slice.length;
      options.onProgress?.(done, total);
      if (options.onProgress && at + size < chunk.length) await Promise.resolve();
    }
  };
  if (content instanceof Uint8Array) {
    await feed(content);
  } else {
    const reader = content.stream().getReader();
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        await feed(value);
      }
    } catch (e) {
      await reader.cancel().catch(() => undefined);
      throw e;
    } finally {
      reader.releaseLock();
    }
  }
  if (total === 0) options.onProgress?.(0, 0);
  return h.digest();
}

/** SHA-2 of a small in-memory value (signed attributes, certificates), synchronously. */
export function digestBytes(data: Uint8Array, hash: HashName = 'SHA-256'): Uint8Array {
  return hasher(hash).update(data).digest();
}
