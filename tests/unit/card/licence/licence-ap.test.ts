/**
 * DriversLicenceAp against scripted byte exchanges built from jpki-card.md §9 (wire bytes in, wire
 * bytes out): the MF reads, the PIN guard (counter first, DPIN, wrong, last try, blocked, cancel),
 * DF1/DF2 reads in short chunks and through a device that returns only 400 bytes per read.
 */
import { describe, expect, it } from 'vitest';
import { concat, fromHex, toHex } from '../../../../src/bytes';
import { DriversLicenceAp, MynaLicenceAp } from '../../../../src/card/licence';
import { recogniseCard } from '../../../../src/card/recognise';
import { EXTENDED, OK, SHORT, ScriptedChannel, SELECT_JPKI, readBinary, selectEf, type Step } from '../scripted-channel';
import { ascii, entriesFixture, gaijiFixture, padded, tlv, J } from './fixture';

const SELECT_MF = '00 A4 00 00';
const SELECT_DF1 = '00 A4 04 0C 10 A0 00 00 02 31 01 00 00 00 00 00 00 00 00 00 00';
const SELECT_DF2 = '00 A4 04 0C 10 A0 00 00 02 31 02 00 00 00 00 00 00 00 00 00 00';
const SELECT_MYNA = '00 A4 04 0C 10 A0 00 00 02 31 06 00 00 00 00 00 00 00 00 00 00';
const COMMON = concat(fromHex('45 0B'), ascii('008'), fromHex('20 24 04 15 20 29 08 29'), fromHex('46 02 01 02'));
const hex = (b: Uint8Array) => toHex(b);

const pinSettingSteps = (v: '01' | '00'): Step[] => [[SELECT_MF, OK], [selectEf(0x000a), OK], [readBinary(0, 3), `C1 01 ${v} 90 00`]];
const counter = (p2: string, sw: string): Step[] => [[SELECT_MF, OK], [`00 20 00 ${p2}`, sw]];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** READ BINARY steps serving `data` in chunks of `chunk` (short Le). */
function reads(data: Uint8Array, chunk = 256): Step[] {
  const out: Step[] = [];
  for (let off = 0; off < data.length; off += chunk) {
    const n = Math.min(chunk, data.length - off);
    out.push([readBinary(off, n), `${hex(data.subarray(off, off + n))} 90 00`]);
  }
  return out;
}

describe('DriversLicenceAp: without a PIN', () => {
  it('readCommon: SELECT MF, SELECT 2F01, READ BINARY 17', async () => {
    const ch = new ScriptedChannel([[SELECT_MF, OK], [selectEf(0x2f01), OK], [readBinary(0, 17), `${hex(COMMON)} 90 00`]], SHORT);
    expect(await new DriversLicenceAp(ch).readCommon()).toEqual({ specVersion: '008', issued: '2024-04-15', expires: '2029-08-29', manufacturerId: 1, cryptoFunctionId: 2 });
    expect(ch.done).toBe(true);
  });

  it('pinSetting and both counters spend no try (empty VERIFY 00 20 00 81 / 82)', async () => {
    const ch = new ScriptedChannel([...pinSettingSteps('01'), ...counter('81', '63 C3'), ...counter('82', '63 C2')], SHORT);
    const ap = new DriversLicenceAp(ch);
    expect(await ap.pinSetting()).toBe(true);
    expect(await ap.pinStatus(1)).toEqual({ remaining: 3, max: 3, blocked: false });
    expect(await ap.pinStatus(2)).toEqual({ remaining: 2, max: 3, blocked: false });
    expect(ch.done).toBe(true);
  });

  it('a blocked counter (63C0 / 6984) reads as blocked', async () => {
    const ch = new ScriptedChannel([...counter('81', '63 C0'), ...counter('82', '69 84')], SHORT);
    const ap = new DriversLicenceAp(ch);
    expect((await ap.pinStatus(1)).blocked).toBe(true);
    expect((await ap.pinStatus(2)).blocked).toBe(true);
  });
});

describe('DriversLicenceAp: the PIN guard', () => {
  it('correct PIN1: setting, counter, one VERIFY 00 20 00 81 04 31 32 33 34', async () => {
    const ch = new ScriptedChannel([...pinSettingSteps('01'), ...counter('81', '63 C3'), ['00 20 00 81 04 31 32 33 34', OK]], SHORT);
    expect(await new DriversLicenceAp(ch).verifyPin(1, '1234')).toEqual({ usedDpin: false });
    expect(ch.done).toBe(true);
  });

  it('full-width digits from an IME are the same PIN', async () => {
    const ch = new ScriptedChannel([...pinSettingSteps('01'), ...counter('82', '63 C3'), ['00 20 00 82 04 35 36 37 38', OK]], SHORT);
    await new DriversLicenceAp(ch).verifyPin(2, '５６７８');
    expect(ch.done).toBe(true);
  });

  it('no PIN set: the DPIN **** is presented for the user, and said so', async () => {
    const ch = new ScriptedChannel([...pinSettingSteps('00'), ...counter('81', '63 C3'), ['00 20 00 81 04 2A 2A 2A 2A', OK]], SHORT);
    expect(await new DriversLicenceAp(ch).verifyPin(1, '')).toEqual({ usedDpin: true });
    expect(ch.done).toBe(true);
  });

  it('no PIN set but a value typed: refused, nothing presented', async () => {
    const ch = new ScriptedChannel([...pinSettingSteps('00')], SHORT);
    expect(await codeOf(new DriversLicenceAp(ch).verifyPin(1, '1234'))).toBe('licence-pin-not-set');
    expect(ch.sent.filter((c) => c.startsWith('00 20'))).toEqual([]);
  });

  it('malformed values never reach the card', async () => {
    const ch = new ScriptedChannel([], SHORT);
    const ap = new DriversLicenceAp(ch);
    for (const v of ['123', '12345', 'abcd', '12 4']) expect(await codeOf(ap.verifyPin(1, v))).toBe('pin-format-4-digits');
    expect(await codeOf(ap.verifyPin(3 as 1, '1234'))).toBe('licence-pin-kind-unknown');
    expect(ch.sent).toEqual([]);
  });

  it('PINs set but nothing typed: refused before any VERIFY', async () => {
    const ch = new ScriptedChannel([...pinSettingSteps('01')], SHORT);
    expect(await codeOf(new DriversLicenceAp(ch).verifyPin(1, ''))).toBe('pin-format-4-digits');
    expect(ch.sent.filter((c) => c.startsWith('00 20'))).toEqual([]);
  });

  it('wrong PIN: 63C2 → licence-pin-wrong with 2 left', async () => {
    const ch = new ScriptedChannel([...pinSettingSteps('01'), ...counter('81', '63 C3'), ['00 20 00 81 04 39 39 39 39', '63 C2']], SHORT);
    const err = await new DriversLicenceAp(ch).verifyPin(1, '9999').catch((e: unknown) => e as { code: string; params: Record<string, unknown> });
    expect(err).toMatchObject({ code: 'licence-pin-wrong', params: { pin: 'licence-pin1', remaining: 2 } });
  });

  it('last try: refused without acknowledgement (only the counter is sent), sent with it', async () => {
    const ch = new ScriptedChannel([...pinSettingSteps('01'), ...counter('81', '63 C1')], SHORT);
    expect(await codeOf(new DriversLicenceAp(ch).verifyPin(1, '1234'))).toBe('licence-pin-last-try-not-acknowledged');
    expect(ch.done).toBe(true);
    const ch2 = new ScriptedChannel([...pinSettingSteps('01'), ...counter('81', '63 C1'), ['00 20 00 81 04 31 32 33 34', '63 C0']], SHORT);
    expect(await codeOf(new DriversLicenceAp(ch2).verifyPin(1, '1234', { acknowledgeLastTry: true }))).toBe('licence-pin-blocked');
    expect(ch2.done).toBe(true);
  });

  it('blocked: nothing but the counter is sent', async () => {
    const ch = new ScriptedChannel([...pinSettingSteps('01'), ...counter('82', '69 84')], SHORT);
    expect(await codeOf(new DriversLicenceAp(ch).verifyPin(2, '1234', { acknowledgeLastTry: true }))).toBe('licence-pin-blocked');
    expect(ch.done).toBe(true);
  });

  it('cancelled before sending: nothing at all', async () => {
    const ch = new ScriptedChannel([], SHORT);
    const ac = new AbortController();
    ac.abort();
    expect(await codeOf(new DriversLicenceAp(ch).verifyPin(1, '1234', { signal: ac.signal }))).toBe('pin-cancelled');
    expect(ch.sent).toEqual([]);
  });
});

describe('DriversLicenceAp: reading DF1 and DF2', () => {
  it('readEntries in 256-byte chunks, then 外字 EF03 because the name uses 外字1', async () => {
    const entries = entriesFixture();
    const gaiji = gaijiFixture();
    const ch = new ScriptedChannel([[SELECT_DF1, OK], [selectEf(1), OK], ...reads(entries), [selectEf(3), OK], ...reads(gaiji)], SHORT);
    const e = await new DriversLicenceAp(ch).readEntries();
    expect(ch.done).toBe(true);
    expect(e.name.text).toBe('運転　〓太郎');
    expect(e.glyphs.map((g) => [g.index, g.size])).toEqual([[1, 32]]);
    expect(e.conditions).toHaveLength(3);
  });

  it('through a device that returns only 400 bytes per extended read (JDCard), the reads continue', async () => {
    const entries = entriesFixture();
    const ch = new ScriptedChannel(
      [
        [SELECT_DF1, OK],
        [selectEf(1), OK],
        ['00 B0 00 00 00 03 70', `${hex(entries.subarray(0, 400))} 90 00`],
        ['00 B0 01 90 00 01 E0', `${hex(entries.subarray(400, 800))} 90 00`],
        ['00 B0 03 20 50', `${hex(entries.subarray(800))} 90 00`],
        [selectEf(3), OK],
        ['00 B0 00 00 00 01 08', `${hex(gaijiFixture())} 90 00`],
      ],
      EXTENDED,
    );
    const e = await new DriversLicenceAp(ch).readEntries();
    expect(ch.done).toBe(true);
    expect(e.number).toBe('301234567890');
  });

  it('6982 before PIN1 becomes pin-not-verified naming PIN1', async () => {
    const ch = new ScriptedChannel([[SELECT_DF1, OK], [selectEf(1), OK], [readBinary(0, 256), '69 82']], SHORT);
    const err = await new DriversLicenceAp(ch).readEntries().catch((e: unknown) => e as { code: string; params: Record<string, unknown> });
    expect(err).toMatchObject({ code: 'pin-not-verified', params: { pin: 'licence-pin1' } });
  });

  it('readDomicile: EF02, then EF06 (an unreadable EF06 gives no changes)', async () => {
    const dom = padded(82, tlv(0x01, J.newAddress));
    const ch = new ScriptedChannel([[SELECT_DF1, OK], [selectEf(2), OK], ...reads(dom), [selectEf(6), '6A 82']], SHORT);
    const d = await new DriversLicenceAp(ch).readDomicile();
    expect(d.domicile.text).toBe('神奈川県横浜市中区１丁目');
    expect(d.changes).toEqual([]);
    expect(ch.done).toBe(true);
  });

  it('readPhoto: DF2, 5F40 82 HH LL, read to its length; 6982 names PIN2', async () => {
    const cs = concat(fromHex('FF 4F FF 51'), new Uint8Array(596).fill(0x11));
    const file = concat(tlv(0x5f40, cs), new Uint8Array(100).fill(0xff));
    const ch = new ScriptedChannel([[SELECT_DF2, OK], [selectEf(1), OK], [readBinary(0, 256), `${hex(file.subarray(0, 256))} 90 00`], [readBinary(256, 256), `${hex(file.subarray(256, 512))} 90 00`], [readBinary(512, 93), `${hex(file.subarray(512, 605))} 90 00`]], SHORT);
    const photo = await new DriversLicenceAp(ch).readPhoto();
    expect(ch.done).toBe(true);
    expect(photo.length).toBe(600);
    expect(photo[0]).toBe(0xff);
    const ch2 = new ScriptedChannel([[SELECT_DF2, OK], [selectEf(1), OK], [readBinary(0, 256), '69 82']], SHORT);
    expect(await new DriversLicenceAp(ch2).readPhoto().catch((e: { params: unknown }) => e.params)).toEqual({ pin: 'licence-pin2' });
  });
});

describe('recognising the card by SELECTs', () => {
  it('JPKI answers → jpki; else DF1 answers → licence; else unknown', async () => {
    expect(await recogniseCard(new ScriptedChannel([[SELECT_JPKI, OK]], SHORT))).toBe('jpki');
    expect(await recogniseCard(new ScriptedChannel([[SELECT_JPKI, '6A 82'], [SELECT_DF1, OK]], SHORT))).toBe('licence');
    expect(await recogniseCard(new ScriptedChannel([[SELECT_JPKI, '6A 82'], [SELECT_DF1, '6A 82']], SHORT))).toBe('unknown');
    // A card that does not speak this command set at all (6E00) is still just unknown.
    expect(await recogniseCard(new ScriptedChannel([[SELECT_JPKI, '6E 00'], [SELECT_DF1, '6E 00']], SHORT))).toBe('unknown');
  });
});

describe('MynaLicenceAp (§9.4)', () => {
  it('instance SELECT, PIN setting 001A, counter 00 20 00 86 → 63CA (10), VERIFY, 免許情報 001B', async () => {
    const info = padded(64, tlv(0xc2, '00'), tlv(0xc3, '01'), tlv(0xc5, ascii('5110829')));
    const ch = new ScriptedChannel(
      [
        [SELECT_MYNA, OK],
        [selectEf(0x1a), OK],
        [readBinary(0, 3), 'C1 01 01 90 00'],
        ['00 20 00 86', '63 CA'],
        [readBinary(0, 3), 'C1 01 01 90 00'],
        ['00 20 00 86', '63 CA'],
        ['00 20 00 86 04 31 32 33 34', OK],
        [selectEf(0x1b), OK],
        [readBinary(0, 256), `${hex(info)} 90 00`],
        [readBinary(64, 256), '6B 00'],
      ],
      SHORT,
    );
    const ap = new MynaLicenceAp(ch);
    expect(await ap.isPresent()).toBe(true);
    expect(await ap.pinSetting()).toBe(true);
    expect(await ap.pinStatus()).toEqual({ remaining: 10, max: 10, blocked: false });
    await ap.verifyPin('1234');
    expect((await ap.readLicenceInfo()).expiry?.iso).toBe('2029-08-29');
    expect(ch.done).toBe(true);
  });
  it('absent on a plain My Number card (6A82)', async () => {
    expect(await new MynaLicenceAp(new ScriptedChannel([[SELECT_MYNA, '6A 82']], SHORT)).isPresent()).toBe(false);
  });
});
