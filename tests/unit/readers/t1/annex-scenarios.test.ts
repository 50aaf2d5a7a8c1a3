/**
 * Block-exchange scenarios in the shape of ISO/IEC 7816-3:2006 Annex A (T=1 examples). The
 * standard itself was not available here; the scenario list follows public T=1 test suites that
 * reproduce the annex (numbering kept where it matched), and every step names the §11.6 rule it
 * exercises. "-x->" / "<-x-" mark a block damaged on the line (the receiver sees a bad EDC), "-/->"
 * a block lost (the receiver sees nothing), as in the annex. Host: NAD 0, LRC, IFSC 2 where a
 * scenario needs chaining.
 */
import { describe, expect, it } from 'vitest';
import { codeOf } from '../error-code';
import { T1Host } from '../../../../src/readers/t1';
import { ScriptPort, blk, bytes, corrupt, hex, type Step } from './script-port';

const I = (ns: 0 | 1, more: boolean, inf = '') => blk((ns << 6) | (more ? 0x20 : 0), inf);
const R = (nr: 0 | 1, err: 0 | 1 | 2 = 0) => blk(0x80 | (nr << 4) | err);
const S = (pcb: number, inf = '') => blk(pcb, inf);

function host(steps: Step[], ifsc = 254) {
  const port = new ScriptPort(steps);
  return { port, t1: new T1Host(port, { ifsc, edc: 'lrc', readerNegotiatesIfsd: true }) };
}

describe('ISO/IEC 7816-3 Annex A-style scenarios', () => {
  it('1: two error-free exchanges; N(S) alternates (rule 1, rule 2)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: I(0, false, 'F1 F2') },
      { out: I(1, false, '03 04'), reply: I(1, false, 'F3 F4') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(hex(await t1.transceive(bytes('03 04')))).toBe('F3 F4');
    expect(port.finished).toBe(true);
  });

  it('2: S(WTX request) answered with the same INF; the next wait uses the multiplier (rule 3)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: S(0xc3, '10') },
      { out: S(0xe3, '10'), reply: I(0, false, 'F1 F2'), wtx: 0x10 },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('3: S(IFS request) from the card answered, IFSC updated (rule 4)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: S(0xc1, '79') },
      { out: S(0xe1, '79'), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(t1.ifsc).toBe(0x79);
    expect(port.finished).toBe(true);
  });

  it('4: the interface device announces IFSD between two commands (rule 4)', async () => {
    const port = new ScriptPort([
      { out: I(0, false, '01 02'), reply: I(0, false, 'F1 F2') },
      { out: S(0xc1, '79'), reply: S(0xe1, '79') },
      { out: I(1, false, '03 04'), reply: I(1, false, 'F3 F4') },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', ifsd: 0x79, readerNegotiatesIfsd: false });
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    await t1.negotiateIfsd();
    expect(t1.ifsd).toBe(0x79);
    expect(hex(await t1.transceive(bytes('03 04')))).toBe('F3 F4');
    expect(port.finished).toBe(true);
  });

  it('5: the interface device chains; each part acknowledged by R(N(R) = next N(S)) (rule 5)', async () => {
    const { port, t1 } = host(
      [
        { out: I(0, true, '01 02'), reply: R(1) },
        { out: I(1, true, '03 04'), reply: R(0) },
        { out: I(0, false, '05 06'), reply: I(0, false, 'F1 F2') },
      ],
      2,
    );
    expect(hex(await t1.transceive(bytes('01 02 03 04 05 06')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('6: the card chains; the host pulls each part with R(N(R)) (rule 5), then N(S) carries on', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: I(0, true, 'F1 F2') },
      { out: R(1), reply: I(1, false, 'F3 F4') },
      { out: I(1, false, '03 04'), reply: I(0, false, 'F5 F6') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2 F3 F4');
    expect(hex(await t1.transceive(bytes('03 04')))).toBe('F5 F6');
    expect(port.finished).toBe(true);
  });

  it('7: the last part of the card chain is an empty I-block', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: I(0, true, 'F1 F2') },
      { out: R(1), reply: I(1, false) },
      { out: I(1, false, '03 04'), reply: I(0, false, 'F3 F4') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(hex(await t1.transceive(bytes('03 04')))).toBe('F3 F4');
    expect(port.finished).toBe(true);
  });

  it('8: -x-> I(0): the card asks for it again with R(0) + EDC error; the block is resent (rule 7.1)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: R(0, 1) },
      { out: I(0, false, '01 02'), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('9: <-x- I(0): the host sends R(0) + EDC error and the card repeats its block (rule 7.1)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: corrupt('00 00 02 F1 F2') },
      { out: R(0, 1), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('10: -x-> I(0), <-x- R(0): the host reports the error, then resends I(0) when the card asks (rules 7.1, 7.2)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: corrupt('00 81 00') },
      { out: R(0, 1), reply: R(0, 1) },
      { out: I(0, false, '01 02'), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('11: <-x- I(0), -x-> R(0): the card answers R(1) + error; the host resends its R-block (rule 7.2)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: corrupt('00 00 02 F1 F2') },
      { out: R(0, 1), reply: R(1, 1) },
      { out: R(0, 1), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('12: <-x- I(0), -x-> R(0), <-x- R(1): R(0) again (rules 7.1, 7.2)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: corrupt('00 00 02 F1 F2') },
      { out: R(0, 1), reply: corrupt('00 91 00') },
      { out: R(0, 1), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('13: three consecutive failures are still within the retry budget (rule 7.4)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: corrupt('00 00 02 F1 F2') },
      { out: R(0, 1), reply: corrupt('00 91 00') },
      { out: R(0, 1), reply: R(1, 1) },
      { out: R(0, 1), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('14: <-x- S(WTX request): R(0) + EDC error, the card repeats it, the host answers (rules 7.1, 3)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: corrupt('00 C3 01 10') },
      { out: R(0, 1), reply: S(0xc3, '10') },
      { out: S(0xe3, '10'), reply: I(0, false, 'F1 F2'), wtx: 0x10 },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('15: -/-> S(WTX response): the card repeats S(WTX request) and gets the same answer (rule 7.3 on the card side)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: S(0xc3, '02') },
      { out: S(0xe3, '02'), reply: S(0xc3, '02'), wtx: 2 },
      { out: S(0xe3, '02'), reply: I(0, false, 'F1 F2'), wtx: 2 },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('16: <-x- S(IFS request): R(0) + EDC error, then the request is honoured (rules 7.1, 4)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: corrupt('00 C1 01 79') },
      { out: R(0, 1), reply: S(0xc1, '79') },
      { out: S(0xe1, '79'), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(t1.ifsc).toBe(0x79);
    expect(port.finished).toBe(true);
  });

  it('18: -/-> S(IFS response): the card repeats its request', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: S(0xc1, '79') },
      { out: S(0xe1, '79'), reply: S(0xc1, '79') },
      { out: S(0xe1, '79'), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('19: S(IFS) exchange, then <-x- I(0): R(0) + EDC error (rule 7.1)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: S(0xc1, '79') },
      { out: S(0xe1, '79'), reply: corrupt('00 00 02 F1 F2') },
      { out: R(0, 1), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('20: S(IFS) exchange, <-x- I(0), -x-> R(0): the card answers R(1) + error, R(0) resent (rule 7.2)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: S(0xc1, '79') },
      { out: S(0xe1, '79'), reply: corrupt('00 00 02 F1 F2') },
      { out: R(0, 1), reply: R(1, 1) },
      { out: R(0, 1), reply: I(0, false, 'F1 F2') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('21: chaining, <-x- R(1): the host reports it with R(0) + EDC error and the card acknowledges again (rules 7.1, 5)', async () => {
    const { port, t1 } = host(
      [
        { out: I(0, true, '01 02'), reply: corrupt('00 90 00') },
        { out: R(0, 1), reply: R(1) },
        { out: I(1, true, '03 04'), reply: R(0) },
        { out: I(0, false, '05 06'), reply: I(0, false, 'F1 F2') },
      ],
      2,
    );
    expect(hex(await t1.transceive(bytes('01 02 03 04 05 06')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('22: chaining, <-/- R(1) (card silent within BWT): R(0) + other error, then the acknowledgement (rule 7.1)', async () => {
    const { port, t1 } = host(
      [
        { out: I(0, true, '01 02'), reply: 'mute' },
        { out: R(0, 2), reply: R(1) },
        { out: I(1, true, '03 04'), reply: R(0) },
        { out: I(0, false, '05 06'), reply: I(0, false, 'F1 F2') },
      ],
      2,
    );
    expect(hex(await t1.transceive(bytes('01 02 03 04 05 06')))).toBe('F1 F2');
    expect(port.finished).toBe(true);
  });

  it('23: card chaining, -/-> R(1): the card answers R(1) + error and the host resends R(1) (rule 7.2)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: I(0, true, 'F1 F2') },
      { out: R(1), reply: R(1, 1) },
      { out: R(1), reply: I(1, false, 'F3 F4') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2 F3 F4');
    expect(port.finished).toBe(true);
  });

  it('24: card chaining, -/-> R(1), <-x- R(1): R(1) + EDC error (rule 7.1)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: I(0, true, 'F1 F2') },
      { out: R(1), reply: corrupt('00 91 00') },
      { out: R(1, 1), reply: I(1, false, 'F3 F4') },
    ]);
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('F1 F2 F3 F4');
    expect(port.finished).toBe(true);
  });

  it('26: the card aborts its own chain: S(ABORT response), R(1) hands back the turn → t1-aborted-by-card (rule 9)', async () => {
    const { port, t1 } = host([
      { out: I(0, false, '01 02'), reply: I(0, true, 'F1 F2') },
      { out: R(1), reply: S(0xc2) },
      { out: S(0xe2), reply: R(1) },
      // the next command continues with N(S) = N(R) of the card's R-block
      { out: I(1, false, '03 04'), reply: I(1, false, '90 00') },
    ]);
    expect(await codeOf(t1.transceive(bytes('01 02')))).toBe('t1-aborted-by-card');
    expect(hex(await t1.transceive(bytes('03 04')))).toBe('90 00');
    expect(port.finished).toBe(true);
  });

  it('27: the card aborts the host chain → t1-aborted-by-card; the rest of the command is not sent (rule 9)', async () => {
    const { port, t1 } = host(
      [
        { out: I(0, true, '01 02'), reply: R(1) },
        { out: I(1, true, '03 04'), reply: S(0xc2) },
        { out: S(0xe2), reply: R(0) },
        { out: I(0, false, '07 08'), reply: I(0, false, '90 00') },
      ],
      2,
    );
    expect(await codeOf(t1.transceive(bytes('01 02 03 04 05 06')))).toBe('t1-aborted-by-card');
    expect(hex(await t1.transceive(bytes('07 08')))).toBe('90 00');
    expect(port.finished).toBe(true);
  });

  const exhaust: Step[] = [
    { out: I(0, false, '01 02'), reply: 'mute' },
    { out: R(0, 2), reply: 'mute' },
    { out: R(0, 2), reply: 'mute' },
    { out: R(0, 2), reply: 'mute' },
  ];

  it('29: retries exhausted → S(RESYNCH request) / response → t1-transmission-lost, the command is NOT re-sent (rules 6, 7.4)', async () => {
    const { port, t1 } = host([
      ...exhaust,
      { out: S(0xc0), reply: S(0xe0) },
      // after resynchronisation N(S) = N(R) = 0: the *next* command (from the caller) starts at I(0)
      { out: I(0, false, '03 04'), reply: I(0, false, '90 00') },
    ]);
    expect(await codeOf(t1.transceive(bytes('01 02')))).toBe('t1-transmission-lost');
    expect(port.sent.filter((b) => hex(b) === hex(I(0, false, '01 02')))).toHaveLength(1);
    expect(hex(await t1.transceive(bytes('03 04')))).toBe('90 00');
    expect(port.finished).toBe(true);
  });

  it('30: <-x- S(RESYNCH response): the request is repeated (rule 7.3)', async () => {
    const { port, t1 } = host([...exhaust, { out: S(0xc0), reply: corrupt('00 E0 00') }, { out: S(0xc0), reply: S(0xe0) }]);
    expect(await codeOf(t1.transceive(bytes('01 02')))).toBe('t1-transmission-lost');
    expect(port.finished).toBe(true);
  });

  it('31: -x-> S(RESYNCH request): the card answers R(0) + error, the request is repeated (rule 7.3)', async () => {
    const { port, t1 } = host([...exhaust, { out: S(0xc0), reply: R(0, 1) }, { out: S(0xc0), reply: S(0xe0) }]);
    expect(await codeOf(t1.transceive(bytes('01 02')))).toBe('t1-transmission-lost');
    expect(port.finished).toBe(true);
  });

  it('resynchronisation itself fails → t1-resync-failed; the host refuses further use without I/O', async () => {
    const { port, t1 } = host([
      ...exhaust,
      { out: S(0xc0), reply: 'mute' },
      { out: S(0xc0), reply: 'mute' },
      { out: S(0xc0), reply: corrupt('00 E0 00') },
      { out: S(0xc0), reply: 'mute' },
    ]);
    expect(await codeOf(t1.transceive(bytes('01 02')))).toBe('t1-resync-failed');
    expect(port.finished).toBe(true);
    expect(await codeOf(t1.transceive(bytes('03 04')))).toBe('t1-resync-failed');
    expect(port.sent).toHaveLength(8);
  });
});
