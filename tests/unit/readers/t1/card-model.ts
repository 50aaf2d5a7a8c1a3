/**
 * A small card-side T=1 written for the tests from ISO/IEC 7816-3:2006 §11.6 (independent of
 * src/readers/t1: its own block parsing and LRC), plus a line that drops or damages blocks at a
 * seeded random rate. It counts how many times each command is *executed* and how many I-blocks
 * arrive that the card had already accepted (a host that re-sent a command would show up there).
 */
import { LensError } from '../../../../src/errors';
import type { T1BlockPort } from '../../../../src/readers/t1';

const xor = (b: Uint8Array | number[]) => Array.from(b).reduce((a, v) => a ^ v, 0);

function block(pcb: number, inf: number[] = []): Uint8Array {
  const body = [0x00, pcb, inf.length, ...inf];
  return Uint8Array.from([...body, xor(body)]);
}

type Parsed = { pcb: number; inf: number[] } | undefined;

function parse(b: Uint8Array): Parsed {
  if (b.length < 4 || b[2] === 0xff || b.length !== 4 + b[2] || xor(b) !== 0 || b[0] !== 0x00) return undefined;
  return { pcb: b[1], inf: Array.from(b.subarray(3, 3 + b[2])) };
}

type State = 'idle' | 'receiving-command' | 'wtx' | 'sending-response' | 'done';

export class T1CardModel {
  /** commands the card acted on, as hex */
  readonly executed: string[] = [];
  /** I-blocks received whose N(S) the card had already accepted */
  duplicates = 0;
  private expectNs = 0; // N(S) of the host's next I-block
  private cardNs = 0; // N(S) of the card's next new I-block
  private state: State = 'idle';
  private command: number[] = [];
  private response: number[] = [];
  private offset = 0;
  private lastI?: { ns: number; more: boolean; bytes: Uint8Array };
  private lastSent?: Uint8Array;
  private ifsd = 32;

  constructor(
    private readonly answer: (command: number[]) => number[],
    private readonly ifsc = 254,
    private readonly wtxFirst = true,
  ) {}

  private send(b: Uint8Array): Uint8Array {
    this.lastSent = b;
    return b;
  }

  private nextChunk(): Uint8Array {
    const part = this.response.slice(this.offset, this.offset + Math.min(this.ifsd, this.ifsc));
    this.offset += part.length;
    const more = this.offset < this.response.length;
    const b = block((this.cardNs << 6) | (more ? 0x20 : 0), part);
    this.lastI = { ns: this.cardNs, more, bytes: b };
    this.cardNs ^= 1;
    this.state = more ? 'sending-response' : 'done';
    return this.send(b);
  }

  /** One block from the host (undefined: nothing arrived). Undefined back: the card says nothing. */
  receive(raw: Uint8Array | undefined): Uint8Array | undefined {
    if (!raw) return undefined;
    const p = parse(raw);
    if (this.state === 'wtx' && !(p && p.pcb === 0xe3)) return this.send(block(0xc3, [0x02])); // rule 7.3, card side
    if (!p) return this.send(block(0x80 | (this.expectNs << 4) | 0x01)); // rule 7.1
    const { pcb, inf } = p;
    if ((pcb & 0x80) === 0) {
      const ns = (pcb >> 6) & 1;
      if (ns !== this.expectNs) {
        this.duplicates++;
        return this.send(block(0x80 | (this.expectNs << 4) | 0x02));
      }
      if (this.state !== 'idle' && this.state !== 'receiving-command' && this.state !== 'done') return this.send(block(0x80 | (this.expectNs << 4) | 0x02));
      this.expectNs ^= 1;
      if (this.state !== 'receiving-command') this.command = [];
      this.command.push(...inf);
      if (pcb & 0x20) {
        this.state = 'receiving-command';
        return this.send(block(0x80 | (this.expectNs << 4)));
      }
      this.executed.push(this.command.map((x) => x.toString(16).padStart(2, '0')).join(''));
      this.response = this.answer(this.command);
      this.offset = 0;
      if (this.wtxFirst) {
        this.state = 'wtx';
        return this.send(block(0xc3, [0x02]));
      }
      return this.nextChunk();
    }
    if ((pcb & 0xc0) === 0x80) {
      const nr = (pcb >> 4) & 1;
      const last = this.lastI;
      if (this.state === 'sending-response' && last && nr !== last.ns) return this.nextChunk(); // rule 5
      if ((this.state === 'sending-response' || this.state === 'done') && last && nr === last.ns) return this.send(last.bytes); // resend
      return this.send(this.lastSent && (this.lastSent[1] & 0xc0) === 0x80 ? this.lastSent : block(0x80 | (this.expectNs << 4) | 0x02));
    }
    if (pcb === 0xe3 && this.state === 'wtx') return this.nextChunk();
    if (pcb === 0xc1 && inf.length === 1) {
      this.ifsd = inf[0];
      return this.send(block(0xe1, inf));
    }
    if (pcb === 0xc0) {
      this.expectNs = 0;
      this.cardNs = 0;
      this.state = 'idle';
      this.lastI = undefined;
      return this.send(block(0xe0));
    }
    return this.send(block(0x80 | (this.expectNs << 4) | 0x02));
  }
}


/** The line between host and card: each block, either way, is lost or damaged with probability p. */
export class FaultyLine implements T1BlockPort {
  faults = 0;
  constructor(
    private readonly card: T1CardModel,
    private readonly rnd: () => number,
    private readonly p: number,
  ) {}

  private hit(b: Uint8Array): Uint8Array | undefined {
    if (this.rnd() >= this.p) return b;
    this.faults++;
    if (this.rnd() < 0.5) return undefined; // lost
    const c = b.slice();
    c[Math.floor(this.rnd() * c.length)] ^= 1 + Math.floor(this.rnd() * 255); // damaged
    return c;
  }

  async exchange(block: Uint8Array): Promise<Uint8Array> {
    const reply = this.card.receive(this.hit(block));
    const back = reply && this.hit(reply);
    if (!back) throw new LensError('card-mute');
    return back;
  }
}
