import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { IsoDepInitiator } from '../../../../src/readers/isodep/initiator';
import { Transcript } from '../../../../src/trace/transcript';
import { ScriptLink, type Step } from './script-link';

const FWT = 309.4 + 3.6;
const make = (steps: Step[], fsc = 256) => {
  const link = new ScriptLink(steps);
  return { link, dep: new IsoDepInitiator(link, { fsc, fwtMs: FWT }) };
};
const VERIFY = '00 20 00 80 04 31 32 33 34';

describe('IsoDepInitiator: plain exchanges and block numbers', () => {
  it('alternates I(0)/I(1) with the card (ISO/IEC 14443-4 §7.5.3)', async () => {
    const { link, dep } = make([
      ['02 00 A4 04 0C 02 3F 00', '02 90 00'],
      ['03 00 B0 00 00 04', '03 30 82 01 00 90 00'],
    ]);
    expect(toHex(await dep.exchange(fromHex('00 A4 04 0C 02 3F 00')))).toBe('90 00');
    expect(toHex(await dep.exchange(fromHex('00 B0 00 00 04')))).toBe('30 82 01 00 90 00');
    link.done();
  });

  it('rejects an I-block with the wrong block number', async () => {
    const { dep } = make([['02 00 B0 00 00 04', '03 90 00']]);
    await expect(dep.exchange(fromHex('00 B0 00 00 04'))).rejects.toMatchObject({ code: 'isodep-protocol-error' });
  });
});

describe('chaining', () => {
  it('pulls a chained answer with R(ACK) (PICC chaining)', async () => {
    const { link, dep } = make([
      ['02 00 B0 00 00 00', '12 AA BB'],
      ['A3', '13 CC'],
      ['A2', '02 DD 90 00'],
    ]);
    expect(toHex(await dep.exchange(fromHex('00 B0 00 00 00')))).toBe('AA BB CC DD 90 00');
    link.done();
  });

  it('splits a long command into FSC-3 byte parts, each acknowledged (PCD chaining)', async () => {
    // FSC 16 → 13 bytes of INF per block
    const apdu = '80 2A 00 80 0F 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 00';
    const { link, dep } = make([
      ['12 80 2A 00 80 0F 01 02 03 04 05 06 07 08', 'A2'],
      ['03 09 0A 0B 0C 0D 0E 0F 00', '03 90 00'],
    ], 16);
    expect(toHex(await dep.exchange(fromHex(apdu)))).toBe('90 00');
    link.done();
  });

  it('sends one empty I-block for an empty command', async () => {
    const { link, dep } = make([['02', '02 90 00']]);
    expect(toHex(await dep.exchange(new Uint8Array(0)))).toBe('90 00');
    link.done();
  });
});

describe('S(WTX)', () => {
  it('echoes WTXM and waits FWT × WTXM for the next block', async () => {
    const { link, dep } = make([
      ['02 80 2A 00 80 00', 'F2 03'],
      ['F2 03', 'F2 C1'],
      ['F2 01', '02 61 00'],
    ]);
    expect(toHex(await dep.exchange(fromHex('80 2A 00 80 00')))).toBe('61 00');
    expect(link.timeouts[0]).toBeCloseTo(FWT);
    expect(link.timeouts[1]).toBeCloseTo(3 * FWT);
    expect(link.timeouts[2]).toBeCloseTo(FWT);
    expect(dep.stats.wtxRequests).toBe(2);
    link.done();
  });

  it('refuses WTXM 0 as a protocol error', async () => {
    const { dep } = make([['02 00', 'F2 00']]);
    await expect(dep.exchange(fromHex('00'))).rejects.toMatchObject({ code: 'isodep-protocol-error' });
  });

  it('bounds the total extension', async () => {
    const link = new ScriptLink(Array.from({ length: 10 }, (_, i): Step => [i === 0 ? '02 00' : 'F2 3B', 'F2 3B']));
    const dep = new IsoDepInitiator(link, { fsc: 256, fwtMs: FWT, maxWtxWaitMs: 10_000 });
    await expect(dep.exchange(fromHex('00'))).rejects.toMatchObject({ code: 'isodep-wait-limit' });
  });
});

describe('error recovery (rules 4–6) and the never-re-send guarantee', () => {
  it('a lost answer is recovered with R(NAK); the card repeats its block and the I-block is not re-sent', async () => {
    const { link, dep } = make([
      [`02 ${VERIFY}`, 'timeout'],
      ['B2', '02 90 00'],
    ]);
    expect(toHex(await dep.exchange(fromHex(VERIFY)))).toBe('90 00');
    expect(link.sent.filter((s) => s.startsWith('02 00 20')).length).toBe(1);
    expect(dep.stats.iBlocksResent).toBe(0);
    link.done();
  });

  it('a CRC error is treated like a time-out (R(NAK))', async () => {
    const { link, dep } = make([
      [`02 ${VERIFY}`, 'crc'],
      ['B2', 'timeout'],
      ['B2', '02 63 C2'],
    ]);
    expect(toHex(await dep.exchange(fromHex(VERIFY)))).toBe('63 C2');
    link.done();
  });

  it('re-sends the I-block only when the card answers R(ACK) with the other block number', async () => {
    const { link, dep } = make([
      [`02 ${VERIFY}`, 'timeout'],
      ['B2', 'A3'], // the card never got I(0): its R(ACK) carries block number 1
      [`02 ${VERIFY}`, '02 90 00'],
    ]);
    expect(toHex(await dep.exchange(fromHex(VERIFY)))).toBe('90 00');
    expect(dep.stats.iBlocksResent).toBe(1);
    link.done();
  });

  it('never re-sends the I-block on its own: three silent R(NAK)s end in isodep-no-response', async () => {
    const { link, dep } = make([
      [`02 ${VERIFY}`, 'timeout'],
      ['B2', 'timeout'],
      ['B2', 'timeout'],
    ]);
    await expect(dep.exchange(fromHex(VERIFY))).rejects.toMatchObject({ code: 'isodep-no-response' });
    expect(link.sent).toEqual([`02 ${VERIFY}`, 'B2', 'B2']);
    link.done();
  });

  it('an R(ACK) with our own block number to an unchained command is a protocol error, not a re-send', async () => {
    const { link, dep } = make([[`02 ${VERIFY}`, 'timeout'], ['B2', 'A2']]);
    await expect(dep.exchange(fromHex(VERIFY))).rejects.toMatchObject({ code: 'isodep-protocol-error' });
    expect(link.sent.filter((s) => s.startsWith('02 00 20')).length).toBe(1);
  });

  it('in PICC chaining a lost block is asked for again with the same R(ACK) (rule 5)', async () => {
    const { link, dep } = make([
      ['02 00 B0 00 00 00', '12 AA'],
      ['A3', 'timeout'],
      ['A3', '13 BB'],
      ['A2', '02 90 00'],
    ]);
    expect(toHex(await dep.exchange(fromHex('00 B0 00 00 00')))).toBe('AA BB 90 00');
    link.done();
  });

  it('a lost R(ACK) during PCD chaining is recovered by R(NAK) and the card repeats R(ACK)', async () => {
    const { link, dep } = make([
      ['12 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D', 'timeout'],
      ['B2', 'A2'],
      ['03 0E', '03 90 00'],
    ], 16);
    expect(toHex(await dep.exchange(fromHex('01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E')))).toBe('90 00');
    link.done();
  });
});

describe('presence check and DESELECT', () => {
  it('checks presence with R(NAK) and accepts any R(ACK) without re-sending anything', async () => {
    const { link, dep } = make([
      ['02 00', '02 90 00'],
      ['B3', 'A2'],
    ]);
    await dep.exchange(fromHex('00'));
    expect(await dep.presenceCheck()).toBe(true);
    link.done();
  });

  it('reports absence after the retries', async () => {
    const { link, dep } = make([['B2', 'timeout'], ['B2', 'timeout'], ['B2', 'timeout']]);
    expect(await dep.presenceCheck()).toBe(false);
    link.done();
  });

  it('sends S(DESELECT) C2 and expects C2, once more if unanswered (rule 8)', async () => {
    const ok = make([['C2', 'C2']]);
    expect(await ok.dep.deselect()).toBe(true);
    ok.link.done();
    const lost = make([['C2', 'timeout'], ['C2', 'timeout']]);
    expect(await lost.dep.deselect()).toBe(false);
    lost.link.done();
  });

  it('records blocks in the transcript and redacts them while sensitive', async () => {
    const transcript = new Transcript();
    const link = new ScriptLink([[`02 ${VERIFY}`, '02 90 00']]);
    const dep = new IsoDepInitiator(link, { fsc: 256, fwtMs: FWT, transcript });
    await transcript.sensitive(() => dep.exchange(fromHex(VERIFY)));
    const events = transcript.events().filter((e) => e.layer === 'isodep');
    expect(events.map((e) => [e.dir, e.redacted, e.length])).toEqual([['out', true, 10], ['in', true, 3]]);
    expect(events.every((e) => e.hex === undefined)).toBe(true);
  });
});
