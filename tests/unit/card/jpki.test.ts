/**
 * JpkiAp against scripted cards: the exact APDUs of jpki-card.md §11 and every PIN edge. Each test
 * states the full exchange; anything else the code sends is answered 6F00 and shows up in
 * `unexpected`.
 */
import { describe, expect, it } from 'vitest';
import { JpkiAp } from '../../../src/card/jpki';
import { digestInfo, digestInfoOf } from '../../../src/card/digest-info';
import { fromHex, toHex } from '../../../src/card/bytes';
import { Transcript } from '../../../src/trace/transcript';
import { OK, SELECT_COMMON, SELECT_JPKI, SELECT_KENHOJO, ScriptedChannel, selectEf } from './scripted-channel';
import { fixture, shortReadSteps, signWithFixtureKey } from './fixtures';

const COUNTER = '00 20 00 80';
const verifyCmd = (ascii: string) => toHex([0x00, 0x20, 0x00, 0x80, ascii.length, ...Array.from(ascii, (c) => c.charCodeAt(0))]);
const isVerifyWithData = (c: string) => c.startsWith('00 20 00 80 ');

describe('JpkiAp.identify (detection by AID, never by ATR)', () => {
  it('reads the token label (EF 0006) and certificate presence (EF 0008)', async () => {
    const label = toHex(Array.from('JPKIAPICCTOKEN2                 ', (c) => c.charCodeAt(0)));
    const ch = new ScriptedChannel([
      [SELECT_JPKI, OK],
      [selectEf(0x0006), OK],
      ['00 B0 00 00 20', `${label} 90 00`],
      [selectEf(0x0008), OK],
      ['00 B0 00 00 03', '8F 8F 00 90 00'],
    ]);
    const info = await new JpkiAp(ch).identify();
    expect(info).toEqual({ token: { label: 'JPKIAPICCTOKEN2', kind: 'my-number-card' }, certificates: { sign: true, auth: true, raw: '8f8f00' } });
    expect(ch.done).toBe(true);
  });
  it('recognises smartphone tokens, the 住基カード and a card without a sign certificate', async () => {
    const ch = new ScriptedChannel([
      [SELECT_JPKI, OK],
      [selectEf(0x0006), OK],
      ['00 B0 00 00 20', `${toHex(Array.from('JPKIAPGPSETOKEN', (c) => c.charCodeAt(0)))} ${'00 '.repeat(17)} 90 00`],
      [selectEf(0x0008), OK],
      ['00 B0 00 00 03', '00 8F 00 90 00'],
    ]);
    const info = await new JpkiAp(ch).identify();
    expect(info.token.kind).toBe('android-token');
    expect(info.certificates?.sign).toBe(false);
  });
  it('a card without the JPKI AP is card-not-jpki, whatever its ATR', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, '6A 82']]);
    await expect(new JpkiAp(ch).identify()).rejects.toMatchObject({ code: 'card-not-jpki' });
  });
  it('EF 0008 missing is reported as unknown, not an error', async () => {
    const ch = new ScriptedChannel([
      [SELECT_JPKI, OK],
      [selectEf(0x0006), OK],
      ['00 B0 00 00 20', `${toHex(Array.from('JPKIAPICCTOKEN'.padEnd(32), (c) => c.charCodeAt(0)))} 90 00`],
      [selectEf(0x0008), '6A 82'],
    ]);
    const info = await new JpkiAp(ch).identify();
    expect(info).toEqual({ token: { label: 'JPKIAPICCTOKEN', kind: 'juki-card' }, certificates: null });
  });
});

describe('JpkiAp.readCertificate', () => {
  const auth = fixture('ordinary/auth.der');
  it('auth certificate without a PIN: SELECT AP, SELECT 000A, 256-byte chunks, trimmed (short APDUs)', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x000a), OK], ...shortReadSteps(auth)]);
    const der = await new JpkiAp(ch).readCertificate('auth');
    expect(toHex(der)).toBe(toHex(auth));
    expect(ch.done).toBe(true);
    expect(ch.sent).toHaveLength(2 + Math.ceil(auth.length / 256));
  });
  it('the CA certificates come from 000B and 0002', async () => {
    const authCa = fixture('auth-ca.der');
    const signCa = fixture('sign-ca.der');
    const ch = new ScriptedChannel([
      [SELECT_JPKI, OK],
      [selectEf(0x000b), OK],
      ...shortReadSteps(authCa),
      [selectEf(0x0002), OK],
      ...shortReadSteps(signCa),
    ]);
    const ap = new JpkiAp(ch);
    expect(toHex(await ap.readCertificate('auth-ca'))).toBe(toHex(authCa));
    expect(toHex(await ap.readCertificate('sign-ca'))).toBe(toHex(signCa));
    expect(ch.done).toBe(true);
  });
  it('the sign certificate before the password is pin-not-verified (6982), read redacted', async () => {
    const transcript = new Transcript();
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0001), OK], ['00 B0 00 00 00', '69 82']], undefined, transcript);
    await expect(new JpkiAp(ch).readCertificate('sign')).rejects.toMatchObject({ code: 'pin-not-verified', params: { pin: 'jpki-sign' } });
    const rb = transcript.events().filter((e) => e.layer === 'apdu').slice(4);
    expect(rb.every((e) => e.redacted)).toBe(true);
  });
  it('after the password the sign certificate reads without re-selecting the AP (which would log out)', async () => {
    const sign = fixture('ordinary/sign.der');
    const ch = new ScriptedChannel([
      [SELECT_JPKI, OK],
      [selectEf(0x001b), OK],
      [COUNTER, '63 C5'],
      [verifyCmd('ABC123'), OK],
      [selectEf(0x0001), OK],
      ...shortReadSteps(sign),
    ]);
    const ap = new JpkiAp(ch);
    await ap.verifyPin('sign', 'abc123');
    expect(toHex(await ap.readCertificate('sign'))).toBe(toHex(sign));
    expect(ch.done).toBe(true);
    expect(ch.sent.filter((c) => c === SELECT_JPKI.toUpperCase())).toHaveLength(1);
  });
  it('an empty EF or 6A82 is jpki-certificate-absent', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0001), '6A 82']]);
    await expect(new JpkiAp(ch).readCertificate('sign')).rejects.toMatchObject({ code: 'jpki-certificate-absent' });
    const ch2 = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x000a), OK], ['00 B0 00 00 00', `${'FF '.repeat(256)}90 00`]]);
    await expect(new JpkiAp(ch2).readCertificate('auth')).rejects.toMatchObject({ code: 'jpki-certificate-absent', params: { kind: 'auth' } });
  });
  it('a non-SEQUENCE object is jpki-certificate-not-der', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x000a), OK], ['00 B0 00 00 00', `04 02 01 02 ${'FF '.repeat(252)}90 00`]]);
    await expect(new JpkiAp(ch).readCertificate('auth')).rejects.toMatchObject({ code: 'jpki-certificate-not-der' });
  });
  it('an unknown kind is refused before any I/O', async () => {
    const ch = new ScriptedChannel([]);
    await expect(new JpkiAp(ch).readCertificate('x' as 'auth')).rejects.toMatchObject({ code: 'jpki-certificate-kind-unknown' });
    await expect(new JpkiAp(ch).readCertificate('constructor' as 'auth')).rejects.toMatchObject({ code: 'jpki-certificate-kind-unknown' });
    await expect(new JpkiAp(ch).verifyPin('toString' as 'auth', '1234')).rejects.toMatchObject({ code: 'jpki-pin-kind-unknown' });
    await expect(new JpkiAp(ch).sign('valueOf' as 'auth', new Uint8Array(51))).rejects.toMatchObject({ code: 'jpki-pin-kind-unknown' });
    expect(ch.sent).toHaveLength(0);
  });
});

describe('JpkiAp PINs', () => {
  it('pinStatus: SELECT 0018, empty VERIFY → 63C3 (spends no try)', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, '63 C3']]);
    expect(await new JpkiAp(ch).pinStatus('auth')).toEqual({ remaining: 3, max: 3, blocked: false });
    expect(ch.done).toBe(true);
  });
  it('pinStatus: 63C0, 6983 and 6984 are blocked', async () => {
    for (const sw of ['63 C0', '69 83', '69 84']) {
      const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x001b), OK], [COUNTER, sw]]);
      expect(await new JpkiAp(ch).pinStatus('sign')).toEqual({ remaining: 0, max: 5, blocked: true });
    }
  });
  it('pinStatus: 90 00 (the ISO reading, while verified) reports the full counter and nothing about login', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, OK]]);
    expect(await new JpkiAp(ch).pinStatus('auth')).toEqual({ remaining: 3, max: 3, blocked: false });
  });
  it('verify ok: counter first, then one VERIFY with the ASCII digits', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, '63 C3'], ['00 20 00 80 04 31 32 33 34', OK]]);
    await new JpkiAp(ch).verifyPin('auth', '1234');
    expect(ch.done).toBe(true);
  });
  it('wrong PIN: 63C2 → pin-wrong with 2 left (the try was spent by the user’s action)', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, '63 C3'], ['00 20 00 80 04 39 39 39 39', '63 C2']]);
    const err = await new JpkiAp(ch).verifyPin('auth', '9999').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'pin-wrong', params: { pin: 'jpki-auth', remaining: 2 } });
    expect((err as Error).cause).toMatchObject({ code: 'sw-63cx', message: 'SW 63C2 (PIN wrong, 2 tries left) after VERIFY' });
    expect(ch.done).toBe(true);
  });
  it('last try: refused without acknowledgement — no VERIFY with data is sent', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, '63 C1']]);
    await expect(new JpkiAp(ch).verifyPin('auth', '1234')).rejects.toMatchObject({ code: 'pin-last-try-not-acknowledged', params: { remaining: 1 } });
    expect(ch.sent.some(isVerifyWithData)).toBe(false);
    expect(ch.done).toBe(true);
  });
  it('last try: sent when acknowledged; a wrong value then blocks (63C0 → pin-blocked)', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, '63 C1'], ['00 20 00 80 04 30 30 30 30', '63 C0']]);
    await expect(new JpkiAp(ch).verifyPin('auth', '0000', { acknowledgeLastTry: true })).rejects.toMatchObject({ code: 'pin-blocked' });
    expect(ch.done).toBe(true);
  });
  it('blocked: 63C0 or 6984 on the counter → pin-blocked, nothing sent after the query', async () => {
    for (const sw of ['63 C0', '69 84']) {
      const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x001b), OK], [COUNTER, sw]]);
      await expect(new JpkiAp(ch).verifyPin('sign', 'ABC123', { acknowledgeLastTry: true })).rejects.toMatchObject({ code: 'pin-blocked' });
      expect(ch.sent.some(isVerifyWithData)).toBe(false);
      expect(ch.done).toBe(true);
    }
  });
  it('sign password: lower case is upper-cased before sending', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x001b), OK], [COUNTER, '63 C5'], [verifyCmd('PASSWORD1234'), OK]]);
    await new JpkiAp(ch).verifyPin('sign', 'password1234');
    expect(ch.done).toBe(true);
  });
  it('full-width input from an IME is normalised (NFKC)', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, '63 C3'], ['00 20 00 80 04 31 32 33 34', OK]]);
    await new JpkiAp(ch).verifyPin('auth', '１２３４');
    expect(ch.done).toBe(true);
  });
  it('invalid values are rejected locally: nothing at all is sent', async () => {
    const cases: [('auth' | 'sign'), string, string][] = [
      ['auth', '123', 'pin-format-4-digits'],
      ['auth', '12345', 'pin-format-4-digits'],
      ['auth', '12a4', 'pin-format-4-digits'],
      ['sign', 'ABC12', 'pin-format-sign-password'],
      ['sign', 'ABCDEFGHIJ1234567', 'pin-format-sign-password'],
      ['sign', 'abc-123', 'pin-format-sign-password'],
      ['sign', 'パスワード123', 'pin-format-sign-password'],
    ];
    for (const [pin, value, code] of cases) {
      const ch = new ScriptedChannel([]);
      await expect(new JpkiAp(ch).verifyPin(pin, value)).rejects.toMatchObject({ code });
      expect(ch.sent).toHaveLength(0);
    }
  });
  it('cancelled: an aborted signal stops before anything is sent', async () => {
    const ac = new AbortController();
    ac.abort();
    const ch = new ScriptedChannel([]);
    await expect(new JpkiAp(ch).verifyPin('auth', '1234', { signal: ac.signal })).rejects.toMatchObject({ code: 'pin-cancelled' });
    expect(ch.sent).toHaveLength(0);
  });
  it('cancelled while the counter was being read: still nothing presented', async () => {
    const ac = new AbortController();
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, '63 C3']]);
    const original = ch.transmit.bind(ch);
    ch.transmit = async (apdu) => {
      const r = await original(apdu);
      if (toHex(apdu) === COUNTER) ac.abort(); // the user pressed Cancel meanwhile
      return r;
    };
    await expect(new JpkiAp(ch).verifyPin('auth', '1234', { signal: ac.signal })).rejects.toMatchObject({ code: 'pin-cancelled' });
    expect(ch.sent.some(isVerifyWithData)).toBe(false);
  });
  it('the transcript never holds the PIN: VERIFY masked and redacted', async () => {
    const transcript = new Transcript();
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x001b), OK], [COUNTER, '63 C5'], [verifyCmd('SECRET99'), OK]], undefined, transcript);
    await new JpkiAp(ch).verifyPin('sign', 'secret99');
    const text = JSON.stringify(transcript.events());
    expect(text).not.toMatch(/53 45 43 52 45 54|534543524554/i);
    expect(text).toContain('00 20 00 80 08 ** ** ** ** ** ** ** **');
  });
  it('changePin: VERIFY current, then CHANGE REFERENCE DATA 00 24 01 80 with the new value', async () => {
    const ch = new ScriptedChannel([
      [SELECT_JPKI, OK],
      [selectEf(0x001b), OK],
      [COUNTER, '63 C5'],
      [verifyCmd('ABC123'), OK],
      [toHex([0x00, 0x24, 0x01, 0x80, 8, ...Array.from('NEWPASS9', (c) => c.charCodeAt(0))]), OK],
    ]);
    await new JpkiAp(ch).changePin('sign', 'abc123', 'newpass9');
    expect(ch.done).toBe(true);
  });
  it('changePin: a new sign password without digits (or letters) is refused locally', async () => {
    for (const next of ['NEWPASSWORD', '12345678']) {
      const ch = new ScriptedChannel([]);
      await expect(new JpkiAp(ch).changePin('sign', 'ABC123', next)).rejects.toMatchObject({ code: 'pin-new-needs-letters-and-digits' });
      expect(ch.sent).toHaveLength(0);
    }
    const ch = new ScriptedChannel([]);
    await expect(new JpkiAp(ch).changePin('auth', '1234', '12345')).rejects.toMatchObject({ code: 'pin-format-4-digits' });
    expect(ch.sent).toHaveLength(0);
  });
  it('changePin: a wrong current PIN stops before CHANGE REFERENCE DATA', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, '63 C3'], ['00 20 00 80 04 31 31 31 31', '63 C2']]);
    await expect(new JpkiAp(ch).changePin('auth', '1111', '5678')).rejects.toMatchObject({ code: 'pin-wrong' });
    expect(ch.sent.some((c) => c.startsWith('00 24'))).toBe(false);
  });
  it('allPinStatus: JPKI auth and sign, 入力補助, 共通 — re-selecting only when the AP changes', async () => {
    const ch = new ScriptedChannel([
      [SELECT_JPKI, OK],
      [selectEf(0x0018), OK],
      [COUNTER, '63 C3'],
      [selectEf(0x001b), OK],
      [COUNTER, '63 C4'],
      [SELECT_KENHOJO, OK],
      [selectEf(0x0011), OK],
      [COUNTER, '69 84'],
      [SELECT_COMMON, '6A 82'],
    ]);
    expect(await new JpkiAp(ch).allPinStatus()).toEqual([
      { id: 'jpki-auth', status: { remaining: 3, max: 3, blocked: false } },
      { id: 'jpki-sign', status: { remaining: 4, max: 5, blocked: false } },
      { id: 'kenhojo', status: { remaining: 0, max: 3, blocked: true } },
      { id: 'common', absent: true },
    ]);
    expect(ch.done).toBe(true);
  });
});

describe('JpkiAp.sign', () => {
  const auth = fixture('ordinary/auth.der');
  const message = new TextEncoder().encode('JPKI Lens test message');

  it('reads the certificate, SELECTs 0017, sends 80 2A 00 80 Lc <DigestInfo> 00 and checks the result', async () => {
    const di = await digestInfoOf('SHA-256', message);
    const signature = await signWithFixtureKey('ordinary/auth.key.p8', message);
    const ch = new ScriptedChannel([
      [SELECT_JPKI, OK],
      [selectEf(0x000a), OK],
      ...shortReadSteps(auth),
      [selectEf(0x0017), OK],
      [`80 2A 00 80 33 ${toHex(di)} 00`, `${signature} 90 00`],
    ]);
    const out = await new JpkiAp(ch).sign('auth', di);
    expect(toHex(out)).toBe(signature);
    expect(ch.done).toBe(true);
  });
  it('a signature that does not verify is jpki-signature-check-failed (and not returned)', async () => {
    const di = await digestInfoOf('SHA-256', message);
    const good = fromHex(await signWithFixtureKey('ordinary/auth.key.p8', message));
    good[100] ^= 1;
    const ch = new ScriptedChannel([
      [SELECT_JPKI, OK],
      [selectEf(0x000a), OK],
      ...shortReadSteps(auth),
      [selectEf(0x0017), OK],
      [`80 2A 00 80 33 ${toHex(di)} 00`, `${toHex(good)} 90 00`],
    ]);
    await expect(new JpkiAp(ch).sign('auth', di)).rejects.toMatchObject({ code: 'jpki-signature-check-failed' });
    expect(ch.done).toBe(true);
  });
  it('without the PIN the card answers 6982: pin-not-verified', async () => {
    const di = digestInfo('SHA-256', new Uint8Array(32));
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x000a), OK], ...shortReadSteps(auth), [selectEf(0x0017), OK], [`80 2A 00 80 33 ${toHex(di)} 00`, '69 82']]);
    await expect(new JpkiAp(ch).sign('auth', di)).rejects.toMatchObject({ code: 'pin-not-verified', params: { pin: 'jpki-auth' } });
  });
  it('input longer than 245 bytes or empty is refused before any I/O', async () => {
    const ch = new ScriptedChannel([]);
    await expect(new JpkiAp(ch).sign('sign', new Uint8Array(246))).rejects.toMatchObject({ code: 'jpki-sign-input-length' });
    await expect(new JpkiAp(ch).sign('sign', new Uint8Array(0))).rejects.toMatchObject({ code: 'jpki-sign-input-length' });
    expect(ch.sent).toHaveLength(0);
  });
});

describe('digestInfo', () => {
  it('builds the RFC 8017 §9.2 DigestInfo for SHA-256/384/512', () => {
    expect(toHex(digestInfo('SHA-256', new Uint8Array(32))).slice(0, 56)).toBe('30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20');
    expect(digestInfo('SHA-384', new Uint8Array(48))).toHaveLength(19 + 48);
    expect(toHex(digestInfo('SHA-512', new Uint8Array(64)).subarray(0, 19))).toBe('30 51 30 0D 06 09 60 86 48 01 65 03 04 02 03 05 00 04 40');
  });
  it('a digest of the wrong length is a named error', () => {
    expect(() => digestInfo('SHA-384', new Uint8Array(32))).toThrow(expect.objectContaining({ code: 'card-digest-length-mismatch' }));
    expect(() => digestInfo('MD5' as 'SHA-256', new Uint8Array(16))).toThrow(expect.objectContaining({ code: 'card-digest-algorithm-unsupported' }));
  });
});
