/**
 * What the card layer knows about one card: which DF and EF are selected and which PINs have been
 * verified since that DF was selected, shared by every application object on the same channel.
 *
 * Why track instead of re-selecting before every operation: re-SELECTing the JPKI AP is how OpenSC
 * logs out (`card-jpki.c jpki_logout` → `jpki_select_ap`), so re-selecting before reading the sign
 * certificate would undo the 署名用パスワード just verified. Tracking is what OpenSC does too
 * (`drvdata->selected`). The state starts unknown, so the first operation always selects; any
 * transport failure or failed SELECT forgets it again, so nothing is assumed after trouble.
 */
import type { CardChannel } from './channel';
import { type CommandApdu, type ResponseApdu, type TransmitOptions, transmitApdu } from './apdu';
import { type Bytes, bytes, toHex } from './bytes';
import { CardStatusError, SW_OK } from './status-words';
import { exclusive } from './queue';
import { LensError } from '../errors';

interface CardState {
  df: string | null;
  ef: number | null;
  /** PIN EFs verified in the current DF. */
  verified: Set<number>;
}

const sessions = new WeakMap<CardChannel, CardSession>();

/** The DF name recorded for the MF (no AID is 2 hex digits long, so it cannot collide). */
const MF = 'MF';

export class CardSession {
  private readonly state: CardState = { df: null, ef: null, verified: new Set() };

  private constructor(readonly channel: CardChannel) {}

  /** The one session of `channel` (so all applications on one card share one view of its state). */
  static of(channel: CardChannel): CardSession {
    let s = sessions.get(channel);
    if (!s) {
      s = new CardSession(channel);
      sessions.set(channel, s);
    }
    return s;
  }

  /** Run one card operation with the channel to itself (queue.ts). */
  run<T>(operation: () => Promise<T>): Promise<T> {
    return exclusive(this.channel, operation);
  }

  /** Forget the selection and login state (after a reset, or when in doubt). */
  forget(): void {
    this.state.df = null;
    this.state.ef = null;
    this.state.verified.clear();
  }

  get selectedDf(): string | null {
    return this.state.df;
  }

  async send(cmd: CommandApdu, options?: TransmitOptions): Promise<ResponseApdu> {
    try {
      return await transmitApdu(this.channel, cmd, options);
    } catch (e) {
      this.forget(); // the card may have been reset or removed
      throw e;
    }
  }

  /** Send and require 90 00; anything else becomes a CardStatusError naming `what`. */
  async sendOk(cmd: CommandApdu, what: string, options?: TransmitOptions): Promise<Bytes> {
    const r = await this.send(cmd, options);
    if (r.sw !== SW_OK) throw new CardStatusError(r.sw, what);
    return r.data;
  }

  /** SELECT DF by name, P2=0C (no FCI): `00 A4 04 0C Lc <AID>` (jpki-card.md §2). Skipped when it is
   * already the current DF, which keeps its security state. */
  async selectDf(aid: Uint8Array, options: { force?: boolean } = {}): Promise<void> {
    const name = toHex(aid, '');
    if (this.state.df === name && !options.force) return;
    const r = await this.send({ cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: aid });
    if (r.sw !== SW_OK) {
      this.forget();
      throw new CardStatusError(r.sw, 'SELECT');
    }
    this.state.df = name;
    this.state.ef = null;
    this.state.verified.clear();
  }

  /**
   * SELECT MF `00 A4 00 00` (ISO 7816-4 §11.2.2, no data). Only for cards that honour it: the IC
   * driver's licence does (jpki-card.md §9.1, miscellaneous.tokyo, TRET `selectMF`); on a My Number
   * card it is a trap (§2, pitfall 7), so JPKI code never calls it. Always sent (the MF has no name
   * to compare); PIN state of the MF level is tracked by the licence code, not here.
   */
  async selectMf(): Promise<void> {
    const r = await this.send({ cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00 });
    if (r.sw !== SW_OK) {
      this.forget();
      throw new CardStatusError(r.sw, 'SELECT MF');
    }
    this.state.df = MF;
    this.state.ef = null;
    this.state.verified.clear();
  }

  /** SELECT EF by FID under the current DF: `00 A4 02 0C 02 <FID>`. */
  async selectEf(fid: number): Promise<void> {
    if (this.state.df === null) throw new LensError('card-no-application-selected');
    if (this.state.ef === fid) return;
    const r = await this.send({ cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: bytes(fid >> 8, fid & 0xff) });
    if (r.sw !== SW_OK) {
      this.state.ef = null;
      throw new CardStatusError(r.sw, 'SELECT');
    }
    this.state.ef = fid;
  }

  /** READ BINARY of the current EF: `00 B0 <offset, 15 bits> <Le>` (ISO 7816-4 §11.2.3; P1 bit 8
   * clear means P1-P2 is an offset, so offsets stop at 7FFF). */
  async readBinary(offset: number, ne: number): Promise<ResponseApdu> {
    if (offset < 0 || offset > 0x7fff) throw new LensError('ef-offset-limit', { offset });
    return this.send({ cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, ne });
  }

  markVerified(pinEf: number): void {
    this.state.verified.add(pinEf);
  }

  markUnverified(pinEf: number): void {
    this.state.verified.delete(pinEf);
  }

  isVerified(pinEf: number): boolean {
    return this.state.verified.has(pinEf);
  }

  /** Run `fn` with the transcript's byte payloads redacted (PIN exchanges, personal data reads). */
  sensitive<T>(fn: () => Promise<T>): Promise<T> {
    const t = this.channel.transcript;
    return t ? t.sensitive(fn) : fn();
  }

  /**
   * SELECT an application the card may lack (a smartphone token has no 入力補助AP or 券面AP): its
   * 6A82 becomes `card-application-absent` naming `ap`; other failures stay CardStatusErrors.
   */
  async selectApplication(aid: Uint8Array, ap: string): Promise<void> {
    try {
      await this.selectDf(aid);
    } catch (e) {
      if (e instanceof CardStatusError && e.sw === 0x6a82) throw new LensError('card-application-absent', { ap }, { cause: e });
      throw e;
    }
  }
}
