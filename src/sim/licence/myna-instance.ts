/**
 * The licence instance on a My Number card (マイナ免許証, since 2025-03-24), jpki-card.md §9.4 — what
 * DLC `jpdlc_mynumbercard.cpp` and Qiita hmpow "マイナ免許証からNFCコマンドを叩いてデータを読み取ってみる"
 * report from one real card and the NPA specification v010; **everything beyond their few fields is
 * UNCONFIRMED** and marked so below.
 *
 * - AID `A0 00 00 02 31 06 00…00` (the インスタンス; the ELF `…31 04…` and 実行モジュール `…31 05…` AIDs
 *   are not selectable → 6A82, which the My Number card answers for any AID it lacks).
 * - WEF01 `001A` PIN設定, 3 bytes `C1 01 <01 set / 00 not set>` (DLC `TAG_OF_WEF01`), read by SFI 1A.
 * - IEF01 `0006` (SFI 6): the PIN. `00 20 00 86` → `63 CA` (10 tries) on the real card; the spec's
 *   別添3-1 sample `00 20 00 82` → 6A82 (an erratum per hmpow) — both fall out of the My Number card's
 *   SFI lookup. The PIN value of a real card and what its PIN-not-set case uses are UNCONFIRMED; this
 *   card takes `1234` (or the DPIN `****` when not set, by analogy with §9.1).
 * - WEF02 `001B` 免許情報: `C2 00 C3 00` (the 4 bytes of 経歴証明 tags the sources report, empty here),
 *   then `C5 07 <有効期限 era+YYMMDD>`; nothing else is known, so nothing else is invented. The era byte
 *   is JIS X 0201 per jpki-card.md §9.4; DLC's code compares it with binary `05` (`REIWA_CODE`) — the
 *   `expiryEra: 'binary'` variant gives that. Access after the PIN: UNCONFIRMED.
 * - WEF03 `001C` 電子署名/発行者識別情報: format not in the sources. UNCONFIRMED model: shaped like the
 *   conventional DF1/EF07 (B1–B6), signed by the synthetic signer over 001B. Access after the PIN.
 */
import { ascii, concat, fromBase64, fromHex } from '../card/bytes';
import { FREE, afterPin, type Ef } from '../card/file-system';
import { eraDate } from './era';
import { LICENCE_HOLDERS, type LicenceHolderId } from './holders';
import { jisX0201 } from './jis';
import { DPIN } from './options';
import { LICENCE_SIGNER } from './signature';
import { LICENCE_MYNA_SIGNATURES, LICENCE_SIGNER_KEY_ID } from './signatures.generated';
import { efBody, tlv } from './tlv';

export const MYNA_LICENCE_AID = {
  elf: fromHex('A0 00 00 02 31 04 00 00 00 00 00 00 00 00 00 00'),
  module: fromHex('A0 00 00 02 31 05 00 00 00 00 00 00 00 00 00 00'),
  instance: fromHex('A0 00 00 02 31 06 00 00 00 00 00 00 00 00 00 00'),
} as const;

/** Tries of the instance PIN (`63 CA` on the one card reported, §9.4). */
export const MYNA_LICENCE_PIN_TRIES = 10;
export const DEFAULT_MYNA_LICENCE_PIN = '1234';

export interface MynaLicenceOptions {
  /** Whose licence data (holders.ts); default `standard`. */
  readonly holder?: LicenceHolderId;
  /** WEF01 PIN設定; default true. */
  readonly pinSet?: boolean;
  /** The PIN (default 1234; the DPIN `****` when not set). */
  readonly pin?: string;
  /** Tries left at start (default 10). */
  readonly remaining?: number;
  /** How the era of 有効期限 (C5) is written: JIS X 0201 digit (default) or a binary byte (DLC's reading). */
  readonly expiryEra?: 'jis' | 'binary';
}

/** WEF02 001B 免許情報 (size UNCONFIRMED: 256). */
export function mynaLicenceInfo(options: MynaLicenceOptions = {}): Uint8Array<ArrayBuffer> {
  const h = LICENCE_HOLDERS[options.holder ?? 'standard'];
  const expiry = jisX0201(eraDate(h.expiry));
  if (options.expiryEra === 'binary') expiry[0] -= 0x30;
  return efBody(concat(tlv(0xc2, new Uint8Array(0)), tlv(0xc3, new Uint8Array(0)), tlv(0xc5, expiry)), 256);
}

/** WEF03 001C (UNCONFIRMED model, see above). */
function mynaSignature(options: MynaLicenceOptions): Uint8Array<ArrayBuffer> {
  const id = `${options.holder ?? 'standard'}/${options.expiryEra ?? 'jis'}`;
  const signature = LICENCE_MYNA_SIGNATURES[id] ? fromBase64(LICENCE_MYNA_SIGNATURES[id]) : new Uint8Array(256);
  return efBody(
    concat(
      tlv(0xb1, signature),
      tlv(0xb2, LICENCE_SIGNER.serial),
      tlv(0xb3, new Uint8Array(0)),
      tlv(0xb4, jisX0201(LICENCE_SIGNER.issuer)),
      tlv(0xb5, jisX0201(LICENCE_SIGNER.subject)),
      tlv(0xb6, fromHex(LICENCE_SIGNER_KEY_ID)),
    ),
    578,
  );
}

/** The instance's EFs for the My Number card's file model (src/sim/card/file-system.ts), and its PIN. */
export function mynaLicenceApplication(options: MynaLicenceOptions = {}): {
  readonly files: readonly Ef[];
  readonly pin: { readonly value: Uint8Array; readonly max: number; readonly remaining: number };
} {
  const pinSet = options.pinSet ?? true;
  const files: Ef[] = [
    { kind: 'binary', fid: 0x001a, body: tlv(0xc1, Uint8Array.of(pinSet ? 0x01 : 0x00)), read: FREE },
    { kind: 'pin', fid: 0x0006, id: 'licence/0006', changeIns: undefined },
    { kind: 'binary', fid: 0x001b, body: mynaLicenceInfo(options), read: afterPin(0x0006) },
    { kind: 'binary', fid: 0x001c, body: mynaSignature(options), read: afterPin(0x0006) },
  ];
  const value = pinSet ? (options.pin ?? DEFAULT_MYNA_LICENCE_PIN) : DPIN;
  const remaining = Math.min(MYNA_LICENCE_PIN_TRIES, Math.max(0, options.remaining ?? MYNA_LICENCE_PIN_TRIES));
  return { files, pin: { value: ascii(value), max: MYNA_LICENCE_PIN_TRIES, remaining } };
}
