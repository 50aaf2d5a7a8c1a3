/**
 * Selection logic of the ASN.1 explorer, kept free of DOM so it is unit-tested: the entries are the
 * nodes of src/pki parseAsn1Tree in document order (walkAsn1), each with its asn1parse line.
 */
import type { Asn1Node } from '../../pki';

export interface Asn1Entry {
  readonly node: Asn1Node;
  /** The asn1parse line of this node. */
  readonly line: string;
  /** An i18n key naming the node when we know what it is (e.g. the SubjectAltName extension). */
  readonly labelKey?: string;
  readonly labelParams?: Readonly<Record<string, string>>;
}

/** The innermost entry whose node covers `offset` (the entries are in document order). */
export function innermostAt(entries: readonly Asn1Entry[], offset: number): Asn1Entry | undefined {
  let hit: Asn1Entry | undefined;
  for (const e of entries) if (offset >= e.node.offset && offset < e.node.end && (!hit || e.node.depth > hit.node.depth)) hit = e;
  return hit;
}
