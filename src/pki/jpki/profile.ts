// Recognising a JPKI certificate and explaining what the profile puts in it
// (../shared/reference/jpki-card.md §8.1–§8.3; fixture README tests/fixtures/README.md).
import type { AttributeModel, ExtensionModel, Field, GeneralNameModel, JpkiKind, JpkiModel, NameModel } from '../model/types';
import { JPKI_OID } from '../oid/jpki-oids';
import type { PolicyData } from '../model/extensions/standard';
import { personalDataFrom } from './personal-data';

const OU_SIGN = 'JPKI for digital signature';
const OU_AUTH = 'JPKI for user authentication';

const SIGN_POLICIES = new Set<string>([JPKI_OID.policySign, JPKI_OID.policyTestSign]);
// The test-card auth policy …1.0.30 is inferred by analogy (fixture README: UNCONFIRMED).
const AUTH_POLICIES = new Set<string>([JPKI_OID.policyAuth, '1.2.392.200149.8.5.1.0.30']);
const TEST_POLICIES = new Set<string>([JPKI_OID.policyTestSign, '1.2.392.200149.8.5.1.0.30']);

function attrs(name: NameModel, oid: string): AttributeModel[] {
  return name.rdns.flat().filter((a) => a.oid === oid);
}

/** The JPKI CA DN: C=JP, O=JPKI | JPKI-TEST, OU=<kind>, OU=Japan Agency for Local Authority Information Systems. */
function jpkiOrg(name: NameModel): { kind?: 'sign' | 'auth'; test: boolean } | undefined {
  const o = attrs(name, '2.5.4.10').map((a) => a.value);
  if (!o.includes('JPKI') && !o.includes('JPKI-TEST')) return undefined;
  const ou = attrs(name, '2.5.4.11').map((a) => a.value);
  const kind = ou.includes(OU_SIGN) ? 'sign' : ou.includes(OU_AUTH) ? 'auth' : undefined;
  return { ...(kind ? { kind } : {}), test: o.includes('JPKI-TEST') };
}

/**
 * Sign CN `YYYYMMDDhhmmss` (発行要求作成日時) + 5-digit シーケンス番号 + 受付窓口識別記号 (jpki-card.md §8.2).
 */
export function explainSignCn(cn: string): Field[] {
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{5})(.+)$/.exec(cn);
  if (!m) return [{ key: 'pki.jpki.cn.unrecognised', value: cn }];
  const [, y, mo, d, h, mi, s, seq, window] = m;
  return [
    { key: 'pki.jpki.cn.requestTime', value: `${y}-${mo}-${d} ${h}:${mi}:${s}` },
    { key: 'pki.jpki.cn.sequence', value: seq ?? '' },
    { key: 'pki.jpki.cn.window', value: window ?? '' },
  ];
}

/**
 * Auth CN: an opaque 23-character identifier, a random part followed by the reception-terminal id.
 * UNCONFIRMED split: one real test-card CN (`997794E9AGCIEG13221003A`, myna-card tests) and our fixtures
 * share the last 17 characters' shape, so we show the first 6 as the random part and mark it unconfirmed.
 */
export function explainAuthCn(cn: string): Field[] {
  if (cn.length !== 23) return [{ key: 'pki.jpki.cn.opaque', value: cn }];
  return [
    { key: 'pki.jpki.cn.random', value: cn.slice(0, 6), valueKey: 'pki.jpki.unconfirmed' },
    { key: 'pki.jpki.cn.terminal', value: cn.slice(6), valueKey: 'pki.jpki.unconfirmed' },
  ];
}

export interface JpkiInput {
  readonly issuer: NameModel;
  readonly subject: NameModel;
  readonly extensions: readonly ExtensionModel[];
  readonly ca: boolean;
}

/** The JPKI explanation, or undefined for a certificate that is not from a JPKI (or JPKI-TEST) CA. */
export function explainJpki(input: JpkiInput): JpkiModel | undefined {
  const issuerOrg = jpkiOrg(input.issuer);
  if (!issuerOrg) return undefined;
  const policies = (input.extensions.find((e) => e.oid === '2.5.29.32')?.data as PolicyData[] | undefined) ?? [];
  const policyOids = policies.map((p) => p.oid);
  let kind: JpkiKind | undefined;
  if (input.ca && jpkiOrg(input.subject)?.kind) kind = `${jpkiOrg(input.subject)?.kind ?? 'sign'}-ca` as JpkiKind;
  else if (policyOids.some((p) => SIGN_POLICIES.has(p))) kind = 'sign';
  else if (policyOids.some((p) => AUTH_POLICIES.has(p))) kind = 'auth';
  else if (issuerOrg.kind) kind = issuerOrg.kind;
  if (!kind) return undefined;
  const test = issuerOrg.test || policyOids.some((p) => TEST_POLICIES.has(p));
  const cn = attrs(input.subject, '2.5.4.3')[0]?.value;
  const san = input.extensions.find((e) => e.oid === '2.5.29.17')?.data as GeneralNameModel[] | undefined;
  const ian = input.extensions.find((e) => e.oid === '2.5.29.18')?.data as GeneralNameModel[] | undefined;
  const personal = kind === 'sign' && san ? personalDataFrom(san) : undefined;
  const policyFields: Field[] = policyOids
    .filter((p) => SIGN_POLICIES.has(p) || AUTH_POLICIES.has(p))
    .map((p) => ({ key: 'pki.jpki.policy', value: p, valueKey: `pki.oid.${p}` }));
  const ianText = ian?.find((g) => g.type === 'directoryName')?.value;
  // The CA certificates name themselves in Japanese in a SAN DirName (openssl shows only its start).
  const sanDirName = kind.endsWith('-ca') ? san?.find((g) => g.type === 'directoryName')?.value : undefined;
  return {
    kind, test,
    ...(cn && kind === 'sign' ? { cn: explainSignCn(cn) } : {}),
    ...(cn && kind === 'auth' ? { cn: explainAuthCn(cn) } : {}),
    ...(personal ? { personal } : {}),
    policies: policyFields,
    ...(ianText ? { issuerAltName: ianText } : {}),
    ...(sanDirName ? { subjectAltName: sanDirName } : {}),
  };
}
