/**
 * ISO/IEC 14443-4 half-duplex block protocol, PCD (initiator) side, pure: all I/O goes through the
 * injected RfLink. Rules cited are ISO/IEC 14443-4:2016 §7.5.4 ("Rules for PCD"), digested in
 * iso14443-typeb.md; nfcpy `src/nfc/tag/tt4.py IsoDepInitiator` was read for comparison.
 *
 * The one rule that matters most here: a command I-block is sent again only when the PICC asks for
 * it with an R(ACK) whose block number differs from ours (rule 6) — that R(ACK) means the PICC never
 * received the block. Lost answers are recovered with R(NAK) (rule 4), which makes the PICC repeat
 * its last block without executing anything again. So a VERIFY is never executed twice.
 */
import { LensError } from '../../errors';
import type { Transcript } from '../../trace/transcript';
import { concat, type Bytes } from './bytes';
import { iBlock, parseBlock, rAck, rNak, sDeselect, sWtxResponse, type Block } from './blocks';
import { isRfFailure, type RfLink } from './link';
import { DELTA_FWT_MS, fwtMs } from './type-b';

export interface IsoDepOptions {
  /** FSC: the largest frame the PICC accepts, PCB and CRC included. */
  readonly fsc: number;
  /** FWT + ΔFWT, ms: how long to wait for each block. */
  readonly fwtMs: number;
  /** Attempts to recover one block (R(NAK)/R(ACK) re-sends) before giving up; ISO leaves the number
   * to the PCD, NFC Forum Digital 2.0 §15.2.4 uses 2. */
  readonly maxRetries?: number;
  /** Bound on the total waiting one exchange may add through S(WTX) (every wait has a bound). */
  readonly maxWtxWaitMs?: number;
  readonly transcript?: Transcript;
}

export interface IsoDepStats {
  blocksSent: number;
  blocksReceived: number;
  bytesSent: number;
  bytesReceived: number;
  iBlocksResent: number;
  naksSent: number;
  wtxRequests: number;
}

type Received = Block | { readonly type: 'failure'; readonly reason: string };

/** FWT with FWI 14, the largest an S(WTX) may extend to (ISO/IEC 14443-4 §7.3). */
const FWT_MAX_MS = fwtMs(14) + DELTA_FWT_MS;

export class IsoDepInitiator {
  /** The PCD's block number; starts at 0 after activation (rule A). */
  private bn = 0;
  readonly stats: IsoDepStats = { blocksSent: 0, blocksReceived: 0, bytesSent: 0, bytesReceived: 0, iBlocksResent: 0, naksSent: 0, wtxRequests: 0 };
  private readonly maxRetries: number;
  private readonly maxWtxWaitMs: number;
  /** Date.now() past which the command being exchanged must end (exchange's `deadline`). */
  private deadline: number | undefined;

  constructor(
    private readonly link: RfLink,
    private readonly options: IsoDepOptions,
  ) {
    if (options.fsc < 16) throw new RangeError(`FSC ${options.fsc} below the minimum 16`);
    this.maxRetries = options.maxRetries ?? 2;
    this.maxWtxWaitMs = options.maxWtxWaitMs ?? 60_000;
  }

  /** Largest INF one I-block carries: FSC minus PCB and the two CRC bytes. */
  get maxInf(): number {
    return this.options.fsc - 3;
  }

  /**
   * Send one command (an APDU) with PCD chaining as needed; return the whole (chained) answer.
   * `deadline` (Date.now() ms): no block wait reaches past it, and no block is sent after it — the
   * exchange fails with `timeout` instead (src/readers/command-deadline.ts); the caller recovers.
   */
  async exchange(command: Uint8Array, deadline?: number): Promise<Bytes> {
    this.deadline = deadline;
    try {
      return await this.exchangeCommand(command);
    } finally {
      this.deadline = undefined;
    }
  }

  private async exchangeCommand(command: Uint8Array): Promise<Bytes> {
    const wait = { wtxMs: 0 };
    const parts: Uint8Array[] = [];
    for (let off = 0; off < command.length || parts.length === 0; off += this.maxInf) parts.push(command.subarray(off, off + this.maxInf));
    let answer: Extract<Block, { type: 'I' }> | undefined;
    for (let i = 0; i < parts.length; i++) {
      const chaining = i < parts.length - 1;
      const block = iBlock(this.bn, parts[i], chaining);
      let reply: Block;
      try {
        reply = await this.sendIBlock(block, chaining, wait);
      } finally {
        // The block is a copy of (part of) the command, which may be a PIN; it is kept only while it
        // may have to be sent again (rule 6), never after (house rule 7).
        block.fill(0);
      }
      this.bn ^= 1; // toggled on the R(ACK) of our bn (chaining) or on the I-block answer
      if (reply.type === 'I') answer = reply;
    }
    if (!answer) throw new LensError('isodep-protocol-error', {}, { detail: 'no I-block answered the command' });
    const inf: Uint8Array[] = [answer.inf];
    while (answer.chaining) {
      answer = await this.receiveChained(wait);
      this.bn ^= 1;
      inf.push(answer.inf);
    }
    return concat(...inf);
  }

  /**
   * Presence check: R(NAK) with our block number; a PICC that is there answers R(ACK)
   * (ISO/IEC 14443-4:2016 §7.5.6.2 method 2; nfcpy tt4.py `exchange(None)`). Nothing is re-sent.
   */
  async presenceCheck(): Promise<boolean> {
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      const got = await this.send(rNak(this.bn), this.options.fwtMs);
      if (got.type === 'R' && !got.nak) return true;
    }
    return false;
  }

  /** S(DESELECT), re-sent once if unanswered, then the card is given up (rule 8). */
  async deselect(): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const got = await this.send(sDeselect(), this.options.fwtMs);
      if (got.type === 'S' && got.kind === 'deselect') return true;
    }
    return false;
  }

  private async sendIBlock(block: Bytes, chaining: boolean, wait: { wtxMs: number }): Promise<Block> {
    let toSend = block;
    let timeout = this.options.fwtMs;
    let failures = 0;
    let resends = 0;
    for (;;) {
      const got = await this.send(toSend, timeout);
      timeout = this.options.fwtMs;
      if (got.type === 'failure' || got.type === 'invalid' || (got.type === 'R' && got.nak)) {
        // Rule 4: an invalid block or a time-out → R(NAK) with our block number. (A PICC never sends
        // R(NAK), so one arriving is an invalid block.)
        if (++failures > this.maxRetries) throw this.giveUp(got);
        toSend = rNak(this.bn);
        this.stats.naksSent++;
        continue;
      }
      if (got.type === 'S') {
        if (got.kind !== 'wtx') throw new LensError('isodep-protocol-error', {}, { detail: 'S(DESELECT) from the card' });
        [toSend, timeout] = this.answerWtx(got.wtxm ?? 0, wait);
        continue;
      }
      if (got.type === 'R') {
        if (got.bn !== this.bn) {
          // Rule 6: the PICC did not get our I-block (its R(ACK) carries the other block number).
          if (++resends > this.maxRetries) throw new LensError('isodep-protocol-error', {}, { detail: 'the card keeps asking for the block again' });
          toSend = block;
          this.stats.iBlocksResent++;
          continue;
        }
        if (chaining) return got; // rule 7: chaining continues
        throw new LensError('isodep-protocol-error', {}, { detail: 'R(ACK) to an unchained I-block' });
      }
      if (chaining) throw new LensError('isodep-protocol-error', {}, { detail: 'I-block answered a chained block' });
      if (got.bn !== this.bn) throw new LensError('isodep-protocol-error', {}, { detail: `I-block with block number ${got.bn}, expected ${this.bn}` });
      return got;
    }
  }

  /** PICC chaining: R(ACK) pulls the next part; errors are answered with the same R(ACK) (rule 5). */
  private async receiveChained(wait: { wtxMs: number }): Promise<Extract<Block, { type: 'I' }>> {
    const ack = rAck(this.bn);
    let toSend = ack;
    let timeout = this.options.fwtMs;
    let failures = 0;
    for (;;) {
      const got = await this.send(toSend, timeout);
      timeout = this.options.fwtMs;
      if (got.type === 'failure' || got.type === 'invalid' || got.type === 'R') {
        if (++failures > this.maxRetries) throw this.giveUp(got);
        toSend = ack;
        continue;
      }
      if (got.type === 'S') {
        if (got.kind !== 'wtx') throw new LensError('isodep-protocol-error', {}, { detail: 'S(DESELECT) from the card' });
        [toSend, timeout] = this.answerWtx(got.wtxm ?? 0, wait);
        continue;
      }
      if (got.bn !== this.bn) throw new LensError('isodep-protocol-error', {}, { detail: `chained I-block with block number ${got.bn}, expected ${this.bn}` });
      return got;
    }
  }

  /** S(WTX): echo WTXM and wait FWT × WTXM for the next block (ISO/IEC 14443-4 §7.3), bounded. */
  private answerWtx(wtxm: number, wait: { wtxMs: number }): [Bytes, number] {
    if (wtxm < 1 || wtxm > 59) throw new LensError('isodep-protocol-error', {}, { detail: `S(WTX) with WTXM ${wtxm} (valid 1–59)` });
    this.stats.wtxRequests++;
    const extended = Math.min(this.options.fwtMs * wtxm, FWT_MAX_MS);
    wait.wtxMs += extended;
    if (wait.wtxMs > this.maxWtxWaitMs) throw new LensError('isodep-wait-limit', { ms: Math.round(this.maxWtxWaitMs) });
    return [sWtxResponse(wtxm), extended];
  }

  private giveUp(got: Received): LensError {
    const reason = got.type === 'failure' ? got.reason : got.type === 'invalid' ? got.reason : 'unexpected block';
    return new LensError('isodep-no-response', { tries: this.maxRetries + 1 }, { detail: reason });
  }

  private async send(frame: Bytes, timeoutMs: number): Promise<Received> {
    if (this.deadline !== undefined) {
      const left = this.deadline - Date.now();
      if (left <= 0) throw new LensError('timeout', { what: 'ISO-DEP block', ms: 0 });
      timeoutMs = Math.min(timeoutMs, left);
    }
    this.options.transcript?.record('isodep', 'out', frame);
    this.stats.blocksSent++;
    this.stats.bytesSent += frame.length;
    let answer: Uint8Array;
    try {
      answer = await this.link.transceive(frame, timeoutMs);
    } catch (e) {
      if (!isRfFailure(e)) throw e;
      const reason = (e as LensError).code;
      this.options.transcript?.note('isodep', reason);
      return { type: 'failure', reason };
    }
    this.options.transcript?.record('isodep', 'in', answer);
    this.stats.blocksReceived++;
    this.stats.bytesReceived += answer.length;
    return parseBlock(answer);
  }
}
