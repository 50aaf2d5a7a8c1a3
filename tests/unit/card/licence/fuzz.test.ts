/**
 * 10,000 inputs per licence decoder (random bytes and mutations of valid fixtures): each ends in a
 * result or a LensError with a kebab-case code — never a TypeError, RangeError or hang. Seeded, so
 * a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import { concat, fromHex } from '../../../../src/bytes';
import { LensError } from '../../../../src/errors';
import { decodeJisText } from '../../../../src/card/licence/text';
import { decodeBcdDate, decodeLicenceDate } from '../../../../src/card/licence/dates';
import { parseSimpleTlvs } from '../../../../src/card/licence/tlv';
import { decodeDomicile, decodeEntries } from '../../../../src/card/licence/entries';
import { decodeCommon, decodePinSetting } from '../../../../src/card/licence/common';
import { decodeGaiji } from '../../../../src/card/licence/gaiji';
import { decodeChanges } from '../../../../src/card/licence/changes';
import { decodeSignature } from '../../../../src/card/licence/signature';
import { decodePhoto } from '../../../../src/card/licence/photo';
import { decodeMynaLicenceInfo, decodeMynaPinSetting } from '../../../../src/card/licence/myna';
import { prng } from '../../helpers/prng';
import { J, ascii, entriesFixture, gaijiFixture, padded, tlv } from './fixture';

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const N = 10_000;

function randomBytes(r: Rand, max: number): Uint8Array {
  const b = new Uint8Array(int(r, max + 1));
  for (let i = 0; i < b.length; i++) b[i] = int(r, 256);
  return b;
}

function mutate(r: Rand, src: Uint8Array): Uint8Array {
  let b = src.slice();
  for (let k = 1 + int(r, 4); k > 0; k--) {
    if (b.length === 0) return randomBytes(r, 8);
    const i = int(r, b.length);
    const op = int(r, 6);
    if (op === 0) b[i] ^= 1 << int(r, 8);
    else if (op === 1) b[i] = int(r, 256);
    else if (op === 2) b = b.slice(0, i);
    else if (op === 3) b = concat(b, randomBytes(r, 16));
    else if (op === 4) b[i] = [0x82, 0x80, 0x81, 0xff, 0x00, 0x5f][int(r, 6)];
    else b = concat(b.subarray(0, i), b.subarray(i + 1));
  }
  return b;
}

const COMMON = concat(fromHex('45 0B'), ascii('008'), fromHex('20 24 04 15 20 29 08 29'), fromHex('46 02 01 02'));
const SIGNATURE = padded(578, tlv(0xb1, new Uint8Array(256).fill(0x5a)), tlv(0xb2, ascii('0123456789')), tlv(0xb3, ascii('NPA')), tlv(0xb4, ascii('TOKYO')), tlv(0xb5, '01'));
const CHANGES = padded(640, tlv(0x01, '01'), tlv(0x11, '08'), tlv(0x41, ascii('5070401')), tlv(0x42, J.newAddress), tlv(0x43, J.osakaPsc));

const DECODERS: readonly [string, (b: Uint8Array) => unknown, Uint8Array][] = [
  ['jis text', (b) => decodeJisText(b, 'f'), fromHex(`${J.unten} FF F1 ${J.taro} FF FA`)],
  ['era date', (b) => decodeLicenceDate(b, 'f'), ascii('4010108')],
  ['bcd date', (b) => decodeBcdDate(b, 'f'), fromHex('20 24 04 15')],
  ['simple tlv', (b) => parseSimpleTlvs(b, 'f'), CHANGES],
  ['entries', decodeEntries, entriesFixture()],
  ['domicile', decodeDomicile, padded(82, tlv(0x01, J.newAddress))],
  ['common', decodeCommon, COMMON],
  ['pin setting', decodePinSetting, fromHex('C1 01 01')],
  ['gaiji', (b) => decodeGaiji(b, 1), gaijiFixture()],
  ['changes', (b) => decodeChanges(b), CHANGES],
  ['signature', decodeSignature, SIGNATURE],
  ['photo', decodePhoto, tlv(0x5f40, concat(fromHex('FF 4F FF 51'), new Uint8Array(60)))],
  ['myna pin setting', decodeMynaPinSetting, fromHex('C1 01 00')],
  ['myna licence info', decodeMynaLicenceInfo, padded(64, tlv(0xc2, '00'), tlv(0xc5, ascii('5110829')))],
];

describe('licence decoders under fuzzing', () => {
  for (const [name, decode, valid] of DECODERS) {
    it(`${name}: ${N} inputs → a result or a named error`, () => {
      const r = prng(name.length * 7919 + 11);
      let ok = 0;
      const codes = new Set<string>();
      for (let i = 0; i < N; i++) {
        const input = i % 3 === 0 ? randomBytes(r, valid.length + 8) : mutate(r, valid);
        try {
          decode(input);
          ok++;
        } catch (e) {
          if (!(e instanceof LensError) || !/^[a-z0-9-]+$/.test(e.code)) throw new Error(`${name}: unnamed failure on ${Array.from(input).join(',')}: ${String(e)}`, { cause: e });
          codes.add(e.code);
        }
      }
      // Both outcomes occur: the mutations keep some inputs decodable and break others.
      expect(ok).toBeGreaterThan(0);
      expect(codes.size).toBeGreaterThan(0);
    });
  }
});
