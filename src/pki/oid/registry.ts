// One lookup for every OID name JPKI Lens prints: OpenSSL's built-in names (so our dumps and text agree
// with openssl byte for byte) plus the JPKI names (so the same dump equals openssl run with the OID file
// we export). Other modules may register more names; a name is one entry, not a code change.
import { OPENSSL_OID_NAMES } from './openssl-names';
import { JPKI_OIDS } from './jpki-oids';

export interface OidName {
  readonly oid: string;
  /** Short name (openssl `sn`): used for DN attributes in one-line names. */
  readonly sn: string;
  /** Long name (openssl `ln`): what asn1parse prints for an OBJECT and x509 -text for an extension. */
  readonly ln: string;
  /** 'openssl' = built into OpenSSL 3.0; anything else must go into the exported `-oid` file. */
  readonly source: 'openssl' | 'jpki' | 'extra';
}

const byOid = new Map<string, OidName>();
for (const [oid, sn, ln] of OPENSSL_OID_NAMES) byOid.set(oid, { oid, sn, ln, source: 'openssl' });
for (const o of JPKI_OIDS) if (!byOid.has(o.oid)) byOid.set(o.oid, { ...o, source: 'jpki' });

/** Add a name (ignored when the OID already has one: built-in names never change). */
export function registerOidName(name: OidName): void {
  if (!byOid.has(name.oid)) byOid.set(name.oid, name);
}

export interface NameScope {
  /** false = only OpenSSL's built-in names (what plain `openssl` prints). Default true. */
  readonly withJpki?: boolean;
}

export function oidName(oid: string, scope: NameScope = {}): OidName | undefined {
  const n = byOid.get(oid);
  if (!n) return undefined;
  if (n.source !== 'openssl' && scope.withJpki === false) return undefined;
  return n;
}

/** openssl's `OBJ_obj2txt(…, no_name = 0)`: the long name when known, else the dotted form. */
export function longNameOrDotted(oid: string, scope: NameScope = {}): string {
  return oidName(oid, scope)?.ln ?? oid;
}

/** The short name when known (DN attributes in one-line names), else the dotted form. */
export function shortNameOrDotted(oid: string, scope: NameScope = {}): string {
  return oidName(oid, scope)?.sn ?? oid;
}

/** Every name that is not built into OpenSSL (the content of the exported `-oid` file). */
export function nonOpensslNames(): OidName[] {
  return [...byOid.values()].filter((n) => n.source !== 'openssl');
}

/**
 * The OID file `openssl asn1parse -oid FILE` reads: one `OID shortname longname` line per object
 * (OpenSSL `OBJ_create_objects`). Only names OpenSSL lacks are listed: `OBJ_create` refuses an OID or
 * a name that already exists and stops reading the file at the first refusal.
 */
export function opensslOidFile(): string {
  // No comment line: OBJ_create_objects stops at the first line that does not start with an OID.
  const lines: string[] = [];
  for (const n of nonOpensslNames()) lines.push(`${n.oid} ${n.sn} ${n.ln}`);
  return `${lines.join('\n')}\n`;
}
