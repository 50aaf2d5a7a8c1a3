/**
 * A virtual IC driver's licence (ICカード運転免許証) at APDU level, itself a CardChannel, written from
 * jpki-card.md §9 and the sources it cites (section numbers below refer to it). Its own command
 * handling: nothing from src/card is imported (house rule 1).
 *
 * Files (§9.1): MF { EF01 2F01 共通データ要素, EF02 000A 暗証番号設定, IEF01 0001 PIN1, IEF02 0002 PIN2 },
 * DF1 (AID A0 00 00 02 31 01 00…) { EF01–EF07 }, DF2 (A0 00 00 02 31 02 00…) { EF01 写真 },
 * DF3 (A0 00 00 02 48 03 00…, RFU, DLC only: selectable, empty).
 *
 * Commands: SELECT MF (`00 A4 00 00`, also with `3F 00` as DLC sends it), SELECT DF by AID
 * (`00 A4 04 0C 10 <AID>`), SELECT EF under the current DF (`00 A4 02 0C 02 <FID>`), READ BINARY of the
 * current EF (15-bit offset) or by SFI (`80|SFI`, 8-bit offset), VERIFY `00 20 00 81|82` with the MF
 * current or `00 20 00 80` on the selected IEF. The PINs are MF-level keys: a VERIFY stays valid while
 * DF1/DF2 are selected (TRET verifies at the MF, then selects DF1 and reads) and is lost on reset.
 */
import type { CardChannel, ChannelCapabilities } from '../../card/channel';
import { LensError } from '../../errors';
import { SW, parseCommandApdu, response, triesLeft, type CommandApdu } from '../card/apdu';
import { equalBytes, hex } from '../card/bytes';
import { CARD_REMOVED, type ApduLogEntry, type PinStatus } from '../card/virtual-card';
import { licenceLayout, type LicenceDf, type LicenceEf, type LicenceLayout, type PinNumber } from './layout';
import { LICENCE_CONTACTLESS_ATR, LICENCE_CONTACT_ATR, LICENCE_TYPE_B, type VirtualLicenceOptions } from './options';
export { LICENCE_AID } from './options';
import type { LicenceHolder } from './holders';


export class VirtualDriversLicence implements CardChannel {
  readonly atr: Uint8Array;
  readonly capabilities: ChannelCapabilities;
  /** What a contactless reader double's PICC answers in its ATQB (options.ts LICENCE_TYPE_B). */
  readonly typeB = LICENCE_TYPE_B;
  /** The exchanges since creation (the latest `logLimit`), PIN data masked. */
  readonly log: ApduLogEntry[] = [];

  private readonly layout: LicenceLayout;
  private readonly readLimit: number;
  private readonly extendedLength: boolean;
  private readonly blockedSw: number;
  private readonly logLimit: number;
  private isRemoved = false;
  private tail: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private overlaps = 0;
  private readonly presenceListeners = new Set<(present: boolean) => void>();
  private df: LicenceDf;
  private ef: LicenceEf | null = null;
  private readonly verified = new Set<PinNumber>();

  constructor(options: VirtualLicenceOptions = {}) {
    this.layout = licenceLayout(options);
    this.df = this.layout.mf;
    this.atr = (options.interface === 'contactless' ? LICENCE_CONTACTLESS_ATR : LICENCE_CONTACT_ATR).slice();
    this.readLimit = options.readLimit ?? 65536;
    this.extendedLength = options.extendedLength ?? true;
    this.blockedSw = options.blockedAnswer === '63C0' ? 0x63c0 : SW.AUTH_BLOCKED;
    this.logLimit = options.logLimit ?? 10_000;
    // The read limit is not announced: a phone that cuts a read short does not say so beforehand, so a
    // host has to notice the short answer and go on at the next offset (JDCard "追記:2024/09/17").
    this.capabilities = this.extendedLength
      ? { extendedLength: true, maxResponseData: 65536, maxCommandData: 65535 }
      : { extendedLength: false, maxResponseData: 256, maxCommandData: 255 };
  }

  get holder(): LicenceHolder {
    return this.layout.holder;
  }

  /** Counter of PIN1 or PIN2 (for tests; a host asks with an empty VERIFY). */
  pinStatus(pin: PinNumber): PinStatus {
    const c = this.layout.pins[pin];
    return { remaining: c.remaining, max: c.max, blocked: c.remaining === 0 };
  }

  /** The PINs verified since the last reset. */
  get verifiedPins(): PinNumber[] {
    return [...this.verified].sort();
  }

  /** The selected DF: `mf`, `df1`, `df2` or `df3`. */
  get selectedDf(): string {
    return this.df.name;
  }

  /** As VirtualMyNumberCard.removed: transmits reject while true; taking the card out resets it. */
  get removed(): boolean {
    return this.isRemoved;
  }

  set removed(value: boolean) {
    if (value === this.isRemoved) return;
    this.isRemoved = value;
    if (value) this.reset();
    for (const listener of this.presenceListeners) listener(!value);
  }

  onPresenceChange(listener: (present: boolean) => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** Power-on / reset: MF current, security status cleared, counters kept. Returns the ATR. */
  reset(): Uint8Array {
    this.df = this.layout.mf;
    this.ef = null;
    this.verified.clear();
    return this.atr.slice();
  }

  get overlappingTransmits(): number {
    return this.overlaps;
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    if (this.removed) throw new LensError(CARD_REMOVED);
    if (this.inFlight > 0) this.overlaps += 1;
    this.inFlight += 1;
    const run = this.tail.then(() => {
      if (this.removed) throw new LensError(CARD_REMOVED);
      const res = this.process(apdu);
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

  async close(): Promise<void> {
    this.reset();
  }

  private process(bytes: Uint8Array): Uint8Array {
    const cmd = parseCommandApdu(bytes);
    if (!cmd) return response(SW.WRONG_LENGTH);
    if (cmd.extended && !this.extendedLength) return response(SW.WRONG_LENGTH);
    if (cmd.cla !== 0x00) return response(SW.CLA_NOT_SUPPORTED);
    switch (cmd.ins) {
      case 0xa4:
        return this.select(cmd);
      case 0xb0:
        return this.readBinary(cmd);
      case 0x20:
        return this.verify(cmd);
      default:
        return response(SW.INS_NOT_SUPPORTED);
    }
  }

  // ---- SELECT (§9.1; §2) -------------------------------------------------------------------------

  private select(cmd: CommandApdu): Uint8Array {
    if (cmd.p2 !== 0x0c && cmd.p2 !== 0x00) return response(SW.WRONG_P1P2);
    if (cmd.p1 === 0x00) {
      // MF: `00 A4 00 00` (§9.1, TRET selectMF) or with the MF's FID 3F00 (DLC `assemblyCommandSelectFile_MF_Case3`).
      if (cmd.data.length !== 0 && !equalBytes(cmd.data, Uint8Array.of(0x3f, 0x00))) return response(SW.FILE_NOT_FOUND);
      this.df = this.layout.mf;
      this.ef = null;
      return response(SW.OK);
    }
    if (cmd.p1 === 0x04) {
      const df = this.layout.dfs.find((d) => d.aid !== undefined && equalBytes(d.aid, cmd.data));
      if (!df) return response(SW.FILE_NOT_FOUND);
      this.df = df;
      this.ef = null;
      return response(SW.OK);
    }
    if (cmd.p1 === 0x02) {
      if (cmd.data.length !== 2) return response(SW.WRONG_LENGTH);
      const ef = this.df.files.find((f) => f.fid === ((cmd.data[0] << 8) | cmd.data[1]));
      if (!ef) return response(SW.FILE_NOT_FOUND);
      this.ef = ef;
      return response(SW.OK);
    }
    return response(SW.WRONG_P1P2);
  }

  // ---- READ BINARY -------------------------------------------------------------------------------

  private readBinary(cmd: CommandApdu): Uint8Array {
    let ef: LicenceEf | null | undefined;
    let offset: number;
    if (cmd.p1 & 0x80) {
      if (cmd.p1 & 0x60) return response(SW.WRONG_P1P2);
      const sfi = cmd.p1 & 0x1f;
      ef = this.df.files.find((f) => f.kind === 'binary' && f.sfi === sfi);
      if (!ef) return response(SW.FILE_NOT_FOUND);
      this.ef = ef;
      offset = cmd.p2;
    } else {
      ef = this.ef;
      if (!ef) return response(SW.NO_CURRENT_EF);
      offset = (cmd.p1 << 8) | cmd.p2;
    }
    if (ef.kind !== 'binary') return response(SW.INCOMPATIBLE_FILE);
    if (!ef.needs.every((p) => this.verified.has(p))) return response(SW.SECURITY_NOT_SATISFIED);
    if (cmd.ne === undefined || cmd.data.length > 0) return response(SW.WRONG_LENGTH);
    if (offset >= ef.body.length) return response(SW.END_OF_FILE);
    // What is left of the file up to Ne (§1.2), and never more than the read limit of this variant.
    return response(SW.OK, ef.body.slice(offset, offset + Math.min(cmd.ne, this.readLimit)));
  }

  // ---- VERIFY (§9.1) -----------------------------------------------------------------------------

  private verify(cmd: CommandApdu): Uint8Array {
    if (cmd.p1 !== 0x00) return response(SW.WRONG_P1P2);
    let pin: PinNumber;
    if (cmd.p2 === 0x80) {
      if (this.ef?.kind !== 'pin') return response(SW.DATA_NOT_FOUND);
      pin = this.ef.pin;
    } else if (cmd.p2 === 0x81 || cmd.p2 === 0x82) {
      // The PIN IEFs are in the MF; with DF1/DF2 current the short id finds nothing (UNCONFIRMED how
      // the real card answers; every source selects the MF first).
      const ef = this.df.files.find((f) => f.kind === 'pin' && f.sfi === (cmd.p2 & 0x1f));
      if (ef?.kind !== 'pin') return response(SW.FILE_NOT_FOUND);
      pin = ef.pin;
    } else {
      return response(SW.WRONG_P1P2);
    }
    const c = this.layout.pins[pin];
    if (c.remaining === 0) return response(this.blockedSw);
    // Empty VERIFY (case 1; or Lc = 00 parsed as case 2): the counter, no try spent (§9.1).
    if (cmd.data.length === 0) return response(triesLeft(c.remaining));
    if (equalBytes(cmd.data, c.value)) {
      c.remaining = c.max;
      this.verified.add(pin);
      return response(SW.OK);
    }
    c.remaining -= 1;
    this.verified.delete(pin);
    return response(triesLeft(c.remaining));
  }
}

/** The APDU as hex with the data of a VERIFY masked (never log a PIN). */
function maskedCommand(apdu: Uint8Array): string {
  const cmd = parseCommandApdu(apdu);
  if (!cmd || cmd.ins !== 0x20 || cmd.data.length === 0) return hex(apdu);
  const head = cmd.extended ? 7 : 5;
  return `${hex(apdu.slice(0, head))} ${Array.from(cmd.data, () => '**').join(' ')}`;
}

export function createVirtualDriversLicence(options?: VirtualLicenceOptions): VirtualDriversLicence {
  return new VirtualDriversLicence(options);
}
