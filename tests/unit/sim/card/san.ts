import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** The JPKI SAN otherNames of a certificate as OID → value, checking the exact `A0 L 06 0A <oid> A0 L 0C L` shape. */
export function personalData(der: Uint8Array<ArrayBuffer>): Map<string, string> {
  const cert = pkijs.Certificate.fromBER(der);
  const san = cert.extensions?.find((e) => e.extnID === '2.5.29.17');
  if (!san) throw new Error('no SAN');
  const parsed = asn1js.fromBER(san.extnValue.valueBlock.valueHexView);
  const out = new Map<string, string>();
  for (const gn of (parsed.result as asn1js.Sequence).valueBlock.value) {
    const raw = new Uint8Array(gn.toBER(false));
    if (raw[0] !== 0xa0) throw new Error('not an otherName');
    const c = gn as asn1js.Constructed;
    const [oid, wrapped] = c.valueBlock.value as [asn1js.ObjectIdentifier, asn1js.Constructed];
    const oidDer = new Uint8Array(oid.toBER(false));
    if (oidDer[0] !== 0x06 || oidDer[1] !== 0x0a) throw new Error('type-id is not 06 0A');
    const inner = new Uint8Array(wrapped.toBER(false));
    const lengthBytes = (inner[1] & 0x80 ? (inner[1] & 0x7f) : 0) + 1;
    if (inner[0] !== 0xa0 || inner[1 + lengthBytes] !== 0x0c) throw new Error('value is not [0] { UTF8String }');
    const utf8 = wrapped.valueBlock.value[0] as asn1js.Utf8String;
    out.set(oid.valueBlock.toString(), utf8.valueBlock.value);
  }
  return out;
}
