// Narrow views of asn1js blocks (decoded by asn1js.fromBER) so the model code reads content octets and
// children without `any`. All decoding is asn1js's; these only read what it produced.
import * as asn1js from 'asn1js';
import { LensError } from '../../errors';
import { oidFromContent } from '../asn1/oid-content';

export interface AsnBlock {
  readonly idBlock: { readonly tagClass: number; readonly tagNumber: number; readonly isConstructed: boolean; readonly blockLength: number };
  readonly lenBlock: { readonly blockLength: number; readonly length: number };
  readonly valueBlock: { readonly value?: unknown };
  readonly valueBeforeDecodeView: Uint8Array;
  readonly error?: string;
}

/** Decode exactly one element filling `der`; throws `code` (a LensError code) otherwise. */
export function decodeOne(der: Uint8Array, code = 'pki-asn1-malformed'): AsnBlock {
  let res: ReturnType<typeof asn1js.fromBER>;
  try {
    res = asn1js.fromBER(der);
  } catch (e) {
    // asn1js throws (rather than flagging) on some content, e.g. a malformed GeneralizedTime.
    throw new LensError(code, {}, { cause: e, detail: e instanceof Error ? e.message : String(e) });
  }
  const block = res.result as unknown as AsnBlock;
  if (res.offset === -1 || block.error) throw new LensError(code, {}, { detail: block.error || 'undecodable' });
  if (res.offset !== der.length) throw new LensError(code, {}, { detail: 'trailing bytes' });
  return block;
}

export function children(block: AsnBlock): AsnBlock[] {
  return block.idBlock.isConstructed && Array.isArray(block.valueBlock.value) ? (block.valueBlock.value as AsnBlock[]) : [];
}

/** The whole encoding (tag, length, content). */
export function encoding(block: AsnBlock): Uint8Array {
  return block.valueBeforeDecodeView;
}

/** Content octets only. */
export function content(block: AsnBlock): Uint8Array {
  return block.valueBeforeDecodeView.subarray(block.idBlock.blockLength + block.lenBlock.blockLength);
}

export function isUniversal(block: AsnBlock, tag: number): boolean {
  return block.idBlock.tagClass === 1 && block.idBlock.tagNumber === tag;
}

export function isContext(block: AsnBlock, tag: number): boolean {
  return block.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag;
}

export function expect(cond: boolean, code: string, detail: string): asserts cond {
  if (!cond) throw new LensError(code, {}, { detail });
}

/** Dotted text of an OBJECT IDENTIFIER block (asn1js's own rendering). */
export function oidText(block: AsnBlock, code = 'pki-asn1-malformed'): string {
  expect(isUniversal(block, 6), code, 'OBJECT IDENTIFIER expected');
  // asn1js renders what it decoded; our own decoder checks validity (openssl's rules) first.
  const text = oidFromContent(content(block));
  expect(text !== undefined, code, 'malformed OBJECT IDENTIFIER');
  return text;
}

/** Child `i`, or throw `code`. */
export function child(block: AsnBlock, i: number, code = 'pki-asn1-malformed'): AsnBlock {
  const c = children(block)[i];
  expect(c !== undefined, code, `element ${i} missing`);
  return c;
}
