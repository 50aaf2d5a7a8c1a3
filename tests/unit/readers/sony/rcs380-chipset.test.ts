import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../../src/readers/isodep/bytes';
import { BulkPipe } from '../../../../src/readers/sony/bulk-pipe';
import { Port100Chipset } from '../../../../src/readers/sony/rcs380/chipset';
import { Rcs380FrontEnd } from '../../../../src/readers/sony/rcs380/driver';
import { activateTypeB } from '../../../../src/readers/isodep/activate';
import { Transcript } from '../../../../src/trace/transcript';
import { ACK, CMD, ERR, RSP, ScriptedUsb, type ScriptStep } from './port100-script';

const LOG = readFileSync(new URL('./fixtures/rcs380-port100-felica-nfcpy.log', import.meta.url), 'utf8');

/** The log as a script: each `>>>` is a step, the `<<<` lines after it its IN transfers. */
function logScript(): ScriptStep[] {
  const steps: { out: Uint8Array; in: Uint8Array[] }[] = [];
  for (const line of LOG.split('\n')) {
    const m = /(>>>|<<<) ([0-9a-f]+)$/.exec(line);
    if (!m) continue;
    if (m[1] === '>>>') steps.push({ out: fromHex(m[2]), in: [] });
    else steps[steps.length - 1].in.push(fromHex(m[2]));
  }
  return steps;
}

const context = { name: 'Sony RC-S380/P', vendorId: 0x054c, productId: 0x06c3, os: 'linux' as const };
function chipsetOn(script: readonly ScriptStep[], transcript?: Transcript) {
  const usb = new ScriptedUsb(script);
  const pipe = new BulkPipe(usb.asDevice(), { interfaceNumber: 0, outEndpoint: 2, inEndpoint: 1, packetSize: 64, context, transcript });
  return { usb, chipset: new Port100Chipset(pipe, { timeoutMs: 200, transcript }) };
}

const INIT: ScriptStep[] = [
  { out: ACK() },
  { out: CMD('2a 01'), in: [ACK(), RSP('2b 00')] },
  { out: CMD('20'), in: [ACK(), RSP('21 1101')] },
  { out: CMD('22'), in: [ACK(), RSP('23 0001')] },
  { out: CMD('06 00'), in: [ACK(), RSP('07 00')] },
];

describe('Port-100 initialisation against the real RC-S380 log', () => {
  it('sends exactly the log\'s first frames (ACK, SetCommandType 01, GetFirmwareVersion, GetPDDataVersion, SwitchRF 00)', async () => {
    const prefix = logScript().slice(0, 5);
    const { usb, chipset } = chipsetOn(prefix);
    await chipset.init();
    usb.done();
    expect(chipset.firmware).toBe('1.11');
    expect(chipset.pdDataVersion).toBe('1.00');
    // and the nfcpy test fixture (test_clf_rcs380.py `chipset`) is the same sequence
    expect(prefix.map((s) => toHex(s.out ?? []))).toEqual(INIT.map((s) => toHex(s.out ?? [])));
  });

  it('clears a leftover answer from a killed session before the first command (nfcpy reads with 10 ms)', async () => {
    const transcript = new Transcript();
    const { usb, chipset } = chipsetOn([{ out: ACK(), in: [RSP('05 80000000')] }, ...INIT.slice(1)], transcript);
    await chipset.init();
    usb.done();
    expect(transcript.events().some((e) => e.note?.startsWith('cleared leftover'))).toBe(true);
  });

  it('then sets up Type B exactly as nfcpy sense_ttb (test_sense_ttb_with_tt4_target_found) and activates', async () => {
    const sensbRes = '50E8253EEC00000011008185';
    const { usb, chipset } = chipsetOn([
      ...INIT,
      { out: CMD('06 00'), in: [ACK(), RSP('07 00')] },
      { out: CMD('00 03070f07'), in: [ACK(), RSP('01 00')] },
      { out: CMD('02 00180101020103000400050006000708 080009000a000b000c000e040f001000 110012001306'), in: [ACK(), RSP('03 00')] },
      { out: CMD('02 0b0109010c010a010014'), in: [ACK(), RSP('03 00')] },
      { out: CMD('04 3601050010'), in: [ACK(), RSP(`05 00000000 08 ${sensbRes}`)] },
      // ATTRIB as nfcpy tt4.py Type4BTag: 1D PUPI 00 08 01 00; FWI 8 → FWT 77.3 + 3.6 ms → (81+1)×10 = 0x0334
      { out: CMD('04 3403 1DE8253EEC00080100'), in: [ACK(), RSP('05 00000000 08 00')] },
      { out: CMD('04 3403 0200A4040C023F00'), in: [ACK(), RSP('05 00000000 08 029000')] },
    ]);
    await chipset.init();
    const fe = new Rcs380FrontEnd(chipset, {} as USBDevice, 0);
    await fe.startTypeB();
    const session = await activateTypeB(fe.link);
    expect(toHex(session.atr)).toBe('3B 88 80 01 00 00 00 11 00 81 85 00 1C');
    expect(toHex(await session.initiator.exchange(fromHex('00A4040C023F00')))).toBe('90 00');
    usb.done();
  });

  it('switches to 424 kbit/s after ATTRIB when the card offers it: InSetRF 03090f09, protocol again', async () => {
    const { usb, chipset } = chipsetOn([
      ...INIT,
      { out: CMD('06 00'), in: [ACK(), RSP('07 00')] },
      { out: CMD('00 03070f07'), in: [ACK(), RSP('01 00')] },
      { out: CMD('02 00180101020103000400050006000708 080009000a000b000c000e040f001000 110012001306'), in: [ACK(), RSP('03 00')] },
      { out: CMD('02 0b0109010c010a010014'), in: [ACK(), RSP('03 00')] },
      { out: CMD('04 3601050010'), in: [ACK(), RSP('05 00000000 08 503A5C019E000005E0B381A1')] },
      // FWI 10: FWT 309.3 + 3.6 ms → (313 + 1) × 10 = 0x0C44
      { out: CMD('04 440C 1D3A5C019E00A80100'), in: [ACK(), RSP('05 00000000 08 00')] },
      { out: CMD('00 03090f09'), in: [ACK(), RSP('01 00')] },
      { out: CMD('02 00180101020103000400050006000708 080009000a000b000c000e040f001000 110012001306'), in: [ACK(), RSP('03 00')] },
      { out: CMD('02 0b0109010c010a010014'), in: [ACK(), RSP('03 00')] },
    ]);
    await chipset.init();
    const fe = new Rcs380FrontEnd(chipset, {} as USBDevice, 0);
    await fe.startTypeB();
    const s = await activateTypeB(fe.link);
    expect(s.rates).toEqual({ pcdToPicc: 424, piccToPcd: 424 });
    usb.done();
  });
});

describe('Port-100 command failures', () => {
  it('a non-zero status byte is port100-status-error with its nfcpy name', async () => {
    const { chipset } = chipsetOn([{ out: CMD('00 03070f07'), in: [ACK(), RSP('01 01')] }]);
    await expect(chipset.inSetRf(106, 106)).rejects.toMatchObject({ code: 'port100-status-error', params: { command: 'InSetRF', status: 'PARAMETER_ERROR' } });
  });

  it('a data frame where the ACK belongs is port100-no-ack; an error frame is port100-error-frame', async () => {
    const a = chipsetOn([{ out: CMD('06 01'), in: [RSP('07 00')] }]);
    await expect(a.chipset.switchRf(true)).rejects.toMatchObject({ code: 'port100-no-ack' });
    const b = chipsetOn([{ out: CMD('06 01'), in: [ACK(), ERR()] }]);
    await expect(b.chipset.switchRf(true)).rejects.toMatchObject({ code: 'port100-error-frame' });
  });

  it('the wrong answer code is port100-unexpected-response (test_send_command_invalid_response_code)', async () => {
    const { chipset } = chipsetOn([{ out: CMD('06 01'), in: [ACK(), RSP('01 00')] }]);
    await expect(chipset.switchRf(true)).rejects.toMatchObject({ code: 'port100-unexpected-response', params: { got: 'D7 01' } });
  });

  it('a silent reader times out; the command is cancelled with an ACK (port100.c port100_abort_cmd)', async () => {
    const { usb, chipset } = chipsetOn([{ out: CMD('06 01'), in: [ACK()] }, { out: ACK() }]);
    await expect(chipset.switchRf(true)).rejects.toMatchObject({ code: 'timeout' });
    usb.done();
  });

  it('a corrupted frame from the reader is port100-bad-frame', async () => {
    const bad = RSP('07 00');
    bad[bad.length - 2] ^= 1;
    const { chipset } = chipsetOn([{ out: CMD('06 01'), in: [ACK(), bad] }]);
    await expect(chipset.switchRf(true)).rejects.toMatchObject({ code: 'port100-bad-frame' });
  });

  it('reads a 300-byte answer that spans five 64-byte packets', async () => {
    const frame = '02' + '5A'.repeat(250) + '9000';
    const { chipset } = chipsetOn([{ out: CMD(`04 3403 02${'00'.repeat(10)}`), in: [ACK(), RSP(`05 00000000 08 ${frame}`)] }]);
    expect(toHex(await chipset.inCommRf(fromHex(`02${'00'.repeat(10)}`), 81), '')).toBe(frame);
  });

  it('shuts down as nfcpy Chipset.close: SwitchRF 00, then an ACK (test_close)', async () => {
    const { usb, chipset } = chipsetOn([{ out: CMD('06 00'), in: [ACK(), RSP('07 00')] }, { out: ACK() }]);
    await chipset.shutdown();
    usb.done();
  });
});
