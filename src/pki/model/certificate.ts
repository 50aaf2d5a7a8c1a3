// DER → CertificateModel. Structure decoding is asn1js's (and pkijs checks the certificate schema);
// this file only arranges the decoded values. Async because fingerprints use WebCrypto (crypto.subtle is
// async in browsers and Node; no synchronous hash is in our dependencies, and the app renders after an
// await anyway).
import * as pkijs from 'pkijs';
import { LensError, isLensError } from '../../errors';
import { ownBytes, toHex, toHexSeparated } from '../bytes';
import { treeFromDecoded, type Asn1Node } from '../asn1/tree';
import { longNameOrDotted } from '../oid/registry';
import { explainJpki } from '../jpki/profile';
import { type AsnBlock, child, children, content, decodeOne, encoding, expect, isContext, isUniversal, oidText } from './asn';
import { integerText } from './integer';
import { nameModel } from './name';
import { parseTime } from './time';
import { extensionDecoder } from './extensions/registry';
import './extensions/standard';
import type { AlgorithmModel, CertificateModel, ExtensionModel, PublicKeyModel } from './types';

const CODE = 'pki-bad-certificate';

export function algorithmModel(block: AsnBlock): AlgorithmModel {
  expect(isUniversal(block, 16), CODE, 'AlgorithmIdentifier');
  const oid = oidText(child(block, 0, CODE), CODE);
  const params = children(block)[1];
  return { oid, name: longNameOrDotted(oid), parametersHex: params ? toHex(encoding(params)) : '' };
}

const CURVE_BITS: Record<string, number> = {
  '1.2.840.10045.3.1.7': 256, '1.3.132.0.34': 384, '1.3.132.0.35': 521, '1.3.132.0.10': 256, '1.3.132.0.33': 224, '1.2.840.10045.3.1.1': 192,
};

export function publicKeyModel(spki: AsnBlock): PublicKeyModel {
  expect(isUniversal(spki, 16), CODE, 'SubjectPublicKeyInfo');
  const algorithm = algorithmModel(child(spki, 0, CODE));
  const bits = child(spki, 1, CODE);
  expect(isUniversal(bits, 3), CODE, 'subjectPublicKey BIT STRING');
  const keyBytes = content(bits).subarray(1);
  const base = { algorithm, spkiDerHex: toHex(encoding(spki)) };
  if (algorithm.oid === '1.2.840.113549.1.1.1' || algorithm.oid === '1.2.840.113549.1.1.10') {
    const rsa = decodeOne(keyBytes, CODE);
    const n = integerText(content(child(rsa, 0, CODE)));
    const e = integerText(content(child(rsa, 1, CODE)));
    expect(!!n && !!e && !n.negative, CODE, 'RSAPublicKey');
    const sizeBits = n.value.toString(2).length;
    return { ...base, sizeBits, rsa: { modulusHex: n.hex, exponent: e.decimal } };
  }
  if (algorithm.oid === '1.2.840.10045.2.1') {
    const params = children(child(spki, 0, CODE))[1];
    const curveOid = params && isUniversal(params, 6) ? oidText(params, CODE) : '';
    const sizeBits = CURVE_BITS[curveOid];
    return { ...base, ...(sizeBits ? { sizeBits } : {}), ec: { curveOid, curveName: longNameOrDotted(curveOid), pointHex: toHex(keyBytes) } };
  }
  if (algorithm.oid === '1.3.101.112') return { ...base, sizeBits: 256 };
  if (algorithm.oid === '1.3.101.113') return { ...base, sizeBits: 456 };
  return base;
}

async function digest(alg: 'SHA-1' | 'SHA-256', der: Uint8Array): Promise<string> {
  return toHexSeparated(new Uint8Array(await crypto.subtle.digest(alg, ownBytes(der))));
}

function extensionModels(exts: AsnBlock | undefined, extNodes: readonly Asn1Node[]): ExtensionModel[] {
  if (!exts) return [];
  const seq = child(exts, 0, CODE);
  return children(seq).map((ext, i) => {
    const oid = oidText(child(ext, 0, CODE), CODE);
    let critical = false;
    let valueBlock = child(ext, 1, CODE);
    if (isUniversal(valueBlock, 1)) {
      critical = (content(valueBlock)[0] ?? 0) !== 0;
      valueBlock = child(ext, 2, CODE);
    }
    expect(isUniversal(valueBlock, 4), CODE, 'extnValue OCTET STRING');
    const value = content(valueBlock);
    const node = extNodes[i];
    const base = {
      oid, name: longNameOrDotted(oid), labelKey: `pki.oid.${oid}`, critical, valueHex: toHex(value),
      ...(node ? { range: { start: node.offset, contentStart: node.contentStart, end: node.end } } : {}),
    };
    const decoder = extensionDecoder(oid);
    if (!decoder) return { ...base, status: 'unknown' as const, fields: [{ key: 'pki.field.rawValue', value: toHex(value) }] };
    try {
      const d = decoder.decode(decodeOne(value, 'pki-bad-extension'));
      return { ...base, status: 'decoded' as const, fields: d.fields, ...(d.data !== undefined ? { data: d.data } : {}) };
    } catch (e) {
      if (!isLensError(e)) throw e;
      return { ...base, status: 'error' as const, errorCode: e.code, fields: [{ key: 'pki.field.rawValue', value: toHex(value) }] };
    }
  });
}

/** Parse with pkijs (schema check; also what chain verification uses). Throws `pki-bad-certificate`. */
export function parsePkijsCertificate(der: Uint8Array, decoded?: AsnBlock): pkijs.Certificate {
  try {
    // pkijs' own fromBER is asn1js.fromBER + this constructor; reuse a decode we already have.
    if (decoded) return new pkijs.Certificate({ schema: decoded });
    return pkijs.Certificate.fromBER(ownBytes(der));
  } catch (e) {
    throw new LensError(CODE, {}, { cause: e, detail: e instanceof Error ? e.message : String(e) });
  }
}

/** The parts of a certificate as asn1js blocks, plus the matching tree nodes (for byte ranges). */
export interface CertificateParts {
  readonly cert: AsnBlock;
  readonly tbs: AsnBlock;
  readonly fields: {
    version?: AsnBlock; serial: AsnBlock; signature: AsnBlock; issuer: AsnBlock; validity: AsnBlock;
    subject: AsnBlock; spki: AsnBlock; extensions?: AsnBlock;
  };
  readonly tree: Asn1Node;
}

export function certificateParts(der: Uint8Array): CertificateParts {
  const cert = decodeOne(der, CODE);
  const tree = treeFromDecoded(cert, der);
  expect(isUniversal(cert, 16) && children(cert).length === 3, CODE, 'Certificate SEQUENCE of 3');
  const tbs = child(cert, 0, CODE);
  expect(isUniversal(tbs, 16), CODE, 'TBSCertificate');
  const items = children(tbs);
  let i = 0;
  const version = items[0] && isContext(items[0], 0) ? items[i++] : undefined;
  const take = (): AsnBlock => {
    const b = items[i++];
    expect(b !== undefined, CODE, 'TBSCertificate too short');
    return b;
  };
  const serial = take();
  const signature = take();
  const issuer = take();
  const validity = take();
  const subject = take();
  const spki = take();
  const extensions = items.slice(i).find((b) => isContext(b, 3));
  expect(isUniversal(serial, 2), CODE, 'serialNumber INTEGER');
  return { cert, tbs, fields: { ...(version ? { version } : {}), serial, signature, issuer, validity, subject, spki, ...(extensions ? { extensions } : {}) }, tree };
}

/**
 * The full explanation of one DER certificate. Throws `pki-bad-certificate` (or another `pki-*`
 * LensError) for input that is not an X.509 certificate; never anything else for bad input.
 */
export async function buildCertificateModel(der: Uint8Array): Promise<CertificateModel> {
  const parts = certificateParts(der);
  const { fields: f, cert, tree } = parts;
  const versionInt = f.version ? integerText(content(child(f.version, 0, CODE))) : undefined;
  const version = versionInt ? Number(versionInt.value) + 1 : 1;
  const serial = integerText(content(f.serial));
  expect(serial !== undefined, CODE, 'serialNumber encoding');
  const times = children(f.validity);
  expect(times.length === 2, CODE, 'Validity');
  const [nb, na] = times as [AsnBlock, AsnBlock];
  const tbsNode = tree.children[0];
  const extSeqNode = tbsNode?.children.find((n) => n.tagClass === 'context' && n.tagNumber === 3)?.children[0];
  const extensions = extensionModels(f.extensions, extSeqNode?.children ?? []);
  const sigBits = child(cert, 2, CODE);
  expect(isUniversal(sigBits, 3), CODE, 'signatureValue BIT STRING');
  const issuer = nameModel(f.issuer);
  const subject = nameModel(f.subject);
  const bc = extensions.find((e) => e.oid === '2.5.29.19')?.data as { ca: boolean; pathLen?: number } | undefined;
  const ku = extensions.find((e) => e.oid === '2.5.29.15')?.data as string[] | undefined;
  const eku = extensions.find((e) => e.oid === '2.5.29.37')?.data as string[] | undefined;
  const ski = extensions.find((e) => e.oid === '2.5.29.14')?.data as string | undefined;
  const aki = (extensions.find((e) => e.oid === '2.5.29.35')?.data as { keyId?: string } | undefined)?.keyId;
  const jpki = explainJpki({ issuer, subject, extensions, ca: bc?.ca ?? false });
  // Last: pkijs' schema check (the same parse chain verification relies on) may retag blocks it reads.
  parsePkijsCertificate(der, cert);
  return {
    derHex: toHex(der),
    version,
    serial: { hex: serial.hex, decimal: serial.decimal, negative: serial.negative },
    signatureAlgorithm: algorithmModel(f.signature),
    issuer, subject,
    validity: { notBefore: parseTime(nb.idBlock.tagNumber, content(nb)), notAfter: parseTime(na.idBlock.tagNumber, content(na)) },
    publicKey: publicKeyModel(f.spki),
    extensions,
    ...(ku ? { keyUsage: ku } : {}),
    ...(eku ? { extendedKeyUsage: eku } : {}),
    ...(bc ? { basicConstraints: bc } : {}),
    ...(ski ? { subjectKeyId: ski } : {}),
    ...(aki ? { authorityKeyId: aki } : {}),
    selfIssued: issuer.derHex === subject.derHex,
    signature: { algorithm: algorithmModel(child(cert, 1, CODE)), valueHex: toHex(content(sigBits).subarray(1)) },
    fingerprints: { sha1: await digest('SHA-1', der), sha256: await digest('SHA-256', der) },
    ...(jpki ? { jpki } : {}),
  };
}
