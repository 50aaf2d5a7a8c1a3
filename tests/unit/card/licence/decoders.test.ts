import { describe, expect, it } from 'vitest';
import { concat, fromHex } from '../../../../src/bytes';
import { decodeJisText, decodeJisX0201 } from '../../../../src/card/licence/text';
import { decodeBcdDate, decodeLicenceDate } from '../../../../src/card/licence/dates';
import { parseSimpleTlvs } from '../../../../src/card/licence/tlv';
import { decodeDomicile, decodeEntries } from '../../../../src/card/licence/entries';
import { decodeCommon, decodePinSetting } from '../../../../src/card/licence/common';
import { decodeGaiji } from '../../../../src/card/licence/gaiji';
import { decodeChanges } from '../../../../src/card/licence/changes';
import { decodeSignature } from '../../../../src/card/licence/signature';
import { decodePhoto } from '../../../../src/card/licence/photo';
import { decodeMynaLicenceInfo, decodeMynaPinSetting } from '../../../../src/card/licence/myna';
import { FRONT_ORDER } from '../../../../src/card/licence/classes';
import { J, ascii, cornerBitmap, entriesFixture, gaijiFixture, padded, tlv } from './fixture';

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};

describe('JIS X 0208 text through the platform decoder (§9.3)', () => {
  it('decodes row/cell pairs as EUC-JP (+0x80)', () => {
    expect(decodeJisText(fromHex(`${J.unten} ${J.space} ${J.taro}`), 'name')).toEqual({ text: '運転　太郎', segments: [{ kind: 'text', text: '運転　太郎' }] });
    expect(decodeJisText(fromHex(J.chugata8t), 'c').text).toBe('中型車は中型車（８ｔ）に限る');
    expect(decodeJisText(fromHex(J.untenKana), 'k').text).toBe('ウンテン');
  });

  it('marks 外字 FFF1–FFF7 and 欠字 FFFA as segments, 〓 in plain text', () => {
    const t = decodeJisText(fromHex(`${J.unten} FF F1 FF F7 FF FA ${J.taro}`), 'name');
    expect(t.segments).toEqual([
      { kind: 'text', text: '運転' },
      { kind: 'gaiji', index: 1 },
      { kind: 'gaiji', index: 7 },
      { kind: 'missing' },
      { kind: 'text', text: '太郎' },
    ]);
    expect(t.text).toBe('運転〓〓〓太郎');
  });

  it('keeps unmapped codes (unassigned row 2F, out-of-range bytes, FFF8) by code, decoding the rest', () => {
    const t = decodeJisText(fromHex(`${J.unten} 2F 21 ${J.taka} 80 41 FF F8`), 'x');
    expect(t.segments).toEqual([
      { kind: 'text', text: '運転' },
      { kind: 'unmapped', code: '2F21' },
      { kind: 'text', text: '高' },
      { kind: 'unmapped', code: '8041' },
      { kind: 'unmapped', code: 'FFF8' },
    ]);
  });

  it('an odd length is a named error; empty is empty text', () => {
    expect(code(() => decodeJisText(fromHex('30 21 30'), 'name'))).toBe('licence-text-odd-length');
    expect(decodeJisText(new Uint8Array(0), 'x')).toEqual({ text: '', segments: [] });
  });

  it('JIS X 0201 fields: printable only', () => {
    expect(decodeJisX0201(ascii('301234567890'), 'number')).toBe('301234567890');
    expect(code(() => decodeJisX0201(fromHex('31 0A'), 'number'))).toBe('licence-field-not-jis-x0201');
  });
});

describe('dates in every era (§9.3)', () => {
  const d = (s: string) => decodeLicenceDate(ascii(s), 'f');
  it('each era digit, and 元年', () => {
    expect(d('1450729')).toMatchObject({ era: 'meiji', year: 45, month: 7, day: 29, iso: '1912-07-29', consistent: true });
    expect(d('2010730')).toMatchObject({ era: 'taisho', year: 1, iso: '1912-07-30', consistent: true });
    expect(d('3011225')).toMatchObject({ era: 'showa', year: 1, iso: '1926-12-25', consistent: true });
    expect(d('3640107')).toMatchObject({ era: 'showa', year: 64, iso: '1989-01-07', consistent: true });
    expect(d('4010108')).toMatchObject({ era: 'heisei', year: 1, iso: '1989-01-08', consistent: true });
    expect(d('4310430')).toMatchObject({ era: 'heisei', year: 31, iso: '2019-04-30', consistent: true });
    expect(d('5010501')).toMatchObject({ era: 'reiwa', year: 1, iso: '2019-05-01', consistent: true, raw: '5010501' });
  });
  it('a date outside its era is decoded but flagged', () => {
    expect(d('4310501')).toMatchObject({ iso: '2019-05-01', consistent: false });
    expect(d('3640108')).toMatchObject({ iso: '1989-01-08', consistent: false });
    expect(d('5010430')).toMatchObject({ iso: '2019-04-30', consistent: false });
  });
  it('not held: era + 000000 (and all zero)', () => {
    expect(d('5000000')).toBeNull();
    expect(d('0000000')).toBeNull();
  });
  it('malformed values are named errors', () => {
    for (const s of ['6010101', '5010230', '5011301', '5000101', '501010', '50101011', '5O10101', '0010101']) expect(code(() => d(s))).toBe('licence-date-malformed');
  });
  it('packed BCD YYYYMMDD (共通データ要素)', () => {
    expect(decodeBcdDate(fromHex('20 24 04 15'), 'x')).toBe('2024-04-15');
    expect(code(() => decodeBcdDate(fromHex('20 24 02 30'), 'x'))).toBe('licence-date-malformed');
    expect(code(() => decodeBcdDate(fromHex('20 2A 01 01'), 'x'))).toBe('licence-date-malformed');
    expect(code(() => decodeBcdDate(fromHex('20 24 01'), 'x'))).toBe('licence-date-malformed');
  });
});

describe('simple TLV', () => {
  it('1-byte and 82 HH LL lengths, 5F xx tags, FF ends the list', () => {
    const buf = concat(fromHex('12 02 30 21'), fromHex('B1 82 01 00'), new Uint8Array(256).fill(7), fromHex('5F 40 01 AA FF 12 01'));
    const list = parseSimpleTlvs(buf, 'x');
    expect(list.map((t) => [t.tag, t.value.length])).toEqual([[0x12, 2], [0xb1, 256], [0x5f40, 1]]);
    expect(list[0].offset).toBe(0);
  });
  it('80 and 81 are plain lengths (128, 129), as §9.3 and TRET read them', () => {
    expect(parseSimpleTlvs(concat([0x02, 0x80], new Uint8Array(128)), 'x')[0].value.length).toBe(128);
    expect(parseSimpleTlvs(concat([0x02, 0x81], new Uint8Array(129)), 'x')[0].value.length).toBe(129);
  });
  it('truncation is named', () => {
    for (const h of ['12', '12 05 30', 'B1 82 01', '5F']) expect(code(() => parseSimpleTlvs(fromHex(h), 'x'))).toBe('licence-tlv-truncated');
  });
});

describe('記載事項 (DF1/EF01)', () => {
  const e = decodeEntries(entriesFixture());
  it('every field', () => {
    expect(e.jisEdition).toBe(8);
    expect(e.name.text).toBe('運転　〓太郎');
    expect(e.name.segments).toContainEqual({ kind: 'gaiji', index: 1 });
    expect(e.nameKana?.text).toBe('ウンテン　タロウ');
    expect(e.commonName).toBeUndefined(); // empty value
    expect(e.unifiedNameKana?.text).toBe('ウンテン　タロウ');
    expect(e.birthDate).toMatchObject({ era: 'showa', year: 36, month: 2, day: 28, iso: '1961-02-28', consistent: true });
    expect(e.address?.text).toBe('東京都千代田区霞が関２丁目１番２号');
    expect(e.issueDate?.iso).toBe('2024-04-15');
    expect(e.referenceNumber).toBe('123');
    expect(e.colour).toMatchObject({ kind: 'excellent', text: { text: '優良' } });
    expect(e.expiry?.iso).toBe('2029-08-29');
    expect(e.conditions).toEqual(['眼鏡等', 'ＡＴ限定', '中型車は中型車（８ｔ）に限る']);
    expect(e.authority?.text).toBe('東京都公安委員会');
    expect(e.number).toBe('301234567890');
    expect(e.unknownTags).toEqual([]);
  });
  it('the class grid: all 18 tags, held ones with their date', () => {
    expect(e.classes).toHaveLength(18);
    const held = e.classes.filter((c) => c.held).map((c) => [c.code, c.name, c.since?.iso]);
    expect(held).toEqual([
      ['two-small-moped', '二・小・原', '1988-04-01'],
      ['other', '他', '1989-01-10'],
      ['ordinary', '普通', '1989-01-10'],
      ['moped', '原付', '1988-04-01'],
      ['semi-medium', '準中型', '1989-01-10'],
    ]);
    expect(e.classes.find((c) => c.code === 'large')).toEqual({ code: 'large', name: '大型', summary: false, held: false });
    expect(FRONT_ORDER.every((c) => e.classes.some((x) => x.code === c))).toBe(true);
  });
  it('colour kinds as the card writes them', () => {
    const with1a = (hex: string) => decodeEntries(concat(tlv(0x12, J.taro), tlv(0x1a, hex))).colour?.kind;
    expect([with1a(J.yuryo), with1a(J.shinki), with1a(J.sonota), with1a(J.taka)]).toEqual(['excellent', 'new', 'other', 'unrecognised']);
  });
  it('a missing class tag is not held; unknown tags are listed; no name is an error', () => {
    const e2 = decodeEntries(concat(tlv(0x12, J.taro), tlv(0x40, '01')));
    expect(e2.classes.every((c) => !c.held)).toBe(true);
    expect(e2.unknownTags).toEqual(['40']);
    expect(code(() => decodeEntries(padded(20, tlv(0x17, J.address.slice(0, 11)))))).toBe('licence-field-missing');
    expect(code(() => decodeEntries(concat(tlv(0x12, J.taro), tlv(0x16, ascii('3601332')))))).toBe('licence-date-malformed');
  });
  it('本籍 (DF1/EF02)', () => {
    expect(decodeDomicile(padded(82, tlv(0x01, J.newAddress))).text).toBe('神奈川県横浜市中区１丁目');
    expect(code(() => decodeDomicile(new Uint8Array(82).fill(0xff)))).toBe('licence-field-missing');
  });
});

describe('共通データ要素 and 暗証番号設定 (MF)', () => {
  it('45 0B <version><交付 BCD><有効期限 BCD> 46 02 <maker><crypto>', () => {
    const buf = concat(fromHex('45 0B'), ascii('008'), fromHex('20 24 04 15 20 29 08 29'), fromHex('46 02 01 02'));
    expect(buf.length).toBe(17);
    expect(decodeCommon(buf)).toEqual({ specVersion: '008', issued: '2024-04-15', expires: '2029-08-29', manufacturerId: 1, cryptoFunctionId: 2 });
    expect(code(() => decodeCommon(fromHex('45 03 30 30 38')))).toBe('licence-field-malformed');
    expect(code(() => decodeCommon(fromHex('FF FF')))).toBe('licence-field-missing');
  });
  it('PIN setting: 01 set, 00 not set, anything else refused', () => {
    expect(decodePinSetting(fromHex('C1 01 01'))).toBe(true);
    expect(decodePinSetting(fromHex('C1 01 00'))).toBe(false);
    expect(code(() => decodePinSetting(fromHex('C1 01 02')))).toBe('licence-pin-setting-unknown');
    expect(code(() => decodePinSetting(fromHex('C1 02 00 00')))).toBe('licence-field-malformed');
  });
});

describe('外字 bitmaps', () => {
  it('a 32×32 bitmap after a 文字構成 byte, rows first, MSB left; an all-zero slot is skipped but counted', () => {
    const glyphs = decodeGaiji(gaijiFixture(), 1);
    expect(glyphs).toHaveLength(1);
    const g = glyphs[0];
    expect([g.index, g.size, g.composition]).toEqual([1, 32, '01']);
    expect(Array.from(g.dots.subarray(0, 32))).toEqual(new Array<number>(32).fill(1));
    expect(Array.from(g.dots.subarray(32, 64))).toEqual([1, ...new Array<number>(31).fill(0)]);
    expect(g.dots.reduce((a, b) => a + b, 0)).toBe(32 + 31);
  });
  it('a bare bitmap TLV after a separate 文字構成 TLV, numbered from 3 in EF05', () => {
    const buf = padded(663, tlv(0x01, '01'), tlv(0x02, '01'), tlv(0x03, cornerBitmap()), tlv(0x02, '02'), tlv(0x03, cornerBitmap()));
    expect(decodeGaiji(buf, 3).map((g) => [g.index, g.composition])).toEqual([[3, '01'], [4, '02']]);
  });
});

describe('記載事項変更等 (the back)', () => {
  it('each change: date, new value, authority', () => {
    const buf = padded(640, tlv(0x01, '01'), tlv(0x11, '08'), tlv(0x41, ascii('5070401')), tlv(0x42, J.newAddress), tlv(0x43, J.osakaPsc), tlv(0x11, '08'), tlv(0x44, ascii('5000000')), tlv(0x45, ''));
    const changes = decodeChanges(buf);
    expect(changes).toHaveLength(1);
    expect(changes[0].date?.iso).toBe('2025-04-01');
    expect(changes[0].value?.text).toBe('神奈川県横浜市中区１丁目');
    expect(changes[0].tag).toBe('42');
    expect(changes[0].authority?.text).toBe('大阪府公安委員会');
  });
  it('an empty back gives no changes', () => {
    expect(decodeChanges(new Uint8Array(640).fill(0xff))).toEqual([]);
  });
});

describe('電子署名 (DF1/EF07)', () => {
  it('B1 with the signature, then serial, issuer, subject, key id; never "valid"', () => {
    const buf = padded(578, tlv(0xb1, new Uint8Array(256).fill(0x5a)), tlv(0xb2, ascii('0123456789')), tlv(0xb3, ascii('NPA-CA')), tlv(0xb4, ascii('TOKYO')), tlv(0xb5, '01'));
    const s = decodeSignature(buf);
    expect(s).toMatchObject({ signatureLength: 256, rsaBits: 2048, serial: { tag: 'B2', text: '0123456789' }, issuer: { text: 'NPA-CA' }, subject: { text: 'TOKYO' }, keyId: { tag: 'B5', hex: '01' }, verdict: 'not-verifiable-here' });
  });
  it('B1 holding the fields inside', () => {
    const inner = concat(tlv(0x01, new Uint8Array(256).fill(1)), tlv(0x02, ascii('42')), tlv(0x03, ascii('ISS')), tlv(0x04, ascii('SUB')), tlv(0x05, '07'));
    const s = decodeSignature(tlv(0xb1, inner));
    expect([s.signatureLength, s.serial?.text, s.keyId?.hex]).toEqual([256, '42', '07']);
  });
  it('no B1 is a named error', () => {
    expect(code(() => decodeSignature(new Uint8Array(578).fill(0xff)))).toBe('licence-field-missing');
  });
});

describe('写真 (DF2/EF01) and マイナ免許証', () => {
  it('5F40 holding a JPEG 2000 codestream', () => {
    const cs = fromHex('FF 4F FF 51 00 29');
    expect(Array.from(decodePhoto(tlv(0x5f40, cs)))).toEqual(Array.from(cs));
    expect(code(() => decodePhoto(tlv(0x5f40, 'FF D8 FF E0')))).toBe('licence-photo-not-jpeg2000');
    expect(code(() => decodePhoto(tlv(0x5f41, cs)))).toBe('licence-field-missing');
  });
  it('instance PIN setting (C1) and 免許情報 (C2/C3 history, C5 expiry)', () => {
    expect(decodeMynaPinSetting(fromHex('C1 01 01'))).toBe(true);
    expect(decodeMynaPinSetting(fromHex('C1 01 00'))).toBe(false);
    const info = decodeMynaLicenceInfo(padded(64, tlv(0xc2, '00'), tlv(0xc3, '01'), tlv(0xc5, ascii('5110829')), tlv(0xc9, ascii('ABC'))));
    expect(info.expiry?.iso).toBe('2029-08-29');
    expect(info.fields.map((f) => [f.tag, f.known ?? '-'])).toEqual([['C2', 'history'], ['C3', 'history'], ['C5', 'expiry'], ['C9', '-']]);
    expect(info.fields[3].text).toBe('ABC');
  });
});
