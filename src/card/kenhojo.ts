/**
 * 券面事項入力補助AP: 個人番号 and 基本4情報 in text form after the 4-digit PIN, and the integrity
 * record that lets us check both files (jpki-card.md §4, §11 "個人番号 + 4情報"). Everything read
 * here is personal data: each read runs inside `transcript.sensitive()`.
 */
import type { CardChannel } from './channel';
import { AID, KENHOJO_EF } from './aids';
import type { Bytes } from './bytes';
import {
  type BasicInfo,
  type IntegrityCheck,
  type IntegrityRecord,
  type MyNumber,
  MY_NUMBER_FILE_LENGTH,
  checkIntegrity,
  decodeBasicInfo,
  decodeIntegrityRecord,
  decodeMyNumber,
} from './kenhojo-data';
import type { CvcTrust } from './cvc';
import { type PinStatus, type VerifyOptions, changePin, readPinStatus, verifyPin, withNewPinBytes, withPinBytes } from './pin';
import { PIN } from './pin-references';
import { readObject, readPrefix } from './read';
import { CardSession } from './session';
import { CardStatusError } from './status-words';
import { LensError } from '../errors';

/** The files are a few hundred bytes; a longer claim is corrupt. */
const MAX_FILE = 4096;

export interface KenhojoData {
  readonly myNumber: MyNumber;
  readonly basicInfo: BasicInfo;
  readonly integrity: IntegrityCheck;
}

export class KenhojoAp {
  private readonly session: CardSession;

  constructor(readonly channel: CardChannel) {
    this.session = CardSession.of(channel);
  }

  private selectAp(): Promise<void> {
    return this.session.selectApplication(AID.kenhojo, 'kenhojo');
  }

  pinStatus(): Promise<PinStatus> {
    return this.session.run(async () => {
      await this.selectAp();
      return readPinStatus(this.session, PIN.kenhojo);
    });
  }

  /** The 4-digit 券面事項入力補助用暗証番号, with the same local validation and last-try guard as JPKI. */
  verifyPin(value: string, options: VerifyOptions = {}): Promise<void> {
    return withPinBytes(PIN.kenhojo, value, options, (encoded) =>
      this.session.run(async () => {
        await this.selectAp();
        await verifyPin(this.session, PIN.kenhojo, encoded, options);
      }),
    );
  }

  changePin(current: string, next: string, options: VerifyOptions = {}): Promise<void> {
    return withNewPinBytes(PIN.kenhojo, current, next, options, (a, b) =>
      this.session.run(async () => {
        await this.selectAp();
        await changePin(this.session, PIN.kenhojo, a, b, options);
      }),
    );
  }

  /** 個人番号 (EF 0001, FF10). Needs the PIN. */
  readMyNumber(): Promise<MyNumber> {
    return this.session.run(async () => decodeMyNumber(await this.readMyNumberFile()));
  }

  /** 基本4情報 (EF 0002, FF20: DF22 氏名, DF23 住所, DF24 生年月日, DF25 性別). Needs the PIN. */
  readBasicInfo(): Promise<BasicInfo> {
    return this.session.run(async () => decodeBasicInfo(await this.readFile(KENHOJO_EF.basicInfo)));
  }

  /** The integrity record (EF 0003) as stored. Needs the PIN (or a 照合番号). */
  readIntegrityRecord(): Promise<IntegrityRecord> {
    return this.session.run(async () => decodeIntegrityRecord(await this.readFile(KENHOJO_EF.integrity)));
  }

  /**
   * Both files, decoded, with the SHA-256 digests of EF 0003 recomputed and compared, and its DF33
   * signature checked with the AP's CV certificate (EF 0004, readable without a PIN).
   * `trustTestKeys` also trusts the synthetic fixture CA (cvc.ts).
   */
  readAll(options: CvcTrust = {}): Promise<KenhojoData> {
    return this.session.run(async () => {
      const myNumberFile = await this.readMyNumberFile();
      const basicInfoFile = await this.readFile(KENHOJO_EF.basicInfo);
      const recordFile = await this.readFile(KENHOJO_EF.integrity);
      const record = decodeIntegrityRecord(recordFile);
      const cvc = await this.readCertificate();
      return {
        myNumber: decodeMyNumber(myNumberFile),
        basicInfo: decodeBasicInfo(basicInfoFile),
        integrity: await checkIntegrity(myNumberFile, basicInfoFile, record, recordFile, cvc, options),
      };
    });
  }

  /**
   * EF 0004, the AP's card-verifiable certificate (readable without a PIN), or undefined where the card
   * has none. Redacted in the transcript: the key it certifies may be this card's own (an identifier).
   */
  private async readCertificate(): Promise<Bytes | undefined> {
    await this.selectAp();
    try {
      return await this.session.sensitive(async () => {
        await this.session.selectEf(KENHOJO_EF.certificate);
        return readObject(this.session, { maxLength: MAX_FILE });
      });
    } catch (e) {
      if (e instanceof CardStatusError && (e.sw === 0x6a82 || e.sw === 0x6982)) return undefined;
      throw e;
    }
  }

  /** EF 0001 exactly as stored: the digest in DF31 covers all 17 bytes, filler included. */
  private async readMyNumberFile(): Promise<Bytes> {
    const raw = await this.guardedRead(KENHOJO_EF.myNumber, () => readPrefix(this.session, MY_NUMBER_FILE_LENGTH));
    if (raw.length !== MY_NUMBER_FILE_LENGTH) throw new LensError('ef-truncated', { have: raw.length, need: MY_NUMBER_FILE_LENGTH });
    return raw;
  }

  private readFile(ef: number): Promise<Bytes> {
    return this.guardedRead(ef, () => readObject(this.session, { maxLength: MAX_FILE }));
  }

  private async guardedRead(ef: number, read: () => Promise<Bytes>): Promise<Bytes> {
    await this.selectAp();
    try {
      return await this.session.sensitive(async () => {
        await this.session.selectEf(ef);
        return read();
      });
    } catch (e) {
      if (e instanceof CardStatusError && e.sw === 0x6982) throw new LensError('pin-not-verified', { pin: PIN.kenhojo.id }, { cause: e });
      throw e;
    }
  }
}
