// tests/fixtures/real/jpki-card-behaviour-notes.txt: what people with real cards say the card does, replayed
// on the virtual card with the same command bytes. Each block cites the notes section it checks.
import { describe, expect, it } from 'vitest';
import { createVirtualMyNumberCard } from '../../../../src/sim';
import { realText } from '../../helpers/real-fixtures';
import { SELECT_JPKI, fixture, run, selectEf, send, verify, x } from './helpers';

const notes = realText('jpki-card-behaviour-notes.txt');

/** RSAVP1 with the public key of a DER certificate (WebCrypto cannot do raw RSA): m = s^e mod n. */
async function recover(certDer: Uint8Array, signature: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('spki', spkiOf(certDer), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']);
  const jwk = await crypto.subtle.exportKey('jwk', key);
  const big = (b64: string) => BigInt(`0x${Buffer.from(b64, 'base64url').toString('hex')}`);
  const n = big(jwk.n ?? '');
  let e = big(jwk.e ?? '');
  let base = BigInt(`0x${Buffer.from(signature).toString('hex')}`) % n;
  let m = 1n;
  while (e > 0n) {
    if (e & 1n) m = (m * base) % n;
    base = (base * base) % n;
    e >>= 1n;
  }
  return Uint8Array.from(Buffer.from(m.toString(16).padStart(512, '0'), 'hex'));
}

/** The SubjectPublicKeyInfo of a certificate (TBS → 7th element), by walking DER lengths. */
function spkiOf(der: Uint8Array): Uint8Array<ArrayBuffer> {
  const header = (at: number) => {
    const l = der[at + 1];
    if (l < 0x80) return { start: at + 2, end: at + 2 + l };
    const n = l & 0x7f;
    let len = 0;
    for (let i = 0; i < n; i++) len = (len << 8) | der[at + 2 + i];
    return { start: at + 2 + n, end: at + 2 + n + len };
  };
  let at = header(header(0).start).start; // inside TBSCertificate
  for (let i = 0; i < 6; i++) at = header(at).end; // version, serial, sigAlg, issuer, validity, subject
  return Uint8Array.from(der.subarray(at, header(at).end));
}

describe('jpki-card-behaviour-notes.txt §1: empty VERIFY after the correct PIN (OpenSC PR #959)', () => {
  it('the notes say 63 C3 after 90 00', () => {
    expect(notes).toMatch(/> 00 20 00 80 04 XX XX XX XX[^\n]*\n\s*<\s+90 00\n\s*> 00 20 00 80\n\s*<\s+63 C3/);
  });
  it('default: the virtual card answers the same sequence the same way, and the sign key is usable (login kept)', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 18'));
    expect(await run(card, verify('1234'))).toBe('90 00');
    expect(await run(card, '00 20 00 80')).toBe('63 C3');
    expect(card.verifiedPins).toEqual(['auth']);
  });
  it("variant emptyVerify 'ok-when-verified': 9000 while verified, 63Cx before and after a re-SELECT", async () => {
    const card = createVirtualMyNumberCard({ emptyVerify: 'ok-when-verified' });
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 18'));
    expect(await run(card, '00 20 00 80')).toBe('63 C3');
    expect(await run(card, verify('1234'))).toBe('90 00');
    expect(await run(card, '00 20 00 80')).toBe('90 00');
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 18'));
    expect(await run(card, '00 20 00 80')).toBe('63 C3');
  });
});

describe('jpki-card-behaviour-notes.txt §2: EF selection only with P1=02 (OpenSC PR #801)', () => {
  it('P1=02 selects; P1=09 (path from current), P1=08 (path from MF) and P1=00 with a FID do not', async () => {
    expect(notes).toContain('EF\n   selecting work only P1=2');
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    expect(await run(card, '00 A4 09 0C 02 00 0A')).toBe('6A 86');
    expect(await run(card, '00 A4 08 0C 02 00 0A')).toBe('6A 86');
    expect(await run(card, '00 A4 00 0C 02 00 0A')).toBe('6A 82');
    expect(await run(card, '00 B0 00 00 04')).toBe('69 86'); // still no current EF
    expect(await run(card, '00 A4 02 0C 02 00 0A')).toBe('90 00');
  });
  it('both PINs are verified with the same header 00 20 00 80 after selecting their EF', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 18'));
    expect(await run(card, verify('1234'))).toBe('90 00');
    await run(card, selectEf('00 1B'));
    expect(await run(card, verify('ABC123'))).toBe('90 00');
    expect(card.verifiedPins.sort()).toEqual(['auth', 'sign']);
  });
});

describe('jpki-card-behaviour-notes.txt §3: AokiApp/jsapdu e2e assertions', () => {
  it('a) SELECT JPKI AP with P2=00 and Le → 9000', async () => {
    expect(notes).toContain('00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01 00');
    expect(await run(createVirtualMyNumberCard(), '00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01 00')).toBe('90 00');
  });
  it('b) 80 A2 00 C1 with 256 garbage bytes (extended Lc) → 6700', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, '00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01 00');
    expect(await run(card, `80 A2 00 C1 00 01 00 ${x(new Uint8Array(256))} 00 00`)).toBe('67 00');
    // Outside the JPKI AP the instruction is unknown.
    await run(card, '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08');
    expect(await run(card, `80 A2 00 C1 00 01 00 ${x(new Uint8Array(256))} 00 00`)).toBe('6D 00');
  });
  it('c) 入力補助AP: 80 2A 05 00 (RSA-PSS) with no VERIFY → 9000 and 256 bytes', async () => {
    const card = createVirtualMyNumberCard();
    expect(await run(card, '00 A4 04 00 0A D3 92 10 00 31 00 01 01 04 08 00')).toBe('90 00');
    const [sig, sw] = await send(card, `80 2A 05 00 20 ${x(new Uint8Array(32).fill(1))} 00`);
    expect([sw, sig.length]).toEqual(['90 00', 256]);
  });
  it('d) 入力補助AP: 80 2A 00 00 with no VERIFY and no EF → 9000 and 256 bytes (PKCS#1 type 1 over the data)', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, '00 A4 04 00 0A D3 92 10 00 31 00 01 01 04 08 00');
    const data = new Uint8Array(32).fill(2);
    const [sig, sw] = await send(card, `80 2A 00 00 20 ${x(data)} 00`);
    expect([sw, sig.length]).toEqual(['90 00', 256]);
    // The virtual card's PIN-less key is the holder's auth key (synthetic choice): the block recovers.
    const block = await recover(fixture('ordinary/auth.der'), sig);
    expect(x(block.subarray(0, 2))).toBe('00 01');
    expect(x(block.subarray(-33))).toBe(x(Uint8Array.of(0, ...data)));
  });
  it('the PIN-less path is the 入力補助AP only: in the JPKI AP P2=00 is refused', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    expect(await run(card, `80 2A 00 00 20 ${x(new Uint8Array(32))} 00`)).toBe('6A 86');
  });
});

describe('jpki-card-behaviour-notes.txt §4: retry counts from sc-tools-myna', () => {
  it('auth 3, sign 5, 入力補助 0011 3, 券面 PIN-A 0013 and PIN-B 0012 3 each', async () => {
    expect(notes).toMatch(/PIN-A EF 0013, PIN-B EF 0012 \(retry 3 each\)/);
    const card = createVirtualMyNumberCard();
    const counter = async (aid: string, fid: string) => {
      await run(card, `00 A4 04 0C 0A ${aid}`);
      await run(card, selectEf(fid));
      return run(card, '00 20 00 80');
    };
    expect(await counter('D3 92 F0 00 26 01 00 00 00 01', '00 18')).toBe('63 C3');
    expect(await counter('D3 92 F0 00 26 01 00 00 00 01', '00 1B')).toBe('63 C5');
    expect(await counter('D3 92 10 00 31 00 01 01 04 08', '00 11')).toBe('63 C3');
    expect(await counter('D3 92 10 00 31 00 01 01 04 02', '00 13')).toBe('63 C3');
    expect(await counter('D3 92 10 00 31 00 01 01 04 02', '00 12')).toBe('63 C3');
  });
  it('EF 0008 is 3 bytes ("a mysterious EF of only 3 bytes")', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 08'));
    const [data, sw] = await send(card, '00 B0 00 00 00');
    expect([sw, data.length]).toEqual(['90 00', 3]);
  });
});

describe('jpki-card-behaviour-notes.txt §5: J-LIS test-card file facts (soltia48/myna-card)', () => {
  it('入力補助AP EF 0001 is 17 bytes: a 15-byte TLV and 2 filler bytes; EF 0005 identification DF41 = 01 03 0E 01', async () => {
    expect(notes).toContain('EF 0001 (個人番号) is 17 bytes as stored = a 15-byte TLV + 2 filler bytes');
    const card = createVirtualMyNumberCard();
    await run(card, '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08');
    await run(card, selectEf('00 11'));
    expect(await run(card, verify('1234'))).toBe('90 00');
    await run(card, selectEf('00 01'));
    const [number, sw] = await send(card, '00 B0 00 00 00');
    expect([sw, number.length, number[2] + 3]).toEqual(['90 00', 17, 15]);
    expect(x(number.subarray(15))).toBe('FF FF');
    await run(card, selectEf('00 05'));
    const [info] = await send(card, '00 B0 00 00 00');
    expect(x(info.subarray(0, 2))).toBe('FF 40');
    const at = x(info).indexOf('DF 41 04 ');
    expect(at).toBeGreaterThan(0);
    expect(x(info).slice(at, at + 20)).toBe('DF 41 04 01 03 0E 01');
  });
  it('JPKI AP 000A and 000B read without authentication, 0001 only after the 署名用パスワード', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    for (const fid of ['00 0A', '00 0B']) {
      await run(card, selectEf(fid));
      expect((await send(card, '00 B0 00 00 04'))[1]).toBe('90 00');
    }
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 82');
  });
});

describe('jpki-card-behaviour-notes.txt §6: the 署名用パスワード protects the signature certificate and key (OpenSC #3169 / PR #3182)', () => {
  it('sign certificate 6982 and signature 6982 before the password; both work after it', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 82');
    await run(card, selectEf('00 1A'));
    const di = `30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20 ${x(new Uint8Array(32))}`;
    expect(await run(card, `80 2A 00 80 33 ${di} 00`)).toBe('69 82');
    await run(card, selectEf('00 1B'));
    expect(await run(card, verify('ABC123'))).toBe('90 00');
    await run(card, selectEf('00 01'));
    expect((await send(card, '00 B0 00 00 04'))[1]).toBe('90 00');
    await run(card, selectEf('00 1A'));
    expect((await send(card, `80 2A 00 80 33 ${di} 00`))[1]).toBe('90 00');
  });
});
