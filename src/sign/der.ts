/** Small DER helpers for the CMS code. */
import * as asn1js from 'asn1js';

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The octets of an OCTET STRING, primitive or constructed (BER allows eContent in pieces, X.690
 * §8.7.3; pkijs itself re-chunks a primitive eContent into 64 KiB pieces).
 */
export function octetsOf(os: asn1js.OctetString): Uint8Array<ArrayBuffer> {
  if (!os.valueBlock.isConstructed) return os.valueBlock.valueHexView.slice();
  const parts: Uint8Array[] = [];
  const walk = (b: asn1js.BaseBlock) => {
    if (b instanceof asn1js.OctetString && b.valueBlock.isConstructed) b.valueBlock.value.forEach(walk);
    else if (b instanceof asn1js.OctetString) parts.push(b.valueBlock.valueHexView);
  };
  os.valueBlock.value.forEach(walk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
