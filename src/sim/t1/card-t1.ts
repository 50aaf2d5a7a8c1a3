/**
 * The card side of T=1 (ISO/IEC 7816-3:2006 §11), as a virtual contact card runs it behind a TPDU
 * reader: one block in, at most one block out. Written from the standard for the simulator and never
 * shared with the host side in src/readers/t1/ (house rule 1), so that a misreading on either side
 * shows up as a failing exchange instead of cancelling out.
 *
 * What it does, with the rule it follows:
 * - I-blocks from the interface device, chained (M = 1) or not; each chained part is acknowledged with
 *   R(N(R) = next expected N(S)) (§11.6.2.2); a complete command goes to the card's APDU handler.
 * - The response is sent in I-blocks of at most IFSD bytes, chained when longer (§11.4.2, §11.6.2.2);
 *   the device's R(N(R) ≠ last N(S)) asks for the next part, R(N(R) = last N(S)) for a retransmission.
 * - S(IFS request) from the device changes IFSD (§11.4.2); S(RESYNCH request) resets N(S), N(R), IFSC
 *   and IFSD (§11.6.3.3); S(ABORT request) drops a chain (§11.6.3.4, only acknowledged here).
 * - Invalid blocks (EDC, LEN, PCB; an I-block longer than IFSC; a wrong N(S)) get an R-block with error
 *   bit 1 (EDC/parity) or 2 (other) and N(R) = the expected N(S) (§11.6.3.2).
 * - An R-block repeated by the device makes the card resend its last block (§11.6.3.2 rules on
 *   retransmission: the last I-block when N(R) equals its N(S), the last R- or S-request block as is).
 * - On request of the fault switchboard: S(WTX request) and S(IFS request) sent by the card before
 *   its answer (§11.3.2.2, §11.4.2), an R-block NAK instead of accepting a good block, a corrupted EDC,
 *   a block ignored (lost), and a chosen size for the next response part.
 */
import { concat } from '../card/bytes';
import { decodeBlock, encodeBlock, type T1Block } from './block';
import type { EdcKind } from './edc';

/** Any card at APDU level: the virtual My Number card, or a test card. */
export interface SimCard {
  readonly atr: Uint8Array;
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** A card that can be taken out by itself (the virtual My Number card's `removed`). */
  readonly removed?: boolean;
  /** Presence notifications (true = inserted); returns the unsubscribe function. */
  onPresenceChange?(listener: (present: boolean) => void): () => void;
  /**
   * The card's answer to a reset (ISO/IEC 7816-3:2006 §6.2.2 cold reset, §6.2.3 warm reset): the card
   * drops its volatile state (selected files, security status) and gives its ATR. A reader double
   * calls it on every activation, so nothing verified survives a power cycle; a card without it keeps
   * its state and is answered with `atr`.
   */
  reset?(): Uint8Array | Promise<Uint8Array>;
}

/** Hooks the fault switchboard answers; every one is asked once per opportunity. */
export interface CardT1Faults {
  /** Ignore (lose) the block just received: the card sends nothing. */
  takeIgnore?(): boolean;
  /** Answer a good I-block with R(N(R) = its N(S), error 1), as if its parity had been wrong. */
  takeNak?(): boolean;
  /** Corrupt the EDC of the block about to be sent (the stored copy stays good for retransmission). */
  takeBadEdc?(): boolean;
  /** Before answering a command, send S(WTX request) with this multiplier. */
  takeWtx?(): number | undefined;
  /** Before answering a command, send S(IFS request) with this new IFSC. */
  takeIfsRequest?(): number | undefined;
  /**
   * Size of the information field of the next response part, given what remains of the response and
   * the current IFSD (the answer is capped by both); undefined leaves the normal size.
   */
  takeResponseChunk?(remaining: number, ifsd: number): number | undefined;
}

export interface CardT1Options {
  /** The card's IFSC, from its ATR's first TA for T=1 (§11.4.2); default 32. */
  readonly ifsc?: number;
  /** EDC kind from the ATR's first TC for T=1 (§11.4.4); default LRC. */
  readonly edc?: EdcKind;
  readonly faults?: CardT1Faults;
}

export interface T1Answer {
  /** The block the card sends back, or null when it stays silent (block lost or ignored). */
  readonly bytes: Uint8Array | null;
  /** What the card made of the block it received (for the exchange log). */
  readonly received: T1Block | { readonly kind: 'invalid'; readonly fault: string };
  /** Byte range of the received block that carries PIN data (to redact in logs), if any. */
  readonly secretRange?: readonly [number, number];
}

/**
 * Commands whose data is a PIN: VERIFY 20, CHANGE REFERENCE DATA 24, RESET RETRY COUNTER 2C
 * (ISO/IEC 7816-4 §11.5.6, §11.5.7, §11.5.10), and the JICSAP CHANGE KEY `80 32` the My Number card
 * uses for PIN changes (jpki-card.md, CHANGE KEY).
 */
export function carriesPin(cla: number, ins: number): boolean {
  return ins === 0x20 || ins === 0x24 || ins === 0x2c || (cla === 0x80 && ins === 0x32);
}
const DEFAULT_IFS = 32; // §11.4.2: IFSC and IFSD default to 32 until changed

export class CardT1 {
  /** What the card can receive (IFSC) and what the interface device can (IFSD). */
  ifsc: number;
  ifsd = DEFAULT_IFS;
  readonly edc: EdcKind;
  /** Number of complete commands handed to the card's APDU handler. */
  commandsExecuted = 0;

  private readonly atrIfsc: number;
  private readonly card: SimCard;
  private readonly faults: CardT1Faults;
  private ns: 0 | 1 = 0;
  private expected: 0 | 1 = 0;
  private rx: Uint8Array[] = [];
  private rxSecret = false;
  private tx: { data: Uint8Array; offset: number } | null = null;
  private lastSent: T1Block | null = null;
  private lastI: Extract<T1Block, { kind: 'I' }> | null = null;
  private awaiting: { type: 'wtx' | 'ifs'; value: number } | null = null;
  private readonly queuedRequests: Extract<T1Block, { kind: 'S' }>[] = [];

  constructor(card: SimCard, options: CardT1Options = {}) {
    this.card = card;
    this.atrIfsc = options.ifsc ?? DEFAULT_IFS;
    this.ifsc = this.atrIfsc;
    this.edc = options.edc ?? 'lrc';
    this.faults = options.faults ?? {};
  }

  /** Receive one block from the interface device; resolve to the card's answer. */
  async receive(bytes: Uint8Array): Promise<T1Answer> {
    if (this.faults.takeIgnore?.()) {
      const d = decodeBlock(bytes, this.edc);
      return { bytes: null, received: d.ok ? d.block : { kind: 'invalid', fault: d.fault } };
    }
    const decoded = decodeBlock(bytes, this.edc);
    if (!decoded.ok) {
      return { bytes: this.send(this.rBlock(decoded.fault === 'edc' ? 1 : 2)), received: { kind: 'invalid', fault: decoded.fault } };
    }
    const block = decoded.block;
    switch (block.kind) {
      case 'S':
        return { bytes: this.onS(block), received: block };
      case 'R':
        return { bytes: this.onR(block), received: block };
      case 'I':
        return this.onI(block, bytes.length);
    }
  }

  /** Back to the state after the ATR (a cold or warm reset of the card). */
  reset(): void {
    this.ifsc = this.atrIfsc;
    this.ifsd = DEFAULT_IFS;
    this.resync();
  }

  private resync(): void {
    this.ns = 0;
    this.expected = 0;
    this.rx = [];
    this.rxSecret = false;
    this.tx = null;
    this.lastSent = null;
    this.lastI = null;
    this.awaiting = null;
    this.queuedRequests.length = 0;
  }

  private onS(block: Extract<T1Block, { kind: 'S' }>): Uint8Array {
    if (!block.response) {
      switch (block.type) {
        case 'resynch': {
          // §11.6.3.3: both sides restart with N(S) = N(R) = 0 and the initial IFSC/IFSD.
          this.ifsc = this.atrIfsc;
          this.ifsd = DEFAULT_IFS;
          this.resync();
          return this.send({ kind: 'S', nad: this.replyNad(block.nad), type: 'resynch', response: true, inf: new Uint8Array(0) });
        }
        case 'ifs': {
          const v = block.inf[0];
          // §11.4.2: IFSD is coded 01–FE; 00 and FF are invalid.
          if (v < 1 || v > 0xfe) return this.send(this.rBlock(2));
          this.ifsd = v;
          return this.send({ kind: 'S', nad: this.replyNad(block.nad), type: 'ifs', response: true, inf: Uint8Array.of(v) });
        }
        case 'abort': {
          // §11.6.3.4: chain abortion; this card has nothing to abort but drops any chain in progress.
          this.rx = [];
          this.rxSecret = false;
          this.tx = null;
          return this.send({ kind: 'S', nad: this.replyNad(block.nad), type: 'abort', response: true, inf: new Uint8Array(0) });
        }
        case 'wtx':
          // Only the card asks for waiting time (§11.3.2.2); a request from the device is invalid.
          return this.send(this.rBlock(2));
      }
    }
    // A response must match the request the card sent.
    if (!this.awaiting || this.awaiting.type !== block.type) return this.send(this.rBlock(2));
    if (block.type === 'ifs') {
      if (block.inf[0] !== this.awaiting.value) return this.send(this.rBlock(2));
      this.ifsc = this.awaiting.value;
    }
    this.awaiting = null;
    return this.sendNextAfterRequests();
  }

  private onR(block: Extract<T1Block, { kind: 'R' }>): Uint8Array {
    const last = this.lastSent;
    // The device did not get our R-block or our S request: send it again unchanged.
    if (last && (last.kind === 'R' || (last.kind === 'S' && !last.response))) return this.send(last);
    const lastI = this.lastI;
    if (lastI) {
      if (block.nr === lastI.ns) return this.send(lastI); // retransmission requested
      if (lastI.more && this.tx) return this.send(this.nextResponsePart()); // acknowledgement of a chained part
    }
    // Nothing to resend: the device lost its own I-block; ask for the one expected.
    return this.send(this.rBlock(0));
  }

  /**
   * The byte range of `bytes` (a block about to be received) that carries PIN data: the command data
   * of a VERIFY / CHANGE REFERENCE DATA / RESET RETRY COUNTER starting in it, or all of the INF of a
   * later part of such a chained command. Looks only; changes nothing.
   */
  secretRangeOf(bytes: Uint8Array): readonly [number, number] | undefined {
    const decoded = decodeBlock(bytes, this.edc);
    if (!decoded.ok || decoded.block.kind !== 'I') return undefined;
    const inf = decoded.block.inf;
    const startsCommand = this.rx.length === 0;
    const secret = startsCommand ? inf.length > 1 && carriesPin(inf[0], inf[1]) : this.rxSecret;
    if (!secret) return undefined;
    const end = 3 + inf.length;
    return [startsCommand ? Math.min(3 + 5, end) : 3, end];
  }

  private async onI(block: Extract<T1Block, { kind: 'I' }>, size: number): Promise<T1Answer> {
    const startsCommand = this.rx.length === 0;
    const secret = startsCommand ? block.inf.length > 1 && carriesPin(block.inf[0], block.inf[1]) : this.rxSecret;
    const secretRange: readonly [number, number] | undefined = secret
      ? [startsCommand ? Math.min(3 + 5, size - (this.edc === 'crc' ? 2 : 1)) : 3, size - (this.edc === 'crc' ? 2 : 1)]
      : undefined;
    const answer = (bytes: Uint8Array | null): T1Answer => ({ bytes, received: block, ...(secretRange ? { secretRange } : {}) });

    if (this.awaiting || this.tx) return answer(this.send(this.rBlock(2))); // the device must answer our block first
    if (block.ns !== this.expected || block.inf.length > this.ifsc) return answer(this.send(this.rBlock(2)));
    if (this.faults.takeNak?.()) return answer(this.send(this.rBlock(1)));

    this.expected ^= 1;
    this.rx.push(block.inf);
    this.rxSecret = secret;
    if (block.more) return answer(this.send(this.rBlock(0)));

    const apdu = concat(...this.rx);
    for (const part of this.rx) part.fill(0); // the parts may hold a PIN (house rule 7)
    this.rx = [];
    this.rxSecret = false;
    const response = await this.card.transmit(apdu);
    apdu.fill(0); // the command may carry a PIN; keep no copy (house rule 7)
    this.commandsExecuted++;
    this.tx = { data: response, offset: 0 };
    const ifs = this.faults.takeIfsRequest?.();
    if (ifs !== undefined) this.queuedRequests.push({ kind: 'S', nad: this.replyNad(block.nad), type: 'ifs', response: false, inf: Uint8Array.of(ifs) });
    const wtx = this.faults.takeWtx?.();
    if (wtx !== undefined) this.queuedRequests.push({ kind: 'S', nad: this.replyNad(block.nad), type: 'wtx', response: false, inf: Uint8Array.of(wtx) });
    return answer(this.sendNextAfterRequests());
  }

  /** Send a queued S request (and wait for its response), or else the next response part. */
  private sendNextAfterRequests(): Uint8Array {
    const request = this.queuedRequests.shift();
    if (request) {
      this.awaiting = { type: request.type === 'ifs' ? 'ifs' : 'wtx', value: request.inf[0] };
      return this.send(request);
    }
    if (this.tx) return this.send(this.nextResponsePart());
    return this.send(this.rBlock(0));
  }

  private nextResponsePart(): Extract<T1Block, { kind: 'I' }> {
    const tx = this.tx!;
    const remaining = tx.data.length - tx.offset;
    const wanted = this.faults.takeResponseChunk?.(remaining, this.ifsd);
    const size = Math.max(1, Math.min(wanted ?? this.ifsd, this.ifsd, remaining));
    const inf = tx.data.slice(tx.offset, tx.offset + size);
    tx.offset += size;
    const more = tx.offset < tx.data.length;
    if (!more) this.tx = null;
    const block = { kind: 'I', nad: 0, ns: this.ns, more, inf } as const;
    this.ns ^= 1;
    this.lastI = block;
    return block;
  }

  private rBlock(error: 0 | 1 | 2): T1Block {
    return { kind: 'R', nad: 0, nr: this.expected, error };
  }

  /** NAD of a reply: source and destination addresses swapped (§11.3.2.1). */
  private replyNad(nad: number): number {
    return ((nad & 0x07) << 4) | ((nad >> 4) & 0x07);
  }

  private send(block: T1Block): Uint8Array {
    this.lastSent = block;
    const bytes = encodeBlock(block, this.edc);
    if (this.faults.takeBadEdc?.()) bytes[bytes.length - 1] ^= 0xff;
    return bytes;
  }
}
