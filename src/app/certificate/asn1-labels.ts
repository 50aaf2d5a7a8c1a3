/**
 * Human names for the main nodes of a certificate's ASN.1 tree, by position in the X.509 structure
 * (RFC 5280 §4.1: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue },
 * TBSCertificate ::= SEQUENCE { [0] version, serialNumber, signature, issuer, validity, subject,
 * subjectPublicKeyInfo, [1] [2] unique ids, [3] extensions }) and, for extensions, by the byte range
 * the model reports. Keys are i18n keys; a node we cannot place simply has no name.
 */
import type { Asn1Node } from '../../pki';
import type { ExtensionModel } from '../../pki/model/types';

const TBS_ORDER = ['serial', 'signature', 'issuer', 'validity', 'subject', 'spki'] as const;

export interface NodeName {
  readonly key: string;
  readonly params?: Readonly<Record<string, string>>;
}

export function certificateNodeNames(roots: readonly Asn1Node[], extensions: readonly ExtensionModel[], extName: (e: ExtensionModel) => string): Map<number, NodeName> {
  const names = new Map<number, NodeName>();
  const cert = roots[0];
  if (!cert || cert.tagClass !== 'universal' || cert.tagNumber !== 16) return names;
  names.set(cert.offset, { key: 'app.cert.node.certificate' });
  const [tbs, sigAlg, sigVal] = cert.children;
  if (sigAlg) names.set(sigAlg.offset, { key: 'app.cert.node.signatureAlgorithm' });
  if (sigVal) names.set(sigVal.offset, { key: 'app.cert.node.signatureValue' });
  if (!tbs) return names;
  names.set(tbs.offset, { key: 'app.cert.node.tbs' });
  let i = 0;
  for (const c of tbs.children) {
    if (c.tagClass === 'context') {
      if (c.tagNumber === 0) names.set(c.offset, { key: 'app.cert.node.version' });
      if (c.tagNumber === 3) names.set(c.offset, { key: 'app.cert.node.extensions' });
      continue;
    }
    const what = TBS_ORDER[i++];
    if (what) names.set(c.offset, { key: `app.cert.node.${what}` });
  }
  for (const e of extensions) if (e.range) names.set(e.range.start, { key: 'app.cert.node.extension', params: { name: extName(e) } });
  return names;
}
