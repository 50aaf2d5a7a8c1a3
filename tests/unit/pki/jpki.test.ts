// JPKI decoders pinned to the JPKI-TEST fixture values (tests/fixtures/README.md, src/sim/card/people.ts).
// The SAN OID mapping matters: some public code swaps .5.5.2/.5.5.4 or .5.5.5/.5.5.6; ours must not.
import { describe, expect, it } from 'vitest';
import { explainCertificate, JPKI_OID } from '../../../src/pki';
import { explainAuthCn, explainSignCn } from '../../../src/pki/jpki/profile';
import { otherNameDecoder, personalDataFrom, substitutedPositions, type MutablePersonal } from '../../../src/pki/jpki/personal-data';
import { FIXTURES, ROOT_FILES, read } from './helpers';

const cert = (p: string) => explainCertificate(read(`${FIXTURES}/${p}`));

describe('sign certificate of "ordinary" (見本　太郎)', () => {
  it('decodes every SAN otherName by OID', async () => {
    const m = await cert('ordinary/sign.der');
    expect(m.jpki?.kind).toBe('sign');
    expect(m.jpki?.test).toBe(true);
    const p = m.jpki?.personal;
    expect(p?.name).toBe('見本　太郎');
    expect(p?.sex).toBe('1');
    expect(p?.address).toBe('東京都清瀬市見本町一丁目２－３');
    expect(p?.dateOfBirth?.raw).toBe('319850401');
    expect(p?.dateOfBirth?.western).toBe('1985-04-01');
    expect(p?.dateOfBirth?.wareki?.text).toBe('昭和60年4月1日');
    expect(p?.dateOfBirth?.eraConsistent).toBe(true);
    expect(p?.nameSubstitutedPositions).toEqual([]);
    expect(p?.addressSubstitutedPositions).toEqual([]);
  });
  it('keeps the raw otherNames with their OIDs and UTF8String tag', async () => {
    const m = await cert('ordinary/sign.der');
    const san = m.extensions.find((e) => e.oid === '2.5.29.17');
    const others = (san?.data as { otherName?: { typeOid: string; valueTag: number; value: string } }[]).map((g) => g.otherName);
    expect(others.map((o) => o?.typeOid)).toEqual([JPKI_OID.name, JPKI_OID.dateOfBirth, JPKI_OID.sex, JPKI_OID.address, JPKI_OID.nameSubstitute, JPKI_OID.addressSubstitute]);
    expect(others.every((o) => o?.valueTag === 12)).toBe(true);
    expect(others[4]?.value).toBe('00000');
    expect(others[5]?.value).toBe('000000000000000');
  });
  it('explains the CN: request time, sequence, window id', async () => {
    const m = await cert('ordinary/sign.der');
    expect(m.jpki?.cn).toEqual([
      { key: 'pki.jpki.cn.requestTime', value: '2025-10-27 10:23:45' },
      { key: 'pki.jpki.cn.sequence', value: '00001' },
      { key: 'pki.jpki.cn.window', value: 'Z9TEST01' },
    ]);
  });
  it('names the test-card sign policy and the IssuerAltName', async () => {
    const m = await cert('ordinary/sign.der');
    expect(m.jpki?.policies.map((p) => p.value)).toEqual(['1.2.392.200149.8.5.1.0.20']);
    expect(m.jpki?.issuerAltName).toBe('C=JP, O=公的個人認証サービス（試験用）, OU=公的個人認証サービス署名用, OU=地方公共団体情報システム機構');
  });
  it('has the key usages of the profile and the AKI of the sign CA', async () => {
    const m = await cert('ordinary/sign.der');
    const ca = await cert('sign-ca.der');
    expect(m.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(m.authorityKeyId).toBe(ca.subjectKeyId);
  });
});

describe('sign certificate of "substitute" (高橋　見本, 大正, sex 9)', () => {
  it('decodes substitute flags, sex 9 and a 大正 birth date', async () => {
    const p = (await cert('substitute/sign.der')).jpki?.personal;
    expect(p?.name).toBe('高橋　見本');
    expect(p?.nameSubstitutedPositions).toEqual([0]);
    expect(p?.addressSubstitutedPositions).toEqual([10]);
    expect(p?.sex).toBe('9');
    expect(p?.dateOfBirth?.eraDigit).toBe('2');
    expect(p?.dateOfBirth?.declaredEra).toBe('taisho');
    expect(p?.dateOfBirth?.wareki?.text).toBe('大正14年1月1日');
  });
});

describe('sign certificate of "long-address"', () => {
  it('keeps a 49-character address whole', async () => {
    const p = (await cert('long-address/sign.der')).jpki?.personal;
    expect(p?.name).toBe('試験　花子');
    expect([...(p?.address ?? '')]).toHaveLength(49);
    expect(p?.sex).toBe('2');
  });
});

describe('auth certificates', () => {
  it('are recognised as auth, carry no personal data, and the CN is split (marked unconfirmed)', async () => {
    for (const who of ['ordinary', 'substitute', 'long-address', 'under15']) {
      const m = await cert(`${who}/auth.der`);
      expect(m.jpki?.kind).toBe('auth');
      expect(m.jpki?.personal).toBeUndefined();
      expect(m.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
      expect(m.jpki?.cn?.[0]?.valueKey).toBe('pki.jpki.unconfirmed');
    }
    expect(explainAuthCn('997794E9AGCIEG13221003A').map((f) => f.value)).toEqual(['997794', 'E9AGCIEG13221003A']);
    expect(explainAuthCn('short')[0]?.key).toBe('pki.jpki.cn.opaque');
  });
});

describe('CA certificates', () => {
  it('the real roots are recognised as sign-ca / auth-ca of the production hierarchy', async () => {
    for (const f of ROOT_FILES) {
      const m = await explainCertificate(read(f));
      expect(m.jpki?.kind).toBe(f.includes('sign') ? 'sign-ca' : 'auth-ca');
      expect(m.jpki?.test).toBe(false);
      expect(m.basicConstraints).toEqual({ ca: true });
      expect(m.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
      expect(m.publicKey.sizeBits).toBe(2048);
      expect(m.publicKey.rsa?.exponent).toBe('65537');
    }
  });
});

describe('CN and flag helpers', () => {
  it('rejects a sign CN that is not time + sequence + window', () => {
    expect(explainSignCn('hello')[0]?.key).toBe('pki.jpki.cn.unrecognised');
  });
  it('finds substituted positions', () => {
    expect(substitutedPositions('0101')).toEqual([1, 3]);
  });
  it('names every JIS X 0303 sex code, including 0 (不明), and only those', () => {
    const sex = otherNameDecoder(JPKI_OID.sex);
    expect(['0', '1', '2', '9', '3'].map((c) => sex?.decode(c).fields[0]?.valueKey))
      .toEqual(['pki.jpki.sex.0', 'pki.jpki.sex.1', 'pki.jpki.sex.2', 'pki.jpki.sex.9', 'pki.jpki.sex.unknown']);
  });
  it('takes personal data only from UTF8String values (another type is not shown as a name)', () => {
    const other = (valueTag: number, value: string) => ({
      type: 'otherName' as const, value, otherName: { typeOid: JPKI_OID.name, typeName: 'jpkiName', valueTag, value, valueDerHex: '' },
    });
    expect(personalDataFrom([other(12, '見本　太郎')])?.name).toBe('見本　太郎');
    expect(personalDataFrom([other(4, '0403414243')])).toBeUndefined();
  });
  it('decodes name and address substitute flags into their own fields', () => {
    const out: MutablePersonal = {};
    otherNameDecoder(JPKI_OID.nameSubstitute)?.decode('0010').apply(out);
    otherNameDecoder(JPKI_OID.addressSubstitute)?.decode('1000001').apply(out);
    expect(out).toEqual({ nameSubstitutedPositions: [2], addressSubstitutedPositions: [0, 6] });
  });
});
