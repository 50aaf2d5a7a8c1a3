// tests/fixtures/real/rcs380-port100-init-nfcpy-issue11.log: nfcpy's log of a real RC-S380/S (054c:06c1,
// firmware 1.11) initialising, in Port-100 frames (nfcpy issue #11), replayed against the host's Port-100
// chipset. Only the test-owned script device is new here; src/readers/sony is not changed.
//  - every logged frame decodes with our frame codec and re-encodes byte for byte (LEN/LCS/DCS);
//  - Port100Chipset.init sends exactly the log's first five OUT frames and reads its answers the same way;
//  - where the host cannot be in the same situation: the sixth OUT is nfcpy's own second GetFirmwareVersion
//    (made when nfcpy's device object is built); our driver goes on to SwitchRF/InSetRF only when a card is
//    looked for, and that part is not in this excerpt. The Type B vectors at the end are nfcpy's synthetic
//    test values; they are compared with our command builders (not a replay).
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { BulkPipe } from '../../../../src/readers/sony/bulk-pipe';
import { Port100Chipset } from '../../../../src/readers/sony/rcs380/chipset';
import { IN_SET_PROTOCOL_DEFAULTS, IN_SET_PROTOCOL_TYPE_B, inCommRfParams, inSetRfTypeB } from '../../../../src/readers/sony/rcs380/commands';
import { decodeFrame, encodeFrame } from '../../../../src/readers/sony/rcs380/frames';
import { realText } from '../../helpers/real-fixtures';
import { ScriptedUsb } from './port100-script';

const LOG = realText('rcs380-port100-init-nfcpy-issue11.log');

function logScript(): { out: Uint8Array; in: Uint8Array[] }[] {
  const steps: { out: Uint8Array; in: Uint8Array[] }[] = [];
  for (const line of LOG.split('\n')) {
    const m = /^\[nfc\.clf\.transport\] (>>>|<<<) ([0-9a-f]+)$/.exec(line.trim());
    if (!m) continue;
    if (m[1] === '>>>') steps.push({ out: fromHex(m[2]), in: [] });
    else steps[steps.length - 1]?.in.push(fromHex(m[2]));
  }
  return steps;
}

const STEPS = logScript();
const context = { name: 'Sony RC-S380/S', vendorId: 0x054c, productId: 0x06c1, os: 'linux' as const };

describe('rcs380-port100-init-nfcpy-issue11.log', () => {
  it('the log: 6 OUT frames (ACK + 5 commands), every command ACKed and answered', () => {
    expect(STEPS).toHaveLength(6);
    expect(STEPS.slice(1).every((s) => s.in.length === 2)).toBe(true);
  });

  it('every frame decodes with our Port-100 codec and re-encodes byte for byte', () => {
    for (const f of STEPS.flatMap((s) => [s.out, ...s.in])) {
      const d = decodeFrame(f);
      if (d.kind === 'ack') expect(toHex(f)).toBe('00 00 FF 00 FF 00');
      else {
        expect(d.kind).toBe('data');
        if (d.kind === 'data') expect(toHex(encodeFrame(d.data))).toBe(toHex(f));
      }
    }
  });

  it('Port100Chipset.init sends exactly the first five OUT frames and reads firmware 1.11, package data 1.00', async () => {
    const usb = new ScriptedUsb(STEPS.slice(0, 5));
    const pipe = new BulkPipe(usb.asDevice(), { interfaceNumber: 0, outEndpoint: 2, inEndpoint: 1, packetSize: 64, context });
    const chipset = new Port100Chipset(pipe, { timeoutMs: 200 });
    await chipset.init();
    usb.done();
    expect([chipset.firmware, chipset.pdDataVersion]).toEqual(['1.11', '1.00']);
  });

  it('the sixth OUT is nfcpy\'s second GetFirmwareVersion, which our host does not send: the replay stops there', () => {
    const sixth = decodeFrame(STEPS[5]?.out ?? new Uint8Array());
    expect(sixth.kind === 'data' ? toHex(sixth.data) : sixth.kind).toBe('D6 20');
  });

  it('nfcpy\'s (synthetic) Type B set-up vectors equal our command builders', () => {
    const vector = (name: string) => {
      const m = new RegExp(`D6 (\\w\\w) ([0-9a-f ]+?)\\s+${name}`).exec(LOG);
      return m ? toHex(fromHex(m[2].replace(/\s+/g, ''))) : undefined;
    };
    expect(vector('InSetRF 106B')).toBe(toHex(inSetRfTypeB(106, 106)));
    expect(vector('InSetProtocol defaults')).toBe(toHex(IN_SET_PROTOCOL_DEFAULTS));
    expect(vector('InSetProtocol for Type B')).toBe(toHex(IN_SET_PROTOCOL_TYPE_B));
    // "InCommRF, timeout 0x0136, SENSB_REQ 05 00 10": 0x0136 = 310 × 0.1 ms = (30 + 1) × 10.
    expect(vector('InCommRF')).toBe(toHex(inCommRfParams(fromHex('05 00 10'), 30)));
  });
});
