/**
 * ISO/IEC 7816-3:2006 §11 T=1, interface-device side, over a port that carries one whole block each
 * way (a TPDU-level CCID reader's XfrBlock). Pure protocol: no USB, no timers (the port bounds every
 * wait and reports a silent card as 'card-mute').
 *
 * Safety rule of this project: recovery retransmits *blocks*, never *commands*. A block is sent
 * again only when the card's R-block asks for exactly that block (it says it did not receive it,
 * so it did not act on it). When the link cannot be repaired block by block, the host
 * resynchronises (S(RESYNCH)) and then fails with `t1-transmission-lost` — whether the card ran the
 * command is unknown at that point, and the caller (never this layer) decides what to do, e.g. read
 * a PIN retry counter before anything else.
 */
import { concat } from '../../bytes';
import { LensError, isLensError } from '../../errors';
import type { Transcript } from '../../trace/transcript';
import { MAX_INF, decodeBlock, encodeBlock, iBlockPcb, rBlockPcb, sBlockPcb, type DecodeResult, type RBlockError, type SBlockType } from './block';

export interface T1BlockPort {
  /** Send one whole block (NAD PCB LEN INF EDC) and resolve with the next whole block from the card.
   *  Rejects with LensError code 'card-mute' when the card sent nothing within the block waiting time
   *  (recoverable by T=1 error handling); any other rejection (e.g. 'card-removed', 'reader-unplugged',
   *  'timeout') aborts the exchange and is rethrown unchanged. `wtx` > 1 after an S(WTX): the block
   *  waiting time for this one exchange is multiplied by it (CCID XfrBlock bBWI). */
  exchange(block: Uint8Array, opts: { wtx: number }): Promise<Uint8Array>;
}

export interface T1Params {
  /** IFSC from the ATR (first TAi, i ≥ 3, for T=1), 1–254 */
  ifsc: number;
  edc: 'lrc' | 'crc';
  /** NAD we send (default 0); the card must answer with SAD/DAD swapped */
  nad?: number;
  /** IFSD to announce (default 254); for a reader that negotiates IFSD itself, its dwMaxIFSD */
  ifsd?: number;
  /** CCID dwFeatures 0x400 (automatic IFSD exchange): the reader has already sent S(IFS) */
  readerNegotiatesIfsd: boolean;
  /** Bound on S(WTX) requests honoured for one command (default 200): every wait has a bound. */
  maxWtx?: number;
}

/** ISO 7816-3 rule 7.4: at most three error-driven transmissions in a row, then S(RESYNCH). */
export const MAX_RETRIES = 3;
/** Largest response: extended Le 65536 + SW1 SW2. */
export const MAX_RESPONSE = 65538;
/** §11.4.2: IFSD before any S(IFS) exchange. */
export const DEFAULT_IFS = 32;

type Phase = 'sending' | 'awaiting' | 'receiving';

const flip = (b: 0 | 1): 0 | 1 => (b === 0 ? 1 : 0);
const clampIfs = (n: number) => Math.min(MAX_INF, Math.max(1, Math.trunc(n)));

export class T1Host {
  private ns: 0 | 1 = 0; // N(S) of our next (or current) I-block
  private nr: 0 | 1 = 0; // N(S) we expect in the card's next I-block
  private _ifsc: number;
  private _ifsd = DEFAULT_IFS;
  private readonly initialIfsc: number;
  private readonly wantIfsd: number;
  private readonly nad: number;
  private readonly expectNad: number;
  private readonly maxWtx: number;
  /** the card must be reset before anything else (resynchronisation failed) */
  private dead = false;
  /** the last exchange ended without a clean finish: start the next one with S(RESYNCH) */
  private needsResync = false;
  private ifsdNegotiated = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly port: T1BlockPort,
    private readonly params: T1Params,
    private readonly transcript?: Transcript,
  ) {
    this._ifsc = clampIfs(params.ifsc);
    this.initialIfsc = this._ifsc;
    this.wantIfsd = clampIfs(params.ifsd ?? MAX_INF);
    this.nad = (params.nad ?? 0) & 0x77;
    // §11.3.2.1: the answer's SAD is our DAD and vice versa
    this.expectNad = ((this.nad & 0x07) << 4) | ((this.nad >> 4) & 0x07);
    this.maxWtx = params.maxWtx ?? 200;
    if (params.readerNegotiatesIfsd) this._ifsd = this.wantIfsd;
  }

  /** Information field size of the card (we send I-blocks of at most this many bytes). */
  get ifsc(): number {
    return this._ifsc;
  }

  /** Information field size of the interface device as the card knows it. */
  get ifsd(): number {
    return this._ifsd;
  }

  /**
   * S(IFS request) with our IFSD, unless the reader does it itself (§11.4.2, libccid
   * `t1_negotiate_ifsd`). An unanswered request is repeated (rule 7.3); if the card never answers
   * it, the link is resynchronised and IFSD stays 32, which every card supports.
   */
  negotiateIfsd(): Promise<void> {
    return this.serialise(async () => {
      this.assertAlive();
      if (this.params.readerNegotiatesIfsd) {
        this._ifsd = this.wantIfsd;
        return;
      }
      if (this.needsResync) await this.resynchronise();
      await this.sendIfsRequest();
    });
  }

  /** Send one command APDU and return the whole response (data + SW1 SW2). */
  transceive(apdu: Uint8Array): Promise<Uint8Array> {
    return this.serialise(async () => {
      this.assertAlive();
      if (this.needsResync) await this.resynchronise();
      if (!this.params.readerNegotiatesIfsd && this.ifsdNegotiated && this._ifsd !== this.wantIfsd) await this.sendIfsRequest();
      this.needsResync = true; // cleared when the exchange ends cleanly
      const out = await this.run(apdu);
      this.needsResync = false;
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------------

  private serialise<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private assertAlive(): void {
    if (this.dead) throw new LensError('t1-resync-failed', {}, { detail: 'the card must be reset before further use' });
  }

  private block(pcb: number, inf?: Uint8Array): Uint8Array {
    return encodeBlock({ nad: this.nad, pcb, inf }, this.params.edc);
  }

  private iBlock(ns: 0 | 1, inf: Uint8Array, more: boolean): Uint8Array {
    return this.block(iBlockPcb(ns, more), inf);
  }

  private rBlock(error: RBlockError): Uint8Array {
    return this.block(rBlockPcb(this.nr, error));
  }

  private sBlock(type: SBlockType, response: boolean, value?: number): Uint8Array {
    return this.block(sBlockPcb(type, response), value === undefined ? undefined : Uint8Array.of(value));
  }

  /** One block out, one block (or silence) in. Port failures other than card-mute propagate. */
  private async exchange(out: Uint8Array, wtx = 1): Promise<DecodeResult | { ok: false; error: 'other'; reason: 'mute' | 'bad-nad' }> {
    this.transcript?.record('t1', 'out', out);
    let raw: Uint8Array;
    try {
      raw = await this.port.exchange(out, { wtx });
    } catch (e) {
      if (isLensError(e, 'card-mute')) {
        this.transcript?.note('t1', 'no block within BWT');
        return { ok: false, error: 'other', reason: 'mute' };
      }
      throw e;
    }
    this.transcript?.record('t1', 'in', raw);
    const d = decodeBlock(raw, this.params.edc);
    if (!d.ok) {
      this.transcript?.note('t1', `invalid block (${d.reason})`);
      return d;
    }
    if (d.nad !== this.expectNad) {
      this.transcript?.note('t1', 'invalid block (bad-nad)');
      return { ok: false, error: 'other', reason: 'bad-nad' };
    }
    return d;
  }

  /** S(IFS request) with our IFSD; rule 7.3: repeat an unanswered S(request). */
  private async sendIfsRequest(): Promise<void> {
    const req = this.sBlock('ifs', false, this.wantIfsd);
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      const d = await this.exchange(req);
      if (d.ok && d.block.kind === 'S' && d.block.type === 'ifs' && d.block.response && d.inf[0] === this.wantIfsd) {
        this._ifsd = this.wantIfsd;
        this.ifsdNegotiated = true;
        return;
      }
    }
    this.transcript?.note('t1', 'S(IFS) not answered: resynchronising, IFSD stays 32');
    await this.resynchronise();
  }

  /**
   * §11.6.3.2 rule 6 / 7.4: S(RESYNCH request), repeated while unanswered; on success N(S) = N(R)
   * = 0 and the information field sizes return to their initial values. Never re-sends a command.
   */
  private async resynchronise(): Promise<void> {
    const req = this.sBlock('resynch', false);
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      const d = await this.exchange(req);
      if (d.ok && d.block.kind === 'S' && d.block.type === 'resynch' && d.block.response) {
        this.ns = 0;
        this.nr = 0;
        // The card may have lowered IFSC by S(IFS) before; never send more than either value.
        this._ifsc = Math.min(this._ifsc, this.initialIfsc);
        this._ifsd = this.params.readerNegotiatesIfsd ? this._ifsd : DEFAULT_IFS;
        this.needsResync = false;
        this.transcript?.note('t1', 'resynchronised');
        return;
      }
    }
    this.dead = true;
    throw new LensError('t1-resync-failed');
  }

  /** The lost-link ending: resynchronise, then report that the command's outcome is unknown. */
  private async lose(reason: string): Promise<never> {
    this.transcript?.note('t1', `retries exhausted (${reason}): resynchronising; the command is not re-sent`);
    await this.resynchronise();
    throw new LensError('t1-transmission-lost', {}, { detail: reason });
  }

  /**
   * The I-blocks of one command are copies of the APDU, which may carry a PIN; the card layer only
   * wipes its own buffer, so they are wiped here when the exchange ends, however it ends (house
   * rule 7). Blocks are never kept between commands: a retransmission only happens inside `run`.
   */
  private async run(apdu: Uint8Array): Promise<Uint8Array> {
    const built: Uint8Array[] = [];
    try {
      return await this.runBlocks(apdu, (ns, inf, more) => {
        const b = this.iBlock(ns, inf, more);
        built.push(b);
        return b;
      });
    } finally {
      for (const b of built) b.fill(0);
    }
  }

  private async runBlocks(apdu: Uint8Array, iBlock: (ns: 0 | 1, inf: Uint8Array, more: boolean) => Uint8Array): Promise<Uint8Array> {
    let offset = 0;
    let chunkLen = Math.min(this._ifsc, apdu.length);
    let more = chunkLen < apdu.length;
    let currentI = iBlock(this.ns, apdu.subarray(0, chunkLen), more);
    let phase: Phase = more ? 'sending' : 'awaiting';
    let toSend = currentI;
    let lastSentR: Uint8Array | undefined;
    let retries = 0;
    let wtx = 1;
    let wtxCount = 0;
    let ifsRequests = 0;
    // The card showed it holds the whole command: S(WTX request) is only sent while processing a
    // received I-block (rule 3). From then on an R-block "asking" for that I-block again cannot come
    // from a correct card, and answering it by re-sending could run the command twice: refuse.
    let cardHasCommand = false;
    const parts: Uint8Array[] = [];
    let received = 0;

    // Called for every event that is not progress; returns false when the budget is spent.
    const retry = () => ++retries <= MAX_RETRIES;

    for (;;) {
      const sentR = toSend[1] >= 0x80 && toSend[1] < 0xc0;
      if (sentR) lastSentR = toSend;
      const d = await this.exchange(toSend, wtx);
      wtx = 1;

      // set when the reply is not a block we can act on: which R-block error bits to report
      let invalid: 'edc' | 'other' | undefined = d.ok ? undefined : d.error;

      if (d.ok) {
        const b = d.block;
        if (b.kind === 'S') {
          if (!b.response && b.type === 'wtx' && b.inf[0] > 0) {
            // rule 3: answer with the same multiplier; the next wait is BWT × m.
            if (++wtxCount > this.maxWtx) {
              this.dead = true;
              throw new LensError('t1-protocol-error', { reason: 'wtx-limit' }, { detail: `more than ${this.maxWtx} S(WTX) for one command` });
            }
            wtx = b.inf[0];
            if (phase === 'awaiting') cardHasCommand = true;
            toSend = this.sBlock('wtx', true, wtx);
            continue;
          }
          if (!b.response && b.type === 'ifs' && b.inf[0] >= 1 && b.inf[0] <= MAX_INF && ++ifsRequests <= MAX_RETRIES) {
            // rule 4: the card announces a new IFSC; the next I-block respects it.
            this._ifsc = b.inf[0];
            toSend = this.sBlock('ifs', true, b.inf[0]);
            continue;
          }
          if (!b.response && b.type === 'abort') return this.cardAbort();
          // S(RESYNCH request) from the card, a response we did not ask for, a bad value: invalid.
          invalid = 'other';
        } else if (b.kind === 'R') {
          if (phase !== 'receiving' && b.nr === this.ns && !cardHasCommand) {
            // rule 7.1 seen from the card: it asks again for the I-block N(S) = ns — it did not receive it,
            // so it did not act on it. Re-sending it is a block retransmission, not a new command.
            if (!retry()) return this.lose('I-block not accepted');
            this.transcript?.note('t1', `card asks for I(${this.ns}) again`);
            toSend = currentI;
            continue;
          }
          if (phase === 'sending' && b.nr !== this.ns) {
            // rule 5: chain part acknowledged; next part, at most IFSC bytes.
            this.ns = flip(this.ns);
            offset += chunkLen;
            chunkLen = Math.min(this._ifsc, apdu.length - offset);
            more = offset + chunkLen < apdu.length;
            currentI = iBlock(this.ns, apdu.subarray(offset, offset + chunkLen), more);
            phase = more ? 'sending' : 'awaiting';
            toSend = currentI;
            retries = 0;
            ifsRequests = 0;
            continue;
          }
          // rule 7.2: our R-block was not understood → send it again; after an I-block, an R-block
          // that acknowledges a block we did not chain is an invalid block.
          if (sentR && lastSentR) {
            if (!retry()) return this.lose('R-block not understood');
            toSend = lastSentR;
            continue;
          }
          invalid = 'other';
        } else if (phase !== 'sending' && b.ns === this.nr) {
          // rule 2: an I-block from the card; in 'awaiting' it also acknowledges our last I-block.
          if (phase === 'awaiting') this.ns = flip(this.ns);
          this.nr = flip(this.nr);
          received += b.inf.length;
          if (received > MAX_RESPONSE) {
            this.dead = true;
            throw new LensError('t1-protocol-error', { reason: 'response-too-long' }, { detail: `more than ${MAX_RESPONSE} bytes` });
          }
          parts.push(b.inf);
          retries = 0;
          ifsRequests = 0;
          if (!b.more) return concat(...parts);
          // rule 5: pull the next part
          phase = 'receiving';
          toSend = this.rBlock('none');
          continue;
        } else {
          // an I-block while we are still chaining, or with the wrong N(S)
          invalid = 'other';
        }
      }

      // rule 7.1: invalid block or no block → R-block asking for the expected I-block, with the
      // error bits of this failure.
      if (!retry()) return this.lose(d.ok ? 'unexpected block' : d.reason);
      toSend = this.rBlock(invalid ?? 'other');
    }
  }

  /**
   * Rule 9: the card aborts a chain. Answer S(ABORT response); the card then hands the right to
   * send back with an R-block whose N(R) is the N(S) it expects next.
   */
  private async cardAbort(): Promise<never> {
    this.transcript?.note('t1', 'the card aborts the chain');
    const d = await this.exchange(this.sBlock('abort', true));
    if (d.ok && d.block.kind === 'R') {
      this.ns = d.block.nr;
      this.needsResync = false;
    } else {
      await this.resynchronise();
    }
    throw new LensError('t1-aborted-by-card');
  }
}

