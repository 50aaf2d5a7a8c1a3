// A text dump identical, line for line, to `openssl asn1parse -i -inform DER` (OpenSSL 3.0,
// crypto/asn1/asn1_parse.c: asn1_print_info + asn1_parse2), plus the same per node as data.
// Formats learnt by running openssl 3.0.19 on crafted inputs (see tests/unit/pki/asn1-dump.test.ts).
import { type Asn1Node, parseAsn1Tree, walkAsn1 } from './tree';
import { oidFromContent } from './oid-content';
import { longNameOrDotted, type NameScope } from '../oid/registry';
import { toHex, utf8Lenient } from '../bytes';

// ASN1_tag2str (crypto/asn1/asn1_par.c) for universal tags 0..30.
const UNIVERSAL_NAMES = [
  'EOC', 'BOOLEAN', 'INTEGER', 'BIT STRING', 'OCTET STRING', 'NULL', 'OBJECT', 'OBJECT DESCRIPTOR', 'EXTERNAL', 'REAL',
  'ENUMERATED', '<ASN1 11>', 'UTF8STRING', '<ASN1 13>', '<ASN1 14>', '<ASN1 15>', 'SEQUENCE', 'SET', 'NUMERICSTRING',
  'PRINTABLESTRING', 'T61STRING', 'VIDEOTEXSTRING', 'IA5STRING', 'UTCTIME', 'GENERALIZEDTIME', 'GRAPHICSTRING',
  'VISIBLESTRING', 'GENERALSTRING', 'UNIVERSALSTRING', '<ASN1 29>', 'BMPSTRING',
];

/** Universal tags whose content asn1parse prints as raw text after ':'. */
const TEXT_TAGS = new Set([19, 20, 22, 26, 18, 12, 23, 24]);

/** The type column: "SEQUENCE", "cont [ 0 ]", "priv [ 1 ] " (openssl's trailing space kept), … */
export function asn1TypeLabel(node: Pick<Asn1Node, 'tagClass' | 'tagNumber'>): string {
  switch (node.tagClass) {
    case 'private':
      return `priv [ ${node.tagNumber} ] `;
    case 'context':
      return `cont [ ${node.tagNumber} ]`;
    case 'application':
      return `appl [ ${node.tagNumber} ]`;
    default:
      return node.tagNumber > 30 ? `<ASN1 ${node.tagNumber}>` : (UNIVERSAL_NAMES[node.tagNumber] ?? `<ASN1 ${node.tagNumber}>`);
  }
}

/** The magnitude octets openssl's c2i_ibuf keeps (sign separate), or undefined for an illegal INTEGER. */
export function integerMagnitude(content: Uint8Array): { negative: boolean; magnitude: Uint8Array } | undefined {
  if (content.length === 0) return undefined;
  const negative = ((content[0] ?? 0) & 0x80) !== 0;
  let p = content;
  if (p.length > 1) {
    let pad = false;
    if (p[0] === 0) pad = true;
    else if (p[0] === 0xff) pad = p.subarray(1).some((b) => b !== 0);
    // X.690 §8.3.2: the first 9 bits must not be all equal.
    if (pad && negative === (((p[1] ?? 0) & 0x80) !== 0)) return undefined;
    if (pad) p = p.subarray(1);
  }
  if (!negative) return { negative, magnitude: p };
  // Two's complement back to the magnitude, byte-wise from the end.
  const out = new Uint8Array(p.length);
  let carry = 1;
  for (let i = p.length - 1; i >= 0; i--) {
    const v = ((p[i] ?? 0) ^ 0xff) + carry;
    out[i] = v & 0xff;
    carry = v >> 8;
  }
  return { negative, magnitude: out };
}

function isPrintableOctets(content: Uint8Array): boolean {
  for (const c of content) {
    if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || c > 0x7e) return false;
  }
  return true;
}

/** The value column for one node, exactly as asn1parse prints it ('' when it prints nothing). */
export function asn1ValueText(node: Asn1Node, der: Uint8Array, scope: NameScope = {}): string {
  if (node.constructed || node.tagClass !== 'universal') return '';
  const content = der.subarray(node.contentStart, node.contentStart + node.length);
  const raw = `:[${toHex(content)}]`;
  const tag = node.tagNumber;
  if (TEXT_TAGS.has(tag)) return content.length > 0 ? `:${utf8Lenient(content)}` : '';
  switch (tag) {
    case 6: {
      const oid = oidFromContent(content);
      return oid === undefined ? `:BAD OBJECT${raw}` : `:${longNameOrDotted(oid, scope)}`;
    }
    case 1:
      if (content.length !== 1) return `:BAD BOOLEAN${content.length > 0 ? `:${content[0]}` : ''}${raw}`;
      return `:${content[0]}`;
    case 4:
      if (content.length === 0) return '';
      return isPrintableOctets(content) ? `:${utf8Lenient(content)}` : `[HEX DUMP]:${toHex(content)}`;
    case 2:
    case 10: {
      const v = integerMagnitude(content);
      if (!v) return `:BAD ${tag === 2 ? 'INTEGER' : 'ENUMERATED'}${raw}`;
      return `:${v.negative ? '-' : ''}${v.magnitude.length ? toHex(v.magnitude) : '00'}`;
    }
    default:
      return '';
  }
}

/** One dump line without the newline. */
export function asn1DumpLine(node: Asn1Node, der: Uint8Array, scope: NameScope = {}): string {
  const offset = String(node.offset).padStart(5);
  const depth = String(node.depth).padEnd(2);
  const len = node.indefinite ? 'inf ' : String(node.length).padStart(4);
  const pc = node.constructed ? 'cons: ' : 'prim: ';
  const head = node.indefinite
    ? `${offset}:d=${depth} hl=${node.headerLength} l=${len} ${pc}`
    : `${offset}:d=${depth} hl=${node.headerLength} l=${len} ${pc}`;
  return `${head}${' '.repeat(node.depth)}${asn1TypeLabel(node).padEnd(18)}${asn1ValueText(node, der, scope)}`;
}

export type DumpOptions = NameScope;

/**
 * `openssl asn1parse -i -inform DER` output for `der`, newline-terminated. With the default scope the
 * JPKI OID names are used (equal to openssl run with our exported `-oid` file); `{ withJpki: false }`
 * equals plain openssl. Throws `pki-asn1-malformed` / `pki-empty-input`.
 */
export function asn1Dump(der: Uint8Array, options: DumpOptions = {}): string {
  const lines: string[] = [];
  for (const node of walkAsn1(parseAsn1Tree(der))) lines.push(asn1DumpLine(node, der, options));
  return `${lines.join('\n')}\n`;
}
