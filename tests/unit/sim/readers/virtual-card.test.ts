import { describe, expect, it } from 'vitest';
import { createVirtualMyNumberCard, KNOWN_CONTACT_ATRS } from '../../../../src/sim';
import { createVirtualReader } from '../../../../src/sim/readers';
import { blk, bytes, hex } from '../t1/test-card';
import { exchange, msg, POWER_ON, readInterrupt, XFR } from '../ccid/harness';

const SELECT_JPKI = bytes('00 a4 04 0c 0a d3 92 f0 00 26 01 00 00 00 01');
const SELECT_AUTH_CERT = bytes('00 a4 02 0c 02 00 0a');

async function ready(d: USBDevice) {
  await d.open();
  await d.selectConfiguration(1);
  await d.claimInterface(0);
}

/** A minimal T=1 sender for the test: one command, the chained answer pulled with R-blocks. */
function t1Host(d: USBDevice) {
  let seq = 10;
  let ns = 0;
  let expect = 0;
  return async (apdu: Uint8Array): Promise<Uint8Array> => {
    let reply = await exchange(d, msg(XFR, 0, seq++, [0, 0, 0], blk(0, ns << 6, apdu)));
    ns ^= 1;
    const out: number[] = [];
    for (;;) {
      if (reply[7] !== 0) throw new Error(`reader failed: ${hex(reply.slice(0, 10))}`);
      const block = reply.slice(10);
      if (block[1] & 0x80) throw new Error(`unexpected block ${hex(block)}`);
      out.push(...block.slice(3, 3 + block[2]));
      expect ^= 1;
      if (!(block[1] & 0x20)) return Uint8Array.from(out);
      reply = await exchange(d, msg(XFR, 0, seq++, [0, 0, 0], blk(0, 0x80 | (expect << 4))));
    }
  };
}

describe('reader doubles with the virtual My Number card inside', () => {
  it('SCR3310-NTTCom: power on gives the card ATR; IFSD 252; the auth certificate reads the same as from the card itself', async () => {
    const d = createVirtualReader('scr3310-nttcom', createVirtualMyNumberCard());
    await ready(d);
    const atr = await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(atr.slice(10))).toBe(hex(KNOWN_CONTACT_ATRS['jpki-02']));
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('00 c1 01 fc 3c'))))).toBe('80 05 00 00 00 00 02 00 00 00 00 e1 01 fc 1c');
    const transmit = t1Host(d);
    expect(hex(await transmit(SELECT_JPKI))).toBe('90 00');
    expect(hex(await transmit(SELECT_AUTH_CERT))).toBe('90 00');

    const direct = createVirtualMyNumberCard();
    await direct.transmit(SELECT_JPKI);
    await direct.transmit(SELECT_AUTH_CERT);
    for (let offset = 0; offset < 2048; offset += 256) {
      const read = Uint8Array.of(0x00, 0xb0, offset >> 8, offset & 0xff, 0x00);
      const viaReader = await transmit(read);
      expect(hex(viaReader)).toBe(hex(await direct.transmit(read)));
      if (viaReader.length < 258) break;
    }
  });

  it('class0b-extended (claim allowed): an extended READ BINARY of the whole certificate comes back through CCID chaining', async () => {
    const d = createVirtualReader('class0b-extended', createVirtualMyNumberCard(), { allowProtectedClasses: true });
    await ready(d);
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex((await exchange(d, msg(XFR, 0, 2, [0, 0, 0], SELECT_JPKI))).slice(10))).toBe('90 00');
    expect(hex((await exchange(d, msg(XFR, 0, 3, [0, 0, 0], SELECT_AUTH_CERT))).slice(10))).toBe('90 00');
    const read = bytes('00 b0 00 00 00 08 00');
    let reply = await exchange(d, msg(XFR, 0, 4, [0, 0, 0], read));
    const got: number[] = [...reply.slice(10)];
    let seq = 5;
    while (reply[9] === 0x01 || reply[9] === 0x03) {
      reply = await exchange(d, msg(XFR, 0, seq++, [0, 0x10, 0]));
      got.push(...reply.slice(10));
    }
    const direct = createVirtualMyNumberCard();
    await direct.transmit(SELECT_JPKI);
    await direct.transmit(SELECT_AUTH_CERT);
    expect(hex(Uint8Array.from(got))).toBe(hex(await direct.transmit(read)));
    expect(got.length).toBeGreaterThan(261);
  });

  it('follows the virtual card when it is taken out and put back (its `removed` flag)', async () => {
    const card = createVirtualMyNumberCard();
    const d = createVirtualReader('scr3310-nttcom', card);
    await ready(d);
    expect(hex(await readInterrupt(d))).toBe('50 03');
    await exchange(d, msg(POWER_ON, 0, 1));
    card.removed = true;
    expect(hex(await readInterrupt(d))).toBe('50 02');
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT_JPKI))))).toBe('80 00 00 00 00 00 02 42 fe 00');
    card.removed = false;
    expect(hex(await readInterrupt(d))).toBe('50 03');
    expect(hex((await exchange(d, msg(POWER_ON, 0, 3))).slice(10))).toBe(hex(KNOWN_CONTACT_ATRS['jpki-02']));
  });
});
