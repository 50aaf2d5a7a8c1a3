/**
 * The air between a reader double and the PICC: carries one frame to the card and its answer back,
 * applies injected faults, and keeps the numbers the benchmark reports (frames, bytes, modeled air
 * time). CRC_B, SOF and EOF are the reader chip's job; here they only cost air time.
 *
 * Air-time model (ISO/IEC 14443-2 §9 and -3 §7.1): 1 etu = 128/fc at 106 kbit/s (64/fc at 212,
 * 32/fc at 424, 16/fc at 848); a character is 10 etu (start, 8 data, stop); SOF 12 etu (10 low +
 * 2 high), EOF 10 etu; the CRC_B adds 2 characters. Between the PCD's frame and the PICC's answer
 * TR0 + TR1 (minimums 64/fs + 80/fs, fs = fc/16). The card's own processing time is not modeled.
 */
import { pinRangeOfBlock, type TypeBPicc } from './type-b-picc';

export type RfFaultKind =
  /** the frame never reaches the card (the reader times out; the card saw nothing) */
  | 'lose-command'
  /** the card receives the frame and acts on it, but its answer is lost (the reader times out) */
  | 'lose-response'
  /** the card's answer arrives with a bad CRC (the reader reports a CRC error) */
  | 'corrupt-response'
  /** the card leaves the field before this frame */
  | 'remove-card';

/**
 * Standing conditions of the field (they hold until cleared, unlike the one-shot faults above),
 * for the bit-rate fallback (issue 13 item 7): a faster field is less forgiving of where the card
 * lies (ISO/IEC 14443-2 §8: the same field strength, less energy per bit and tighter timing).
 *  - `silent-above-106`: frames sent or answered above 106 kbit/s never reach the card, so it stays
 *    silent (the reader times out); activation, which runs at 106, still works;
 *  - `crc-errors-at-424`: the card acts on each frame but every answer it sends at 424 kbit/s
 *    arrives with a bad CRC_B.
 */
export type RfCondition = 'silent-above-106' | 'crc-errors-at-424';
export const RF_CONDITIONS: readonly RfCondition[] = ['silent-above-106', 'crc-errors-at-424'];

export interface RfFault {
  readonly kind: RfFaultKind;
  /** the frame it applies to (default: the next frame sent into the field) */
  readonly when?: (frameToCard: Uint8Array) => boolean;
}

export type RfOutcome =
  | { readonly kind: 'frame'; readonly frame: Uint8Array }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'crc-error' };

export interface RfStats {
  framesToCard: number;
  framesFromCard: number;
  bytesToCard: number;
  bytesFromCard: number;
  timeouts: number;
  crcErrors: number;
  /** modeled time on the air, µs, including time-outs waited */
  airTimeUs: number;
}

const FC = 13.56e6;
const ETU_106_US = (128 / FC) * 1e6;

export function etuUs(kbps: number): number {
  return (ETU_106_US * 106) / kbps;
}

/** Modeled air time of one Type B frame of `bytes` bytes (CRC_B added), µs. */
export function frameAirTimeUs(bytes: number, kbps: number): number {
  return (12 + 10 * (bytes + 2) + 10) * etuUs(kbps);
}

/** TR0 + TR1 minimums, µs (ISO/IEC 14443-2 §9.2.5). */
export const TURNAROUND_US = ((64 + 80) * 16 / FC) * 1e6;

export class RfField {
  picc: TypeBPicc | undefined;
  on = false;
  readonly faults: RfFault[] = [];
  /** Standing conditions (see RfCondition); add or delete them at any time. */
  readonly conditions = new Set<RfCondition>();
  readonly stats: RfStats = { framesToCard: 0, framesFromCard: 0, bytesToCard: 0, bytesFromCard: 0, timeouts: 0, crcErrors: 0, airTimeUs: 0 };
  /** Every frame exchanged, for tests: what the card got and what it answered (PIN data zeroed). */
  readonly log: { toCard: Uint8Array; outcome: RfOutcome }[] = [];
  /** The last frame was a chained part of a PIN-carrying command (its next part is PIN data too). */
  private pinChain = false;

  constructor(picc?: TypeBPicc) {
    this.picc = picc;
  }

  /** Put a card on the reader (it powers up if the field is on). */
  placeCard(picc: TypeBPicc): void {
    this.picc = picc;
    picc.setField(this.on);
  }

  /** Take the card away. */
  removeCard(): void {
    this.picc?.setField(false);
    this.picc = undefined;
  }

  setField(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    if (!on) this.pinChain = false; // a command cut by a field reset is over
    this.picc?.setField(on);
  }

  inject(kind: RfFaultKind, when?: (frameToCard: Uint8Array) => boolean): void {
    this.faults.push({ kind, when });
  }

  /**
   * One frame into the field at `rates`; `understood` is false when the reader is not set up for
   * Type B framing (then no card can answer). `timeoutUs` is what the reader would wait.
   * A frame carrying PIN data has that data zeroed in place once the exchange is over (house rule 7):
   * the reader doubles pass a view of their USB buffer, which is also the `usbLog` entry.
   */
  async transceive(frame: Uint8Array, rates: { pcdToPicc: number; piccToPcd: number }, timeoutUs: number, understood = true): Promise<RfOutcome> {
    this.setField(true);
    this.stats.framesToCard++;
    this.stats.bytesToCard += frame.length;
    this.stats.airTimeUs += frameAirTimeUs(frame.length, rates.pcdToPicc);
    const fault = this.takeFault(frame);
    if (fault === 'remove-card') this.removeCard();
    let answer: Uint8Array | undefined;
    const cardRates = this.picc?.rates;
    const ratesMatch = !this.picc || this.picc.state !== 'active' || (cardRates?.pcdToPicc === rates.pcdToPicc && cardRates.piccToPcd === rates.piccToPcd);
    const silent = this.conditions.has('silent-above-106') && (rates.pcdToPicc > 106 || rates.piccToPcd > 106);
    if (fault !== 'lose-command' && !silent && understood && ratesMatch && this.picc) answer = await this.picc.receive(frame);
    const crcAt424 = this.conditions.has('crc-errors-at-424') && rates.piccToPcd === 424;
    let outcome: RfOutcome;
    if (!answer || fault === 'lose-response') {
      this.stats.timeouts++;
      this.stats.airTimeUs += timeoutUs;
      outcome = { kind: 'timeout' };
    } else {
      this.stats.framesFromCard++;
      this.stats.bytesFromCard += answer.length;
      this.stats.airTimeUs += TURNAROUND_US + frameAirTimeUs(answer.length, rates.piccToPcd);
      if (fault === 'corrupt-response' || crcAt424) {
        this.stats.crcErrors++;
        outcome = { kind: 'crc-error' };
      } else outcome = { kind: 'frame', frame: answer };
    }
    this.forgetPin(frame);
    this.log.push({ toCard: frame.slice(), outcome });
    return outcome;
  }

  private forgetPin(frame: Uint8Array): void {
    const range = pinRangeOfBlock(frame, this.pinChain);
    // Only I-blocks move the chain on; R(ACK)/S(WTX) in between leave it as it was.
    if ((frame[0] & 0xe2) === 0x02) this.pinChain = range !== undefined && (frame[0] & 0x10) !== 0;
    if (range) frame.fill(0, range[0], range[1]);
  }

  private takeFault(frame: Uint8Array): RfFaultKind | undefined {
    const i = this.faults.findIndex((f) => !f.when || f.when(frame));
    if (i < 0) return undefined;
    return this.faults.splice(i, 1)[0].kind;
  }
}
