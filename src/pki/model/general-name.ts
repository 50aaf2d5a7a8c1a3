// GeneralName (RFC 5280 §4.2.1.6) from asn1js blocks, with the two text forms openssl uses:
// i2v_GENERAL_NAME ("DNS:x", "othername: OID::value") for SAN/IAN/AKI/AIA and GENERAL_NAME_print
// ("othername:<unsupported>", "DirName:C = JP, …") for CRL distribution points (crypto/x509/v3_san.c).
import { toHex, utf8Lenient, latin1 } from '../bytes';
import { oidFromContent } from '../asn1/oid-content';
import { longNameOrDotted } from '../oid/registry';
import { type AsnBlock, child, children, content, encoding, expect, oidText } from './asn';
import { nameModel, nameOneline } from './name';
import { stringValue, STRING_TYPES } from './strings';
import type { GeneralNameModel, GeneralNameType } from './types';

const TYPES: readonly GeneralNameType[] = [
  'otherName', 'rfc822Name', 'dNSName', 'x400Address', 'directoryName', 'ediPartyName', 'uniformResourceIdentifier',
  'iPAddress', 'registeredID',
];

export function ipText(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.');
  if (bytes.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16).toUpperCase());
    return groups.join(':');
  }
  return `<invalid length=${bytes.length}>`;
}

export interface DecodedGeneralName {
  readonly model: GeneralNameModel;
  /** openssl i2v form: "DNS:x.example". */
  readonly i2v: string;
  /** openssl GENERAL_NAME_print form. */
  readonly print: string;
}

const CODE = 'pki-bad-extension';

export function decodeGeneralName(block: AsnBlock): DecodedGeneralName {
  expect(block.idBlock.tagClass === 3 && block.idBlock.tagNumber <= 8, CODE, 'GeneralName tag');
  const type = TYPES[block.idBlock.tagNumber] ?? 'otherName';
  const bytes = content(block);
  switch (type) {
    case 'otherName': {
      const typeOid = oidText(child(block, 0, CODE), CODE);
      const wrapper = child(block, 1, CODE);
      expect(wrapper.idBlock.tagClass === 3 && wrapper.idBlock.tagNumber === 0, CODE, 'otherName value [0]');
      const inner = child(wrapper, 0, CODE);
      const valueTag = inner.idBlock.tagClass === 1 && !inner.idBlock.isConstructed ? inner.idBlock.tagNumber : -1;
      const innerBytes = content(inner);
      const value = valueTag in STRING_TYPES ? stringValue(valueTag, innerBytes) : toHex(encoding(inner));
      const typeName = longNameOrDotted(typeOid);
      // openssl names some otherName types itself; everything else prints "othername: <oid>::<text>"
      // when the value is IA5String or UTF8String, else "<unsupported>".
      const builtin: Record<string, string> = {
        '1.3.6.1.5.5.7.8.9': 'SmtpUTF8Mailbox', '1.3.6.1.5.5.7.8.5': 'XmppAddr', '1.3.6.1.5.5.7.8.7': 'SRVName',
        '1.3.6.1.4.1.311.20.2.3': 'UPN', '1.3.6.1.5.5.7.8.8': 'NAIRealm',
      };
      const raw = valueTag === 12 || valueTag === 22 ? utf8Lenient(innerBytes) : undefined;
      const plainName = longNameOrDotted(typeOid, { withJpki: false });
      const b = builtin[typeOid];
      const i2v = b ? `othername: ${b}::${raw ?? ''}` : `othername: ${plainName}::${raw ?? '<unsupported>'}`;
      const printOk = b && (b === 'SRVName' ? valueTag === 22 : valueTag === 12);
      return {
        model: { type, value, otherName: { typeOid, typeName, valueTag, value, valueDerHex: toHex(encoding(inner)) } },
        i2v, print: printOk ? `othername:${b}:${raw ?? ''}` : 'othername:<unsupported>',
      };
    }
    case 'rfc822Name':
    case 'dNSName':
    case 'uniformResourceIdentifier': {
      const label = type === 'rfc822Name' ? 'email' : type === 'dNSName' ? 'DNS' : 'URI';
      const text = latin1(bytes);
      // ASN1_STRING_print (GENERAL_NAME_print) replaces non-printables with '.'.
      const dotted = [...bytes].map((c) => ((c > 0x7e || (c < 0x20 && c !== 0x0a && c !== 0x0d)) ? '.' : String.fromCharCode(c))).join('');
      return { model: { type, value: text }, i2v: `${label}:${utf8Lenient(bytes)}`, print: `${label}:${dotted}` };
    }
    case 'directoryName': {
      const name = child(block, 0, CODE);
      const dn = nameModel(name);
      const readable = dn.rdns.map((r) => r.map((a) => `${a.shortName}=${a.value}`).join(' + ')).join(', ');
      return { model: { type, value: readable, directoryName: dn }, i2v: `DirName:${nameOneline(name)}`, print: `DirName:${dn.text}` };
    }
    case 'iPAddress': {
      const text = ipText(bytes);
      return { model: { type, value: text }, i2v: `IP Address:${text}`, print: `IP Address:${text}` };
    }
    case 'registeredID': {
      const oid = oidFromContent(bytes) ?? toHex(bytes);
      const n = longNameOrDotted(oid, { withJpki: false });
      return { model: { type, value: oid }, i2v: `Registered ID:${n}`, print: `Registered ID:${n}` };
    }
    case 'x400Address':
      return { model: { type, value: toHex(bytes) }, i2v: 'X400Name:<unsupported>', print: 'X400Name:<unsupported>' };
    default:
      return { model: { type, value: toHex(bytes) }, i2v: 'EdiPartyName:<unsupported>', print: 'EdiPartyName:<unsupported>' };
  }
}

export function decodeGeneralNames(seq: AsnBlock): DecodedGeneralName[] {
  return children(seq).map(decodeGeneralName);
}
