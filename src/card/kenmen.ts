/**
 * 券面事項確認AP (券面AP), read-only and optional: after 照合番号A (the 12-digit 個人番号), the card
 * face — birth date, sex, name and address as PNG images, the photo as JPEG 2000, the expiry date
 * and the security-code image (jpki-card.md §5.2; myna-go `VisualInfo`, myna `visual.rs`,
 * myna-card `CardFace`). The decoder is tolerant: fields it cannot find are left out rather than
 * failing the whole read, and only structural damage (a TLV running past the data) is an error.
 *
 * Two keys open it (§5.1): 照合番号A (the 個人番号, EF 0013) and 照合番号B (EF 0012: birth date, expiry
 * year and security code as printed, composed by `cardFaceKeyB`) — the latter needs no PIN at all.
 * Both go through the same guard as the PINs (pin.ts): counter first with an empty VERIFY, refused
 * when blocked or on an unacknowledged last try, nothing sent on cancel.
 *
 * The face signature (DF28) and the 個人番号 image's (EF 0005 DF43) are checked with the key the AP's
 * card-verifiable certificate (EF 0004) certifies, and that certificate under the CA key its
 * 証明者鍵ID names (cvc.ts, signed-records.ts); the result says exactly what was checked.
 *
 * UNCONFIRMED (single sources, no card here): the retry limits of 照合番号A/B (so the guard works from
 * whatever counter the card reports), that DF29/DF2A follow the signature unsigned, the three-digest
 * scheme of DF28, the CVC layout and the CA keys (one public source each, see cvc.ts).
 */
import type { CardChannel } from './channel';
import { AID, KENMEN_EF } from './aids';
import type { Bytes } from './bytes';
import { type CardSignature, type CvcTrust } from './cvc';
import { type PinStatus, type VerifyOptions, readPinStatus, verifyPin, withPinBytes } from './pin';
import { PIN } from './pin-references';
import { readObject } from './read';
import { CardSession } from './session';
import { CardStatusError } from './status-words';
import { type CardDate, type CardSex, decodeCardDate, decodeSex } from './text';
import { checkFaceSignature, checkRecordSignature } from './signed-records';
import { children, parseTlv, valueOf } from './tlv';
import { LensError } from '../errors';

export { cardFaceKeyB, gregorianYearOf, type CardFaceKeyBInput, type EraId, type KeyBField, type PrintedBirthDate } from './kenmen-key-b';
export type { CardSignature, SignatureStatus } from './cvc';

export const FACE_TAG = {
  face: 0xff20,
  offsets: 0xdf21,
  birthDate: 0xdf22,
  sex: 0xdf23,
  publicKey: 0xdf24,
  nameImage: 0xdf25,
  addressImage: 0xdf26,
  photo: 0xdf27,
  signature: 0xdf28,
  expiry: 0xdf29,
  securityCodeImage: 0xdf2a,
} as const;

export type ImageFormat = 'png' | 'jp2' | 'j2k' | 'unknown';

export interface FaceImage {
  readonly format: ImageFormat;
  readonly bytes: Bytes;
}

export interface CardFace {
  readonly birthDate?: CardDate;
  readonly sex?: CardSex;
  readonly nameImage?: FaceImage;
  readonly addressImage?: FaceImage;
  readonly photo?: FaceImage;
  readonly expiry?: CardDate;
  readonly securityCodeImage?: FaceImage;
  /** Tags present that this decoder does not interpret (hex), for the diagnostics view. */
  readonly otherTags: readonly string[];
}

/** What `KenmenAp.readFace` returns: the face and what its DF28 signature check found. */
export interface CheckedCardFace extends CardFace {
  readonly signature: CardSignature;
}

/** 券面AP EF 0005: the 個人番号 as printed on the back, `FF40 { DF41 PNG, DF42 key, DF43 signature }`. */
export interface MyNumberImage {
  readonly image?: FaceImage;
  readonly signature: CardSignature;
}

export const MY_NUMBER_IMAGE_TAG = { record: 0xff40, image: 0xdf41, publicKey: 0xdf42, signature: 0xdf43 } as const;

export function decodeMyNumberImage(raw: Uint8Array): FaceImage | undefined {
  const h = parseTlv(raw);
  if (h.tag !== MY_NUMBER_IMAGE_TAG.record) throw new LensError('card-unexpected-tag', { what: '個人番号画像', tag: h.tag.toString(16).toUpperCase(), expected: 'FF40' });
  const c = children(raw, h).find((x) => x.tag === MY_NUMBER_IMAGE_TAG.image);
  if (!c || c.length === 0) return undefined;
  const bytes = valueOf(raw, c);
  return { format: imageFormat(bytes), bytes };
}

export type ReadFaceOptions = CvcTrust;

/** Recognise the image by its signature bytes rather than trusting the tag. */
export function imageFormat(b: Uint8Array): ImageFormat {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20)) return 'jp2'; // JP2 signature box (ISO/IEC 15444-1 Annex I)
  if (starts(0xff, 0x4f, 0xff, 0x51)) return 'j2k'; // bare codestream: SOC then SIZ
  return 'unknown';
}

export function decodeCardFace(raw: Uint8Array): CardFace {
  const h = parseTlv(raw);
  if (h.tag !== FACE_TAG.face) throw new LensError('card-unexpected-tag', { what: '券面', tag: h.tag.toString(16).toUpperCase(), expected: 'FF20' });
  const list = children(raw, h);
  const get = (tag: number) => {
    const c = list.find((x) => x.tag === tag);
    return c ? valueOf(raw, c) : undefined;
  };
  const image = (tag: number): FaceImage | undefined => {
    const v = get(tag);
    return v && v.length > 0 ? { format: imageFormat(v), bytes: v } : undefined;
  };
  const optional = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof LensError) return undefined; // tolerant: one bad field does not hide the others
      throw e;
    }
  };
  const birth = get(FACE_TAG.birthDate);
  const sex = get(FACE_TAG.sex);
  const expiry = get(FACE_TAG.expiry);
  const known = new Set<number>(Object.values(FACE_TAG));
  const birthDate = birth && optional(() => decodeCardDate(birth, '生年月日'));
  const sexValue = sex && optional(() => decodeSex(sex, '性別'));
  const expiryDate = expiry && optional(() => decodeCardDate(expiry, '有効期限'));
  const nameImage = image(FACE_TAG.nameImage);
  const addressImage = image(FACE_TAG.addressImage);
  const photo = image(FACE_TAG.photo);
  const securityCodeImage = image(FACE_TAG.securityCodeImage);
  return {
    ...(birthDate ? { birthDate } : {}),
    ...(sexValue ? { sex: sexValue } : {}),
    ...(nameImage ? { nameImage } : {}),
    ...(addressImage ? { addressImage } : {}),
    ...(photo ? { photo } : {}),
    ...(expiryDate ? { expiry: expiryDate } : {}),
    ...(securityCodeImage ? { securityCodeImage } : {}),
    otherTags: list.filter((c) => !known.has(c.tag)).map((c) => c.tag.toString(16).toUpperCase()),
  };
}

/** The face file holds a photo of a few KB; a longer claim is corrupt. */
const MAX_FACE = 0x7fff;
/** EF 0004 is 567 bytes (§4.4), EF 0005 a small PNG and a signature. */
const MAX_RECORD = 4096;

export class KenmenAp {
  private readonly session: CardSession;

  constructor(readonly channel: CardChannel) {
    this.session = CardSession.of(channel);
  }

  private selectAp(): Promise<void> {
    return this.session.selectApplication(AID.kenmen, 'kenmen');
  }

  numberAStatus(): Promise<PinStatus> {
    return this.session.run(async () => {
      await this.selectAp();
      return readPinStatus(this.session, PIN.kenmenA);
    });
  }

  /** Present 照合番号A = the 12-digit 個人番号 (in clear: this AP has no secure messaging). */
  verifyNumberA(myNumber: string, options: VerifyOptions = {}): Promise<void> {
    return withPinBytes(PIN.kenmenA, myNumber, options, (encoded) =>
      this.session.run(async () => {
        await this.selectAp();
        await verifyPin(this.session, PIN.kenmenA, encoded, options);
      }),
    );
  }

  numberBStatus(): Promise<PinStatus> {
    return this.session.run(async () => {
      await this.selectAp();
      return readPinStatus(this.session, PIN.kenmenB);
    });
  }

  /**
   * Present 照合番号B, the 14 digits `cardFaceKeyB` composes (in clear, like A). Validated locally
   * (`pin-format-14-digits`) before any I/O; the same guard as `JpkiAp.verifyPin`.
   */
  verifyNumberB(key: string, options: VerifyOptions = {}): Promise<void> {
    return withPinBytes(PIN.kenmenB, key, options, (encoded) =>
      this.session.run(async () => {
        await this.selectAp();
        await verifyPin(this.session, PIN.kenmenB, encoded, options);
      }),
    );
  }

  /**
   * The card face (EF 0002) with its DF28 signature checked against EF 0004. Needs 照合番号A or B.
   * Personal data: read inside `sensitive()`. `trustTestKeys` also trusts the synthetic fixture CA.
   */
  readFace(options: ReadFaceOptions = {}): Promise<CheckedCardFace> {
    return this.session.run(async () => {
      const raw = await this.readGuarded(KENMEN_EF.face, MAX_FACE, true);
      const face = decodeCardFace(raw);
      const cvc = await this.readCertificate();
      return { ...face, signature: await checkFaceSignature(raw, cvc, options) };
    });
  }

  /** The 個人番号 image of the back (EF 0005), its DF43 signature checked. Needs 照合番号A (B does not open it). */
  readMyNumberImage(options: ReadFaceOptions = {}): Promise<MyNumberImage> {
    return this.session.run(async () => {
      const raw = await this.readGuarded(KENMEN_EF.myNumberImage, MAX_RECORD, true, PIN.kenmenA.id);
      const image = decodeMyNumberImage(raw);
      const cvc = await this.readCertificate();
      return { ...(image ? { image } : {}), signature: await checkRecordSignature(raw, MY_NUMBER_IMAGE_TAG.signature, cvc, options) };
    });
  }

  /**
   * EF 0004 (the AP's CVC), or undefined where the card has none (6A82). Redacted in the transcript
   * like personal data: the key it certifies may be this card's own, i.e. an identifier of the card.
   */
  private async readCertificate(): Promise<Uint8Array | undefined> {
    try {
      return await this.readGuarded(KENMEN_EF.certificate, MAX_RECORD, true);
    } catch (e) {
      if (e instanceof CardStatusError && e.sw === 0x6a82) return undefined;
      throw e;
    }
  }

  private async readGuarded(ef: number, maxLength: number, personal: boolean, pin: string = PIN.kenmenA.id): Promise<Uint8Array> {
    await this.selectAp();
    const read = async () => {
      await this.session.selectEf(ef);
      return readObject(this.session, { maxLength });
    };
    try {
      return personal ? await this.session.sensitive(read) : await read();
    } catch (e) {
      if (e instanceof CardStatusError && e.sw === 0x6982) throw new LensError('pin-not-verified', { pin }, { cause: e });
      throw e;
    }
  }
}
