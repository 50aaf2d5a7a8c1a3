/**
 * The RC-S380 double at the wire, without the host driver: it must answer the real RC-S380 log's
 * commands with the log's bytes, and speak Port-100 Type B the way nfcpy's tests script it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rcs380Double } from '../../../../src/sim/sony';
import { createVirtualMyNumberCard } from '../../../../src/sim';

const LOG = readFileSync(new URL('../../readers/sony/fixtures/rcs380-port100-felica-nfcpy.log', import.meta.url), 'utf8');
const h = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g) ?? [], (x) => parseInt(x, 16));
const x = (b: Uint8Array) => Array.from(b, (v) => v.toString(16).padStart(2, '0')).join('');
function frame(hex: string): Uint8Array<ArrayBuffer> {
  const d = h(hex);
  const len = [d.length & 0xff, d.length >> 8];
  return Uint8Array.of(0, 0, 0xff, 0xff, 0xff, ...len, (0x100 - ((len[0] + len[1]) & 0xff)) & 0xff, ...d, (0x100 - (d.reduce((a, b) => a + b, 0) & 0xff)) & 0xff, 0);
}

async function ready(d: Rcs380Double) {
  await d.open();
  await d.selectConfiguration(1);
  await d.claimInterface(0);
}

/** Write one frame on EP 2 and read `n` messages from EP 1 (a message ends at a short packet). */
async function exchange(d: Rcs380Double, out: Uint8Array<ArrayBuffer>, n = 2): Promise<string[]> {
  await d.transferOut(2, out);
  const got: string[] = [];
  for (let i = 0; i < n; i++) {
    let msg = '';
    for (;;) {
      const r = await d.transferIn(1, 64);
      const part = new Uint8Array(r.data!.buffer);
      msg += x(part);
      if (part.length < 64) break;
    }
    got.push(msg);
  }
  return got;
}

describe('RC-S380 double vs the real RC-S380 log', () => {
  it('answers SetCommandType, GetFirmwareVersion, GetPDDataVersion, SwitchRF, InSetRF and InSetProtocol with the log\'s bytes', async () => {
    const d = new Rcs380Double();
    await ready(d);
    const lines = LOG.split('\n').map((l) => /(>>>|<<<) ([0-9a-f]+)$/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    let checked = 0;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i][1] !== '>>>' || lines[i][2] === '0000ff00ff00') continue;
      const expected = [];
      for (let j = i + 1; j < lines.length && lines[j][1] === '<<<'; j++) expected.push(lines[j][2]);
      if (lines[i][2].includes('d604')) continue; // InCommRF: a FeliCa poll, and this field holds no FeliCa card
      expect(await exchange(d, h(lines[i][2]), expected.length)).toEqual(expected);
      checked++;
    }
    expect(checked).toBe(8);
  });

  it('reports a receive time-out when polled for FeliCa (no FeliCa card in its field)', async () => {
    const d = new Rcs380Double({ card: createVirtualMyNumberCard() });
    await ready(d);
    await exchange(d, frame('d6 00 01010f01'));
    expect(await exchange(d, frame('d6 04 6e00 0600ffff0100'))).toEqual(['0000ff00ff00', x(frame('d7 05 80000000'))]);
  });
});

describe('RC-S380 double: Port-100 Type B (nfcpy test_clf_rcs380.py sense_ttb values)', () => {
  it('answers SENSB_REQ with the ATQB once set for Type B, and not before', async () => {
    const d = new Rcs380Double({ card: createVirtualMyNumberCard() });
    await ready(d);
    await exchange(d, frame('d6 00 03070f07'));
    expect((await exchange(d, frame('d6 04 3601 050010')))[1]).toBe(x(frame('d7 05 80000000')));
    await exchange(d, frame('d6 02 00180101020103000400050006000708080009000a000b000c000e040f001000110012001306'));
    await exchange(d, frame('d6 02 0b0109010c010a010014'));
    expect((await exchange(d, frame('d6 04 3601 050010')))[1]).toBe(x(frame('d7 05 00000000 08 503a5c019e000005e0b381a1')));
  });

  it('refuses parameters it does not know with status 01 (PARAMETER_ERROR)', async () => {
    const d = new Rcs380Double();
    await ready(d);
    expect((await exchange(d, frame('d6 00 03060f06')))[1]).toBe(x(frame('d7 01 01')));
    expect((await exchange(d, frame('d6 02 1401')))[1]).toBe(x(frame('d7 03 01')));
    expect((await exchange(d, frame('d6 06 02')))[1]).toBe(x(frame('d7 07 01')));
  });

  it('answers a frame with a bad checksum, or an unknown command, with the error frame', async () => {
    const d = new Rcs380Double();
    await ready(d);
    const bad = frame('d6 2a 01');
    bad[bad.length - 2] ^= 0xff;
    expect(await exchange(d, bad, 1)).toEqual(['0000ff01ff7f8100']);
    expect(await exchange(d, frame('d6 7e'))).toEqual(['0000ff00ff00', '0000ff01ff7f8100']);
  });

  it('takes an ACK from the host as a soft reset: nothing answers it, the next command answers normally', async () => {
    const d = new Rcs380Double({ card: createVirtualMyNumberCard() });
    await ready(d);
    await d.transferOut(2, h('0000ff00ff00'));
    expect(await exchange(d, frame('d6 22'))).toEqual(['0000ff00ff00', x(frame('d7 23 0001'))]);
  });

  it('is held by the port100 module when asked to be (claim refused), and refuses writes once unplugged', async () => {
    const held = new Rcs380Double({ heldByOsDriver: 'claim' });
    await held.open();
    await held.selectConfiguration(1);
    await expect(held.claimInterface(0)).rejects.toMatchObject({ name: 'NetworkError' });
    const d = new Rcs380Double();
    await ready(d);
    d.unplug();
    await expect(d.transferOut(2, frame('d6 20'))).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('exposes one vendor-class interface with bulk OUT 2 and IN 1 (054C:06C3, "SONY")', () => {
    const d = new Rcs380Double();
    const alt = d.configurations[0].interfaces[0].alternate;
    expect([d.vendorId, d.productId, d.manufacturerName, alt.interfaceClass]).toEqual([0x054c, 0x06c3, 'SONY', 0xff]);
    expect(alt.endpoints.map((e) => [e.endpointNumber, e.direction])).toEqual([[2, 'out'], [1, 'in']]);
  });
});
