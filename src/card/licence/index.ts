/**
 * The IC driver's licence (ICカード運転免許証) over any CardChannel, and the licence instance on a My
 * Number card (マイナ免許証) — issue 11, jpki-card.md §9. Public entry point: `DriversLicenceAp`.
 *
 * Layout (§9.1): the MF holds 共通データ要素 (2F01), 暗証番号設定 (000A) and the two PINs; DF1 holds
 * the 記載事項 files behind PIN1 (本籍 behind PIN1 + PIN2); DF2 the photo behind PIN1 + PIN2. PINs
 * are MF-level: verified once, they stay valid while DF1/DF2 are selected (the peers read DF1 right
 * after VERIFY at the MF: TRET `readMatters`). The app still tracks what it verified per channel, and
 * a 6982 from the card always wins over that tracking (`pin-not-verified`).
 *
 * Each method selects what it needs. Reads of personal data are `sensitive` (the transcript keeps
 * lengths only). Failures are LensErrors with a string `code`.
 */
import type { CardChannel } from '../channel';
import type { PinStatus, VerifyOptions } from '../pin';
import { readPrefix } from '../read';
import { readObject } from '../read';
import { CardSession } from '../session';
import { CardStatusError } from '../status-words';
import { LensError } from '../../errors';
import { type LicenceChange, decodeChanges } from './changes';
import { type LicenceCommon, decodeCommon, decodePinSetting } from './common';
import { type LicenceEntries, decodeDomicile, decodeEntries } from './entries';
import { type Glyph, decodeGaiji } from './gaiji';
import { DF1_EF, DF2_EF_PHOTO, LICENCE_AID, MF_EF, MYNA_EF } from './ids';
import { type MynaLicenceInfo, decodeMynaLicenceInfo, decodeMynaPinSetting } from './myna';
import { decodePhoto } from './photo';
import { type LicencePinId, type LicencePinRef, dpinBytes, licencePinBytes, readLicencePinStatus, verifyLicencePin } from './pin';
import { type LicenceSignature, decodeSignature } from './signature';
import type { LicenceText } from './text';

export type { LicenceEntries, LicenceClass, LicenceColour, ColourKind } from './entries';
export type { LicenceCommon } from './common';
export type { LicenceChange } from './changes';
export type { LicenceDate, Era } from './dates';
export type { Glyph } from './gaiji';
export type { LicenceText, TextSegment } from './text';
export type { LicenceSignature, LicenceSignatureField } from './signature';
export type { MynaLicenceInfo, MynaLicenceField } from './myna';
export type { LicencePinId } from './pin';
export { CLASS_DEFS, FRONT_ORDER } from './classes';

export type LicencePinNumber = 1 | 2;

export interface LicenceVerifyResult {
  /** No PIN is set on this card: the DPIN `****` was presented instead of a typed value (§9.1). */
  readonly usedDpin: boolean;
}

export interface EntriesWithGlyphs extends LicenceEntries {
  /** 外字1–2 (DF1/EF03); empty when the card has none or the file could not be read. */
  readonly glyphs: readonly Glyph[];
}

export interface LicenceChanges {
  readonly changes: readonly LicenceChange[];
  /** 外字3–7 (DF1/EF05), used by the changes. */
  readonly glyphs: readonly Glyph[];
}

export interface LicenceDomicile {
  readonly domicile: LicenceText;
  /** 記載事項変更 (本籍), DF1/EF06 (its access rule is UNCONFIRMED; an unreadable file gives none). */
  readonly changes: readonly LicenceChange[];
}

const PIN_REF: Readonly<Record<LicencePinNumber, LicencePinRef>> = {
  1: { id: 'licence-pin1', p2: 0x81, max: 3, select: (s) => s.selectMf() },
  2: { id: 'licence-pin2', p2: 0x82, max: 3, select: (s) => s.selectMf() },
};

const MYNA_PIN: LicencePinRef = {
  id: 'myna-licence',
  p2: 0x86,
  // 63 CA (10 tries) was seen on one card (§9.4); the dialog shows what the card reports.
  max: 10,
  select: (s) => s.selectDf(LICENCE_AID.mynaInstance),
};

/** The largest photo accepted (the spec's is ~2 KB; soft-studio). */
const MAX_PHOTO = 16 * 1024;

/** PINs verified per channel (MF-level security state outlives DF selection on this card). */
const verified = new WeakMap<CardChannel, Set<LicencePinId>>();
function verifiedOf(channel: CardChannel): Set<LicencePinId> {
  let s = verified.get(channel);
  if (!s) {
    s = new Set();
    verified.set(channel, s);
  }
  return s;
}

function isPinNumber(n: unknown): n is LicencePinNumber {
  return n === 1 || n === 2;
}

/** Map a card refusal of a read to a named error: 6982 → which PINs are needed. */
function readRefusal(e: unknown, needs: LicencePinId, channel: CardChannel): never {
  if (e instanceof CardStatusError && (e.sw === 0x6982 || e.sw === 0x6985)) {
    verifiedOf(channel).clear();
    throw new LensError('pin-not-verified', { pin: needs }, { cause: e });
  }
  throw e;
}

export class DriversLicenceAp {
  private readonly session: CardSession;

  constructor(readonly channel: CardChannel) {
    this.session = CardSession.of(channel);
  }

  /** Is this an IC driver's licence? SELECT of DF1 by its AID answers 90 00 (never judged by ATR). */
  isPresent(): Promise<boolean> {
    return this.session.run(async () => {
      try {
        await this.session.selectDf(LICENCE_AID.df1, { force: true });
        return true;
      } catch (e) {
        if (e instanceof CardStatusError) return false;
        throw e;
      }
    });
  }

  private async readMfEf(fid: number, length: number): Promise<Uint8Array> {
    await this.session.selectMf();
    await this.session.selectEf(fid);
    return readPrefix(this.session, length);
  }

  /** 共通データ要素 (MF/EF01, 17 bytes): spec version, 交付年月日, 有効期限. No PIN. */
  readCommon(): Promise<LicenceCommon> {
    return this.session.run(async () => decodeCommon(await this.readMfEf(MF_EF.common, 17)));
  }

  /** 暗証番号設定 (MF/EF02): true when the holder set PINs; false → the DPIN is used. No PIN. */
  pinSetting(): Promise<boolean> {
    return this.session.run(async () => decodePinSetting(await this.readMfEf(MF_EF.pinSetting, 3)));
  }

  /** Tries left for PIN1 or PIN2, from an empty VERIFY (spends no try). */
  pinStatus(pin: LicencePinNumber): Promise<PinStatus> {
    if (!isPinNumber(pin)) return Promise.reject(new LensError('licence-pin-kind-unknown', { pin: String(pin) }));
    return this.session.run(() => readLicencePinStatus(this.session, PIN_REF[pin]));
  }

  /**
   * Present PIN1 or PIN2 with the JPKI guard (see pin.ts). When the card has no PIN set, `value`
   * must be empty and the DPIN is presented for the user (§9.1); a typed value is then refused
   * (`licence-pin-not-set`) rather than sent — it cannot be right and would cost a try.
   * When PINs are set, an empty value is `pin-format-4-digits` before any I/O.
   */
  verifyPin(pin: LicencePinNumber, value: string, options: VerifyOptions = {}): Promise<LicenceVerifyResult> {
    if (!isPinNumber(pin)) return Promise.reject(new LensError('licence-pin-kind-unknown', { pin: String(pin) }));
    const ref = PIN_REF[pin];
    let typed: Uint8Array | undefined;
    try {
      if (value !== '') typed = licencePinBytes(value);
      if (options.signal?.aborted) throw new LensError('pin-cancelled', { pin: ref.id });
    } catch (e) {
      typed?.fill(0);
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return this.session.run(async () => {
      let encoded = typed;
      try {
        const set = decodePinSetting(await this.readMfEf(MF_EF.pinSetting, 3));
        if (set && !encoded) throw new LensError('pin-format-4-digits');
        if (!set && encoded) throw new LensError('licence-pin-not-set', { pin: ref.id });
        encoded ??= dpinBytes();
        await verifyLicencePin(this.session, ref, encoded, options);
        verifiedOf(this.channel).add(ref.id);
        return { usedDpin: !set };
      } catch (e) {
        if (e instanceof LensError && (e.code === 'licence-pin-wrong' || e.code === 'licence-pin-blocked')) verifiedOf(this.channel).delete(ref.id);
        throw e;
      } finally {
        encoded?.fill(0);
      }
    });
  }

  /** Which PINs this app verified on this card (a 6982 from the card overrides it). */
  verifiedPins(): readonly LicencePinId[] {
    return [...verifiedOf(this.channel)];
  }

  private async readDf1(ef: { fid: number; size: number }, needs: LicencePinId): Promise<Uint8Array> {
    await this.session.selectDf(LICENCE_AID.df1);
    try {
      await this.session.selectEf(ef.fid);
      return await this.session.sensitive(() => readPrefix(this.session, ef.size));
    } catch (e) {
      return readRefusal(e, needs, this.channel);
    }
  }

  /** Glyphs of an EF, tolerating a card that lacks it or refuses it (they only decorate text). */
  private async glyphsOf(ef: { fid: number; size: number }, first: number, needs: LicencePinId): Promise<Glyph[]> {
    try {
      return decodeGaiji(await this.readDf1(ef, needs), first);
    } catch (e) {
      if (e instanceof LensError && (e.code.startsWith('sw-') || e.code.startsWith('licence-tlv'))) return [];
      throw e;
    }
  }

  /** 記載事項 (本籍除く), DF1/EF01, with 外字1–2 from EF03. Needs PIN1. */
  readEntries(): Promise<EntriesWithGlyphs> {
    return this.session.run(async () => {
      const entries = decodeEntries(await this.readDf1(DF1_EF.entries, 'licence-pin1'));
      const uses = [entries.name, entries.address, entries.commonName, entries.authority, ...entries.conditionTexts].some((t) => t?.segments.some((s) => s.kind === 'gaiji'));
      const glyphs = uses ? await this.glyphsOf(DF1_EF.gaiji, 1, 'licence-pin1') : [];
      return { ...entries, glyphs };
    });
  }

  /** 記載事項変更等 (the back), DF1/EF04, with 外字3–7 from EF05. Needs PIN1. */
  readChanges(): Promise<LicenceChanges> {
    return this.session.run(async () => {
      const changes = decodeChanges(await this.readDf1(DF1_EF.changes, 'licence-pin1'));
      const uses = changes.some((c) => [c.value, c.authority, ...c.more].some((t) => t?.segments.some((s) => s.kind === 'gaiji')));
      const glyphs = uses ? await this.glyphsOf(DF1_EF.changesGaiji, 3, 'licence-pin1') : [];
      return { changes, glyphs };
    });
  }

  /** 本籍, DF1/EF02 (and its changes, EF06). Needs PIN1 and PIN2. */
  readDomicile(): Promise<LicenceDomicile> {
    return this.session.run(async () => {
      const domicile = decodeDomicile(await this.readDf1(DF1_EF.domicile, 'licence-pin2'));
      let changes: LicenceChange[] = [];
      try {
        changes = decodeChanges(await this.readDf1(DF1_EF.changesDomicile, 'licence-pin2'), 'domicileChanges');
      } catch (e) {
        if (!(e instanceof LensError) || !(e.code.startsWith('sw-') || e.code.startsWith('licence-') || e.code === 'pin-not-verified')) throw e;
      }
      return { domicile, changes };
    });
  }

  /** The photo (DF2/EF01), a JPEG 2000 codestream. Needs PIN1 and PIN2. */
  readPhoto(): Promise<Uint8Array> {
    return this.session.run(async () => {
      await this.session.selectDf(LICENCE_AID.df2);
      try {
        await this.session.selectEf(DF2_EF_PHOTO);
        const raw = await this.session.sensitive(() => readObject(this.session, { maxLength: MAX_PHOTO, emptyCode: 'licence-photo-absent' }));
        return decodePhoto(raw);
      } catch (e) {
        return readRefusal(e, 'licence-pin2', this.channel);
      }
    });
  }

  /** 電子署名 (DF1/EF07): what it carries; the verdict is always "not verifiable here". */
  readSignature(): Promise<LicenceSignature> {
    return this.session.run(async () => decodeSignature(await this.readDf1(DF1_EF.signature, 'licence-pin1')));
  }
}

/**
 * マイナ免許証: the licence instance on a My Number card (§9.4; UNCONFIRMED beyond one author). Its
 * PIN setting and counter are free; what 免許情報 needs is not stated, so it is read without a PIN
 * first and a 6982 asks for the PIN.
 */
export class MynaLicenceAp {
  private readonly session: CardSession;

  constructor(readonly channel: CardChannel) {
    this.session = CardSession.of(channel);
  }

  /** SELECT of the instance AID answers 90 00 (the ELF and module AIDs are not selectable). */
  isPresent(): Promise<boolean> {
    return this.session.run(async () => {
      try {
        await this.session.selectDf(LICENCE_AID.mynaInstance, { force: true });
        return true;
      } catch (e) {
        if (e instanceof CardStatusError) return false;
        throw e;
      }
    });
  }

  private async readEf(fid: number, length: number, sensitive: boolean): Promise<Uint8Array> {
    await this.session.selectDf(LICENCE_AID.mynaInstance);
    try {
      await this.session.selectEf(fid);
      return await (sensitive ? this.session.sensitive(() => readPrefix(this.session, length)) : readPrefix(this.session, length));
    } catch (e) {
      return readRefusal(e, 'myna-licence', this.channel);
    }
  }

  pinSetting(): Promise<boolean> {
    return this.session.run(async () => decodeMynaPinSetting(await this.readEf(MYNA_EF.pinSetting, 3, false)));
  }

  pinStatus(): Promise<PinStatus> {
    return this.session.run(() => readLicencePinStatus(this.session, MYNA_PIN));
  }

  /**
   * Its PIN, with the same guard. 4 digits is assumed as on the card licence, and with no PIN set
   * (WEF01 `00`) the DPIN as on the card (`value` empty) — both UNCONFIRMED for the instance.
   */
  verifyPin(value: string, options: VerifyOptions = {}): Promise<LicenceVerifyResult> {
    let typed: Uint8Array | undefined;
    try {
      if (value !== '') typed = licencePinBytes(value);
      if (options.signal?.aborted) throw new LensError('pin-cancelled', { pin: MYNA_PIN.id });
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return this.session.run(async () => {
      let encoded = typed;
      try {
        const set = decodeMynaPinSetting(await this.readEf(MYNA_EF.pinSetting, 3, false));
        if (set && !encoded) throw new LensError('pin-format-4-digits');
        if (!set && encoded) throw new LensError('licence-pin-not-set', { pin: MYNA_PIN.id });
        encoded ??= dpinBytes();
        await verifyLicencePin(this.session, MYNA_PIN, encoded, options);
        verifiedOf(this.channel).add(MYNA_PIN.id);
        return { usedDpin: !set };
      } finally {
        encoded?.fill(0);
      }
    });
  }

  /** 免許情報 (WEF02 001B), decoded as far as the sources go; the file size is not published (≤ 1 KB read). */
  readLicenceInfo(): Promise<MynaLicenceInfo> {
    return this.session.run(async () => decodeMynaLicenceInfo(await this.readEf(MYNA_EF.licenceInfo, 1024, true)));
  }
}
