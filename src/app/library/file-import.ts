/**
 * Reading certificate files the user picked (.cer/.crt/.der/.pem, several at once): DER as is, PEM
 * with every CERTIFICATE block (a bundle yields several). Each result says which file it came from,
 * so a bad file is reported by name and the others still import.
 */
import { isLensError } from '../../errors';
import { looksLikePem, parsePem } from '../../pki/pem';

export interface FileCertificate {
  readonly file: string;
  readonly der: Uint8Array<ArrayBuffer>;
}

export interface FileProblem {
  readonly file: string;
  readonly code: string;
}

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function certificatesFromFiles(files: readonly NamedBytes[]): { found: FileCertificate[]; problems: FileProblem[] } {
  const found: FileCertificate[] = [];
  const problems: FileProblem[] = [];
  for (const f of files) {
    if (f.bytes.length === 0) {
      problems.push({ file: f.name, code: 'pki-empty-input' });
      continue;
    }
    try {
      if (looksLikePem(f.bytes)) {
        const blocks = parsePem(new TextDecoder('latin1').decode(f.bytes)).filter((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE');
        if (!blocks.length) problems.push({ file: f.name, code: 'pki-bad-pem' });
        for (const b of blocks) found.push({ file: f.name, der: b.der });
      } else {
        found.push({ file: f.name, der: Uint8Array.from(f.bytes) });
      }
    } catch (e) {
      if (!isLensError(e)) throw e;
      problems.push({ file: f.name, code: e.code });
    }
  }
  return { found, problems };
}

export async function readFiles(list: FileList | readonly File[]): Promise<NamedBytes[]> {
  const out: NamedBytes[] = [];
  for (const f of Array.from(list)) out.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  return out;
}
