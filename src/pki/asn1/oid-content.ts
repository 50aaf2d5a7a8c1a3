// Dotted text from the content octets of an OBJECT IDENTIFIER (X.690 §8.19), with openssl's validity
// rules so the dump says "BAD OBJECT" exactly where `openssl asn1parse` does: no empty content, no
// sub-identifier starting with 0x80 (non-minimal), no unterminated last sub-identifier.
// BigInt keeps arcs beyond 2^53 exact (openssl prints them exactly too).

export function oidFromContent(content: Uint8Array): string | undefined {
  if (content.length === 0) return undefined;
  if ((content[content.length - 1] ?? 0) & 0x80) return undefined;
  const arcs: bigint[] = [];
  let value = 0n;
  let start = true;
  for (const b of content) {
    if (start && b === 0x80) return undefined;
    value = (value << 7n) | BigInt(b & 0x7f);
    start = (b & 0x80) === 0;
    if (start) {
      arcs.push(value);
      value = 0n;
    }
  }
  const first = arcs[0] ?? 0n;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}
