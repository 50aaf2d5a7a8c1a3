// The JPKI object identifiers JPKI Lens names. Arc 1.2.392.200149 is J-LIS (地方公共団体情報システム機構).
// Facts: ../shared/reference/jpki-card.md §8.2 (policies) and §8.3 (SubjectAltName otherNames), sourced there
// from jpki/myna Go `libmyna/jpki_ap.go` and kjur/jsrsasign-oid-jpki `lib/index.js` (5.5.5 = address,
// 5.5.6 = substitute-character flags of the address; an older test file of that project had them swapped,
// and a Clojure registry maps 5.5.2/5.5.4 wrongly — our fixture tests pin the mapping).
// Short/long names are ours, ASCII only and distinct from every OpenSSL built-in name, so that the OID
// file we export loads into `openssl asn1parse -oid` without clashing.

export interface JpkiOid {
  readonly oid: string;
  readonly sn: string;
  readonly ln: string;
}

export const JPKI_ARC = '1.2.392.200149.8.5';

export const JPKI_OID = {
  name: '1.2.392.200149.8.5.5.1',
  nameSubstitute: '1.2.392.200149.8.5.5.2',
  sex: '1.2.392.200149.8.5.5.3',
  dateOfBirth: '1.2.392.200149.8.5.5.4',
  address: '1.2.392.200149.8.5.5.5',
  addressSubstitute: '1.2.392.200149.8.5.5.6',
  policySign: '1.2.392.200149.8.5.1.1.20',
  policyAuth: '1.2.392.200149.8.5.1.3.30',
  policyTestSign: '1.2.392.200149.8.5.1.0.20',
} as const;

export const JPKI_OIDS: readonly JpkiOid[] = [
  { oid: JPKI_OID.name, sn: 'jpkiName', ln: 'JPKI name' },
  { oid: JPKI_OID.nameSubstitute, sn: 'jpkiNameSubstitute', ln: 'JPKI name substitute-character positions' },
  { oid: JPKI_OID.sex, sn: 'jpkiSex', ln: 'JPKI sex' },
  { oid: JPKI_OID.dateOfBirth, sn: 'jpkiDateOfBirth', ln: 'JPKI date of birth' },
  { oid: JPKI_OID.address, sn: 'jpkiAddress', ln: 'JPKI address' },
  { oid: JPKI_OID.addressSubstitute, sn: 'jpkiAddressSubstitute', ln: 'JPKI address substitute-character positions' },
  { oid: JPKI_OID.policySign, sn: 'jpkiCpSign', ln: 'JPKI certificate policy for digital signature (class 20)' },
  { oid: JPKI_OID.policyAuth, sn: 'jpkiCpAuth', ln: 'JPKI certificate policy for user authentication (class 30)' },
  { oid: JPKI_OID.policyTestSign, sn: 'jpkiCpTestSign', ln: 'JPKI test-card certificate policy for digital signature' },
];
