/**
 * Every flow of JpkiAp, KenhojoAp and KenmenAp against the virtual My Number card (src/sim, an
 * independent implementation of the card side), with the default PINs of tests/fixtures/README.md.
 * Certificates must read back byte-identical to the fixtures, over extended and short APDUs.
 */
import { describe, expect, it } from 'vitest';
import { PEOPLE, PERSON_IDS, createVirtualMyNumberCard, type VirtualMyNumberCard } from '../../../src/sim';
import { JpkiAp, type CertificateKind } from '../../../src/card/jpki';
import { KenhojoAp } from '../../../src/card/kenhojo';
import { KenmenAp } from '../../../src/card/kenmen';
import { cvcKeyIdLabel } from '../../../src/card/cvc';
import { digestInfo, digestInfoOf, type DigestAlgorithm } from '../../../src/card/digest-info';
import { toHex } from '../../../src/card/bytes';
import { fixture } from './fixtures';

const FILES: Record<CertificateKind, string> = { auth: 'ordinary/auth.der', 'auth-ca': 'auth-ca.der', sign: 'ordinary/sign.der', 'sign-ca': 'sign-ca.der' };

/** Commands the card received that present a value (VERIFY with data; masked in the card's log). */
const presented = (card: VirtualMyNumberCard) => card.log.filter((e) => /^00 20 00 [0-9a-f]{2} [0-9a-f]{2} \*\*/i.test(e.command));
const reads = (card: VirtualMyNumberCard) => card.log.filter((e) => /^00 b0/i.test(e.command));

describe('JpkiAp on the virtual card', () => {
  const levels = [
    { name: 'short APDUs', extendedLength: false, policy: undefined, reads: (n: number) => Math.ceil(n / 256) },
    { name: 'extended APDUs, exact', extendedLength: true, policy: 'exact' as const, reads: (n: number) => (n > 256 ? 2 : 1) },
    { name: 'extended APDUs, whole EF', extendedLength: true, policy: 'whole-ef' as const, reads: () => 1 },
  ];
  for (const level of levels) {
    it(`reads all four certificates byte-identical to the fixtures (${level.name})`, async () => {
      const card = createVirtualMyNumberCard({ extendedLength: level.extendedLength });
      const ap = new JpkiAp(card, { readPolicy: level.policy });
      await ap.verifyPin('sign', 'ABC123');
      for (const kind of ['auth', 'auth-ca', 'sign', 'sign-ca'] as const) {
        const before = reads(card).length;
        const der = await ap.readCertificate(kind);
        expect(toHex(der), kind).toBe(toHex(fixture(FILES[kind])));
        expect(reads(card).length - before, kind).toBe(level.reads(der.length));
      }
    });
  }

  it('identify: a physical card with both certificates; under-15 has no sign certificate; smartphone label', async () => {
    expect(await new JpkiAp(createVirtualMyNumberCard()).identify()).toMatchObject({
      token: { label: 'JPKIAPICCTOKEN2', kind: 'my-number-card' },
      certificates: { sign: true, auth: true },
    });
    const child = await new JpkiAp(createVirtualMyNumberCard({ person: 'under15' })).identify();
    expect(child.certificates).toMatchObject({ sign: false, auth: true });
    expect((await new JpkiAp(createVirtualMyNumberCard({ token: 'iphone' })).identify()).token.kind).toBe('iphone-token');
  });

  it('the sign certificate needs the password; a card without one says it is absent', async () => {
    await expect(new JpkiAp(createVirtualMyNumberCard()).readCertificate('sign')).rejects.toMatchObject({ code: 'pin-not-verified' });
    const child = new JpkiAp(createVirtualMyNumberCard({ person: 'under15' }));
    await expect(child.readCertificate('sign')).rejects.toMatchObject({ code: 'jpki-certificate-absent', params: { kind: 'sign' } });
    await expect(child.verifyPin('sign', 'ABC123')).rejects.toMatchObject({ code: 'pin-absent', params: { pin: 'jpki-sign' } });
  });

  it('PIN status spends no try', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new JpkiAp(card);
    expect(await ap.pinStatus('auth')).toEqual({ remaining: 3, max: 3, blocked: false });
    expect(await ap.pinStatus('sign')).toEqual({ remaining: 5, max: 5, blocked: false });
    expect(await ap.pinStatus('auth')).toEqual({ remaining: 3, max: 3, blocked: false });
    expect(card.pinStatus('auth')?.remaining).toBe(3);
  });

  it('wrong PIN decrements; a correct one resets the counter', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new JpkiAp(card);
    await expect(ap.verifyPin('auth', '9999')).rejects.toMatchObject({ code: 'pin-wrong', params: { remaining: 2 } });
    expect(card.pinStatus('auth')?.remaining).toBe(2);
    await ap.verifyPin('auth', '1234');
    expect(card.pinStatus('auth')?.remaining).toBe(3);
  });

  it('last try: refused without acknowledgement (the card sees no VERIFY), sent with it', async () => {
    const card = createVirtualMyNumberCard({ remaining: { sign: 1 } });
    const ap = new JpkiAp(card);
    await expect(ap.verifyPin('sign', 'ABC123')).rejects.toMatchObject({ code: 'pin-last-try-not-acknowledged' });
    expect(presented(card)).toHaveLength(0);
    expect(card.pinStatus('sign')?.remaining).toBe(1);
    await ap.verifyPin('sign', 'abc123', { acknowledgeLastTry: true });
    expect(card.pinStatus('sign')?.remaining).toBe(5);
  });

  it('exhausting the PIN blocks it, and it stays blocked: nothing more is presented', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new JpkiAp(card);
    await expect(ap.verifyPin('auth', '0000')).rejects.toMatchObject({ code: 'pin-wrong', params: { remaining: 2 } });
    await expect(ap.verifyPin('auth', '0000')).rejects.toMatchObject({ code: 'pin-wrong', params: { remaining: 1 } });
    await expect(ap.verifyPin('auth', '0000')).rejects.toMatchObject({ code: 'pin-last-try-not-acknowledged' });
    await expect(ap.verifyPin('auth', '0000', { acknowledgeLastTry: true })).rejects.toMatchObject({ code: 'pin-blocked' });
    expect(presented(card)).toHaveLength(3);
    expect(await ap.pinStatus('auth')).toMatchObject({ remaining: 0, blocked: true });
    // Locked for good: even the right PIN is never sent.
    await expect(ap.verifyPin('auth', '1234', { acknowledgeLastTry: true })).rejects.toMatchObject({ code: 'pin-blocked' });
    expect(presented(card)).toHaveLength(3);
  });

  it('a card created blocked refuses before presenting', async () => {
    const card = createVirtualMyNumberCard({ remaining: { auth: 0 } });
    await expect(new JpkiAp(card).verifyPin('auth', '1234', { acknowledgeLastTry: true })).rejects.toMatchObject({ code: 'pin-blocked' });
    expect(presented(card)).toHaveLength(0);
  });

  it('malformed values never reach the card', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new JpkiAp(card);
    await expect(ap.verifyPin('sign', 'abc')).rejects.toMatchObject({ code: 'pin-format-sign-password' });
    await expect(ap.verifyPin('auth', '12345')).rejects.toMatchObject({ code: 'pin-format-4-digits' });
    expect(card.log).toHaveLength(0);
  });

  for (const hash of ['SHA-256', 'SHA-384', 'SHA-512'] as DigestAlgorithm[]) {
    it(`signs with both keys over a ${hash} DigestInfo; the signature verifies with WebCrypto too`, async () => {
      const card = createVirtualMyNumberCard();
      const ap = new JpkiAp(card);
      const message = new TextEncoder().encode(`message for ${hash}`);
      const di = await digestInfoOf(hash, message);
      await ap.verifyPin('auth', '1234');
      await ap.verifyPin('sign', 'ABC123');
      for (const key of ['auth', 'sign'] as const) {
        const sig = await ap.sign(key, di);
        expect(sig).toHaveLength(256);
        // An independent check: WebCrypto hashing the message itself, with the fixture certificate's key.
        const { Certificate } = await import('pkijs');
        const spki = Certificate.fromBER(fixture(FILES[key])).subjectPublicKeyInfo.toSchema().toBER(false);
        const pub = await crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
        expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', pub, sig.slice(), message)).toBe(true);
      }
    });
  }

  it('signing without the PIN is pin-not-verified', async () => {
    const ap = new JpkiAp(createVirtualMyNumberCard());
    await expect(ap.sign('auth', digestInfo('SHA-256', new Uint8Array(32)))).rejects.toMatchObject({ code: 'pin-not-verified', params: { pin: 'jpki-auth' } });
  });

  it('logout ends the login (re-SELECT of the AP)', async () => {
    const ap = new JpkiAp(createVirtualMyNumberCard());
    await ap.verifyPin('sign', 'ABC123');
    await ap.logout();
    await expect(ap.readCertificate('sign')).rejects.toMatchObject({ code: 'pin-not-verified' });
  });

  it('changes the auth PIN and the sign password', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new JpkiAp(card);
    await ap.changePin('auth', '1234', '5678');
    await expect(ap.verifyPin('auth', '1234')).rejects.toMatchObject({ code: 'pin-wrong' });
    await ap.verifyPin('auth', '5678');
    await ap.changePin('sign', 'ABC123', 'newpass9');
    await ap.verifyPin('sign', 'NEWPASS9');
  });

  it('allPinStatus covers JPKI auth and sign, 入力補助 and 共通', async () => {
    const card = createVirtualMyNumberCard({ remaining: { kenhojo: 2, common: 0 } });
    expect(await new JpkiAp(card).allPinStatus()).toEqual([
      { id: 'jpki-auth', status: { remaining: 3, max: 3, blocked: false } },
      { id: 'jpki-sign', status: { remaining: 5, max: 5, blocked: false } },
      { id: 'kenhojo', status: { remaining: 2, max: 3, blocked: false } },
      { id: 'common', status: { remaining: 0, max: 3, blocked: true } },
    ]);
    expect(presented(card)).toHaveLength(0);
  });

  it('two callers on one card are serialised (no interleaved SELECTs)', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new JpkiAp(card);
    const kenhojo = new KenhojoAp(card);
    const [cert, status, pin] = await Promise.all([ap.readCertificate('auth'), kenhojo.pinStatus(), ap.pinStatus('auth')]);
    expect(toHex(cert)).toBe(toHex(fixture('ordinary/auth.der')));
    expect(status.remaining).toBe(3);
    expect(pin.remaining).toBe(3);
  });
});

describe('入力補助AP and 券面AP on the virtual card', () => {
  for (const id of PERSON_IDS) {
    it(`reads and checks the 個人番号 and 基本4情報 of ${id}`, async () => {
      const person = PEOPLE[id];
      const ap = new KenhojoAp(createVirtualMyNumberCard({ person: id }));
      await ap.verifyPin('1234');
      const all = await ap.readAll();
      expect(all.myNumber).toEqual({ value: person.myNumber, checkDigitValid: true });
      expect(all.basicInfo).toMatchObject({ name: person.name, address: person.address, sex: { code: person.sex }, offsetsConsistent: true });
      expect(all.basicInfo.birthDate.raw).toBe(person.birthDate);
      // The synthetic CVC CA is not trusted without the test switch: the record matches the card's key,
      // whose certificate is named by the synthetic 証明者鍵ID ("TEST033/001").
      expect(all.integrity).toMatchObject({ myNumber: 'match', basicInfo: 'match', issuerSignature: { status: 'unknown-ca' } });
      expect(cvcKeyIdLabel(all.integrity.issuerSignature.caKeyId ?? '')).toBe('TEST033/001');
    });
  }

  it('the 入力補助 PIN guards like the JPKI ones', async () => {
    const card = createVirtualMyNumberCard({ remaining: { kenhojo: 1 } });
    const ap = new KenhojoAp(card);
    await expect(ap.readMyNumber()).rejects.toMatchObject({ code: 'pin-not-verified' });
    await expect(ap.verifyPin('1234')).rejects.toMatchObject({ code: 'pin-last-try-not-acknowledged' });
    expect(presented(card)).toHaveLength(0);
    await ap.verifyPin('1234', { acknowledgeLastTry: true });
    expect((await ap.readMyNumber()).value).toBe(PEOPLE.ordinary.myNumber);
    await ap.changePin('1234', '4321');
    await ap.verifyPin('4321');
  });

  it('券面AP: 照合番号A from the 入力補助AP, then the face data', async () => {
    const card = createVirtualMyNumberCard();
    const kenhojo = new KenhojoAp(card);
    await kenhojo.verifyPin('1234');
    const { value } = await kenhojo.readMyNumber();
    const kenmen = new KenmenAp(card);
    await kenmen.verifyNumberA(value);
    const face = await kenmen.readFace();
    expect(face.birthDate?.raw).toBe(PEOPLE.ordinary.birthDate);
    expect(face.sex?.code).toBe(PEOPLE.ordinary.sex);
    expect(face.expiry?.raw).toBe(PEOPLE.ordinary.cardExpiry);
    expect(face.nameImage?.format).toBe('png');
    expect(face.addressImage?.format).toBe('png');
    expect(['jp2', 'j2k']).toContain(face.photo?.format);
    expect(face.securityCodeImage?.format).toBe('png');
    expect(face.signature).toMatchObject({ status: 'unknown-ca' });
  });
});
