// The pinned trust anchors: the real J-LIS roots (three generations per kind share one DN; chains pick
// by signature, never by name — ../shared/reference/jpki-card.md §8.1) and the synthetic JPKI-TEST CAs,
// which verifyChain uses only with `trustTestRoots: true`.
// All six real roots are pinned: authca01–03 and signca01–03 (authca02 arrived in the corpus later; see its README row).
import { GENERATED_ROOTS } from './jlis-roots.generated';

export interface PinnedRoot {
  readonly file: string;
  readonly kind: 'auth' | 'sign';
  readonly generation: number;
  readonly test: boolean;
  readonly sha256: string;
  readonly der: Uint8Array<ArrayBuffer>;
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const JLIS_ROOTS: readonly PinnedRoot[] = GENERATED_ROOTS.map((r) => ({
  file: r.file, kind: r.kind, generation: r.generation, test: r.test === true, sha256: r.sha256, der: fromBase64(r.der),
}));
