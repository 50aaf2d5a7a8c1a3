/**
 * CMS signed attributes (RFC 5652 §5.3, §11; RFC 5035 §3 signingCertificateV2) built with asn1js, and
 * put in DER order.
 *
 * `signedAttrs` is a SET OF Attribute, and the signature covers its DER (RFC 5652 §5.4), so the
 * elements must be sorted by their encodings as octet strings (X.690 §11.6). The length byte decides
 * here, not the OID: contentType (`30 18`), signingTime (`30 1C`), messageDigest (`30 2F`),
 * signingCertificateV2 (`30 81 …`/`30 82 …`) — the order `openssl cms -sign -cades` writes. pkijs
 * does not sort (it hashes the attributes in the order given, PKI.js #402), and Bouncy Castle rejects
 * an unsorted set (bc-java #1484), so the sorting happens here (../shared/reference/client-auth.md §4).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digestBytes } from './digest';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

/**
 * signingTime is UTCTime for 1950–2049 and GeneralizedTime otherwise (RFC 5652 §11.3), to the
 * second (DER forbids fractions in UTCTime; X.690 §11.8).
 */
function timeValue(at: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  const whole = new Date(Math.floor(at.getTime() / 1000) * 1000);
  const year = whole.getUTCFullYear();
  return year >= 1950 && year < 2050 ? new asn1js.UTCTime({ valueDate: whole }) : new asn1js.GeneralizedTime({ valueDate: whole });
}

/**
 * ESSCertIDv2 with SHA-256, the default hashAlgorithm and therefore omitted in DER (RFC 5035 §4:
 * `hashAlgorithm AlgorithmIdentifier DEFAULT {algorithm id-sha256}`), and issuerSerial naming the
 * signer certificate's issuer as a directoryName and its serial.
 */
function signingCertificateV2(signer: pkijs.Certificate, signerDer: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: signer.issuer })] }).toSchema(),
      new asn1js.Integer({ valueHex: signer.serialNumber.valueBlock.valueHexView.slice().buffer }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: digestBytes(signerDer).slice().buffer }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function attribute(type: string, value: asn1js.BaseBlock): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

function encoding(a: pkijs.Attribute): Uint8Array {
  return new Uint8Array(a.toSchema().toBER(false));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/** The four signed attributes of a detached id-data signature, in DER (sorted) order. */
export function signedAttributes(input: {
  readonly messageDigest: Uint8Array;
  readonly signingTime: Date;
  readonly signer: pkijs.Certificate;
  readonly signerDer: Uint8Array;
}): pkijs.Attribute[] {
  const attrs = [
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.signingTime, timeValue(input.signingTime)),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: input.messageDigest.slice().buffer })),
    attribute(OID.signingCertificateV2, signingCertificateV2(input.signer, input.signerDer)),
  ];
  return attrs.map((a) => ({ a, der: encoding(a) })).sort((x, y) => compareBytes(x.der, y.der)).map((x) => x.a);
}

/** What the signature covers: the DER of the SET OF attributes, tag 0x31 (RFC 5652 §5.4). */
export function signedAttributesDer(attrs: pkijs.SignedAndUnsignedAttributes): Uint8Array<ArrayBuffer> {
  const der = new Uint8Array(attrs.toSchema().toBER(false));
  der[0] = 0x31;
  return der;
}

/** DigestInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING } (RFC 8017 §9.2) over a SHA-256 digest. */
export function sha256DigestInfo(digest: Uint8Array): Uint8Array<ArrayBuffer> {
  const info = new asn1js.Sequence({
    value: [
      new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }).toSchema(),
      new asn1js.OctetString({ valueHex: digest.slice().buffer }),
    ],
  });
  return new Uint8Array(info.toBER(false));
}
