// Decoders for the RFC 5280 extensions a JPKI certificate (and most others) carries. The `openssl`
// lines follow crypto/x509/v3_*.c of OpenSSL 3.0 (v3_bitst.c, v3_bcons.c, v3_skid.c, v3_akid.c,
// v3_san.c, v3_cpols.c, v3_extku.c, v3_crld.c, v3_info.c) so `x509 -text` output can be reproduced.
import { toHexSeparated } from '../../bytes';
import { longNameOrDotted } from '../../oid/registry';
import { integerText } from '../integer';
import { integerMagnitude } from '../../asn1/dump';
import { type AsnBlock, child, children, content, expect, isContext, isUniversal, oidText } from '../asn';
import { decodeGeneralName, decodeGeneralNames } from '../general-name';
import { relativeNameText } from '../name';
import { stringValue } from '../strings';
import type { Field, GeneralNameModel } from '../types';
import { registerExtension } from './registry';

const CODE = 'pki-bad-extension';

// RFC 5280 §4.2.1.3 bit order; openssl's names (v3_bitst.c key_usage_type_table).
export const KEY_USAGE_BITS = [
  ['digitalSignature', 'Digital Signature'], ['nonRepudiation', 'Non Repudiation'], ['keyEncipherment', 'Key Encipherment'],
  ['dataEncipherment', 'Data Encipherment'], ['keyAgreement', 'Key Agreement'], ['keyCertSign', 'Certificate Sign'],
  ['cRLSign', 'CRL Sign'], ['encipherOnly', 'Encipher Only'], ['decipherOnly', 'Decipher Only'],
] as const;

function bitStringBits(block: AsnBlock): boolean[] {
  expect(isUniversal(block, 3), CODE, 'BIT STRING expected');
  return bitsOfContent(content(block));
}

/** Bits of BIT STRING content octets (unused-bits octet first); also for IMPLICIT-tagged ones. */
function bitsOfContent(c: Uint8Array): boolean[] {
  expect(c.length >= 1 && (c[0] ?? 8) < 8, CODE, 'BIT STRING unused-bits octet');
  const bits: boolean[] = [];
  for (let i = 1; i < c.length; i++) for (let b = 7; b >= 0; b--) bits.push((((c[i] ?? 0) >> b) & 1) === 1);
  return bits.slice(0, bits.length - (c[0] ?? 0));
}

registerExtension({
  oid: '2.5.29.15',
  decode(value) {
    const bits = bitStringBits(value);
    const set = KEY_USAGE_BITS.filter((_, i) => bits[i]);
    return {
      data: set.map(([id]) => id),
      fields: set.map(([id]) => ({ key: 'pki.field.keyUsage', valueKey: `pki.keyUsage.${id}` })),
      openssl: [set.map(([, name]) => name).join(', ')],
    };
  },
});

registerExtension({
  oid: '2.5.29.19',
  decode(value) {
    expect(isUniversal(value, 16), CODE, 'BasicConstraints SEQUENCE');
    let ca = false;
    let pathLen: number | undefined;
    for (const c of children(value)) {
      if (isUniversal(c, 1)) ca = (content(c)[0] ?? 0) !== 0;
      else if (isUniversal(c, 2)) {
        const n = integerText(content(c));
        expect(n !== undefined && !n.negative && n.value < 2n ** 31n, CODE, 'pathLenConstraint');
        pathLen = Number(n.value);
      }
    }
    const fields: Field[] = [{ key: 'pki.field.ca', valueKey: ca ? 'pki.value.yes' : 'pki.value.no' }];
    if (pathLen !== undefined) fields.push({ key: 'pki.field.pathLen', value: String(pathLen) });
    return {
      data: { ca, ...(pathLen !== undefined ? { pathLen } : {}) },
      fields,
      openssl: [`CA:${ca ? 'TRUE' : 'FALSE'}${pathLen !== undefined ? `, pathlen:${pathLen}` : ''}`],
    };
  },
});

registerExtension({
  oid: '2.5.29.14',
  decode(value) {
    expect(isUniversal(value, 4), CODE, 'SubjectKeyIdentifier OCTET STRING');
    const id = toHexSeparated(content(value));
    return { data: id, fields: [{ key: 'pki.field.keyId', value: id }], openssl: [id] };
  },
});

registerExtension({
  oid: '2.5.29.35',
  decode(value) {
    expect(isUniversal(value, 16), CODE, 'AuthorityKeyIdentifier SEQUENCE');
    let keyId: string | undefined;
    let serial: string | undefined;
    const issuer: GeneralNameModel[] = [];
    const issuerI2v: string[] = [];
    for (const c of children(value)) {
      if (isContext(c, 0)) keyId = toHexSeparated(content(c));
      else if (isContext(c, 1)) for (const g of decodeGeneralNames(c)) { issuer.push(g.model); issuerI2v.push(g.i2v); }
      // v3_akid.c prints the serial's magnitude octets (ASN1_INTEGER data), without a sign.
      else if (isContext(c, 2)) serial = toHexSeparated(integerMagnitude(content(c))?.magnitude ?? content(c));
    }
    const fields: Field[] = [];
    if (keyId) fields.push({ key: 'pki.field.keyId', value: keyId });
    for (const g of issuer) fields.push({ key: 'pki.field.authorityCertIssuer', value: g.value });
    if (serial) fields.push({ key: 'pki.field.authorityCertSerial', value: serial });
    // v3_akid.c i2v_AUTHORITY_KEYID (3.0): a bare key id prints without "keyid:" when it is alone.
    const lines: string[] = [];
    if (keyId) lines.push(issuer.length || serial ? `keyid:${keyId}` : keyId);
    lines.push(...issuerI2v);
    if (serial) lines.push(`serial:${serial}`);
    return { data: { keyId, issuer, serial }, fields, openssl: lines };
  },
});

function altNames(value: AsnBlock) {
  expect(isUniversal(value, 16), CODE, 'GeneralNames SEQUENCE');
  const names = decodeGeneralNames(value);
  return {
    data: names.map((n) => n.model),
    fields: names.map((n) => ({ key: `pki.generalName.${n.model.type}`, value: n.model.value, ...(n.model.otherName ? { params: { oid: n.model.otherName.typeOid } } : {}) })),
    openssl: [names.map((n) => n.i2v).join(', ')],
  };
}

registerExtension({ oid: '2.5.29.17', decode: altNames });
registerExtension({ oid: '2.5.29.18', decode: altNames });

registerExtension({
  oid: '2.5.29.37',
  decode(value) {
    expect(isUniversal(value, 16), CODE, 'ExtKeyUsage SEQUENCE');
    const oids = children(value).map((c) => oidText(c, CODE));
    return {
      data: oids,
      fields: oids.map((o) => ({ key: 'pki.field.extendedKeyUsage', value: longNameOrDotted(o), params: { oid: o } })),
      openssl: [oids.map((o) => longNameOrDotted(o, { withJpki: false })).join(', ')],
    };
  },
});

export interface PolicyData {
  readonly oid: string;
  readonly cps: string[];
  readonly userNotices: { organization?: string; numbers?: string[]; explicitText?: string }[];
}

function displayText(block: AsnBlock): string {
  return stringValue(block.idBlock.tagNumber, content(block));
}

registerExtension({
  oid: '2.5.29.32',
  decode(value) {
    expect(isUniversal(value, 16), CODE, 'CertificatePolicies SEQUENCE');
    const policies: PolicyData[] = [];
    const lines: string[] = [];
    const fields: Field[] = [];
    for (const info of children(value)) {
      const oid = oidText(child(info, 0, CODE), CODE);
      const p: PolicyData = { oid, cps: [], userNotices: [] };
      lines.push(`Policy: ${longNameOrDotted(oid, { withJpki: false })}`);
      const qFields: Field[] = [];
      const quals = children(info)[1];
      for (const q of quals ? children(quals) : []) {
        const qid = oidText(child(q, 0, CODE), CODE);
        const qv = children(q)[1];
        if (qid === '1.3.6.1.5.5.7.2.1' && qv) {
          const uri = displayText(qv);
          p.cps.push(uri);
          lines.push(`  CPS: ${uri}`);
          qFields.push({ key: 'pki.field.cps', value: uri });
        } else if (qid === '1.3.6.1.5.5.7.2.2') {
          const n: PolicyData['userNotices'][number] = {};
          lines.push('  User Notice:');
          for (const part of qv ? children(qv) : []) {
            if (isUniversal(part, 16)) {
              const org = child(part, 0, CODE);
              n.organization = displayText(org);
              n.numbers = children(child(part, 1, CODE)).map((x) => integerText(content(x))?.decimal ?? '?');
              lines.push(`    Organization: ${n.organization}`);
              lines.push(`    Number${n.numbers.length > 1 ? 's' : ''}: ${n.numbers.join(', ')}`);
            } else {
              n.explicitText = displayText(part);
              lines.push(`    Explicit Text: ${n.explicitText}`);
            }
          }
          p.userNotices.push(n);
          qFields.push({ key: 'pki.field.userNotice', value: [n.organization, n.explicitText].filter(Boolean).join(' / ') });
        } else {
          lines.push(`    Unknown Qualifier: ${longNameOrDotted(qid, { withJpki: false })}`);
          qFields.push({ key: 'pki.field.policyQualifier', value: qid });
        }
      }
      policies.push(p);
      fields.push({ key: 'pki.field.policy', value: oid, valueKey: `pki.oid.${oid}`, children: qFields });
    }
    return { data: policies, fields, openssl: lines };
  },
});

// ReasonFlags bit names as openssl prints them (v3_crld.c reason_flags), RFC 5280 §4.2.1.13 bit order.
const REASON_FLAGS = ['Unused', 'Key Compromise', 'CA Compromise', 'Affiliation Changed', 'Superseded',
  'Cessation Of Operation', 'Certificate Hold', 'Privilege Withdrawn', 'AA Compromise'];

registerExtension({
  oid: '2.5.29.31',
  decode(value) {
    expect(isUniversal(value, 16), CODE, 'CRLDistributionPoints SEQUENCE');
    // openssl 3.0 v3_crld.c i2r_crldp writes one stream: print_gens ends without a newline, print_reasons
    // ends with one, and "\n" separates points — so "Reasons:" follows a name on the same line and a
    // blank line can appear. Build that stream (absolute indent 16) and cut it into lines.
    const ind = ' '.repeat(16);
    let out = '';
    const fields: Field[] = [];
    const points: GeneralNameModel[][] = [];
    const gens = (list: ReturnType<typeof decodeGeneralName>[]) => list.map((g) => `${ind}  ${g.print}`).join('\n');
    children(value).forEach((dp, i) => {
      if (i > 0) out += '\n';
      const names: GeneralNameModel[] = [];
      const parts = children(dp);
      const dpName = parts.find((p) => isContext(p, 0));
      const reasons = parts.find((p) => isContext(p, 1));
      const issuer = parts.find((p) => isContext(p, 2));
      if (dpName) {
        const dpn = child(dpName, 0, CODE);
        if (isContext(dpn, 0)) {
          const list = children(dpn).map(decodeGeneralName);
          out += `${ind}Full Name:\n${gens(list)}`;
          for (const g of list) {
            names.push(g.model);
            fields.push({ key: `pki.generalName.${g.model.type}`, value: g.model.value });
          }
        } else {
          const text = relativeNameText(dpn);
          out += `${ind}Relative Name:\n${ind}  ${text}\n`;
          fields.push({ key: 'pki.field.relativeName', value: text });
        }
      }
      if (reasons) {
        const bits = bitsOfContent(content(reasons));
        const set = REASON_FLAGS.filter((_, k) => bits[k]);
        out += `${ind}Reasons:\n${ind}  ${set.length ? set.join(', ') : '<EMPTY>'}\n`;
        fields.push({ key: 'pki.field.crlReasons', value: set.join(', ') });
      }
      if (issuer) {
        const list = children(issuer).map(decodeGeneralName);
        out += `${ind}CRL Issuer:\n${gens(list)}`;
        for (const g of list) fields.push({ key: 'pki.field.crlIssuer', value: g.model.value });
      }
      points.push(names);
    });
    // Relative to the extension indent; a line openssl leaves empty stays empty (not 16 spaces).
    const lines = out.split('\n').map((l) => (l.startsWith(ind) ? l.slice(16) : l));
    return { data: points, fields, openssl: lines };
  },
});

registerExtension({
  oid: '1.3.6.1.5.5.7.1.1',
  decode(value) {
    expect(isUniversal(value, 16), CODE, 'AuthorityInfoAccess SEQUENCE');
    const lines: string[] = [];
    const fields: Field[] = [];
    const data: { method: string; location: GeneralNameModel }[] = [];
    for (const ad of children(value)) {
      const method = oidText(child(ad, 0, CODE), CODE);
      const g = decodeGeneralName(child(ad, 1, CODE));
      data.push({ method, location: g.model });
      lines.push(`${longNameOrDotted(method, { withJpki: false })} - ${g.i2v}`);
      fields.push({ key: 'pki.field.accessMethod', value: g.model.value, valueKey: `pki.oid.${method}` });
    }
    return { data, fields, openssl: lines };
  },
});
