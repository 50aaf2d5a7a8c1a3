/**
 * Builds the virtual card's applications and credentials for one synthetic holder (jpki-card.md §0
 * quick map; §3.1 JPKI-AP, §4 入力補助AP, §5 券面AP, §6 共通カードAP). Certificates and signatures come
 * from the generated fixtures (tools/gen-fixtures.ts); the rest is laid out from people.ts.
 *
 * EF sizes and filler, and where each comes from (real = bytes from a physical card):
 *  - JPKI 0002 (署名用 CA cert): 1900 bytes, DER then 00 — real (tests/fixtures/real/jpki-ef0002-readbinary-sctools.txt).
 *  - JPKI 0001 / 000A / 000B: 1900 bytes, 00 filler — GUESS by analogy with 0002 (CERT_EF_SIZE).
 *  - JPKI 0008: 3 bytes — real ("a mysterious EF of only 3 bytes", sc-tools-myna; notes file §4).
 *  - JPKI 0006 (token info): the 160-byte CK_TOKEN_INFO of jpki-card.md §3.1; the EF size itself is unknown.
 *  - 入力補助 0001: 17 bytes ending FF FF — a J-LIS test card (myna-card; notes §5); 0002: 0x200, FF — GUESS.
 *  - 券面 0002: face data, FF to the next 256-byte boundary — GUESS.
 */
import { ascii, concat, fromBase64, fromHex, padTo, tlv } from './bytes';
import { FREE, afterPin, type Application, type Ef } from './file-system';
import {
  GENERATED_PEOPLE,
  KENHOJO_CV_CERT,
  KENKAKU_AP_KEY,
  KENKAKU_CV_CERT,
  AUTH_CA_CERT,
  SIGN_CA_CERT,
} from './fixtures.generated';
import { basicFourFile, myNumberFile } from './kenhojo-files';
import { faceImagesOf } from './face-images';
import { KENKAKU_FILLER, ageRecord, faceData, myNumberImage } from './kenkaku-files';
import { DEFAULT_PINS, PIN_LIMITS, TOKEN_LABELS, type PinName, type VirtualCardOptions } from './options';
import { PEOPLE, eraYear, verificationCodeB, type SyntheticPerson } from './people';
import { parsePkcs8RsaKey } from './rsa';
import { tokenInfo } from './token-info';
import { MYNA_LICENCE_AID, mynaLicenceApplication } from '../licence/myna-instance';

export const AID = {
  jpki: fromHex('D3 92 F0 00 26 01 00 00 00 01'),
  kenhojo: fromHex('D3 92 10 00 31 00 01 01 04 08'),
  kenkaku: fromHex('D3 92 10 00 31 00 01 01 04 02'),
  common: fromHex('D3 92 10 00 31 00 01 01 01 00'),
  /** マイナ免許証 instance (present with `options.licence`). */
  licence: MYNA_LICENCE_AID.instance,
} as const;

/**
 * Filler after the DER in the certificate EFs: **00**, as a real card returns for EF 0002 (READ BINARY to
 * the end of the EF: the DER, then 00 to offset 0x76C; tests/fixtures/real/jpki-ef0002-readbinary-sctools.txt,
 * from yuki-js/sc-tools-myna README). jpki-card.md §3.3 only says "filler". Seen for EF 0002 only; the
 * other certificate EFs are assumed to fill the same way (GUESS).
 */
export const CERT_FILLER = 0x00;

/**
 * Size of each certificate EF. EF 0002 (署名用 CA): 1900 bytes = 0x76C, **real** (same file). EF 000B
 * (利用者証明用 CA), 000A (利用者証明用) and 0001 (署名用): no source gives their size; 1900 is a **GUESS** by
 * analogy with 0002 (the EFs hold the same kind of RSA-2048 certificate; a real sign certificate with a
 * long address is ~1.8 KB). A DER that does not fit (never with the fixtures: ≤ 1734 bytes) gets the next
 * 256-byte boundary instead, so the virtual card never truncates.
 */
export const CERT_EF_SIZE = { signCa: 0x76c, authCa: 0x76c, auth: 0x76c, sign: 0x76c } as const;

export interface Credential {
  readonly name: PinName;
  readonly max: number;
  value: Uint8Array;
  remaining: number;
}

export interface CardLayout {
  readonly person: SyntheticPerson;
  readonly applications: readonly Application[];
  /** By PIN EF id (`jpki/0018`). */
  readonly credentials: Map<string, Credential>;
}

/** Certificate EF: the DER, then CERT_FILLER to `size` (at least one filler byte). */
function certificateBody(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  return padTo(der, der.length < size ? size : Math.ceil((der.length + 1) / 256) * 256, CERT_FILLER);
}

/**
 * FID under which the virtual 入力補助AP keeps its PIN-less signing key. The real key is card-specific; its
 * EF is 0013 in sc-tools-myna's map ("internal-auth key", notes §4), a signature with P2 00 names no EF
 * (jsapdu). SYNTHETIC: the virtual card signs with the holder's auth key (so a test can check the result
 * against auth.der); no host code uses this signature.
 */
export const KENHOJO_PINLESS_KEY = 0x0013;

function files(list: readonly Ef[]): Map<number, Ef> {
  return new Map(list.map((f) => [f.fid, f]));
}

function birthEraYymmdd(person: SyntheticPerson): string {
  return String(eraYear(person.birthDate)).padStart(2, '0') + person.birthDate.slice(4);
}

export function buildLayout(options: VirtualCardOptions = {}): CardLayout {
  const person = PEOPLE[options.person ?? 'ordinary'];
  const generated = GENERATED_PEOPLE[person.id];
  const hasSign = (options.signCertificate ?? person.hasSignCertificate) && generated.signCert !== undefined;
  const token = options.token ?? 'card';
  const smartphone = token === 'android' || token === 'iphone';
  const pins = { ...DEFAULT_PINS, ...options.pins };

  const credentials = new Map<string, Credential>();
  const credential = (id: string, name: PinName, value: string): void => {
    const max = PIN_LIMITS[name];
    credentials.set(id, { name, max, value: ascii(value), remaining: Math.min(max, Math.max(0, options.remaining?.[name] ?? max)) });
  };

  // JPKI-AP (§3.1). The sign certificate needs the 署名用パスワード; on smartphone tokens the auth
  // certificate needs the auth PIN too (jpki/myna#6).
  credential('jpki/0018', 'auth', pins.auth);
  const jpkiFiles: Ef[] = [
    { kind: 'pin', fid: 0x0018, id: 'jpki/0018', changeIns: 0x24 },
    { kind: 'binary', fid: 0x000a, body: certificateBody(fromBase64(generated.authCert), CERT_EF_SIZE.auth), read: smartphone ? afterPin(0x0018) : FREE },
    { kind: 'binary', fid: 0x000b, body: certificateBody(fromBase64(AUTH_CA_CERT), CERT_EF_SIZE.authCa), read: FREE },
    { kind: 'binary', fid: 0x0002, body: certificateBody(fromBase64(SIGN_CA_CERT), CERT_EF_SIZE.signCa), read: FREE },
    { kind: 'key', fid: 0x0017, key: parsePkcs8RsaKey(fromBase64(generated.authKey)), use: afterPin(0x0018) },
    { kind: 'binary', fid: 0x0006, body: tokenInfo(TOKEN_LABELS[token]), read: FREE },
    // EF 0008 "which certificates": 8F 8F 00 with both; first byte ≠ 8F without the sign certificate
    // (single card, semantics UNCONFIRMED; 00 chosen for "absent").
    { kind: 'binary', fid: 0x0008, body: Uint8Array.of(hasSign ? 0x8f : 0x00, 0x8f, 0x00), read: FREE },
  ];
  if (hasSign && generated.signCert && generated.signKey) {
    credential('jpki/001B', 'sign', pins.sign);
    jpkiFiles.push(
      { kind: 'pin', fid: 0x001b, id: 'jpki/001B', changeIns: 0x24 },
      { kind: 'binary', fid: 0x0001, body: certificateBody(fromBase64(options.signCertificateDer ?? generated.signCert), CERT_EF_SIZE.sign), read: afterPin(0x001b) },
      { kind: 'key', fid: 0x001a, key: parsePkcs8RsaKey(fromBase64(generated.signKey)), use: afterPin(0x001b) },
    );
  }

  // 券面事項入力補助AP (§4): 0011 opens all; 照合番号A opens 0001+0003, 照合番号B opens 0002+0003.
  credential('kenhojo/0011', 'kenhojo', pins.kenhojo);
  credential('kenhojo/0014', 'kenhojoA', person.myNumber);
  credential('kenhojo/0015', 'kenhojoB', verificationCodeB(person));
  const kenhojoFiles: Ef[] = [
    { kind: 'pin', fid: 0x0011, id: 'kenhojo/0011', changeIns: 0x24 },
    { kind: 'pin', fid: 0x0014, id: 'kenhojo/0014', changeIns: undefined },
    { kind: 'pin', fid: 0x0015, id: 'kenhojo/0015', changeIns: undefined },
    { kind: 'binary', fid: 0x0001, body: myNumberFile(person), read: afterPin(0x0011, 0x0014) },
    { kind: 'binary', fid: 0x0002, body: basicFourFile(person), read: afterPin(0x0011, 0x0015) },
    { kind: 'binary', fid: 0x0003, body: fromBase64(generated.kenhojoIntegrity), read: afterPin(0x0011, 0x0014, 0x0015) },
    { kind: 'binary', fid: 0x0004, body: fromBase64(KENHOJO_CV_CERT), read: FREE },
    { kind: 'binary', fid: 0x0005, body: apBasicInfo(fromBase64(KENHOJO_CV_CERT)), read: FREE },
    { kind: 'key', fid: KENHOJO_PINLESS_KEY, key: parsePkcs8RsaKey(fromBase64(generated.authKey)), use: FREE },
  ];

  // 券面AP (§5.1): 照合番号A/B open 0002–0004, A also 0005; the birth-date key opens 0001 only.
  credential('kenkaku/0013', 'kenkakuA', person.myNumber);
  credential('kenkaku/0012', 'kenkakuB', verificationCodeB(person));
  credential('kenkaku/0011', 'kenkakuBirth', birthEraYymmdd(person));
  const kenkakuKey = parsePkcs8RsaKey(fromBase64(KENKAKU_AP_KEY));
  const variant = options.face ?? 'genuine';
  const images = faceImagesOf(person.id, variant);
  // The tampered face keeps the genuine signature; the corrupt-photo face is signed as it is (§5.2 DF28).
  const faceSignature = variant === 'corrupt-photo' ? generated.kenkakuCorruptPhotoSignature : generated.kenkakuSignature;
  const face = faceData(person, kenkakuKey, images, fromBase64(faceSignature));
  const kenkakuFiles: Ef[] = [
    { kind: 'pin', fid: 0x0013, id: 'kenkaku/0013', changeIns: undefined },
    { kind: 'pin', fid: 0x0012, id: 'kenkaku/0012', changeIns: undefined },
    { kind: 'pin', fid: 0x0011, id: 'kenkaku/0011', changeIns: undefined },
    { kind: 'binary', fid: 0x0002, body: padTo(face, Math.ceil((face.length + 1) / 256) * 256, KENKAKU_FILLER), read: afterPin(0x0013, 0x0012) },
    { kind: 'binary', fid: 0x0003, body: kenkakuApInfo(person), read: afterPin(0x0013, 0x0012) },
    { kind: 'binary', fid: 0x0004, body: fromBase64(KENKAKU_CV_CERT), read: afterPin(0x0013, 0x0012) },
    { kind: 'binary', fid: 0x0001, body: ageRecord(person, kenkakuKey, fromBase64(generated.kenkakuAgeSignature)), read: afterPin(0x0011) },
    { kind: 'binary', fid: 0x0005, body: myNumberImage(kenkakuKey, images.myNumber, fromBase64(generated.kenkakuNumberSignature)), read: afterPin(0x0013) },
  ];

  // 共通カードAP (§6): PIN 001C (changed with CHANGE KEY 80 32), record EF 0001 `01 1C <28 digits>`.
  credential('common/001C', 'common', pins.common);
  const serial = `9${person.myNumber.slice(-3).padStart(14, '0')}`; // 15 digits, synthetic
  const commonFiles: Ef[] = [
    { kind: 'pin', fid: 0x001c, id: 'common/001C', changeIns: 0x32 },
    { kind: 'record', fid: 0x0001, records: [tlv([0x01], ascii(serial + person.municipalityCode + person.cardExpiry))], read: FREE },
  ];

  const applications: Application[] = [
    { name: 'jpki', aid: AID.jpki, files: files(jpkiFiles) },
    { name: 'kenhojo', aid: AID.kenhojo, files: files(kenhojoFiles) },
    { name: 'kenkaku', aid: AID.kenkaku, files: files(kenkakuFiles) },
    { name: 'common', aid: AID.common, files: files(commonFiles) },
  ];

  // マイナ免許証 (jpki-card.md §9.4): the licence instance, with its own 10-try PIN (IEF 0006).
  if (options.licence) {
    const instance = mynaLicenceApplication(options.licence === true ? {} : options.licence);
    const remaining = options.remaining?.licence ?? instance.pin.remaining;
    credentials.set('licence/0006', { name: 'licence', max: instance.pin.max, value: instance.pin.value.slice(), remaining: Math.min(instance.pin.max, Math.max(0, remaining)) });
    applications.push({ name: 'licence', aid: AID.licence, files: files(instance.files) });
  }

  return { person, credentials, applications };
}

/**
 * 入力補助AP EF 0005 `FF 40 { DF41 01 03 0E 01, DF42 <16-byte key id>, DF43 <128 bytes> }` (§4.5), padded
 * to 256 (myna-go reads 256). The key id is the CV certificate's subject key id; DF43 is zeros (unknown).
 */
function apBasicInfo(cvCert: Uint8Array): Uint8Array<ArrayBuffer> {
  const keyId = cvCert.slice(26, 42); // 7F21 82 LLLL 5F4E 82 LLLL <issuer id 16> <subject id 16>
  const info = tlv([0xff, 0x40], concat(tlv([0xdf, 0x41], Uint8Array.of(1, 3, 0x0e, 1)), tlv([0xdf, 0x42], keyId), tlv([0xdf, 0x43], new Uint8Array(128))));
  return padTo(info, 256, 0xff);
}

/** 券面AP EF 0003 `FF 30 { DF31 06 03 0E 01, DF32 key id, DF33 version, DF34 5-digit code, DF35 opaque }` (§5.2). */
function kenkakuApInfo(person: SyntheticPerson): Uint8Array<ArrayBuffer> {
  const cv = fromBase64(KENKAKU_CV_CERT);
  return tlv(
    [0xff, 0x30],
    concat(
      tlv([0xdf, 0x31], Uint8Array.of(6, 3, 0x0e, 1)),
      tlv([0xdf, 0x32], cv.slice(26, 42)),
      tlv([0xdf, 0x33], Uint8Array.of(1)),
      tlv([0xdf, 0x34], ascii(person.municipalityCode)),
      tlv([0xdf, 0x35], new Uint8Array(16 + 256)),
    ),
  );
}
