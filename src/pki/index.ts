// The single entry of the certificate code. The app loads it with `import('…/pki')` the first time a
// certificate is explained (pkijs is ~75 KB gzip, outside the initial bundle); eager code uses only the
// pkijs-free helpers `pem.ts`, `bytes.ts`, `jpki/era.ts` and `oid/jpki-oids.ts`.
export { buildCertificateModel as explainCertificate } from './model/certificate';
export type * from './model/types';
export { parseAsn1Tree, nodeAt, walkAsn1, type Asn1Node, type TagClass, type TreeOptions } from './asn1/tree';
export { asn1Dump, asn1DumpLine, asn1TypeLabel, asn1ValueText, type DumpOptions } from './asn1/dump';
export { opensslOidFile, oidName, longNameOrDotted, registerOidName, type OidName } from './oid/registry';
export { JPKI_OID, JPKI_OIDS } from './oid/jpki-oids';
export { registerExtension, type ExtensionDecoder, type DecodedExtension } from './model/extensions/registry';
export { registerOtherName, type OtherNameDecoder } from './jpki/personal-data';
export { parseJpkiBirthDate, toWareki, ERAS, type BirthDate, type WarekiDate } from './jpki/era';
export { certificateText, stripAnnotations, ANNOTATION_MARK, type TextOptions } from './text/openssl-text';
export { derFromFile, parsePem, toPem, looksLikePem } from './pem';
export { verifyChain, type ChainOptions, type ChainResult, type LinkStatus } from './chain/verify';
export { JLIS_ROOTS, type PinnedRoot } from './roots/jlis-roots';
export { parseCrl, checkRevocation, type CrlModel, type RevocationStatus } from './crl/crl';
export { exportDer, exportPem, exportText, authChainBundle } from './export/exports';
