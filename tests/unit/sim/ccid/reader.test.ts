import { describe, expect, it } from 'vitest';
import { blk, bytes, FILE_2K, hex, TestCard, TEST_ATR } from '../t1/test-card';
import { ABORT, ESCAPE, exchange, GET_PARAMS, ICC_CLOCK, msg, openReader, POWER_OFF, POWER_ON, readInterrupt, readMessage, RESET_PARAMS, SET_PARAMS, SET_RATE, SLOT_STATUS, XFR } from './harness';

const ATR_HEX = hex(TEST_ATR);
const SELECT = [0x00, 0xa4, 0x04, 0x0c, 0x02, 0x3f, 0x00];

describe('CCID device side: slot and power (CCID Rev 1.10 §6.1.1–§6.1.3)', () => {
  it('IccPowerOn → DataBlock with the card ATR, bSeq echoed', async () => {
    const { d } = await openReader();
    expect(hex(await exchange(d, msg(POWER_ON, 0, 0x07)))).toBe(`80 13 00 00 00 00 07 00 00 00 ${ATR_HEX}`);
  });

  it('every IccPowerOn resets the card and answers with the ATR reset() returns (ISO/IEC 7816-3 §6.2)', async () => {
    const resetAtr = Uint8Array.from([0x3b, 0x80, 0x80, 0x01, 0x01]);
    class ResettableCard extends TestCard {
      resets = 0;
      reset(): Promise<Uint8Array> {
        this.resets += 1;
        return Promise.resolve(resetAtr);
      }
    }
    const card = new ResettableCard();
    const { d } = await openReader('scr3310-nttcom', card);
    expect(hex(await exchange(d, msg(POWER_ON, 0, 1)))).toBe('80 05 00 00 00 00 01 00 00 00 3b 80 80 01 01');
    expect(hex(await exchange(d, msg(POWER_ON, 0, 2)))).toBe('80 05 00 00 00 00 02 00 00 00 3b 80 80 01 01'); // warm
    await exchange(d, msg(POWER_OFF, 0, 3));
    expect(card.resets).toBe(2);
    await exchange(d, msg(POWER_ON, 0, 4)); // cold
    expect(card.resets).toBe(3);
  });

  it('IccPowerOn without a card → ICC_MUTE with bmICCStatus 2', async () => {
    const { d } = await openReader('scr3310-nttcom', null);
    expect(hex(await exchange(d, msg(POWER_ON, 0, 1)))).toBe('80 00 00 00 00 00 01 42 fe 00');
  });

  it('IccPowerOn with a voltage the reader lacks → bError 7 (bPowerSelect)', async () => {
    const { d } = await openReader('scr331-di-nttcom'); // 5 V only
    expect(hex(await exchange(d, msg(POWER_ON, 0, 2, [2, 0, 0])))).toBe('80 00 00 00 00 00 02 41 07 00');
    expect(hex(await exchange(d, msg(POWER_ON, 0, 3, [1, 0, 0])))).toBe(`80 13 00 00 00 00 03 00 00 00 ${ATR_HEX}`);
  });

  it('GetSlotStatus follows the card: absent 02, present 01, active 00; IccPowerOff → 01', async () => {
    const { d } = await openReader('scr3310-nttcom', null);
    expect(hex(await exchange(d, msg(SLOT_STATUS, 0, 1)))).toBe('81 00 00 00 00 00 01 02 00 00');
    d.insertCard(new TestCard());
    expect(hex(await exchange(d, msg(SLOT_STATUS, 0, 2)))).toBe('81 00 00 00 00 00 02 01 00 00');
    await exchange(d, msg(POWER_ON, 0, 3));
    expect(hex(await exchange(d, msg(SLOT_STATUS, 0, 4)))).toBe('81 00 00 00 00 00 04 00 00 00');
    expect(hex(await exchange(d, msg(POWER_OFF, 0, 5)))).toBe('81 00 00 00 00 00 05 01 00 00');
  });

  it('NotifySlotChange on the interrupt endpoint: 50 03 inserted, 50 02 removed (§6.3.1)', async () => {
    const { d } = await openReader('scr3310-nttcom', null);
    d.insertCard(new TestCard());
    expect(hex(await readInterrupt(d))).toBe('50 03');
    d.removeCard();
    expect(hex(await readInterrupt(d))).toBe('50 02');
  });

  it('reports a card already present at start-up with 50 03', async () => {
    const { d } = await openReader();
    expect(hex(await readInterrupt(d))).toBe('50 03');
  });

  it('answers an unknown message type with SlotStatus, bError 0 (command not supported)', async () => {
    const { d } = await openReader();
    expect(hex(await exchange(d, msg(0x99, 0, 9)))).toBe('81 00 00 00 00 00 09 41 00 00');
    expect(hex(await exchange(d, msg(ESCAPE, 0, 10, [0, 0, 0], [0x00])))).toBe('83 00 00 00 00 00 0a 41 00 00');
  });

  it('a slot that does not exist → bError 5; a wrong dwLength → bError 1', async () => {
    const { d } = await openReader();
    expect(hex(await exchange(d, msg(SLOT_STATUS, 1, 3)))).toBe('81 00 00 00 00 01 03 42 05 00');
    const bad = msg(XFR, 0, 4, [0, 0, 0], [1, 2, 3]);
    bad[1] = 5;
    expect(hex(await exchange(d, bad))).toBe('80 00 00 00 00 00 04 41 01 00');
  });

  it('XfrBlock to an inactive card → ICC_MUTE with bmICCStatus 1', async () => {
    const { d } = await openReader();
    expect(hex(await exchange(d, msg(XFR, 0, 5, [0, 0, 0], bytes('00 c1 01 fc 3c'))))).toBe('80 00 00 00 00 00 05 41 fe 00');
  });

  it('a card that fails under a command (taken out while it runs) → ICC_MUTE with no ICC, then 50 02', async () => {
    class LeavingCard extends TestCard {
      gone = false;
      private listener: ((present: boolean) => void) | undefined;
      get removed(): boolean {
        return this.gone;
      }
      onPresenceChange(listener: (present: boolean) => void): () => void {
        this.listener = listener;
        return () => (this.listener = undefined);
      }
      override async transmit(): Promise<Uint8Array> {
        this.gone = true;
        this.listener?.(false);
        throw new Error('card removed');
      }
    }
    const { d } = await openReader('scr3310-nttcom', null);
    d.insertCard(new LeavingCard());
    expect(hex(await readInterrupt(d))).toBe('50 03');
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT))))).toBe('80 00 00 00 00 00 02 42 fe 00');
    expect(hex(await readInterrupt(d))).toBe('50 02');
  });

  it('a second command while the first runs → CMD_SLOT_BUSY (E0), then the first answer', async () => {
    const { d, card } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    card!.delayMs = 20;
    await d.transferOut(1, msg(XFR, 0, 2, [0, 0, 0], blk(0, 0, SELECT)));
    await d.transferOut(1, msg(SLOT_STATUS, 0, 3));
    expect(hex(await readMessage(d))).toBe('81 00 00 00 00 00 03 40 e0 00');
    expect(hex(await readMessage(d))).toBe(`80 06 00 00 00 00 02 00 00 00 ${hex(blk(0, 0, [0x90, 0x00]))}`);
  });
});

describe('CCID device side: parameters (§6.1.5–§6.1.7)', () => {
  it('GetParameters after power-on: T=1 values from the ATR (TA1 13 via automatic PPS, TC1 FF, TB3 46, IFSC FB)', async () => {
    const { d } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(GET_PARAMS, 0, 2)))).toBe('82 07 00 00 00 00 02 00 00 01 13 10 ff 46 00 fb 00');
  });

  it('SetParameters T=1 is taken and echoed; ResetParameters goes back to the ATR values', async () => {
    const { d } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(SET_PARAMS, 0, 2, [1, 0, 0], bytes('11 10 00 4d 00 20 00'))))).toBe('82 07 00 00 00 00 02 00 00 01 11 10 00 4d 00 20 00');
    expect(hex(await exchange(d, msg(RESET_PARAMS, 0, 3)))).toBe('82 07 00 00 00 00 03 00 00 01 13 10 ff 46 00 fb 00');
  });

  it('SetParameters: a bad field fails with bError = its offset', async () => {
    const { d } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    const cases: [number, string, number][] = [
      [1, '11 00 00 4d 00 20 00', 0x0b], // bmTCCKST1 must be 10..13
      [1, '71 10 00 4d 00 20 00', 0x0a], // Fi index 7 is RFU
      [1, '10 10 00 4d 00 20 00', 0x0a], // Di index 0 is RFU
      [1, '11 10 00 a4 00 20 00', 0x0d], // BWI 10
      [1, '11 10 00 4d 04 20 00', 0x0e], // bClockStop 4
      [1, '11 10 00 4d 00 00 00', 0x0f], // IFSC 00
      [1, '11 10 00 4d 00 ff 00', 0x0f], // IFSC FF
      [1, '11 10 00 4d 00 20 01', 0x10], // NAD ≠ 0 without the NAD feature
      [1, '11 10 00 4d 00', 0x01], // T=1 structure is 7 bytes
      [2, '11 10 00 4d 00 20 00', 0x07], // no protocol 2
      [0, '11 04 00 0a 00', 0x0b], // bmTCCKST0 only 00 or 02
    ];
    let seq = 2;
    for (const [protocol, data, offset] of cases) {
      const reply = await exchange(d, msg(SET_PARAMS, 0, seq, [protocol, 0, 0], bytes(data)));
      expect(hex(reply), data).toBe(hex(Uint8Array.of(0x82, 0, 0, 0, 0, 0, seq, 0x40, offset, 1)));
      seq++;
    }
    expect(hex(await exchange(d, msg(GET_PARAMS, 0, seq)))).toBe(`82 07 00 00 00 00 ${hex(Uint8Array.of(seq))} 00 00 01 13 10 ff 46 00 fb 00`);
  });
});

describe('CCID device side: TPDU level with T=1 (§6.1.4)', () => {
  it('carries S(IFS request) to the card and its S(IFS response) back', async () => {
    const { d } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('00 c1 01 fc 3c'))))).toBe('80 05 00 00 00 00 02 00 00 00 00 e1 01 fc 1c');
  });

  it('reads a 2 KB file with 256-byte READ BINARY after IFSD 252: one I-block of 252, R, one of 6', async () => {
    const { d } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('00 c1 01 fc 3c')));
    let seq = 3;
    let hostNs = 0;
    let cardNs = 0;
    const file: number[] = [];
    for (let offset = 0; offset < 2048; offset += 256) {
      const apdu = [0x00, 0xb0, offset >> 8, offset & 0xff, 0x00];
      const first = await exchange(d, msg(XFR, 0, seq++, [0, 0, 0], blk(0, hostNs << 6, apdu)));
      hostNs ^= 1;
      expect(hex(first.slice(0, 13))).toBe(hex(Uint8Array.of(0x80, 0x00, 0x01, 0, 0, 0, seq - 1, 0, 0, 0, 0, (cardNs << 6) | 0x20, 252)));
      cardNs ^= 1;
      const second = await exchange(d, msg(XFR, 0, seq++, [0, 0, 0], blk(0, 0x80 | (cardNs << 4))));
      expect(hex(second.slice(10))).toBe(hex(blk(0, cardNs << 6, [...FILE_2K.slice(offset + 252, offset + 256), 0x90, 0x00])));
      cardNs ^= 1;
      file.push(...first.slice(13, 13 + 252));
      file.push(...second.slice(13, 13 + 4));
    }
    expect(hex(Uint8Array.from(file))).toBe(hex(FILE_2K));
  });

  it('records each layer, with the PIN of a VERIFY masked everywhere (and scrubbed from the USB log)', async () => {
    const { d } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    const verify = blk(0, 0, [0x00, 0x20, 0x00, 0x80, 0x04, 0x31, 0x32, 0x33, 0x34]);
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], verify)))).toBe(`80 06 00 00 00 00 02 00 00 00 ${hex(blk(0, 0, [0x90, 0x00]))}`);
    const events = d.log.events();
    const layers = events.filter((e) => e.hex?.includes('00 20 00 80')).map((e) => e.layer);
    expect(layers).toEqual(['ccid', 't1', 'apdu']);
    expect(events.every((e) => !e.hex?.includes('31 32 33 34'))).toBe(true);
    expect(events.find((e) => e.layer === 'apdu' && e.dir === 'out')!.hex).toBe('00 20 00 80 04 ** ** ** **');
    expect(d.usbLog.every((t) => !hex(t.bytes).includes('31 32 33 34'))).toBe(true);
  });
});

describe('CCID device side: PPS through XfrBlock on a reader without automatic PPS (ISO/IEC 7816-3 §9)', () => {
  it('the card echoes an acceptable PPS, and the reader then runs at the new Fi/Di', async () => {
    const { d } = await openReader('gempc-twin');
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(GET_PARAMS, 0, 2)))).toBe('82 07 00 00 00 00 02 00 00 01 11 10 ff 46 00 fb 00');
    expect(hex(await exchange(d, msg(XFR, 0, 3, [0, 0, 0], bytes('ff 11 13 fd'))))).toBe('80 04 00 00 00 00 03 00 00 00 ff 11 13 fd');
    expect(hex(await exchange(d, msg(GET_PARAMS, 0, 4)))).toBe('82 07 00 00 00 00 04 00 00 01 13 10 ff 46 00 fb 00');
  });

  it('a Fi/Di the card does not offer is left out of its answer (PPS1 absent: Fd, Dd)', async () => {
    const { d } = await openReader('gempc-twin');
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('ff 11 96 78'))))).toBe('80 03 00 00 00 00 02 00 00 00 ff 01 fe');
  });

  it('an erroneous PPS gets no answer: ICC_MUTE', async () => {
    const { d } = await openReader('gempc-twin');
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('ff 11 13 00'))))).toBe('80 00 00 00 00 00 02 40 fe 00');
  });

  it('after the first exchange, FF is no PPS any more: the block goes to T=1 (and is invalid there)', async () => {
    const { d } = await openReader('gempc-twin');
    await exchange(d, msg(POWER_ON, 0, 1));
    await exchange(d, msg(XFR, 0, 2, [0, 0, 0], bytes('00 c1 01 fe 3e')));
    expect(hex(await exchange(d, msg(XFR, 0, 3, [0, 0, 0], bytes('ff 11 13 fd'))))).toBe('80 04 00 00 00 00 03 00 00 00 00 82 00 82');
  });
});

describe('CCID device side: other commands and class requests', () => {
  it('IccClock stops (bClockStatus 3) and restarts the clock on a reader with the clock-stop feature', async () => {
    const { d } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(ICC_CLOCK, 0, 2, [1, 0, 0])))).toBe('81 00 00 00 00 00 02 00 00 03');
    expect(hex(await exchange(d, msg(ICC_CLOCK, 0, 3, [0, 0, 0])))).toBe('81 00 00 00 00 00 03 00 00 00');
  });

  it('SetDataRateAndClockFrequency → DataRateAndClockFrequency with the values in force', async () => {
    const { d } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(SET_RATE, 0, 2, [0, 0, 0], bytes('c0 12 00 00 e7 4c 06 00'))))).toBe('84 08 00 00 00 00 02 00 00 00 c0 12 00 00 e7 4c 06 00');
    // 5000 kHz is not in the reader's list: nothing changes.
    expect(hex(await exchange(d, msg(SET_RATE, 0, 3, [0, 0, 0], bytes('88 13 00 00 67 32 00 00'))))).toBe('84 08 00 00 00 00 03 00 00 00 c0 12 00 00 e7 4c 06 00');
  });

  it('GET_CLOCK_FREQUENCIES and GET_DATA_RATES answer the dumped lists; the SCR331-DI stalls them', async () => {
    const { d } = await openReader();
    const req = (request: number) => ({ requestType: 'class', recipient: 'interface', request, value: 0, index: 0 }) as const;
    const clocks = await d.controlTransferIn(req(0x02), 256);
    expect(hex(new Uint8Array(clocks.data!.buffer))).toBe('a0 0f 00 00 c0 12 00 00 70 17 00 00 40 1f 00 00 e0 2e 00 00');
    const rates = await d.controlTransferIn(req(0x03), 1024);
    expect(rates.data!.byteLength).toBe(96 * 4);
    expect(rates.data!.getUint32(0, true)).toBe(10752);
    const { d: di } = await openReader('scr331-di-nttcom');
    expect((await di.controlTransferIn(req(0x03), 1024)).status).toBe('stall');
  });

  it('ABORT request then PC_to_RDR_Abort: commands in between fail with CMD_ABORTED; the Abort gets SlotStatus (§5.3.1)', async () => {
    const { d } = await openReader();
    await exchange(d, msg(POWER_ON, 0, 1));
    const abort = { requestType: 'class', recipient: 'interface', request: 0x01, value: (0x05 << 8) | 0, index: 0 } as const;
    expect((await d.controlTransferOut(abort)).status).toBe('ok');
    expect(hex(await exchange(d, msg(SLOT_STATUS, 0, 4)))).toBe('81 00 00 00 00 00 04 40 ff 00');
    expect(hex(await exchange(d, msg(ABORT, 0, 5)))).toBe('81 00 00 00 00 00 05 00 00 00');
    expect(hex(await exchange(d, msg(SLOT_STATUS, 0, 6)))).toBe('81 00 00 00 00 00 06 00 00 00');
  });

  it('PC_to_RDR_Abort first: its SlotStatus comes once the ABORT request arrives', async () => {
    const { d } = await openReader();
    await d.transferOut(1, msg(ABORT, 0, 7));
    const pending = readMessage(d);
    await d.controlTransferOut({ requestType: 'class', recipient: 'interface', request: 0x01, value: (7 << 8) | 0, index: 0 });
    expect(hex(await pending)).toBe('81 00 00 00 00 00 07 01 00 00');
  });
});

describe('SCR331-DI-NTTCom: the contactless slot (UNCONFIRMED model, see the profile)', () => {
  it('slot 1 shows no card until Escape 00 and 02, then works at short-APDU level', async () => {
    const { d } = await openReader('scr331-di-nttcom');
    d.insertCard(new TestCard(), 1);
    expect(hex(await exchange(d, msg(POWER_ON, 1, 1)))).toBe('80 00 00 00 00 01 01 42 fe 00');
    expect(hex(await exchange(d, msg(ESCAPE, 1, 2, [0, 0, 0], [0x00])))).toBe('83 0d 00 00 00 01 02 02 00 00 06 10 03 03 00 00 00 01 fe ff ff fe 01');
    expect(hex(await exchange(d, msg(ESCAPE, 1, 3, [0, 0, 0], [0x02])))).toBe('83 01 00 00 00 01 03 01 00 00 00');
    expect(hex(await exchange(d, msg(POWER_ON, 1, 4)))).toBe(`80 13 00 00 00 01 04 00 00 00 ${ATR_HEX}`);
    expect(hex(await exchange(d, msg(XFR, 1, 5, [0, 0, 0], SELECT)))).toBe('80 02 00 00 00 01 05 00 00 00 90 00');
  });

  it('NotifySlotChange carries both slots: 2 bits each', async () => {
    const { d } = await openReader('scr331-di-nttcom');
    expect(hex(await readInterrupt(d))).toBe('50 03');
    await exchange(d, msg(ESCAPE, 1, 1, [0, 0, 0], [0x00]));
    await exchange(d, msg(ESCAPE, 1, 2, [0, 0, 0], [0x02]));
    d.insertCard(new TestCard(), 1);
    expect(hex(await readInterrupt(d))).toBe('50 0d');
  });
});

describe('class-0x0B reader at extended APDU level (§6.1.4 wLevelParameter, §6.2.1 bChainParameter)', () => {
  it('a short APDU in, its response out, in one message each', async () => {
    const { d } = await openReader('class0b-extended');
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0, 0], SELECT)))).toBe('80 02 00 00 00 00 02 00 00 00 90 00');
  });

  it('a 2 KB extended READ BINARY comes back in 261-byte chunks: 01, 03 × 6, 02, each pulled with wLevelParameter 0010', async () => {
    const { d } = await openReader('class0b-extended');
    await exchange(d, msg(POWER_ON, 0, 1));
    let reply = await exchange(d, msg(XFR, 0, 2, [0, 0, 0], [0x00, 0xb0, 0x00, 0x00, 0x00, 0x08, 0x00]));
    const got: number[] = [];
    const codes: number[] = [];
    let seq = 3;
    for (;;) {
      codes.push(reply[9]);
      got.push(...reply.slice(10));
      if (reply[9] === 0x00 || reply[9] === 0x02) break;
      reply = await exchange(d, msg(XFR, 0, seq++, [0, 0x10, 0x00]));
    }
    expect(codes).toEqual([0x01, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x02]);
    expect(hex(Uint8Array.from(got))).toBe(hex(Uint8Array.from([...FILE_2K, 0x90, 0x00])));
  });

  it('a command sent in a CCID chain (01, 03, 02) is acknowledged with empty DataBlocks, bChainParameter 10', async () => {
    const { d, card } = await openReader('class0b-extended');
    await exchange(d, msg(POWER_ON, 0, 1));
    const apdu = Uint8Array.from([0x00, 0xd6, 0x00, 0x00, 0x00, 0x01, 0x2c, ...new Uint8Array(300).fill(0xab)]);
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0x01, 0], apdu.slice(0, 261))))).toBe('80 00 00 00 00 00 02 00 00 10');
    expect(hex(await exchange(d, msg(XFR, 0, 3, [0, 0x03, 0], apdu.slice(261, 300))))).toBe('80 00 00 00 00 00 03 00 00 10');
    expect(hex(await exchange(d, msg(XFR, 0, 4, [0, 0x02, 0], apdu.slice(300))))).toBe('80 02 00 00 00 00 04 00 00 00 6d 00');
    expect(hex(card!.commands.at(-1))).toBe(hex(apdu));
  });

  it('a continuation without a chain → bError 8 (wLevelParameter)', async () => {
    const { d } = await openReader('class0b-extended');
    await exchange(d, msg(POWER_ON, 0, 1));
    expect(hex(await exchange(d, msg(XFR, 0, 2, [0, 0x10, 0])))).toBe('80 00 00 00 00 00 02 40 08 00');
    expect(hex(await exchange(d, msg(XFR, 0, 3, [0, 0x02, 0], [1, 2])))).toBe('80 00 00 00 00 00 03 40 08 00');
  });
});
