/**
 * 券面事項確認AP (券面AP), read-only and optional: after 照合番号A (the 12-digit 個人番号), the card
 * face — birth date, sex, name and address as PNG images, the photo as JPEG 2000, the expiry date
 * and the security-code image (jpki-card.md §5.2; myna-go `VisualInfo`, myna `visual.rs`,
 * myna-card `CardFace`). The decoder is tolerant: fields it cannot find are left out rather than
 * failing the whole read, and only structural damage (a TLV running past the data) is an error.
 *
 * UNCONFIRMED (single sources, no card here): the retry limit of 照合番号A (so the guard works from
 * whatever counter the card reports), that DF29/DF2A follow the signature unsigned, and the
 * three-digest signature scheme of DF28 — which is not checked here (the CV certificate's CA key is
 * not available offline, as for the 入力補助AP).
 */
import type { CardChannel } from './channel';
import { AID, KENMEN_EF } from './aids';
import type { Bytes } from './bytes';
import { type PinStatus, type VerifyOptions, readPinStatus, verifyPin, withPinBytes } from './pin';
import { PIN } from './pin-references';
import { readObject } from './read';
import { CardSession } from './session';
import { CardStatusError } from './status-words';
import { type CardDate, type CardSex, decodeCardDate, decodeSex } from './text';
import { children, parseTlv, valueOf } from './tlv';
import { LensError } from '../errors';

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

  /** The card face (EF 0002). Needs 照合番号A (or B). Personal data: read inside `sensitive()`. */
  readFace(): Promise<CardFace> {
    return this.session.run(async () => {
      await this.selectAp();
      try {
        const raw = await this.session.sensitive(async () => {
          await this.session.selectEf(KENMEN_EF.face);
          return readObject(this.session, { maxLength: MAX_FACE });
        });
        return decodeCardFace(raw);
      } catch (e) {
        if (e instanceof CardStatusError && e.sw === 0x6982) throw new LensError('pin-not-verified', { pin: PIN.kenmenA.id }, { cause: e });
        throw e;
      }
    });
  }
}
