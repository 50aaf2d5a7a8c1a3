/**
 * A virtual My Number card at APDU level, itself a CardChannel. It answers as jpki-card.md describes the
 * real card (section numbers below refer to it): SELECT by AID and by FID, READ BINARY / READ RECORD with
 * access rules, VERIFY with retry counters, CHANGE REFERENCE DATA / CHANGE KEY, COMPUTE DIGITAL
 * SIGNATURE, GET CHALLENGE, GET DATA. Its own APDU code: nothing from src/card/ is imported.
 */
import type { CardChannel, ChannelCapabilities } from '../../card/channel';
import { LensError, isLensError } from '../../errors';
import { SW, parseCommandApdu, response, triesLeft, type CommandApdu } from './apdu';
import { concat, equalBytes, fromHex, hex } from './bytes';
import type { Access, ApName, Application, Ef, KeyEf, PinEf } from './file-system';
import { KENHOJO_PINLESS_KEY, buildLayout, type CardLayout, type Credential } from './layout';
import { KNOWN_CONTACT_ATRS, type PinName, type VirtualCardOptions } from './options';
import type { SyntheticPerson } from './people';
import { SHA256_DIGEST_INFO_PREFIX, pssEncodeSha256, rsaPrivate, signPkcs1Raw } from './rsa';

export interface ApduLogEntry {
  /** Command hex; the data of VERIFY / CHANGE REFERENCE DATA / CHANGE KEY is masked as `**`. */
  readonly command: string;
  readonly response: string;
}

export interface PinStatus {
  readonly remaining: number;
  readonly max: number;
  readonly blocked: boolean;
}

/** The error code of a transmit to a removed card. */
export const CARD_REMOVED = 'sim-card-removed';

export function isVirtualCardRemoved(e: unknown): boolean {
  return isLensError(e, CARD_REMOVED);
}

/** GlobalPlatform ISD AID: selecting it returns the card to MF (card-manager) state (§2 "SELECT MF"). */
const ISD_AID = fromHex('A0 00 00 01 51 00 00');

export class VirtualMyNumberCard implements CardChannel {
  readonly atr: Uint8Array;
  readonly capabilities: ChannelCapabilities;
  private isRemoved = false;
  private tail: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private overlaps = 0;
  private readonly presenceListeners = new Set<(present: boolean) => void>();
  /** The exchanges since creation (the latest `logLimit`, default 10 000), PINs masked. */
  readonly log: ApduLogEntry[] = [];

  private readonly layout: CardLayout;
  private readonly extendedLength: boolean;
  private readonly logLimit: number;
  private readonly emptyVerify: 'counter' | 'ok-when-verified';
  private current: Application | null = null;
  private currentEf: Ef | null = null;
  /** FIDs of the PIN IEFs verified in the current AP; cleared by any SELECT by AID (§3.2, OpenSC jpki_logout). */
  private readonly verified = new Set<number>();

  constructor(options: VirtualCardOptions = {}) {
    this.layout = buildLayout(options);
    const atr = options.atr ?? 'jpki-02';
    this.atr = typeof atr === 'string' ? KNOWN_CONTACT_ATRS[atr].slice() : atr.slice();
    this.extendedLength = options.extendedLength ?? true;
    this.logLimit = options.logLimit ?? 10_000;
    this.emptyVerify = options.emptyVerify ?? 'counter';
    this.capabilities = this.extendedLength
      ? { extendedLength: true, maxResponseData: 65536, maxCommandData: 65535 }
      : { extendedLength: false, maxResponseData: 256, maxCommandData: 255 };
  }

  /**
   * While true every transmit rejects (code `sim-card-removed`); readers turn that into their own
   * errors. Setting it notifies presence listeners (a reader double raises its slot-change event), and
   * taking the card out clears its security status like a power loss; counters persist.
   */
  get removed(): boolean {
    return this.isRemoved;
  }

  set removed(value: boolean) {
    if (value === this.isRemoved) return;
    this.isRemoved = value;
    if (value) this.reset();
    for (const listener of this.presenceListeners) listener(!value);
  }

  /** Called with `true` on insertion and `false` on removal; returns the unsubscribe function. */
  onPresenceChange(listener: (present: boolean) => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  get person(): SyntheticPerson {
    return this.layout.person;
  }

  get selectedApplication(): ApName | null {
    return this.current?.name ?? null;
  }

  /** Counter of a credential, or undefined when the card has none (e.g. `sign` on an under-15 card). */
  pinStatus(name: PinName): PinStatus | undefined {
    for (const c of this.layout.credentials.values()) {
      if (c.name === name) return { remaining: c.remaining, max: c.max, blocked: c.remaining === 0 };
    }
    return undefined;
  }

  /** Credentials verified in the currently selected AP. */
  get verifiedPins(): PinName[] {
    const out: PinName[] = [];
    for (const fid of this.verified) {
      const ef = this.current?.files.get(fid);
      const c = ef?.kind === 'pin' ? this.layout.credentials.get(ef.id) : undefined;
      if (c) out.push(c.name);
    }
    return out;
  }

  /** Power-on / warm reset: MF state, security status cleared, counters kept. Returns the ATR. */
  reset(): Uint8Array {
    this.current = null;
    this.currentEf = null;
    this.verified.clear();
    return this.atr.slice();
  }

  /**
   * A real card takes one APDU at a time. A transmit that arrives while another is still being processed
   * is counted in `overlappingTransmits` (a host-side bug to assert against) and then queued, so the
   * card's state stays consistent either way.
   */
  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    if (this.removed) throw new LensError(CARD_REMOVED);
    if (this.inFlight > 0) this.overlaps += 1;
    this.inFlight += 1;
    const run = this.tail.then(async () => {
      if (this.removed) throw new LensError(CARD_REMOVED);
      const res = await this.process(apdu);
      this.log.push({ command: maskedCommand(apdu), response: hex(res) });
      if (this.log.length > this.logLimit) this.log.splice(0, this.log.length - this.logLimit);
      return res;
    });
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await run;
    } finally {
      this.inFlight -= 1;
    }
  }

  /** How many transmits arrived while an earlier one was still in progress (should stay 0). */
  get overlappingTransmits(): number {
    return this.overlaps;
  }

  async close(): Promise<void> {
    this.reset();
  }

  private async process(bytes: Uint8Array): Promise<Uint8Array> {
    const cmd = parseCommandApdu(bytes);
    if (!cmd) return response(SW.WRONG_LENGTH);
    if (cmd.extended && !this.extendedLength) return response(SW.WRONG_LENGTH);
    if (cmd.cla & 0x0c) return response(SW.SM_NOT_SUPPORTED); // secure messaging CLA (§1.2, §7 69FC)
    const proprietary = cmd.cla === 0x80;
    if (cmd.cla !== 0x00 && !proprietary) return response(SW.CLA_NOT_SUPPORTED);
    switch (proprietary ? 0x8000 | cmd.ins : cmd.ins) {
      case 0xa4:
        return this.select(cmd);
      case 0xb0:
        return this.readBinary(cmd);
      case 0xb2:
        return this.readRecord(cmd);
      case 0x20:
        return this.verify(cmd);
      case 0x24:
      case 0x8032:
        return this.changePin(cmd);
      case 0x802a:
        return this.computeSignature(cmd);
      case 0x80a2:
        return this.verifyCertificate(cmd);
      case 0x84:
        return this.getChallenge(cmd);
      case 0xca:
        return this.getData(cmd);
      default:
        return response(SW.INS_NOT_SUPPORTED);
    }
  }

  // ---- SELECT (§2) ------------------------------------------------------------------------------

  private select(cmd: CommandApdu): Uint8Array {
    if (cmd.p1 === 0x04) {
      // P2 0C = no FCI (what every tool sends); P2 00 is accepted and answered without FCI
      // (the real FCI format is UNCONFIRMED, §2).
      if (cmd.p2 !== 0x0c && cmd.p2 !== 0x00) return response(SW.WRONG_P1P2);
      if (equalBytes(cmd.data, ISD_AID)) {
        this.reset();
        return response(SW.OK);
      }
      // Full-AID match only: the real card may match a prefix (JICSAP), a host must not rely on it.
      const app = this.layout.applications.find((a) => equalBytes(a.aid, cmd.data));
      if (!app) return response(SW.FILE_NOT_FOUND);
      this.current = app;
      this.currentEf = null;
      this.verified.clear();
      return response(SW.OK);
    }
    if (cmd.p1 === 0x02) {
      if (cmd.data.length !== 2) return response(SW.WRONG_LENGTH);
      const fid = (cmd.data[0] << 8) | cmd.data[1];
      const ef = this.current?.files.get(fid);
      if (!ef) return response(SW.FILE_NOT_FOUND);
      this.currentEf = ef;
      return response(SW.OK);
    }
    if (cmd.p1 === 0x00) {
      // `00 A4 00 00`: 6A86 after reset, 9000 without effect with an AP selected; 3F00 by FID → 6A82 (§2).
      if (cmd.data.length > 0) return response(SW.FILE_NOT_FOUND);
      return response(this.current ? SW.OK : SW.WRONG_P1P2);
    }
    return response(SW.WRONG_P1P2);
  }

  private allowed(access: Access): boolean {
    return access.kind === 'free' || access.anyOf.some((fid) => this.verified.has(fid));
  }

  /** An EF of the current AP named by a short EF identifier (its FID's low byte, §2 READ BINARY by SFI). */
  private bySfi(sfi: number): Ef | undefined {
    return sfi === 0 ? undefined : this.current?.files.get(sfi);
  }

  // ---- READ BINARY / READ RECORD (§2, §1.2 end of file) ---------------------------------------

  private readBinary(cmd: CommandApdu): Uint8Array {
    let ef: Ef | null | undefined;
    let offset: number;
    if (cmd.p1 & 0x80) {
      if (cmd.p1 & 0x60) return response(SW.WRONG_P1P2);
      ef = this.bySfi(cmd.p1 & 0x1f);
      if (!ef) return response(SW.FILE_NOT_FOUND);
      this.currentEf = ef;
      offset = cmd.p2;
    } else {
      ef = this.currentEf;
      if (!ef) return response(SW.NO_CURRENT_EF);
      offset = (cmd.p1 << 8) | cmd.p2;
    }
    if (ef.kind !== 'binary') return response(SW.INCOMPATIBLE_FILE);
    if (!this.allowed(ef.read)) return response(SW.SECURITY_NOT_SATISFIED);
    if (cmd.ne === undefined || cmd.data.length > 0) return response(SW.WRONG_LENGTH);
    if (offset >= ef.body.length) return response(SW.END_OF_FILE);
    // Within the file the card returns what is left, up to Ne, with 9000 (§1.2).
    return response(SW.OK, ef.body.slice(offset, offset + cmd.ne));
  }

  private readRecord(cmd: CommandApdu): Uint8Array {
    if ((cmd.p2 & 0x07) !== 0x04 || cmd.p1 === 0) return response(SW.WRONG_P1P2); // by record number only
    const sfi = cmd.p2 >> 3;
    const ef = sfi ? this.bySfi(sfi) : this.currentEf;
    if (!ef) return response(sfi ? SW.FILE_NOT_FOUND : SW.NO_CURRENT_EF);
    if (ef.kind !== 'record') return response(SW.INCOMPATIBLE_FILE);
    if (sfi) this.currentEf = ef;
    if (!this.allowed(ef.read)) return response(SW.SECURITY_NOT_SATISFIED);
    if (cmd.ne === undefined) return response(SW.WRONG_LENGTH);
    const record = ef.records[cmd.p1 - 1];
    if (!record) return response(SW.RECORD_NOT_FOUND);
    return response(SW.OK, record.slice(0, cmd.ne));
  }

  // ---- VERIFY / CHANGE (§2, §3.2) --------------------------------------------------------------

  /** P2 `80` = the selected IEF; `80|SFI` = the IEF with that short id in the current AP (§2). */
  private pinEf(p2: number): PinEf | number {
    if ((p2 & 0x80) === 0 || p2 & 0x60) return SW.WRONG_P1P2;
    const ef = p2 === 0x80 ? this.currentEf : this.bySfi(p2 & 0x1f);
    if (!ef) return p2 === 0x80 ? SW.DATA_NOT_FOUND : SW.FILE_NOT_FOUND;
    if (ef.kind !== 'pin') return SW.DATA_NOT_FOUND;
    return ef;
  }

  private credentialOf(ef: PinEf): Credential {
    const c = this.layout.credentials.get(ef.id);
    if (!c) throw new Error(`virtual card layout: no credential ${ef.id}`);
    return c;
  }

  private verify(cmd: CommandApdu): Uint8Array {
    if (cmd.p1 !== 0x00) return response(SW.WRONG_P1P2);
    const ef = this.pinEf(cmd.p2);
    if (typeof ef === 'number') return response(ef);
    const c = this.credentialOf(ef);
    // After the exhausting attempt, every attempt and query answers 6984 (§3.2).
    if (c.remaining === 0) return response(SW.AUTH_BLOCKED);
    // Empty VERIFY (case 1, or jpki-web's `Lc=00` form parsed as case 2): the counter, no try spent.
    // A real card answers 63Cx even right after the correct PIN (OpenSC PR #959); the ISO reading
    // (9000 while verified) is the `emptyVerify: 'ok-when-verified'` variant.
    if (cmd.data.length === 0) {
      if (this.emptyVerify === 'ok-when-verified' && this.verified.has(ef.fid)) return response(SW.OK);
      return response(triesLeft(c.remaining));
    }
    if (equalBytes(cmd.data, c.value)) {
      c.remaining = c.max;
      this.verified.add(ef.fid);
      return response(SW.OK);
    }
    // The card compares bytes: any other value (wrong length, lower case) costs a try (§10.5).
    c.remaining -= 1;
    this.verified.delete(ef.fid);
    return response(triesLeft(c.remaining));
  }

  /** CHANGE REFERENCE DATA `00 24 01 80` (JPKI, 入力補助) / CHANGE KEY `80 32 00 80` (共通), after VERIFY. */
  private changePin(cmd: CommandApdu): Uint8Array {
    const ins = cmd.cla === 0x80 ? 0x32 : 0x24;
    if (cmd.p1 !== (ins === 0x24 ? 0x01 : 0x00)) return response(SW.WRONG_P1P2);
    const ef = this.pinEf(cmd.p2);
    if (typeof ef === 'number') return response(ef);
    if (ef.changeIns !== ins) return response(SW.INCOMPATIBLE_FILE);
    const c = this.credentialOf(ef);
    if (c.remaining === 0) return response(SW.AUTH_BLOCKED);
    if (!this.verified.has(ef.fid)) return response(SW.SECURITY_NOT_SATISFIED);
    if (cmd.data.length === 0) return response(SW.WRONG_LENGTH);
    c.value = cmd.data.slice();
    return response(SW.OK);
  }

  // ---- COMPUTE DIGITAL SIGNATURE (§3.5) ---------------------------------------------------------

  private async computeSignature(cmd: CommandApdu): Promise<Uint8Array> {
    let key: Ef | null | undefined;
    // P2 00 in the 入力補助AP: its PIN-less key, no EF selected and no VERIFY (AokiApp/jsapdu e2e
    // assertions on a real card, jpki-card-behaviour-notes.txt §3 c/d; UNCONFIRMED whether the suite passed).
    if (cmd.p2 === 0x00 && this.current?.name === 'kenhojo') key = this.current.files.get(KENHOJO_PINLESS_KEY);
    else if (cmd.p2 === 0x80) key = this.currentEf;
    else if (cmd.p2 & 0x80 && !(cmd.p2 & 0x60)) key = this.bySfi(cmd.p2 & 0x1f); // 97 / 9A (UNCONFIRMED)
    else return response(SW.WRONG_P1P2);
    if (!key || key.kind !== 'key') return response(SW.DATA_NOT_FOUND);
    if (!this.allowed(key.use)) return response(SW.SECURITY_NOT_SATISFIED);
    if (cmd.data.length === 0) return response(SW.WRONG_LENGTH);
    if (cmd.ne === undefined) return response(SW.WRONG_LENGTH);
    const signature = await this.sign(key, cmd.p1, cmd.data);
    if (typeof signature === 'number') return response(signature);
    // The whole signature or nothing: a short Le asks for a resend with the right one (ISO 7816-4 6Cxx).
    if (cmd.ne < signature.length) return response(0x6c00 | (signature.length & 0xff));
    return response(SW.OK, signature);
  }

  /** The P1 schemes of §3.5 (00 = as given, the multiply-confirmed one; 01–05 single-source, UNCONFIRMED). */
  private async sign(ef: KeyEf, p1: number, data: Uint8Array): Promise<Uint8Array | number> {
    const sha256 = async (d: Uint8Array): Promise<Uint8Array> =>
      new Uint8Array(await crypto.subtle.digest('SHA-256', d.slice()));
    switch (p1) {
      case 0x00:
        return signPkcs1Raw(ef.key, data) ?? SW.WRONG_LENGTH;
      case 0x01:
        return signPkcs1Raw(ef.key, await sha256(data)) ?? SW.WRONG_LENGTH;
      case 0x02:
        if (data.length !== 32) return SW.WRONG_LENGTH;
        return signPkcs1Raw(ef.key, concat(SHA256_DIGEST_INFO_PREFIX, data)) ?? SW.WRONG_LENGTH;
      case 0x03:
        return signPkcs1Raw(ef.key, concat(SHA256_DIGEST_INFO_PREFIX, await sha256(data))) ?? SW.WRONG_LENGTH;
      case 0x04:
        if (data.length !== 32) return SW.WRONG_LENGTH;
        return rsaPrivate(ef.key, await pssEncodeSha256(data, ef.key));
      case 0x05:
        return rsaPrivate(ef.key, await pssEncodeSha256(await sha256(data), ef.key));
      default:
        return SW.WRONG_P1P2;
    }
  }

  // ---- 特定機関認証 80 A2 (JPKI AP) -----------------------------------------------------------------

  /**
   * `80 A2 00 C1 <certificate>`: a host presents a 特定機関 card-verifiable certificate (jpki-pinless-cvc-
   * sctools.txt). A real card answered a garbage one with 6700 (jsapdu e2e assertion, notes §3 b; an older
   * comment there says 6D00). The virtual card holds no J-LIS CV CA key, so it cannot accept any: every one
   * gets 6700. Outside the JPKI AP the instruction is unknown (6D00).
   */
  private verifyCertificate(_cmd: CommandApdu): Uint8Array {
    if (this.current?.name !== 'jpki') return response(SW.INS_NOT_SUPPORTED);
    return response(SW.WRONG_LENGTH);
  }

  // ---- GET CHALLENGE / GET DATA (§2, §6) --------------------------------------------------------

  private getChallenge(cmd: CommandApdu): Uint8Array {
    if (cmd.p1 !== 0 || cmd.p2 !== 0) return response(SW.WRONG_P1P2);
    if (cmd.extended) return response(SW.CONDITIONS_NOT_SATISFIED); // extended form refused (§1.2)
    if (cmd.ne === undefined || cmd.data.length > 0) return response(SW.WRONG_LENGTH);
    return response(SW.OK, crypto.getRandomValues(new Uint8Array(cmd.ne)));
  }

  /** MF-level objects answer only with no AP selected (§6); only 5F51 (contact ATR without TS) is modelled. */
  private getData(cmd: CommandApdu): Uint8Array {
    if (cmd.ne === undefined) return response(SW.WRONG_LENGTH);
    const tag = (cmd.p1 << 8) | cmd.p2;
    if (this.current === null && tag === 0x5f51) return response(SW.OK, this.atr.slice(1, 1 + cmd.ne));
    return response(SW.DATA_NOT_FOUND);
  }
}

/**
 * The APDU as hex with the data field of PIN commands masked (never log a PIN): VERIFY 20, CHANGE
 * REFERENCE DATA 24, RESET RETRY COUNTER 2C (ISO/IEC 7816-4 §11.5.6/7/10; the card refuses 2C, but a
 * host may still send a PIN in it) and the JICSAP CHANGE KEY 80 32.
 */
function maskedCommand(apdu: Uint8Array): string {
  const cmd = parseCommandApdu(apdu);
  const isPin = cmd && cmd.data.length > 0 && (cmd.ins === 0x20 || cmd.ins === 0x24 || cmd.ins === 0x2c || (cmd.cla === 0x80 && cmd.ins === 0x32));
  if (!isPin) return hex(apdu);
  const headerLength = cmd.extended ? 7 : 5;
  const head = hex(apdu.slice(0, headerLength));
  const tail = apdu.length > headerLength + cmd.data.length ? ` ${hex(apdu.slice(headerLength + cmd.data.length))}` : '';
  return `${head} ${Array.from(cmd.data, () => '**').join(' ')}${tail}`;
}

export function createVirtualMyNumberCard(options?: VirtualCardOptions): VirtualMyNumberCard {
  return new VirtualMyNumberCard(options);
}
