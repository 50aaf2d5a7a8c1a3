/**
 * House rule: a VERIFY is never re-sent by recovery logic (ISO 7816-3 retransmits blocks, not
 * commands). What the T=1 host may do is send the *same I-block* again, and only when the card's
 * R-block asks for exactly that block (N(R) = the block's N(S)): by §11.6.2 that R-block means the
 * card did not receive the I-block, so it did not act on it, and the copy is the first command the
 * card sees — not a second one. Everything else (a lost or damaged answer, an R-block that does not
 * ask for the block) is repaired with R-blocks, and when that fails the host resynchronises and
 * reports `t1-transmission-lost` instead of sending the command again.
 */
import { describe, expect, it } from 'vitest';
import { T1Host } from '../../../../src/readers/t1';
import { isLensError } from '../../../../src/errors';
import { FaultyLine, T1CardModel } from './card-model';
import { prng } from '../../helpers/prng';
import { ScriptPort, blk, bytes, corrupt, hex, type Step } from './script-port';

const VERIFY = '00 20 00 81 04 31 32 33 34';
const VERIFY_I0 = blk(0x00, VERIFY);
const R = (nr: number, err = 0) => blk(0x80 | (nr << 4) | err);

/** How many times the I-block carrying VERIFY left the host, and whether each repeat was asked for. */
function audit(port: ScriptPort, steps: readonly Step[]) {
  let copies = 0;
  let unasked = 0;
  port.sent.forEach((b, i) => {
    if (hex(b) !== hex(VERIFY_I0)) return;
    copies++;
    if (copies === 1) return;
    // the reply to the block sent just before must be a valid R-block with N(R) = 0 (this block's N(S))
    const prev = steps[i - 1]?.reply;
    const askedFor = prev instanceof Uint8Array && prev.length === 4 && (prev[1] & 0xf0) === 0x80 && (prev[0] ^ prev[1] ^ prev[2] ^ prev[3]) === 0;
    if (!askedFor) unasked++;
  });
  return { copies, unasked };
}

async function run(steps: Step[]) {
  const port = new ScriptPort(steps);
  const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true });
  let result: string;
  try {
    result = hex(await t1.transceive(bytes(VERIFY)));
  } catch (e) {
    result = isLensError(e) ? e.code : String(e);
  }
  expect(port.finished).toBe(true);
  return { result, ...audit(port, steps) };
}

describe('VERIFY is never sent twice (scripted recovery scenarios)', () => {
  it('the card executed it and the answer was damaged: the host asks for the answer, VERIFY leaves once', async () => {
    const r = await run([
      { out: VERIFY_I0, reply: corrupt('00 00 02 63 C2') },
      { out: R(0, 1), reply: blk(0x00, '63 C2') },
    ]);
    expect(r).toEqual({ result: '63 C2', copies: 1, unasked: 0 });
  });

  it('the card executed it and the answer was lost (card mute): R-block, never the command', async () => {
    const r = await run([
      { out: VERIFY_I0, reply: 'mute' },
      { out: R(0, 2), reply: blk(0x00, '90 00') },
    ]);
    expect(r).toEqual({ result: '90 00', copies: 1, unasked: 0 });
  });

  it('the answer keeps getting lost: the host gives up with t1-transmission-lost after S(RESYNCH), VERIFY left once', async () => {
    const r = await run([
      { out: VERIFY_I0, reply: 'mute' },
      { out: R(0, 2), reply: corrupt('00 00 02 90 00') },
      { out: R(0, 1), reply: 'mute' },
      { out: R(0, 2), reply: 'mute' },
      { out: blk(0xc0), reply: blk(0xe0) },
    ]);
    expect(r).toEqual({ result: 't1-transmission-lost', copies: 1, unasked: 0 });
  });

  it('the card answers with an R-block that does not ask for the I-block: R-blocks only', async () => {
    const r = await run([
      { out: VERIFY_I0, reply: 'mute' },
      { out: R(0, 2), reply: R(1, 2) }, // N(R) = 1: the card did get I(0)
      { out: R(0, 2), reply: blk(0x00, '90 00') },
    ]);
    expect(r).toEqual({ result: '90 00', copies: 1, unasked: 0 });
  });

  it('the card says it did not receive the block (R(0) + EDC error): the block is sent again — the card has not seen the command yet', async () => {
    const r = await run([
      { out: VERIFY_I0, reply: R(0, 1) },
      { out: VERIFY_I0, reply: blk(0x00, '90 00') },
    ]);
    expect(r).toEqual({ result: '90 00', copies: 2, unasked: 0 });
  });

  it('WTX in the middle and a damaged WTX: VERIFY leaves once', async () => {
    const r = await run([
      { out: VERIFY_I0, reply: corrupt('00 C3 01 02') },
      { out: R(0, 1), reply: blk(0xc3, '02') },
      { out: blk(0xe3, '02'), wtx: 2, reply: 'mute' },
      { out: R(0, 2), reply: blk(0x00, '90 00') },
    ]);
    expect(r).toEqual({ result: '90 00', copies: 1, unasked: 0 });
  });

  it('after the card asked three times the budget is spent: resynchronise and report, no fourth copy', async () => {
    const r = await run([
      { out: VERIFY_I0, reply: R(0, 1) },
      { out: VERIFY_I0, reply: R(0, 1) },
      { out: VERIFY_I0, reply: R(0, 1) },
      { out: VERIFY_I0, reply: R(0, 1) },
      { out: blk(0xc0), reply: blk(0xe0) },
    ]);
    expect(r).toEqual({ result: 't1-transmission-lost', copies: 4, unasked: 0 });
  });
});

describe('VERIFY is never executed twice (random faults against an independent card-side T=1)', () => {
  // Each run: SELECT, a VERIFY, a 300-byte command (chained at IFSC 32) and a 300-byte answer
  // (chained at IFSD 32), over a line that loses or damages blocks with probability p.
  const answer = (cmd: number[]) => (cmd[1] === 0x20 ? [0x90, 0x00] : cmd[1] === 0xb0 ? [...Array.from({ length: 300 }, (_, i) => i & 0xff), 0x90, 0x00] : [0x90, 0x00]);
  const commands = [
    bytes('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01'),
    bytes(VERIFY),
    Uint8Array.from([0x00, 0xd6, 0x00, 0x00, 0x00, 0x01, 0x27, ...Array.from({ length: 293 }, (_, i) => i & 0xff)]),
    bytes('00 B0 00 00 00 01 2C'),
  ];

  for (const p of [0.05, 0.15, 0.3]) {
    it(`p = ${p}: every command runs at most once; a success means exactly once with the right answer`, async () => {
      const stats = { ok: 0, lost: 0, dead: 0, faults: 0 };
      for (let seed = 1; seed <= 300; seed++) {
        const rnd = prng(seed * 7919 + Math.round(p * 1000));
        const card = new T1CardModel(answer, 32);
        const line = new FaultyLine(card, rnd, p);
        const t1 = new T1Host(line, { ifsc: 32, edc: 'lrc', ifsd: 32, readerNegotiatesIfsd: true });
        for (const cmd of commands) {
          const key = hex(cmd).replace(/ /g, '').toLowerCase();
          const before = card.executed.filter((c) => c === key).length;
          try {
            const res = await t1.transceive(cmd);
            expect(Array.from(res)).toEqual(answer(Array.from(cmd)));
            expect(card.executed.filter((c) => c === key).length - before).toBe(1);
            stats.ok++;
          } catch (e) {
            expect(isLensError(e, 't1-transmission-lost') || isLensError(e, 't1-resync-failed')).toBe(true);
            expect(card.executed.filter((c) => c === key).length - before).toBeLessThanOrEqual(1);
            if (isLensError(e, 't1-resync-failed')) {
              stats.dead++;
              break; // the card needs a reset: this run ends
            }
            stats.lost++;
          }
        }
        expect(card.duplicates).toBe(0);
        stats.faults += line.faults;
      }
      // the runs did exercise recovery (and mostly recovered)
      expect(stats.faults).toBeGreaterThan(100);
      expect(stats.ok).toBeGreaterThan(stats.lost + stats.dead);
    });
  }
});

describe('VERIFY after the card has shown it holds it', () => {
  it('S(WTX request) means the card is processing the I-block: a later R(0) "asking" for it is refused, not obeyed', async () => {
    // Not a correct card (after S(WTX) a card repeats S(WTX) or sends its answer), but the safe
    // reaction to a confused card is R-blocks and, at worst, t1-transmission-lost — never a copy.
    const r = await run([
      { out: VERIFY_I0, reply: blk(0xc3, '01') },
      { out: blk(0xe3, '01'), reply: R(0, 1) },
      { out: R(0, 2), reply: R(0, 1) },
      { out: R(0, 2), reply: R(0, 1) },
      { out: R(0, 2), reply: R(0, 1) },
      { out: blk(0xc0), reply: blk(0xe0) },
    ]);
    expect(r).toEqual({ result: 't1-transmission-lost', copies: 1, unasked: 0 });
  });
});
