import { describe, expect, it } from 'vitest';
import { codeOf } from '../error-code';
import { T1Host, requireT1, t1ParamsFromAtr, t1Timing, type T1BlockPort } from '../../../../src/readers/t1';
import { parseAtr } from '../../../../src/readers/atr';
import { LensError, isLensError } from '../../../../src/errors';
import { Transcript } from '../../../../src/trace/transcript';
import { ScriptPort, blk, bytes, hex, lrcBlock, type Step } from './script-port';

const I = (ns: number, more: boolean, inf: Uint8Array | string = '') => blk((ns << 6) | (more ? 0x20 : 0), typeof inf === 'string' ? inf : hex(inf));
const R = (nr: number, err = 0) => blk(0x80 | (nr << 4) | err);

const SELECT_JPKI = '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01';
const seq = (n: number, from = 0) => Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);

describe('T1Host: simple exchanges', () => {
  it('SELECT the JPKI AP in one I-block, 90 00 back, byte-exact', async () => {
    const port = new ScriptPort([{ out: lrcBlock(`00 00 0F ${SELECT_JPKI}`), reply: lrcBlock('00 00 02 90 00') }]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true });
    expect(hex(await t1.transceive(bytes(SELECT_JPKI)))).toBe('90 00');
    expect(hex(port.sent[0])).toBe('00 00 0F 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01 3E');
  });

  it('CRC epilogue when the ATR asks for it (values from an independent bitwise CRC-16/MCRF4XX)', async () => {
    const port = new ScriptPort([{ out: bytes('00 00 05 00 B0 00 00 04 4F B3'), reply: bytes('00 00 02 90 00 9C 6D') }]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'crc', readerNegotiatesIfsd: true });
    expect(hex(await t1.transceive(bytes('00 B0 00 00 04')))).toBe('90 00');
  });

  it('a NAD other than 0: the answer must carry SAD/DAD swapped, otherwise it is invalid', async () => {
    const port = new ScriptPort([
      { out: lrcBlock('12 00 02 01 02'), reply: lrcBlock('12 00 02 90 00') }, // not swapped → other error
      { out: lrcBlock('12 82 00'), reply: lrcBlock('21 00 02 90 00') },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', nad: 0x12, readerNegotiatesIfsd: true });
    expect(hex(await t1.transceive(bytes('01 02')))).toBe('90 00');
    expect(port.finished).toBe(true);
  });

  it('one APDU at a time: a second call waits for the first', async () => {
    const port = new ScriptPort([
      { out: I(0, false, '01'), reply: I(0, false, '90 00') },
      { out: I(1, false, '02'), reply: I(1, false, '6A 82') },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true });
    const [a, b] = await Promise.all([t1.transceive(bytes('01')), t1.transceive(bytes('02'))]);
    expect([hex(a), hex(b)]).toEqual(['90 00', '6A 82']);
  });
});

describe('T1Host: IFSD negotiation', () => {
  it('sends S(IFS request 254) = 00 C1 01 FE 3E and expects 00 E1 01 FE 1E (libccid t1_negotiate_ifsd)', async () => {
    const port = new ScriptPort([{ out: bytes('00 C1 01 FE 3E'), reply: bytes('00 E1 01 FE 1E') }]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: false });
    expect(t1.ifsd).toBe(32);
    await t1.negotiateIfsd();
    expect(t1.ifsd).toBe(254);
    expect(port.finished).toBe(true);
  });

  it('no I/O when the reader negotiates IFSD itself (CCID dwFeatures 0x400); IFSD is the reader’s', async () => {
    const port = new ScriptPort([]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', ifsd: 252, readerNegotiatesIfsd: true });
    await t1.negotiateIfsd();
    expect(port.sent).toHaveLength(0);
    expect(t1.ifsd).toBe(252);
  });

  it('an unanswered S(IFS request) is repeated, then the link is resynchronised and IFSD stays 32', async () => {
    const req = bytes('00 C1 01 FE 3E');
    const port = new ScriptPort([
      { out: req, reply: 'mute' },
      { out: req, reply: R(0, 1) },
      { out: req, reply: bytes('00 E1 01 FD 1D') }, // wrong value echoed
      { out: req, reply: 'mute' },
      { out: blk(0xc0), reply: blk(0xe0) },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: false });
    await t1.negotiateIfsd();
    expect(t1.ifsd).toBe(32);
    expect(port.finished).toBe(true);
  });
});

describe('T1Host: chaining both ways', () => {
  for (const ifsc of [32, 254]) {
    it(`sends a 300-byte command in parts of at most IFSC = ${ifsc}`, async () => {
      const apdu = seq(300);
      const steps: Step[] = [];
      let ns = 0;
      for (let off = 0; off < apdu.length; off += ifsc) {
        const part = apdu.subarray(off, off + ifsc);
        const last = off + ifsc >= apdu.length;
        steps.push({ out: I(ns, !last, part), reply: last ? I(0, false, '90 00') : R(ns ^ 1) });
        ns ^= 1;
      }
      const port = new ScriptPort(steps);
      const t1 = new T1Host(port, { ifsc, edc: 'lrc', readerNegotiatesIfsd: true });
      expect(hex(await t1.transceive(apdu))).toBe('90 00');
      expect(port.sent).toHaveLength(Math.ceil(300 / ifsc));
      expect(port.sent.every((b) => b[2] <= ifsc)).toBe(true);
      expect(port.finished).toBe(true);
    });

    it(`receives 256 bytes + SW in parts of IFSD = ${ifsc} and acknowledges each with R(N(R))`, async () => {
      const data = seq(256, 0x40);
      const response = Uint8Array.from([...data, 0x90, 0x00]);
      const steps: Step[] = [];
      let out = I(0, false, '00 B0 00 00 00');
      let cardNs = 0;
      for (let off = 0; off < response.length; off += ifsc) {
        const part = response.subarray(off, off + ifsc);
        const last = off + ifsc >= response.length;
        steps.push({ out, reply: I(cardNs, !last, part) });
        cardNs ^= 1;
        out = R(cardNs);
      }
      const port = new ScriptPort(steps);
      const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', ifsd: ifsc, readerNegotiatesIfsd: true });
      expect(hex(await t1.transceive(bytes('00 B0 00 00 00')))).toBe(hex(response));
      expect(port.finished).toBe(true);
    });
  }

  it('an S(IFS request) in the middle of a chain: the following parts use the new IFSC', async () => {
    const apdu = seq(100);
    const port = new ScriptPort([
      { out: I(0, true, apdu.subarray(0, 32)), reply: blk(0xc1, '10') },
      { out: blk(0xe1, '10'), reply: R(1) },
      { out: I(1, true, apdu.subarray(32, 48)), reply: R(0) },
      { out: I(0, true, apdu.subarray(48, 64)), reply: R(1) },
      { out: I(1, true, apdu.subarray(64, 80)), reply: R(0) },
      { out: I(0, true, apdu.subarray(80, 96)), reply: R(1) },
      { out: I(1, false, apdu.subarray(96, 100)), reply: I(0, false, '90 00') },
    ]);
    const t1 = new T1Host(port, { ifsc: 32, edc: 'lrc', readerNegotiatesIfsd: true });
    expect(hex(await t1.transceive(apdu))).toBe('90 00');
    expect(t1.ifsc).toBe(16);
    expect(port.finished).toBe(true);
  });
});

describe('T1Host: waiting time extension', () => {
  it('S(WTX request m): S(WTX response m), that one wait × m, later waits back to × 1', async () => {
    const port = new ScriptPort([
      { out: I(0, false, '00 88 00 00 02 AA BB 00'), reply: blk(0xc3, '05') },
      { out: blk(0xe3, '05'), wtx: 5, reply: blk(0xc3, '03') },
      { out: blk(0xe3, '03'), wtx: 3, reply: I(0, false, '01 02 90 00') },
      { out: I(1, false, '00 84 00 00 08'), reply: I(1, false, '90 00') },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true });
    expect(hex(await t1.transceive(bytes('00 88 00 00 02 AA BB 00')))).toBe('01 02 90 00');
    expect(hex(await t1.transceive(bytes('00 84 00 00 08')))).toBe('90 00');
    expect(port.wtxSeen).toEqual([1, 5, 3, 1]);
  });

  it('every wait has a bound: more S(WTX) than maxWtx → t1-protocol-error (wtx-limit)', async () => {
    const port = new ScriptPort([
      { out: I(0, false, '01'), reply: blk(0xc3, '01') },
      { out: blk(0xe3, '01'), reply: blk(0xc3, '01') },
      { out: blk(0xe3, '01'), reply: blk(0xc3, '01') },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true, maxWtx: 2 });
    let err: unknown;
    await t1.transceive(bytes('01')).catch((e: unknown) => (err = e));
    expect(isLensError(err, 't1-protocol-error') && err.params).toEqual({ reason: 'wtx-limit' });
  });
});

describe('T1Host: error recovery', () => {
  it('NAK for a bad EDC from the card: R(0) + EDC error, the card repeats', async () => {
    const port = new ScriptPort([
      { out: I(0, false, '00 B0 00 00 02'), reply: bytes('00 00 04 12 34 90 00 00') },
      { out: R(0, 1), reply: I(0, false, '12 34 90 00') },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true });
    expect(hex(await t1.transceive(bytes('00 B0 00 00 02')))).toBe('12 34 90 00');
  });

  it('other defects (LEN mismatch, reserved PCB, wrong N(S), I-block during our chain) → R-block with "other error"', async () => {
    const port = new ScriptPort([
      { out: I(0, true, '01 02'), reply: I(0, false, '90 00') }, // the card may not answer a chain part with an I-block
      { out: R(0, 2), reply: R(1) },
      { out: I(1, false, '03'), reply: bytes('00 00 05 90 00 95') }, // LEN says 5, 2 bytes came
      { out: R(0, 2), reply: lrcBlock('00 84 00') }, // R-block with error code 4: reserved
      { out: R(0, 2), reply: I(1, false, '90 00') }, // wrong N(S): the card's first I-block must be N(S) 0
      { out: R(0, 2), reply: I(0, false, '90 00') },
    ]);
    const t1 = new T1Host(port, { ifsc: 2, edc: 'lrc', readerNegotiatesIfsd: true });
    // four consecutive failures would exhaust the budget; the R(1) acknowledgement in between is progress
    expect(hex(await t1.transceive(bytes('01 02 03')))).toBe('90 00');
    expect(port.finished).toBe(true);
  });

  it('lost response (card mute within BWT): R(0) + other error, the card sends its response again', async () => {
    const port = new ScriptPort([
      { out: I(0, false, '00 B0 00 00 02'), reply: 'mute' },
      { out: R(0, 2), reply: I(0, false, '12 34 90 00') },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true });
    expect(hex(await t1.transceive(bytes('00 B0 00 00 02')))).toBe('12 34 90 00');
  });

  it('port failures other than card-mute are rethrown unchanged; the next command starts with S(RESYNCH)', async () => {
    const removed = new LensError('card-removed');
    const port = new ScriptPort([
      { out: I(0, false, '01'), reply: removed },
      { out: blk(0xc0), reply: blk(0xe0) },
      { out: I(0, false, '02'), reply: I(0, false, '90 00') },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true });
    let err: unknown;
    await t1.transceive(bytes('01')).catch((e: unknown) => (err = e));
    expect(err).toBe(removed);
    expect(hex(await t1.transceive(bytes('02')))).toBe('90 00');
    expect(port.finished).toBe(true);
  });

  it('after a resynchronisation a negotiated IFSD is announced again before the next command', async () => {
    const port = new ScriptPort([
      { out: bytes('00 C1 01 FE 3E'), reply: bytes('00 E1 01 FE 1E') },
      { out: I(0, false, '01'), reply: 'mute' },
      { out: R(0, 2), reply: 'mute' },
      { out: R(0, 2), reply: 'mute' },
      { out: R(0, 2), reply: 'mute' },
      { out: blk(0xc0), reply: blk(0xe0) },
      { out: bytes('00 C1 01 FE 3E'), reply: bytes('00 E1 01 FE 1E') },
      { out: I(0, false, '02'), reply: I(0, false, '90 00') },
    ]);
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: false });
    await t1.negotiateIfsd();
    expect(await codeOf(t1.transceive(bytes('01')))).toBe('t1-transmission-lost');
    expect(t1.ifsd).toBe(32);
    expect(hex(await t1.transceive(bytes('02')))).toBe('90 00');
    expect(t1.ifsd).toBe(254);
    expect(port.finished).toBe(true);
  });
});

describe('T1Host: transcript', () => {
  it('records every block in and out, and only lengths while a sensitive operation runs', async () => {
    const port = new ScriptPort([
      { out: I(0, false, '00 20 00 81 04 31 32 33 34'), reply: I(0, false, '90 00') },
      { out: I(1, false, '00 B0 00 00 01'), reply: I(1, false, '41 90 00') },
    ]);
    const tr = new Transcript();
    const t1 = new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true }, tr);
    await tr.sensitive(() => t1.transceive(bytes('00 20 00 81 04 31 32 33 34')));
    await t1.transceive(bytes('00 B0 00 00 01'));
    const ev = tr.events().filter((e) => e.layer === 't1');
    expect(ev.map((e) => [e.dir, e.hex, e.length, e.redacted])).toEqual([
      ['out', undefined, 13, true],
      ['in', undefined, 6, true],
      ['out', hex(I(1, false, '00 B0 00 00 01')).toLowerCase(), 9, undefined],
      ['in', hex(I(1, false, '41 90 00')).toLowerCase(), 7, undefined],
    ]);
    expect(JSON.stringify(tr.events())).not.toContain('31 32 33 34');
  });
});

describe('T=1 from the ATR', () => {
  const jpki = parseAtr(bytes('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B'));

  it('My Number Card: IFSC 251, LRC; IFSD from the reader', () => {
    expect(t1ParamsFromAtr(jpki, { readerNegotiatesIfsd: false, maxIfsd: 252 })).toEqual({ ifsc: 251, edc: 'lrc', readerNegotiatesIfsd: false, ifsd: 252 });
  });

  it('a T=0-only card is refused with t0-not-supported', () => {
    let err: unknown;
    try {
      requireT1(parseAtr(bytes('3B 02 14 50')));
    } catch (e) {
      err = e;
    }
    expect(isLensError(err, 't0-not-supported') && err.params).toEqual({ protocols: 'T=0' });
    expect(() => requireT1(jpki)).not.toThrow();
  });

  it('a card in specific mode T=0 is refused even if T=1 is listed', () => {
    // T0 = 90: TA1, TD1; TA1 = 11; TD1 = 90 (TA2, TD2; T=0); TA2 = 80 (specific T=0); TD2 = 01 (T=1); TCK
    const body = [0x90, 0x11, 0x90, 0x80, 0x01];
    const atr = parseAtr(Uint8Array.from([0x3b, ...body, body.reduce((a, b) => a ^ b, 0)]));
    expect(() => requireT1(atr)).toThrow(/t0-not-supported/);
  });

  it('BWT and CWT at 4 MHz with TA1 13: etu 23.25 µs, BWT 11 etu + 16·960·372/f, CWT (11 + 64) etu', () => {
    const t = t1Timing(jpki, 4000);
    expect(t.etuUs).toBe(23.25);
    expect(t.bwtMs).toBe(1428.736);
    expect(t.cwtMs).toBe(1.744);
    // before the PPS the card runs at Fi/Di = 372/1
    expect(t1Timing(jpki, 4000, false).etuUs).toBe(93);
  });
});

describe('T1Host: no copy of a PIN outlives the exchange (house rule 7)', () => {
  /** A port that keeps the very blocks it was handed (as a careless lower layer could). */
  function keepingPort(replies: Uint8Array[]): { port: T1BlockPort; given: Uint8Array[] } {
    const given: Uint8Array[] = [];
    let i = 0;
    return {
      given,
      port: {
        exchange: (block) => {
          given.push(block);
          const r = replies[i++];
          return r ? Promise.resolve(r) : Promise.reject(new LensError('card-mute'));
        },
      },
    };
  }
  const VERIFY = '00 20 00 80 04 31 32 33 34';

  it('the I-block of a VERIFY is zeroed once the answer is in; the caller’s APDU is left to the caller', async () => {
    const { port, given } = keepingPort([I(0, false, '90 00')]);
    const apdu = bytes(VERIFY);
    expect(hex(await new T1Host(port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true }).transceive(apdu))).toBe('90 00');
    expect(given).toHaveLength(1);
    expect(given[0].every((b) => b === 0)).toBe(true);
    expect(hex(apdu)).toBe(VERIFY);
  });

  it('every chained part, and a retransmitted one, is zeroed too — also when the exchange fails', async () => {
    // IFSC 5: I(0,M) 5 bytes, the card asks for it again (R(0) error 1), I(0,M) again, ack R(1), I(1) 4 bytes.
    const ok = keepingPort([R(0, 1), R(1), I(0, false, '90 00')]);
    const host = new T1Host(ok.port, { ifsc: 5, edc: 'lrc', readerNegotiatesIfsd: true });
    expect(hex(await host.transceive(bytes(VERIFY)))).toBe('90 00');
    expect(ok.given).toHaveLength(3);
    expect(ok.given.every((b) => b.every((x) => x === 0))).toBe(true);

    const failing = keepingPort([]); // silence: R-blocks, then S(RESYNCH), then t1-resync-failed
    const lost = new T1Host(failing.port, { ifsc: 254, edc: 'lrc', readerNegotiatesIfsd: true });
    expect(await codeOf(lost.transceive(bytes(VERIFY)))).toBe('t1-resync-failed');
    expect(hex(failing.given[0])).toBe('00 00 00 00 00 00 00 00 00 00 00 00 00');
  });
});
