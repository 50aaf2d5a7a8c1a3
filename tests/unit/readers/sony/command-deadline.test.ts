/**
 * The overall per-APDU deadline (src/readers/command-deadline.ts) through both Sony doubles: a card
 * that keeps asking for more time with S(WTX) ends in `timeout` at the deadline, the field goes off,
 * and the VERIFY ran exactly once.
 */
import { describe, expect, it } from 'vitest';
import { isLensError } from '../../../../src/errors';
import { fromHex } from '../../../../src/readers/isodep/bytes';
import { COMMAND_DEADLINE_WHAT } from '../../../../src/readers/command-deadline';
import { createVirtualMyNumberCard } from '../../../../src/sim';
import { sonyDoubles } from './sony-doubles';

describe.each(Object.entries(sonyDoubles))('command deadline through the %s double', (_name, d) => {
  it('S(WTX) after S(WTX) ends in timeout at the deadline: field off, VERIFY executed once, card to activate again', async () => {
    const card = createVirtualMyNumberCard();
    const device = d.make(card);
    const reader = await d.open(device, { commandDeadlineMs: 120 });
    await reader.powerOn();
    await reader.transmit(fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01'));
    const picc = device.picc!;
    // 40 requests of WTXM 1, 20 ms apart: each legal, together far beyond 120 ms.
    picc.pendingWtx.push(...Array.from({ length: 40 }, () => 1));
    picc.wtxDelayMs = 20;
    const err = await reader.transmit(fromHex('00 20 00 80 04 31 32 33 34')).catch((e: unknown) => e);
    expect(isLensError(err, 'timeout')).toBe(true);
    expect((err as { params: Record<string, unknown> }).params).toEqual({ what: COMMAND_DEADLINE_WHAT, ms: 120 });
    // cut off well before the card ran out of requests
    expect(picc.pendingWtx.length).toBeGreaterThan(10);
    expect(device.field.on).toBe(false);
    const verifies = device.picc?.executed.filter((e) => e.command[1] === 0x20) ?? [];
    expect(verifies).toHaveLength(1);
    await expect(reader.transmit(fromHex('00 A4 04 0C 02 3F 00'))).rejects.toMatchObject({ code: 'sony-card-not-activated' });
    await reader.close();
  });
});
