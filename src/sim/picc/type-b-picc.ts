/**
 * The card side of ISO/IEC 14443-3 Type B and ISO/IEC 14443-4, written from the PICC rules
 * (iso14443-typeb.md; ISO/IEC 14443-3 §7.7–§7.11, ISO/IEC 14443-4 §7.5.4 "Rules for PICC") and
 * independently of the host's initiator in src/readers/isodep (which it must never import).
 * The APDU-level card inside is any `{ transmit(apdu) }` — the virtual My Number card or a test card.
 *
 * States (ISO/IEC 14443-3 §7.11 Figure 24): POWER-OFF → IDLE (field on) → READY (answered REQB/WUPB)
 * → ACTIVE (ATTRIB with our PUPI) → HALT (HLTB or S(DESELECT)); WUPB wakes HALT.
 */
import { concat } from '../card/bytes';
import { carriesPin } from '../t1/card-t1';

export interface ApduCard {
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** Power-up reset of the chip (as SimCard.reset): current files and security status cleared. */
  reset?(): Uint8Array | Promise<Uint8Array>;
  /** The card's own ATQB fields (e.g. the driver's licence, licence/options.ts), used unless the reader's options set them. */
  readonly typeB?: { readonly applicationData: Uint8Array; readonly protocolInfo: Uint8Array };
}

export type PiccState = 'power-off' | 'idle' | 'ready' | 'active' | 'halt';

export interface TypeBPiccOptions {
  /** Pseudo-unique PICC identifier; the My Number card uses a random one per activation. */
  readonly pupi?: Uint8Array;
  /** ATQB application data (jpki-card.md §1.1 ATRs show `00 00 05 E0`). */
  readonly applicationData?: Uint8Array;
  /** ATQB protocol info, e.g. `B3 81 A1` (212/424 both ways, FSCI 8, ISO-DEP, FWI 10) or `00 81 D1`. */
  readonly protocolInfo?: Uint8Array;
  readonly afi?: number;
}

/** One APDU the card executed, as the card saw it (tests prove nothing ran twice). */
export interface ExecutedApdu {
  readonly command: Uint8Array;
  readonly response: Uint8Array;
}

const FS_TABLE = [16, 24, 32, 40, 48, 64, 96, 128, 256];
const RATE_BY_CODE = [106, 212, 424, 848];

export class TypeBPicc {
  state: PiccState = 'power-off';
  readonly pupi: Uint8Array;
  readonly applicationData: Uint8Array;
  readonly protocolInfo: Uint8Array;
  readonly executed: ExecutedApdu[] = [];
  /** Bit rates agreed in ATTRIB (kbit/s). */
  rates = { pcdToPicc: 106, piccToPcd: 106 };
  /** FSD: the largest frame the PCD accepts (from ATTRIB), CRC included. */
  fsd = 32;
  /** S(WTX) requests to make before the next answer: each entry is one WTXM. */
  readonly pendingWtx: number[] = [];
  /**
   * Real time (ms) the card "works" before each S(WTX) request goes out. A real card asks for more
   * time because it is busy, so requests come about one FWT apart (ISO/IEC 14443-4 §7.3); 0 (the
   * default) answers at once. Lets a test run into the host's command deadline.
   */
  wtxDelayMs = 0;

  private readonly afi: number;
  /** PICC block number: 1 after activation (rule: "the PICC block number is initialised to 1"). */
  private bn = 1;
  private commandParts: Uint8Array[] = [];
  private responseLeft: Uint8Array | undefined;
  private lastBlock: Uint8Array | undefined;
  private wtxWaiting: Uint8Array | undefined;

  constructor(
    private readonly card: ApduCard,
    options: TypeBPiccOptions = {},
  ) {
    this.pupi = options.pupi ?? Uint8Array.of(0x3a, 0x5c, 0x01, 0x9e);
    this.applicationData = options.applicationData ?? card.typeB?.applicationData ?? Uint8Array.of(0x00, 0x00, 0x05, 0xe0);
    this.protocolInfo = options.protocolInfo ?? card.typeB?.protocolInfo ?? Uint8Array.of(0xb3, 0x81, 0xa1);
    this.afi = options.afi ?? 0;
  }

  /**
   * Field switched on or off. The PICC is powered by the field alone, so losing it loses every
   * volatile state (ISO/IEC 14443-3 §6.2: a field reset; the PICC enters IDLE at the next power-up):
   * the block protocol session here, and the chip's own state — selected files, a verified PIN —
   * through the card's `reset()`, as a CCID reader double's IccPowerOn does. Called on every change
   * of power (off → on and on → off), so a card placed on a reader whose field is on starts reset too.
   */
  setField(on: boolean): void {
    const wasPowered = this.state !== 'power-off';
    this.state = on ? 'idle' : 'power-off';
    this.resetSession();
    if (wasPowered !== on) this.resetChip();
  }

  private resetChip(): void {
    try {
      const r = this.card.reset?.();
      // An asynchronous reset's failure has nowhere to go: the next APDU will show the chip's state.
      if (r instanceof Promise) r.catch(() => undefined);
    } catch {
      // same: a chip that cannot reset answers what it answers
    }
  }

  /** The FSCI and bit-rate capability the card advertises. */
  get fsc(): number {
    return FS_TABLE[Math.min(this.protocolInfo[1] >> 4, 8)];
  }

  /**
   * A frame from the PCD (CRC already checked by the air interface model); the card's answer, or
   * undefined when the card stays silent.
   */
  async receive(frame: Uint8Array): Promise<Uint8Array | undefined> {
    if (this.state === 'power-off' || frame.length === 0) return undefined;
    if (this.state !== 'active') return this.receiveLayer3(frame);
    const answer = await this.receiveBlock(frame);
    if (answer && answer[0] === 0xf2 && this.wtxDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.wtxDelayMs));
    return answer;
  }

  // ---- ISO/IEC 14443-3 -------------------------------------------------------------------------

  private receiveLayer3(frame: Uint8Array): Uint8Array | undefined {
    const cmd = frame[0];
    if (cmd === 0x05 && frame.length === 3) {
      const wupb = (frame[2] & 0x08) !== 0;
      const afiMatches = frame[1] === 0 || frame[1] === this.afi || (frame[1] & 0x0f) === 0 && frame[1] >> 4 === this.afi >> 4;
      if (!afiMatches) return undefined;
      if (this.state === 'halt' && !wupb) return undefined;
      this.state = 'ready';
      return Uint8Array.of(0x50, ...this.pupi, ...this.applicationData, ...this.protocolInfo);
    }
    if (cmd === 0x1d && frame.length >= 9 && this.state === 'ready') {
      if (!frame.subarray(1, 5).every((b, i) => b === this.pupi[i])) return undefined;
      const param2 = frame[6];
      const rates = { piccToPcd: RATE_BY_CODE[param2 >> 6], pcdToPicc: RATE_BY_CODE[(param2 >> 4) & 3] };
      if (!this.supports(rates)) return undefined; // a PICC does not answer an ATTRIB it cannot honour
      if ((frame[7] & 0x0f) !== (this.protocolInfo[1] & 0x0f)) return undefined; // protocol type must match
      this.rates = rates;
      this.fsd = FS_TABLE[Math.min(param2 & 0x0f, 8)];
      this.state = 'active';
      this.resetSession();
      return Uint8Array.of(0x00 | (frame[8] & 0x0f)); // MBLI 0 (no limit), CID as assigned
    }
    if (cmd === 0x50 && frame.length === 5 && (this.state === 'ready' || this.state === 'active')) {
      if (!frame.subarray(1, 5).every((b, i) => b === this.pupi[i])) return undefined;
      this.state = 'halt';
      return Uint8Array.of(0x00);
    }
    return undefined;
  }

  private supports(rates: { pcdToPicc: number; piccToPcd: number }): boolean {
    const cap = this.protocolInfo[0];
    const up = { 106: true, 212: (cap & 0x01) !== 0, 424: (cap & 0x02) !== 0, 848: (cap & 0x04) !== 0 } as Record<number, boolean>;
    const down = { 106: true, 212: (cap & 0x10) !== 0, 424: (cap & 0x20) !== 0, 848: (cap & 0x40) !== 0 } as Record<number, boolean>;
    if (cap & 0x80 && rates.pcdToPicc !== rates.piccToPcd) return false;
    return up[rates.pcdToPicc] && down[rates.piccToPcd];
  }

  // ---- ISO/IEC 14443-4 -------------------------------------------------------------------------

  private async receiveBlock(frame: Uint8Array): Promise<Uint8Array | undefined> {
    const pcb = frame[0];
    if (pcb & 0x08 || pcb & 0x04) return undefined; // we were given CID 0 and no NAD: ignore
    const type = pcb & 0xc0;
    if (type === 0x00 && (pcb & 0x22) === 0x02) return this.onIBlock(pcb, frame.subarray(1));
    if (type === 0x80 && (pcb & 0x26) === 0x22 && frame.length === 1) return this.onRBlock(pcb);
    if (type === 0xc0 && frame.length === 1 && (pcb & 0x37) === 0x02) {
      this.state = 'halt';
      return this.remember(Uint8Array.of(0xc2));
    }
    if (type === 0xc0 && (pcb & 0x37) === 0x32 && frame.length === 2) return this.onWtxResponse();
    return undefined; // invalid block: the PICC stays silent and the PCD recovers
  }

  private async onIBlock(pcb: number, inf: Uint8Array): Promise<Uint8Array | undefined> {
    // Rule C/D: on an I-block the PICC toggles its block number before answering.
    this.bn ^= 1;
    this.commandParts.push(inf.slice());
    if (pcb & 0x10) return this.remember(Uint8Array.of(0xa2 | this.bn)); // chained part → R(ACK)
    const command = concat(...this.commandParts);
    for (const part of this.commandParts) part.fill(0); // the parts may hold a PIN (house rule 7)
    this.commandParts = [];
    let response: Uint8Array;
    try {
      response = await this.card.transmit(command);
    } catch {
      command.fill(0);
      // The chip inside failed (e.g. the virtual card was "removed"): no answer, no power.
      this.setField(false);
      return undefined;
    }
    // Tests count and inspect executed commands by their header; a PIN's data is kept nowhere.
    this.executed.push({ command: withoutPinData(command), response: response.slice() });
    command.fill(0);
    this.responseLeft = response;
    return this.nextResponseBlock();
  }

  private onRBlock(pcb: number): Uint8Array | undefined {
    const bn = pcb & 1;
    const nak = (pcb & 0x10) !== 0;
    // Rule 11: R(ACK) or R(NAK) with our block number → the last block again.
    if (bn === this.bn) return this.lastBlock;
    if (nak) return this.remember(Uint8Array.of(0xa2 | this.bn)); // rule 12
    // Rule 13: R(ACK) with the other number while chaining → next part (toggle first).
    if (this.responseLeft && this.responseLeft.length > 0) {
      this.bn ^= 1;
      return this.nextResponseBlock();
    }
    return undefined;
  }

  private onWtxResponse(): Uint8Array | undefined {
    if (!this.wtxWaiting) return undefined;
    this.wtxWaiting = undefined;
    return this.nextResponseBlock();
  }

  /** The next block of the pending response: S(WTX) first if requested, then I-blocks (chained). */
  private nextResponseBlock(): Uint8Array {
    const wtxm = this.pendingWtx.shift();
    if (wtxm !== undefined) {
      this.wtxWaiting = Uint8Array.of(0xf2, wtxm);
      return this.remember(this.wtxWaiting);
    }
    const rest = this.responseLeft ?? new Uint8Array(0);
    const room = this.fsd - 3; // PCB + CRC_B
    const chaining = rest.length > room;
    const part = rest.subarray(0, room);
    this.responseLeft = chaining ? rest.subarray(room) : undefined;
    return this.remember(Uint8Array.of(0x02 | (chaining ? 0x10 : 0) | this.bn, ...part));
  }

  private remember(block: Uint8Array): Uint8Array {
    this.lastBlock = block;
    return block;
  }

  private resetSession(): void {
    this.bn = 1;
    for (const part of this.commandParts) part.fill(0);
    this.commandParts = [];
    this.responseLeft = undefined;
    this.lastBlock = undefined;
    this.wtxWaiting = undefined;
  }
}

/** A copy of `apdu` with the data of a PIN-carrying command zeroed (header and Lc kept). */
function withoutPinData(apdu: Uint8Array): Uint8Array {
  const copy = apdu.slice();
  if (copy.length > 5 && carriesPin(copy[0], copy[1])) copy.fill(0, 5);
  return copy;
}

/**
 * Where the PIN bytes of an ISO-DEP block sit, so the reader doubles can zero them in every buffer
 * the block went through (their USB buffers are the ones in `usbLog`). `continuing`: the previous
 * block was a chained part of a PIN-carrying command. Undefined when the block carries no PIN.
 * I-block: PCB, then INF; a command's first part starts CLA INS P1 P2 Lc (ISO/IEC 14443-4 §7.1,
 * ISO/IEC 7816-4 §5.1).
 */
export function pinRangeOfBlock(block: Uint8Array, continuing: boolean): readonly [number, number] | undefined {
  const pcb = block[0];
  if (block.length < 2 || (pcb & 0xe2) !== 0x02 || pcb & 0x0c) return undefined; // not a plain I-block
  if (continuing) return [1, block.length];
  return block.length > 6 && carriesPin(block[1], block[2]) ? [6, block.length] : undefined;
}
