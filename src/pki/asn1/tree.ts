// The ASN.1 structure of any BER/DER blob as a tree with byte ranges, so the app can highlight the
// hex of a node and the dump can print openssl's offsets. asn1js does the decoding (house rule 2);
// this file only turns its blocks into absolute offsets.
import * as asn1js from 'asn1js';
import { LensError } from '../../errors';

export type TagClass = 'universal' | 'application' | 'context' | 'private';

export interface Asn1Node {
  /** Offset of the identifier octet (header start). */
  readonly offset: number;
  readonly depth: number;
  /** Identifier + length octets. */
  readonly headerLength: number;
  /** Content length; for the indefinite form, the content up to (not including) the end-of-contents octets. */
  readonly length: number;
  readonly indefinite: boolean;
  /** First content byte. */
  readonly contentStart: number;
  /** One past the last byte of this node (end-of-contents octets included). */
  readonly end: number;
  readonly tagClass: TagClass;
  readonly tagNumber: number;
  readonly constructed: boolean;
  readonly children: readonly Asn1Node[];
  /**
   * Only with `parseAsn1Tree(der, { encapsulated: true })`: the DER inside this OCTET STRING (or BIT
   * STRING with 0 unused bits) when it decodes completely — e.g. an extension value or the RSA key —
   * with absolute offsets. openssl asn1parse does not descend there (it needs -strparse), so the dump
   * ignores these nodes.
   */
  readonly encapsulated?: readonly Asn1Node[];
}

export interface TreeOptions {
  /** Also decode DER encapsulated in OCTET STRINGs / BIT STRINGs (see Asn1Node.encapsulated). */
  readonly encapsulated?: boolean;
}

const CLASSES: Record<number, TagClass> = { 1: 'universal', 2: 'application', 3: 'context', 4: 'private' };

/** Nesting limit: deeper input is not a certificate and would only exhaust the stack. */
const MAX_DEPTH = 64;

interface BlockLike {
  idBlock: { tagClass: number; tagNumber: number; isConstructed: boolean; blockLength: number };
  lenBlock: { blockLength: number; length: number; isIndefiniteForm: boolean };
  valueBlock: { value?: unknown };
  error?: string;
}

function convert(block: BlockLike, der: Uint8Array, offset: number, depth: number): Asn1Node {
  if (depth > MAX_DEPTH) throw new LensError('pki-asn1-malformed', { offset }, { detail: 'nesting too deep' });
  const { idBlock, lenBlock } = block;
  const tagClass = CLASSES[idBlock.tagClass];
  if (!tagClass) throw new LensError('pki-asn1-malformed', { offset }, { detail: 'bad tag class' });
  const headerLength = idBlock.blockLength + lenBlock.blockLength;
  const contentStart = offset + headerLength;
  const children: Asn1Node[] = [];
  let end: number;
  let length: number;
  if (idBlock.isConstructed) {
    let pos = contentStart;
    const value = Array.isArray(block.valueBlock.value) ? (block.valueBlock.value as BlockLike[]) : [];
    for (const child of value) {
      const node = convert(child, der, pos, depth + 1);
      children.push(node);
      pos = node.end;
    }
    if (lenBlock.isIndefiniteForm) {
      // asn1js consumes the end-of-contents octets without listing them; openssl prints them as EOC.
      if (der[pos] !== 0 || der[pos + 1] !== 0 || pos + 2 > der.length) {
        throw new LensError('pki-asn1-malformed', { offset: pos }, { detail: 'missing end-of-contents' });
      }
      children.push({ offset: pos, depth: depth + 1, headerLength: 2, length: 0, indefinite: false, contentStart: pos + 2,
        end: pos + 2, tagClass: 'universal', tagNumber: 0, constructed: false, children: [] });
      length = pos - contentStart;
      end = pos + 2;
    } else {
      length = lenBlock.length;
      end = contentStart + length;
      if (pos !== end) throw new LensError('pki-asn1-malformed', { offset }, { detail: 'children do not fill the content' });
    }
  } else {
    if (lenBlock.isIndefiniteForm) throw new LensError('pki-asn1-malformed', { offset }, { detail: 'indefinite primitive' });
    length = lenBlock.length;
    end = contentStart + length;
  }
  if (end > der.length) throw new LensError('pki-asn1-malformed', { offset }, { detail: 'content runs past the end' });
  return { offset, depth, headerLength, length, indefinite: lenBlock.isIndefiniteForm, contentStart, end, tagClass,
    tagNumber: idBlock.tagNumber, constructed: idBlock.isConstructed, children };
}

/** The tree of one element asn1js already decoded from `der` at `offset` (avoids decoding twice). */
export function treeFromDecoded(block: unknown, der: Uint8Array, offset = 0): Asn1Node {
  return convert(block as BlockLike, der, offset, 0);
}

/**
 * Every top-level element of `der` (openssl asn1parse also keeps going after the first one).
 * Throws `pki-asn1-malformed` (with the byte offset) for anything asn1js cannot decode.
 */
export function parseAsn1Tree(der: Uint8Array, options: TreeOptions = {}): Asn1Node[] {
  const roots = parseElements(der, 0, der.length, 0);
  return options.encapsulated ? roots.map((n) => withEncapsulated(n, der)) : roots;
}

/** The elements filling der[start, end), depth `depth`, offsets absolute. */
function parseElements(der: Uint8Array, start: number, end: number, depth: number): Asn1Node[] {
  if (end === start) throw new LensError('pki-empty-input');
  const roots: Asn1Node[] = [];
  let pos = start;
  while (pos < end) {
    const view = der.subarray(pos, end);
    let res: ReturnType<typeof asn1js.fromBER>;
    try {
      res = asn1js.fromBER(view);
    } catch (e) {
      // asn1js throws (rather than flagging) on some content, e.g. a malformed GeneralizedTime.
      throw new LensError('pki-asn1-malformed', { offset: pos }, { cause: e, detail: e instanceof Error ? e.message : String(e) });
    }
    const block = res.result as unknown as BlockLike;
    if (res.offset === -1 || block.error) {
      throw new LensError('pki-asn1-malformed', { offset: pos }, { detail: block.error || 'undecodable' });
    }
    const node = convert(block, der, pos, depth);
    if (node.end !== pos + res.offset) throw new LensError('pki-asn1-malformed', { offset: pos }, { detail: 'length mismatch' });
    roots.push(node);
    pos = node.end;
  }
  return roots;
}

function withEncapsulated(node: Asn1Node, der: Uint8Array): Asn1Node {
  const children = node.children.map((c) => withEncapsulated(c, der));
  let inner: Asn1Node[] | undefined;
  const isOctets = node.tagClass === 'universal' && !node.constructed && node.tagNumber === 4;
  const isBits = node.tagClass === 'universal' && !node.constructed && node.tagNumber === 3 && der[node.contentStart] === 0;
  if ((isOctets || isBits) && node.length > (isBits ? 1 : 0) && node.depth < MAX_DEPTH) {
    try {
      inner = parseElements(der, node.contentStart + (isBits ? 1 : 0), node.end, node.depth + 1).map((n) => withEncapsulated(n, der));
    } catch {
      inner = undefined; // not DER inside: plain octets
    }
  }
  return { ...node, children, ...(inner ? { encapsulated: inner } : {}) };
}

/** Depth-first, document order (the order openssl prints). */
export function* walkAsn1(nodes: readonly Asn1Node[]): Generator<Asn1Node> {
  for (const n of nodes) {
    yield n;
    yield* walkAsn1(n.children);
  }
}

/** The innermost node covering byte `offset` (for "click a hex byte → show its node"). */
export function nodeAt(nodes: readonly Asn1Node[], offset: number): Asn1Node | undefined {
  for (const n of nodes) {
    if (offset >= n.offset && offset < n.end) return nodeAt(n.children, offset) ?? nodeAt(n.encapsulated ?? [], offset) ?? n;
  }
  return undefined;
}
