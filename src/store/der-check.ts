/**
 * A cheap sanity check before storing bytes as a certificate: one DER SEQUENCE whose length header
 * covers exactly the given bytes (ITU-T X.690 §8.1.3 definite form, §10.1 DER). Full parsing is
 * pki/'s job; this only keeps obvious garbage (a PEM text, a truncated read) out of the library.
 */
export function isSingleDerSequence(der: Uint8Array): boolean {
  if (der.length < 2 || der[0] !== 0x30) return false;
  const first = der[1];
  if (first < 0x80) return 2 + first === der.length;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || der.length < 2 + n) return false; // 0x80 is the indefinite form, not DER
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + der[2 + i];
  if (len < 0x80 || (n > 1 && der[2] === 0)) return false; // DER uses the shortest length form
  return 2 + n + len === der.length;
}
