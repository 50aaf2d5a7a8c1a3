// The certificate model: what the app renders and the CLI prints as JSON (schema: src/cli/README.md).
// Labels are i18n keys (src/i18n/catalog/pki/), values are data; no English prose lives here.

export interface ByteRange {
  /** Header start (identifier octet). */
  readonly start: number;
  /** First content byte. */
  readonly contentStart: number;
  /** One past the last byte. */
  readonly end: number;
}

/** One labelled line of an explanation. `key` is an i18n key; `value` is data shown as is. */
export interface Field {
  readonly key: string;
  readonly value?: string;
  /** An i18n key for an enumerated value (e.g. `pki.sex.1`), rendered instead of/next to `value`. */
  readonly valueKey?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly children?: readonly Field[];
}

export type StringTypeName =
  | 'UTF8String' | 'PrintableString' | 'IA5String' | 'TeletexString' | 'BMPString' | 'UniversalString'
  | 'NumericString' | 'VisibleString' | 'GeneralString' | 'other';

export interface AttributeModel {
  readonly oid: string;
  /** OpenSSL short name ("CN") or the dotted OID. */
  readonly shortName: string;
  readonly labelKey: string;
  /** ASN.1 universal tag of the value and its name. */
  readonly tag: number;
  readonly stringType: StringTypeName;
  readonly value: string;
  /** DER of the value (tag, length, content), hex. */
  readonly valueDerHex: string;
}

export interface NameModel {
  /** RelativeDistinguishedNames in order; each is a set of attributes (usually one). */
  readonly rdns: readonly (readonly AttributeModel[])[];
  /** `C = JP, O = JPKI, …` as `openssl x509 -text` prints it. */
  readonly text: string;
  readonly derHex: string;
}

export interface TimeModel {
  readonly iso: string;
  readonly type: 'UTCTime' | 'GeneralizedTime';
  /** The encoded text, e.g. "330715145959Z". */
  readonly raw: string;
}

export interface AlgorithmModel {
  readonly oid: string;
  readonly name: string;
  /** DER of the parameters, hex ('' when absent). */
  readonly parametersHex: string;
}

export interface PublicKeyModel {
  readonly algorithm: AlgorithmModel;
  readonly sizeBits?: number;
  readonly rsa?: { readonly modulusHex: string; readonly exponent: string };
  readonly ec?: { readonly curveOid: string; readonly curveName: string; readonly pointHex: string };
  readonly spkiDerHex: string;
}

export type GeneralNameType =
  | 'otherName' | 'rfc822Name' | 'dNSName' | 'x400Address' | 'directoryName' | 'ediPartyName'
  | 'uniformResourceIdentifier' | 'iPAddress' | 'registeredID';

export interface GeneralNameModel {
  readonly type: GeneralNameType;
  /** Text form ("x.example", "192.0.2.1", a one-line DN, an OID). */
  readonly value: string;
  readonly directoryName?: NameModel;
  readonly otherName?: {
    readonly typeOid: string;
    readonly typeName: string;
    /** Universal tag of the inner value (12 = UTF8String) or -1 when it is not a universal primitive. */
    readonly valueTag: number;
    readonly value: string;
    readonly valueDerHex: string;
  };
}

export interface ExtensionModel {
  readonly oid: string;
  /** OpenSSL long name or dotted OID. */
  readonly name: string;
  readonly labelKey: string;
  readonly critical: boolean;
  /** 'decoded' by a registry entry, 'unknown' (no entry: raw value shown), 'error' (entry failed). */
  readonly status: 'decoded' | 'unknown' | 'error';
  readonly errorCode?: string;
  readonly fields: readonly Field[];
  /** extnValue content (the DER inside the OCTET STRING), hex. */
  readonly valueHex: string;
  readonly range?: ByteRange;
  /** Typed result of the decoder (shape per extension, see the decoder registry). */
  readonly data?: unknown;
}

export interface FingerprintsModel {
  /** Colon-separated upper-case hex, as `openssl x509 -fingerprint` prints. */
  readonly sha1: string;
  readonly sha256: string;
}

export type JpkiKind = 'sign' | 'auth' | 'sign-ca' | 'auth-ca';

export interface JpkiModel {
  readonly kind: JpkiKind;
  readonly test: boolean;
  /** Explanation of the subject CN (end-entity certificates). */
  readonly cn?: readonly Field[];
  /** The 基本4情報 from the SubjectAltName (sign certificate only). Personal data. */
  readonly personal?: JpkiPersonalData;
  readonly policies: readonly Field[];
  readonly issuerAltName?: string;
  /** CA certificates: the Japanese DirName of their SubjectAltName, readable. */
  readonly subjectAltName?: string;
}

export interface JpkiPersonalData {
  readonly name?: string;
  readonly nameSubstitutedPositions?: readonly number[];
  /** JIS X 0303 code: '1' 男, '2' 女, '9' 適用不能 (kept as encoded). */
  readonly sex?: string;
  readonly dateOfBirth?: import('../jpki/era').BirthDate;
  readonly address?: string;
  readonly addressSubstitutedPositions?: readonly number[];
  readonly fields: readonly Field[];
}

export interface CertificateModel {
  readonly derHex: string;
  readonly version: number;
  readonly serial: { readonly hex: string; readonly decimal: string; readonly negative: boolean };
  readonly signatureAlgorithm: AlgorithmModel;
  readonly issuer: NameModel;
  readonly subject: NameModel;
  readonly validity: { readonly notBefore: TimeModel; readonly notAfter: TimeModel };
  readonly publicKey: PublicKeyModel;
  readonly extensions: readonly ExtensionModel[];
  readonly keyUsage?: readonly string[];
  readonly extendedKeyUsage?: readonly string[];
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLen?: number };
  readonly subjectKeyId?: string;
  readonly authorityKeyId?: string;
  readonly selfIssued: boolean;
  readonly signature: { readonly algorithm: AlgorithmModel; readonly valueHex: string };
  readonly fingerprints: FingerprintsModel;
  readonly jpki?: JpkiModel;
}
