// Distinguished names (RFC 5280 §4.1.2.4) from asn1js blocks: every attribute with its string type.
import { toHex } from '../bytes';
import { shortNameOrDotted } from '../oid/registry';
import { type AsnBlock, child, children, content, encoding, expect, isUniversal, oidText } from './asn';
import { STRING_TYPES, stringValue, opensslOnelineName, opensslNameOneline, type NameEntryForPrint } from './strings';
import type { AttributeModel, NameModel } from './types';

interface Entry extends NameEntryForPrint {
  readonly model: AttributeModel;
}

function entries(name: AsnBlock): Entry[][] {
  expect(isUniversal(name, 16), 'pki-bad-certificate', 'Name is not a SEQUENCE');
  return children(name).map((set) => {
    expect(isUniversal(set, 17), 'pki-bad-certificate', 'RDN is not a SET');
    return rdnEntries(set);
  });
}

/** The AttributeTypeAndValues of one RDN (a SET, or an IMPLICIT-tagged one such as a DP's nameRelativeToCRLIssuer). */
function rdnEntries(set: AsnBlock): Entry[] {
  return children(set).map((atv) => {
    expect(isUniversal(atv, 16) && children(atv).length === 2, 'pki-bad-certificate', 'AttributeTypeAndValue');
    const oid = oidText(child(atv, 0), 'pki-bad-certificate');
    const value = child(atv, 1);
    const tag = value.idBlock.tagClass === 1 && !value.idBlock.isConstructed ? value.idBlock.tagNumber : -1;
    const bytes = content(value);
    const shortName = shortNameOrDotted(oid, { withJpki: false });
    return {
      shortName, tag, content: bytes, der: encoding(value),
      model: {
        oid, shortName, labelKey: `pki.oid.${oid}`, tag,
        stringType: STRING_TYPES[tag] ?? 'other',
        value: tag in STRING_TYPES ? stringValue(tag, bytes) : toHex(encoding(value)),
        valueDerHex: toHex(encoding(value)),
      },
    };
  });
}

/** One RDN as `x509 -text` prints it (XN_FLAG_ONELINE), e.g. a CRL DP's "Relative Name" (v3_crld.c print_distpoint). */
export function relativeNameText(rdn: AsnBlock): string {
  return opensslOnelineName([rdnEntries(rdn)]);
}

export function nameModel(name: AsnBlock): NameModel {
  const rdns = entries(name);
  return {
    rdns: rdns.map((r) => r.map((e) => e.model)),
    text: opensslOnelineName(rdns),
    derHex: toHex(encoding(name)),
  };
}

/** The `/C=JP/O=…` form openssl prints for a DirName inside SubjectAltName / IssuerAltName. */
export function nameOneline(name: AsnBlock): string {
  return opensslNameOneline(entries(name));
}
