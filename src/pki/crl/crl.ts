// CRLs (RFC 5280 §5): import (DER or PEM), signature check against the issuing CA, serial lookup,
// thisUpdate/nextUpdate with a staleness warning. J-LIS gives JPKI revocation data only to registered
// verifiers (公的個人認証法 §17/§36; ../shared/reference/jpki-card.md §8.4), so without an imported CRL the
// status is 'not-checked' — never 'good'.
import * as pkijs from 'pkijs';
import { LensError } from '../../errors';
import { ownBytes } from '../bytes';
import { derFromFile } from '../pem';
import { type AsnBlock, child, children, content, decodeOne, expect, isContext, isUniversal, oidText } from '../model/asn';
import { buildCertificateModel } from '../model/certificate';
import { integerText } from '../model/integer';
import { nameModel } from '../model/name';
import { parseTime, timeToDate } from '../model/time';
import type { NameModel, TimeModel } from '../model/types';

const CODE = 'pki-bad-crl';

export interface RevokedEntry {
  /** Magnitude, as `CertificateModel.serial.hex`; the sign is `serialNegative` (X.690 §8.3 two's complement). */
  readonly serialHex: string;
  readonly serialNegative: boolean;
  readonly revocationDate: TimeModel;
  /** RFC 5280 §5.3.1 CRLReason code name, when present. */
  readonly reason?: string;
}

export interface CrlModel {
  readonly der: Uint8Array<ArrayBuffer>;
  readonly issuer: NameModel;
  readonly thisUpdate: TimeModel;
  readonly nextUpdate?: TimeModel;
  readonly crlNumber?: string;
  readonly revoked: readonly RevokedEntry[];
  /**
   * OIDs of critical CRL and CRL-entry extensions this code does not process (e.g. deltaCRLIndicator,
   * issuingDistributionPoint, certificateIssuer). RFC 5280 §5.2 / §5.3: such a CRL MUST NOT be used to
   * determine revocation status.
   */
  readonly unprocessedCriticalExtensions: readonly string[];
}

// The CRL extensions whose meaning parseCrl takes in: cRLNumber (RFC 5280 §5.2.3) and, per entry,
// reasonCode (§5.3.1). Everything else that is marked critical makes the CRL unusable here.
const PROCESSED_CRL_EXTENSIONS = new Set(['2.5.29.20', '2.5.29.21']);

function criticalUnprocessed(exts: AsnBlock | undefined): string[] {
  const out: string[] = [];
  for (const ext of exts ? children(exts) : []) {
    const oid = oidText(child(ext, 0, CODE), CODE);
    const flag = children(ext)[1];
    const critical = flag !== undefined && isUniversal(flag, 1) && (content(flag)[0] ?? 0) !== 0;
    if (critical && !PROCESSED_CRL_EXTENSIONS.has(oid)) out.push(oid);
  }
  return out;
}

const REASONS = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation',
  'certificateHold', 'unused', 'removeFromCRL', 'privilegeWithdrawn', 'aACompromise'];

function entryReason(exts: AsnBlock | undefined): string | undefined {
  for (const ext of exts ? children(exts) : []) {
    if (oidText(child(ext, 0, CODE), CODE) !== '2.5.29.21') continue;
    const last = children(ext)[children(ext).length - 1];
    if (!last) continue;
    const v = decodeOne(content(last), CODE);
    return REASONS[content(v)[0] ?? 0] ?? String(content(v)[0]);
  }
  return undefined;
}

/** Parse a CRL file (DER or PEM `X509 CRL`). Throws `pki-bad-crl`. */
export function parseCrl(file: Uint8Array): CrlModel {
  const der = derFromFile(file, ['X509 CRL']);
  const crl = decodeOne(der, CODE);
  expect(isUniversal(crl, 16), CODE, 'CertificateList SEQUENCE');
  const tbs = child(crl, 0, CODE);
  const items = children(tbs);
  let i = items[0] && isUniversal(items[0], 2) ? 1 : 0; // version
  const take = (): AsnBlock => {
    const b = items[i];
    expect(b !== undefined, CODE, 'TBSCertList too short');
    i++;
    return b;
  };
  take(); // signature algorithm
  const issuer = nameModel(take());
  const tu = take();
  const thisUpdate = parseTime(tu.idBlock.tagNumber, content(tu));
  let nextUpdate: TimeModel | undefined;
  const maybeNext = items[i];
  if (maybeNext && (isUniversal(maybeNext, 23) || isUniversal(maybeNext, 24))) {
    nextUpdate = parseTime(maybeNext.idBlock.tagNumber, content(maybeNext));
    i++;
  }
  const revoked: RevokedEntry[] = [];
  const unprocessed: string[] = [];
  let crlNumber: string | undefined;
  for (const rest of items.slice(i)) {
    if (isUniversal(rest, 16)) {
      for (const entry of children(rest)) {
        const serial = integerText(content(child(entry, 0, CODE)));
        const date = child(entry, 1, CODE);
        expect(serial !== undefined, CODE, 'revoked serial');
        const reason = entryReason(children(entry)[2]);
        unprocessed.push(...criticalUnprocessed(children(entry)[2]));
        revoked.push({ serialHex: serial.hex, serialNegative: serial.negative, revocationDate: parseTime(date.idBlock.tagNumber, content(date)), ...(reason ? { reason } : {}) });
      }
    } else if (isContext(rest, 0)) {
      unprocessed.push(...criticalUnprocessed(child(rest, 0, CODE)));
      for (const ext of children(child(rest, 0, CODE))) {
        if (oidText(child(ext, 0, CODE), CODE) === '2.5.29.20') {
          const last = children(ext)[children(ext).length - 1];
          if (last) crlNumber = integerText(content(decodeOne(content(last), CODE)))?.decimal;
        }
      }
    }
  }
  return { der, issuer, thisUpdate, ...(nextUpdate ? { nextUpdate } : {}), ...(crlNumber ? { crlNumber } : {}), revoked, unprocessedCriticalExtensions: [...new Set(unprocessed)] };
}

/** Does the CRL's signature verify with this CA certificate (DER)? */
export async function verifyCrlSignature(crl: CrlModel, issuerDer: Uint8Array): Promise<boolean> {
  try {
    const c = pkijs.CertificateRevocationList.fromBER(ownBytes(crl.der));
    const issuer = pkijs.Certificate.fromBER(ownBytes(issuerDer));
    return await c.verify({ issuerCertificate: issuer });
  } catch (e) {
    throw new LensError(CODE, {}, { cause: e, detail: e instanceof Error ? e.message : String(e) });
  }
}

export type RevocationStatus =
  | { readonly state: 'not-checked'; readonly reasonKey: 'pki.revocation.noCrl' }
  | {
    readonly state: 'unknown';
    readonly reasonKey: 'pki.revocation.crlSignatureInvalid' | 'pki.revocation.crlIssuerMismatch' | 'pki.revocation.noIssuer'
      | 'pki.revocation.crlCriticalExtension' | 'pki.revocation.issuerNotCrlSigner';
    readonly params?: Readonly<Record<string, string>>;
  }
  | { readonly state: 'good'; readonly thisUpdate: string; readonly nextUpdate?: string; readonly stale: boolean; readonly crlNumber?: string }
  | { readonly state: 'revoked'; readonly revokedAt: string; readonly reason?: string; readonly thisUpdate: string; readonly nextUpdate?: string; readonly stale: boolean };

/**
 * The revocation status of a certificate (serial `serialHex`, issuer DN DER `issuerDerHex`) according
 * to `crl`, signed by `issuerDer` (the CA that issued the certificate). Stale = `at` is past nextUpdate.
 */
export async function checkRevocation(
  cert: { readonly serial: { readonly hex: string; readonly negative?: boolean }; readonly issuer: NameModel },
  crl: CrlModel | undefined,
  issuerDer: Uint8Array | undefined,
  at: Date = new Date(),
): Promise<RevocationStatus> {
  if (!crl) return { state: 'not-checked', reasonKey: 'pki.revocation.noCrl' };
  if (!issuerDer) return { state: 'unknown', reasonKey: 'pki.revocation.noIssuer' };
  if (crl.issuer.derHex !== cert.issuer.derHex) return { state: 'unknown', reasonKey: 'pki.revocation.crlIssuerMismatch' };
  // RFC 5280 §6.3.3 (f): when the CRL issuer's certificate has keyUsage, cRLSign must be set. A keyUsage
  // that does not decode counts as not allowing it.
  const issuerModel = await buildCertificateModel(ownBytes(issuerDer));
  const ku = issuerModel.extensions.find((e) => e.oid === '2.5.29.15');
  if (ku && !(ku.status === 'decoded' && issuerModel.keyUsage?.includes('cRLSign'))) {
    return { state: 'unknown', reasonKey: 'pki.revocation.issuerNotCrlSigner' };
  }
  if (!(await verifyCrlSignature(crl, issuerDer))) return { state: 'unknown', reasonKey: 'pki.revocation.crlSignatureInvalid' };
  const critical = crl.unprocessedCriticalExtensions;
  if (critical.length) return { state: 'unknown', reasonKey: 'pki.revocation.crlCriticalExtension', params: { oid: critical.join(', ') } };
  const stale = crl.nextUpdate ? at.getTime() > timeToDate(crl.nextUpdate).getTime() : false;
  const window = { thisUpdate: crl.thisUpdate.iso, ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.iso } : {}), stale };
  // Serials compare as signed integers: -0x1234 is not 0x1234 (RFC 5280 §4.1.2.2 tolerates negative ones).
  const hit = crl.revoked.find((r) => r.serialHex === cert.serial.hex && r.serialNegative === (cert.serial.negative ?? false));
  if (hit) return { state: 'revoked', revokedAt: hit.revocationDate.iso, ...(hit.reason ? { reason: hit.reason } : {}), ...window };
  return { state: 'good', ...window, ...(crl.crlNumber ? { crlNumber: crl.crlNumber } : {}) };
}

