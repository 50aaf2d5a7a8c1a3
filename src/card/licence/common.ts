/**
 * What the licence gives without a PIN (jpki-card.md §9.1–9.2): MF/EF01 共通データ要素 and MF/EF02
 * 暗証番号設定.
 */
import { LensError } from '../../errors';
import { decodeBcdDate } from './dates';
import { decodeJisX0201 } from './text';
import { parseSimpleTlvs } from './tlv';

export interface LicenceCommon {
  /** 仕様書バージョン番号, 3 JIS X 0201 characters, e.g. `008`. */
  readonly specVersion: string;
  /** 交付年月日 (`YYYY-MM-DD`). */
  readonly issued: string;
  /** 有効期限 (`YYYY-MM-DD`). */
  readonly expires: string;
  /** Tag 46: カード製造業者識別子 and 暗号関数識別子 (bytes as stored), when present. */
  readonly manufacturerId?: number;
  readonly cryptoFunctionId?: number;
}

/** `45 0B <version 3> <交付 BCD 4> <有効期限 BCD 4> 46 02 <maker> <crypto>` (TRET `convertToCommonData`). */
export function decodeCommon(buf: Uint8Array): LicenceCommon {
  const tlvs = parseSimpleTlvs(buf, 'common');
  const t45 = tlvs.find((t) => t.tag === 0x45);
  if (!t45) throw new LensError('licence-field-missing', { field: 'common' });
  if (t45.value.length < 11) throw new LensError('licence-field-malformed', { field: 'common' });
  const specVersion = decodeJisX0201(t45.value.subarray(0, 3), 'specVersion');
  const issued = decodeBcdDate(t45.value.subarray(3, 7), 'issued');
  const expires = decodeBcdDate(t45.value.subarray(7, 11), 'expires');
  const t46 = tlvs.find((t) => t.tag === 0x46);
  return {
    specVersion,
    issued,
    expires,
    ...(t46 && t46.value.length >= 2 ? { manufacturerId: t46.value[0], cryptoFunctionId: t46.value[1] } : {}),
  };
}

/**
 * EF02 (FID 000A) 暗証番号設定: 3 bytes `T 01 V`, V = 01 PINs set, 00 not set (the card then expects
 * the DPIN, §9.1; TRET `convertToPinSetting`). The tag byte is not relied on (the sources name none).
 * Any other V is `licence-pin-setting-unknown` — guessing here would risk spending a try.
 */
export function decodePinSetting(buf: Uint8Array): boolean {
  const tlvs = parseSimpleTlvs(buf, 'pinSetting');
  const v = tlvs[0]?.value;
  if (!v || v.length !== 1) throw new LensError('licence-field-malformed', { field: 'pinSetting' });
  if (v[0] === 0x01) return true;
  if (v[0] === 0x00) return false;
  throw new LensError('licence-pin-setting-unknown', { value: v[0].toString(16).padStart(2, '0') });
}
