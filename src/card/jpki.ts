/**
 * 公的個人認証AP (JPKI-AP) over any CardChannel: certificates, PIN counters, VERIFY with the
 * last-try guard, PIN change, and signing with a self-check (architecture "Public entry points").
 * Each method selects what it needs; selection and login state are tracked per channel
 * (session.ts) so that a verified 署名用パスワード survives until the sign certificate is read.
 */
import type { CardChannel } from './channel';
import { AID, JPKI_EF } from './aids';
import type { Bytes } from './bytes';
import { type JpkiCardInfo, readJpkiCardInfo, selectJpkiIfPresent } from './card-info';
import { type PinStatus, type VerifyOptions, changePin, readPinStatus, verifyPin, withNewPinBytes, withPinBytes } from './pin';
import { PIN } from './pin-references';
import { type PinStatusEntry, readAllPinStatus } from './pin-status';
import { type ReadPolicy, readObject } from './read';
import { type RsaPublicKey, rsaKeyOfCertificate, verifyPkcs1v15 } from '../pki/rsa-check';
import { CardSession } from './session';
import { CardStatusError, SW_OK } from './status-words';
import { LensError } from '../errors';

export type CertificateKind = 'auth' | 'auth-ca' | 'sign' | 'sign-ca';
export type JpkiPin = 'auth' | 'sign';

const CERTIFICATE_EF: Record<CertificateKind, number> = {
  auth: JPKI_EF.authCertificate,
  'auth-ca': JPKI_EF.authCaCertificate,
  sign: JPKI_EF.signCertificate,
  'sign-ca': JPKI_EF.signCaCertificate,
};

const PIN_OF: Record<JpkiPin, typeof PIN.jpkiAuth | typeof PIN.jpkiSign> = { auth: PIN.jpkiAuth, sign: PIN.jpkiSign };
const KEY_EF: Record<JpkiPin, number> = { auth: JPKI_EF.authKey, sign: JPKI_EF.signKey };

/** Certificates are ~1.2–2 KB (RSA-2048); anything claiming more than this is corrupt. */
const MAX_CERTIFICATE = 16 * 1024;

/** PKCS#1 v1.5 leaves k − 11 = 245 bytes for the DigestInfo under a 2048-bit key (jpki-card.md §3.5). */
const MAX_SIGN_INPUT = 245;

export class JpkiAp {
  private readonly session: CardSession;
  private readonly keys = new Map<JpkiPin, RsaPublicKey>();

  /** `readPolicy`: how certificates are read over extended APDUs (read.ts; default `exact`). */
  constructor(
    readonly channel: CardChannel,
    private readonly options: { readonly readPolicy?: ReadPolicy } = {},
  ) {
    this.session = CardSession.of(channel);
  }

  /** SELECT the JPKI AID; a card without it gets `card-not-jpki`. */
  private async selectAp(): Promise<void> {
    if (!(await selectJpkiIfPresent(this.session))) throw new LensError('card-not-jpki');
  }

  /** Is this a JPKI card, and which kind of token (physical card, smartphone, 住基カード)? */
  identify(): Promise<JpkiCardInfo> {
    return this.session.run(async () => {
      await this.selectAp();
      return readJpkiCardInfo(this.session);
    });
  }

  /**
   * The DER of one certificate, trimmed to its length. `sign` needs the 署名用パスワード first
   * (`verifyPin('sign', …)`) and holds personal data, so its read is redacted in the transcript.
   */
  readCertificate(kind: CertificateKind): Promise<Uint8Array> {
    if (!Object.hasOwn(CERTIFICATE_EF, kind)) return Promise.reject(new LensError('jpki-certificate-kind-unknown', { kind: String(kind) }));
    return this.session.run(() => this.readCertificateHeld(kind));
  }

  private async readCertificateHeld(kind: CertificateKind): Promise<Bytes> {
    await this.selectAp();
    const read = async () => {
      try {
        await this.session.selectEf(CERTIFICATE_EF[kind]);
        return await readObject(this.session, { maxLength: MAX_CERTIFICATE, emptyCode: 'jpki-certificate-absent', policy: this.options.readPolicy });
      } catch (e) {
        // 6982: the sign certificate before the 署名用パスワード (jpki/OpenSC#3); on smartphone tokens
        // the auth certificate also needs its PIN (jpki/myna#6).
        const pin = kind.startsWith('sign') ? PIN.jpkiSign.id : PIN.jpkiAuth.id;
        if (e instanceof CardStatusError && e.sw === 0x6982) throw new LensError('pin-not-verified', { pin }, { cause: e });
        if (e instanceof CardStatusError && e.sw === 0x6a82) throw new LensError('jpki-certificate-absent', { kind }, { cause: e });
        if (e instanceof LensError && e.code === 'jpki-certificate-absent') throw new LensError('jpki-certificate-absent', { kind }, { cause: e });
        throw e;
      }
    };
    const der = kind === 'sign' ? await this.session.sensitive(read) : await read();
    if (der[0] !== 0x30) throw new LensError('jpki-certificate-not-der', { kind });
    return der;
  }

  /** Tries left for the auth PIN or the sign password, from an empty VERIFY (spends no try). */
  pinStatus(pin: JpkiPin): Promise<PinStatus> {
    const ref = Object.hasOwn(PIN_OF, pin) ? PIN_OF[pin] : undefined;
    if (!ref) return Promise.reject(new LensError('jpki-pin-kind-unknown', { pin: String(pin) }));
    return this.session.run(async () => {
      await this.selectAp();
      return readPinStatus(this.session, ref);
    });
  }

  /**
   * Present a PIN. Validated locally first (auth: exactly 4 digits; sign: 6–16 of A–Z0–9, lower
   * case is upper-cased); then the counter is read and the VERIFY is refused — with nothing sent —
   * when the PIN is blocked, or when one try is left and `acknowledgeLastTry` is not set.
   */
  verifyPin(pin: JpkiPin, value: string, options: VerifyOptions = {}): Promise<void> {
    const ref = Object.hasOwn(PIN_OF, pin) ? PIN_OF[pin] : undefined;
    if (!ref) return Promise.reject(new LensError('jpki-pin-kind-unknown', { pin: String(pin) }));
    return withPinBytes(ref, value, options, (encoded) =>
      this.session.run(async () => {
        await this.selectAp();
        await verifyPin(this.session, ref, encoded, options);
      }),
    );
  }

  /** Change a PIN: VERIFY `current` (same guard as `verifyPin`), then CHANGE REFERENCE DATA with
   * `next`, both validated locally before anything is sent (sign: letters and digits mixed). */
  changePin(pin: JpkiPin, current: string, next: string, options: VerifyOptions = {}): Promise<void> {
    const ref = Object.hasOwn(PIN_OF, pin) ? PIN_OF[pin] : undefined;
    if (!ref) return Promise.reject(new LensError('jpki-pin-kind-unknown', { pin: String(pin) }));
    return withNewPinBytes(ref, current, next, options, (a, b) =>
      this.session.run(async () => {
        await this.selectAp();
        await changePin(this.session, ref, a, b, options);
      }),
    );
  }

  /**
   * COMPUTE DIGITAL SIGNATURE `80 2A 00 80 Lc <DigestInfo> 00` with the auth or sign key (after
   * SELECT of key EF 0017/001A; OpenSC `jpki_compute_signature`, jpki-card.md §3.5). The PIN of that
   * key must have been verified. The signature is checked against the certificate's public key
   * before it is returned (pki/rsa-check.ts); a mismatch is `signature-check-failed`.
   */
  sign(key: JpkiPin, digestInfo: Uint8Array): Promise<Uint8Array> {
    if (!Object.hasOwn(KEY_EF, key)) return Promise.reject(new LensError('jpki-pin-kind-unknown', { pin: String(key) }));
    if (digestInfo.length < 1 || digestInfo.length > MAX_SIGN_INPUT) {
      return Promise.reject(new LensError('jpki-sign-input-length', { length: digestInfo.length, max: MAX_SIGN_INPUT }));
    }
    return this.session.run(async () => {
      await this.selectAp();
      const cached = this.keys.get(key);
      let publicKey = cached ?? (await this.loadKey(key));
      await this.session.selectEf(KEY_EF[key]);
      const r = await this.session.send({ cla: 0x80, ins: 0x2a, p1: 0x00, p2: 0x80, data: digestInfo, ne: 256 });
      if (r.sw === 0x6982) throw new LensError('pin-not-verified', { pin: PIN_OF[key].id }, { cause: new CardStatusError(r.sw, 'COMPUTE DIGITAL SIGNATURE') });
      if (r.sw !== SW_OK) throw new CardStatusError(r.sw, 'COMPUTE DIGITAL SIGNATURE');
      const signature = r.data;
      if (!verifyPkcs1v15(publicKey, digestInfo, signature)) {
        // A cached key may be a previous card's: read the certificate again before concluding.
        if (cached) publicKey = await this.loadKey(key);
        if (!cached || !verifyPkcs1v15(publicKey, digestInfo, signature)) throw new LensError('jpki-signature-check-failed', { key });
      }
      return signature;
    });
  }

  /**
   * COMPUTE DIGITAL SIGNATURE `80 2A 04 80 20 <SHA-256> 00`: RSASSA-PSS (MGF1-SHA-256) over a 32-byte
   * hash, padded by the card. Found by myna-card by trying every P1 on a card (`src/ap/jpki.rs`; salt
   * = 32 as its RustCrypto check requires); a single source, **UNCONFIRMED** on other cards
   * (jpki-card.md §3.5; ../shared/reference/client-auth.md §2.4). The PSS salt is random, so there is
   * no encode-and-compare self-check here: the caller verifies with WebCrypto over the message. A
   * refusal (6A86 and the like) is a CardStatusError; nothing is retried and no PIN is re-sent.
   */
  signPss(key: JpkiPin, sha256: Uint8Array): Promise<Uint8Array> {
    if (!Object.hasOwn(KEY_EF, key)) return Promise.reject(new LensError('jpki-pin-kind-unknown', { pin: String(key) }));
    if (sha256.length !== 32) return Promise.reject(new LensError('jpki-sign-input-length', { length: sha256.length, max: 32 }));
    return this.session.run(async () => {
      await this.selectAp();
      await this.session.selectEf(KEY_EF[key]);
      const r = await this.session.send({ cla: 0x80, ins: 0x2a, p1: 0x04, p2: 0x80, data: sha256, ne: 256 });
      if (r.sw === 0x6982) throw new LensError('pin-not-verified', { pin: PIN_OF[key].id }, { cause: new CardStatusError(r.sw, 'COMPUTE DIGITAL SIGNATURE') });
      if (r.sw !== SW_OK) throw new CardStatusError(r.sw, 'COMPUTE DIGITAL SIGNATURE');
      return r.data;
    });
  }

  private async loadKey(key: JpkiPin): Promise<RsaPublicKey> {
    const der = await this.readCertificateHeld(key);
    const publicKey = await rsaKeyOfCertificate(der);
    this.keys.set(key, publicKey);
    return publicKey;
  }

  /** Counters of every PIN on the card: JPKI auth and sign, 入力補助, 共通/住基 (spends no try;
   * re-selects applications as needed, which ends any JPKI login). */
  allPinStatus(): Promise<PinStatusEntry[]> {
    return this.session.run(() => readAllPinStatus(this.session));
  }

  /** End the JPKI login: re-SELECT the AP (OpenSC `jpki_logout`). */
  logout(): Promise<void> {
    return this.session.run(async () => {
      await this.session.selectDf(AID.jpki, { force: true });
    });
  }
}
