import { describe, expect, it } from 'vitest';
import { PEOPLE, PERSON_IDS, createVirtualMyNumberCard, verificationCodeB } from '../../../../src/sim';
import { SELECT_KENHOJO, ascii, fixture, readAll, run, selectEf, send, verify, x } from './helpers';
import { personalData } from './san';

// jpki-card.md §4: 4-digit PIN 0011, 照合番号A 0014, 照合番号B 0015; EF 0001 個人番号, 0002 基本4情報, 0003 integrity.
interface Tlv {
  tag: number;
  value: Uint8Array<ArrayBuffer>;
  start: number;
  end: number;
}

/** Minimal BER walk for the test (2-byte private tags, 1/81/82 lengths). */
function tlvs(bytes: Uint8Array<ArrayBuffer>, from = 0, to = bytes.length): Tlv[] {
  const out: Tlv[] = [];
  let i = from;
  while (i < to && bytes[i] !== 0x00 && !(bytes[i] === 0xff && bytes[i + 1] === 0xff)) {
    const start = i;
    let tag = bytes[i++];
    if ((tag & 0x1f) === 0x1f) tag = (tag << 8) | bytes[i++];
    let len = bytes[i++];
    if (len === 0x81) len = bytes[i++]!;
    else if (len === 0x82) len = (bytes[i++] << 8) | bytes[i++];
    out.push({ tag, value: bytes.slice(i, i + len), start, end: i + len });
    i += len;
  }
  return out;
}

async function sha256(data: Uint8Array): Promise<string> {
  return x(new Uint8Array(await crypto.subtle.digest('SHA-256', data.slice())));
}

async function opened(person: (typeof PERSON_IDS)[number] = 'ordinary'): Promise<ReturnType<typeof createVirtualMyNumberCard>> {
  const card = createVirtualMyNumberCard({ person });
  await run(card, SELECT_KENHOJO);
  await run(card, selectEf('00 11'));
  expect(await run(card, verify('1234'))).toBe('90 00');
  return card;
}

describe('virtual card: 券面事項入力補助AP', () => {
  it('EF 0001 is FF 10 0C <12 digits> FF FF after the PIN, 6982 before', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_KENHOJO);
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 11')).toBe('69 82');
    await run(card, selectEf('00 11'));
    await run(card, verify('1234'));
    await run(card, selectEf('00 01'));
    expect(await run(card, '00 B0 00 00 11')).toBe(`FF 10 0C ${ascii('000000000019')} FF FF 90 00`);
    expect(await run(card, '00 B0 00 11 01')).toBe('6B 00');
  });

  it('照合番号A opens 0001 but not 0002; 照合番号B opens 0002 but not 0001; both open 0003', async () => {
    const person = PEOPLE.ordinary;
    const a = createVirtualMyNumberCard();
    await run(a, SELECT_KENHOJO);
    await run(a, selectEf('00 14'));
    expect(await run(a, verify(person.myNumber))).toBe('90 00');
    for (const [fid, sw] of [['00 01', '90 00'], ['00 02', '69 82'], ['00 03', '90 00']] as const) {
      await run(a, selectEf(fid));
      expect((await send(a, '00 B0 00 00 05'))[1], fid).toBe(sw);
    }
    const b = createVirtualMyNumberCard();
    await run(b, SELECT_KENHOJO);
    await run(b, selectEf('00 15'));
    expect(verificationCodeB(person)).toBe('60040120351111');
    expect(await run(b, verify(verificationCodeB(person)))).toBe('90 00');
    for (const [fid, sw] of [['00 01', '69 82'], ['00 02', '90 00'], ['00 03', '90 00']] as const) {
      await run(b, selectEf(fid));
      expect((await send(b, '00 B0 00 00 05'))[1], fid).toBe(sw);
    }
  });

  it.each(PERSON_IDS)('EF 0002 of %s decodes to the 4 info, and equals the sign certificate SAN', async (id) => {
    const person = PEOPLE[id];
    const card = await opened(id);
    await run(card, selectEf('00 02'));
    const body = await readAll(card);
    const [outer] = tlvs(body);
    expect(outer.tag).toBe(0xff20);
    const fields = tlvs(body, outer.end - outer.value.length, outer.end);
    expect(fields.map((f) => f.tag.toString(16))).toEqual(['df21', 'df22', 'df23', 'df24', 'df25']);
    const text = (i: number): string => new TextDecoder().decode(fields[i].value);
    expect([text(1), text(2), text(3), text(4)]).toEqual([person.name, person.address, person.birthDate, person.sex]);
    // DF21: u16 offsets of the DF22…DF25 tags from the start of the file
    const offsets = Array.from({ length: 4 }, (_v, i) => (fields[0].value[2 * i] << 8) | fields[0].value[2 * i + 1]);
    expect(offsets).toEqual(fields.slice(1).map((f) => f.start));
    expect(body.slice(outer.end).every((b) => b === 0xff)).toBe(true);
    if (person.hasSignCertificate) {
      const san = personalData(fixture(`${id}/sign.der`));
      expect(san.get('1.2.392.200149.8.5.5.1')).toBe(person.name);
      expect(san.get('1.2.392.200149.8.5.5.5')).toBe(person.address);
      expect(san.get('1.2.392.200149.8.5.5.3')).toBe(person.sex);
      expect(san.get('1.2.392.200149.8.5.5.4')?.slice(1)).toBe(person.birthDate);
    }
  });

  it.each(PERSON_IDS)('EF 0003 of %s: both SHA-256 values match and the signature verifies with the EF 0004 key', async (id) => {
    const card = await opened(id);
    await run(card, selectEf('00 01'));
    const myNumber = await readAll(card);
    await run(card, selectEf('00 02'));
    const four = await readAll(card);
    await run(card, selectEf('00 03'));
    const record = await readAll(card);
    expect(x(record)).toBe(x(fixture(`${id}/kenhojo-ef0003.bin`)));
    expect(x(record.slice(0, 5))).toBe('FF 30 82 01 4B');
    const [df31, df32, df33] = tlvs(record, 5);
    expect(x(myNumber)).toHaveLength(17 * 3 - 1);
    expect(x(df31.value)).toBe(await sha256(myNumber));
    const [outer] = tlvs(four);
    const df22 = tlvs(four, outer.end - outer.value.length, outer.end)[1];
    expect(x(df32.value)).toBe(await sha256(four.slice(df22.start, outer.end)));
    // DF33 over DF31+DF32, with the key certified by EF 0004 (7F21 { 5F4E { ids, 90 e, 91 n }, 5F37 sig })
    await run(card, selectEf('00 04'));
    const cv = await readAll(card);
    expect(x(cv)).toBe(x(fixture('kenhojo-ef0004.bin')));
    const n = cv.slice(10 + 32 + 5 + 4, 10 + 32 + 5 + 4 + 256);
    const b64 = (u: Uint8Array): string => Buffer.from(u).toString('base64url');
    const pub = await crypto.subtle.importKey('jwk', { kty: 'RSA', n: b64(n), e: 'AQAB' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', pub, df33.value, record.slice(5, df33.start))).toBe(true);
  });

  it('EF 0004 (CV certificate) and EF 0005 (AP info) are free', async () => {
    const card = createVirtualMyNumberCard();
    await run(card, SELECT_KENHOJO);
    await run(card, selectEf('00 04'));
    expect(await run(card, '00 B0 00 00 05')).toBe('7F 21 82 02 33 90 00');
    await run(card, selectEf('00 05'));
    expect(await run(card, '00 B0 00 00 07')).toBe('FF 40 81 9E DF 41 04 90 00');
  });
});
