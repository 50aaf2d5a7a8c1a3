import { describe, expect, it } from 'vitest';
import { createVirtualMyNumberCard } from '../../../../src/sim';
import { SELECT_JPKI, fixture, readAll, run, selectEf, send, verify, x } from './helpers';

// jpki-card.md §2, §3.1, §3.3, §3.4 and §11 (minimal APDU scripts).
describe('virtual card: SELECT', () => {
  it('selects the JPKI AP by its full AID, not by a prefix or an unknown AID', async () => {
    const card = createVirtualMyNumberCard();
    expect(await run(card, SELECT_JPKI)).toBe('90 00');
    expect(card.selectedApplication).toBe('jpki');
    expect(await run(card, '00 A4 04 0C 09 D3 92 F0 00 26 01 00 00 00')).toBe('6A 82');
    expect(await run(card, '00 A4 04 0C 10 A0 00 00 02 31 01 00 00 00 00 00 00 00 00 00 00')).toBe('6A 82'); // IC driver's licence DF1
    expect(card.selectedApplication).toBe('jpki'); // a failed SELECT leaves the DF
    expect(await run(card, '00 A4 04 04 0A D3 92 F0 00 26 01 00 00 00 01')).toBe('6A 86');
  });

  it('selects EFs by FID within the current DF only', async () => {
    const card = createVirtualMyNumberCard();
    expect(await run(card, selectEf('00 0A'))).toBe('6A 82'); // no AP yet
    await run(card, SELECT_JPKI);
    expect(await run(card, selectEf('00 0A'))).toBe('90 00');
    expect(await run(card, selectEf('00 99'))).toBe('6A 82');
    expect(await run(card, selectEf('3F 00'))).toBe('6A 82');
    expect(await run(card, '00 A4 02 0C 01 00')).toBe('67 00');
  });

  it('SELECT MF: 6A86 after reset, a no-op 9000 with an AP selected (§2 trap)', async () => {
    const card = createVirtualMyNumberCard();
    expect(await run(card, '00 A4 00 00')).toBe('6A 86');
    await run(card, SELECT_JPKI);
    expect(await run(card, '00 A4 00 00')).toBe('90 00');
    expect(card.selectedApplication).toBe('jpki');
    expect(await run(card, '00 A4 04 0C 07 A0 00 00 01 51 00 00')).toBe('90 00'); // GP ISD → MF state
    expect(card.selectedApplication).toBeNull();
  });
});

describe('virtual card: READ BINARY', () => {
  it('reads the auth certificate as OpenSC does: 4-byte header then 256-byte chunks', async () => {
    const card = createVirtualMyNumberCard();
    const der = fixture('ordinary/auth.der');
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 0A'));
    expect(await run(card, '00 B0 00 00 04')).toBe(`${x(der.slice(0, 4))} 90 00`);
    const total = ((der[2] << 8) | der[3]) + 4;
    expect(total).toBe(der.length);
    const got: number[] = [...der.slice(0, 4)];
    for (let off = 4; off < total; off += 256) {
      const le = Math.min(256, total - off);
      const [data, sw] = await send(card, `00 B0 ${x(Uint8Array.of(off >> 8, off & 0xff))} ${x(Uint8Array.of(le & 0xff))}`);
      expect(sw).toBe('90 00');
      got.push(...data);
    }
    expect(x(Uint8Array.from(got))).toBe(x(der));
  });

  it('fills the EF after the DER with 00 to 0x76C (as the real EF 0002), returns fewer bytes at the end and 6B00 past it', async () => {
    const card = createVirtualMyNumberCard();
    const der = fixture('ordinary/auth.der');
    const size = 0x76c;
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 0A'));
    const body = await readAll(card);
    expect(body.length).toBe(size);
    expect(x(body.slice(0, der.length))).toBe(x(der));
    expect(body.slice(der.length).every((b) => b === 0x00)).toBe(true);
    const last = size - 10;
    const [tail, sw] = await send(card, `00 B0 ${x(Uint8Array.of(last >> 8, last & 0xff))} 00`);
    expect([tail.length, sw]).toEqual([10, '90 00']);
    expect(await run(card, `00 B0 ${x(Uint8Array.of(size >> 8, size & 0xff))} 01`)).toBe('6B 00');
    expect(await run(card, '00 B0 7F FF 01')).toBe('6B 00');
  });

  it('reads a whole EF with one extended READ BINARY when extended length is on', async () => {
    const card = createVirtualMyNumberCard();
    const der = fixture('auth-ca.der');
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 0B'));
    const [data, sw] = await send(card, '00 B0 00 00 00 00 00');
    expect(sw).toBe('90 00');
    expect(x(data.slice(0, der.length))).toBe(x(der));
    const [part] = await send(card, '00 B0 00 00 00 01 2C');
    expect(part.length).toBe(300);
  });

  it('reads by short EF identifier (P1 = 80|SFI) and makes that EF current', async () => {
    const card = createVirtualMyNumberCard();
    const ca = fixture('sign-ca.der');
    await run(card, SELECT_JPKI);
    expect(await run(card, '00 B0 82 00 04')).toBe(`${x(ca.slice(0, 4))} 90 00`);
    expect(await run(card, '00 B0 00 00 04')).toBe(`${x(ca.slice(0, 4))} 90 00`);
    expect(await run(card, '00 B0 9E 00 04')).toBe('6A 82');
  });

  it('rejects READ BINARY with no current EF, on a PIN or key EF, and without Le', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    expect(await run(card, '00 B0 00 00 04')).toBe('69 86');
    await run(card, selectEf('00 18'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 81');
    await run(card, selectEf('00 17'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 81');
    await run(card, selectEf('00 0A'));
    expect(await run(card, '00 B0 00 00')).toBe('67 00');
  });

  it('reads the CA certificates and the auth certificate with no PIN, byte-identical to the fixtures', async () => {
    const card = createVirtualMyNumberCard({ person: 'long-address' });
    await run(card, SELECT_JPKI);
    for (const [fid, file] of [['00 0A', 'long-address/auth.der'], ['00 0B', 'auth-ca.der'], ['00 02', 'sign-ca.der']] as const) {
      await run(card, selectEf(fid));
      const der = fixture(file);
      expect(x((await readAll(card)).slice(0, der.length)), file).toBe(x(der));
    }
  });

  it('sign certificate: 6982 before the 署名用パスワード, readable after it, 6982 again after re-SELECT of the AP', async () => {
    const card = createVirtualMyNumberCard();
    const der = fixture('ordinary/sign.der');
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 82');
    await run(card, selectEf('00 18'));
    await run(card, verify('1234')); // the auth PIN does not open it (§3.4)
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 82');
    await run(card, selectEf('00 1B'));
    expect(await run(card, verify('ABC123'))).toBe('90 00');
    await run(card, selectEf('00 01'));
    expect(x((await readAll(card)).slice(0, der.length))).toBe(x(der));
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 04')).toBe('69 82');
  });
});

describe('virtual card: token info and certificate presence', () => {
  it('EF 0006 is a 160-byte CK_TOKEN_INFO labelled JPKIAPICCTOKEN2', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 06'));
    expect(await run(card, '00 B0 00 00 20')).toBe(`4A 50 4B 49 41 50 49 43 43 54 4F 4B 45 4E 32 ${Array(17).fill('20').join(' ')} 90 00`);
    const body = await readAll(card);
    expect(body.length).toBe(160);
    // ulMaxPinLen / ulMinPinLen at offsets 116 / 120 (32-bit big-endian)
    expect(x(body.slice(116, 124))).toBe('00 00 00 10 00 00 00 04');
  });

  it('EF 0008 is 8F 8F 00 with both certificates', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_JPKI);
    await run(card, selectEf('00 08'));
    expect(await run(card, '00 B0 00 00 00')).toBe('8F 8F 00 90 00');
  });
});

describe('virtual card: CLA, INS and transport rules', () => {
  it('answers 6E00 for an unknown CLA, 69FC for secure messaging, 6D00 for an unknown INS, 6700 for a malformed APDU', async () => {
    const card = createVirtualMyNumberCard();
    expect(await run(card, 'A0 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')).toBe('6E 00');
    expect(await run(card, '0C A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')).toBe('69 FC');
    expect(await run(card, '00 FC 00 00')).toBe('6D 00');
    expect(await run(card, '80 FC 00 00')).toBe('6D 00');
    expect(await run(card, '00 A4 04')).toBe('67 00');
  });

  it('GET CHALLENGE gives Le random bytes; the extended form is refused', async () => {
    const card = createVirtualMyNumberCard();
    const [data, sw] = await send(card, '00 84 00 00 08');
    expect([data.length, sw]).toEqual([8, '90 00']);
    expect(await run(card, '00 84 00 00 00 00 08')).toBe('69 85');
  });

  it('GET DATA 5F51 returns the contact ATR without TS at MF level only', async () => {
    const card = createVirtualMyNumberCard();
    expect(await run(card, '00 CA 5F 51 00')).toBe('DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B 90 00');
    await run(card, SELECT_JPKI);
    expect(await run(card, '00 CA 5F 51 00')).toBe('6A 88');
  });
});
