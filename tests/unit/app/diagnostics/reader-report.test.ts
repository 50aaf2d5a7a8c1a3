/**
 * The reader report's rate line on a contactless reader (the RC-S380 double through the real stack):
 * the rate CardReader.contactlessRate reports and why, including the 106 kbit/s fallback; and the
 * replay tool refuses it (only CCID reports replay; tests/unit/tools/ccid-report-replay.test.ts has the
 * CCID round trip).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildReaderReport } from '../../../../src/app/diagnostics/reader-report';
import { CardSessionModel } from '../../../../src/app/session/card-session';
import { createVirtualMyNumberCard } from '../../../../src/sim/card';
import { Rcs380Double } from '../../../../src/sim/sony';
import { FakeUsb } from '../../../../src/sim/webusb/fake-usb';
import { parseReaderReport } from '../../../../tools/ccid-replay/report-file';

const sessions: CardSessionModel[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.detach();
});

async function report(silentAbove106: boolean): Promise<string> {
  const device = new Rcs380Double({ card: createVirtualMyNumberCard() });
  if (silentAbove106) device.field.conditions.add('silent-above-106');
  const usb = new FakeUsb();
  usb.plug(device);
  const session = new CardSessionModel({ usb, platform: 'Linux x86_64' });
  sessions.push(session);
  await session.connect();
  return buildReaderReport(session.value, session.transcript.events(), { now: new Date('2026-12-02T01:00:00Z'), userAgent: 't', appVersion: '0.1.0', outcome: 'worked' });
}

describe('reader report on the RC-S380 double', () => {
  it('rate: 424 kbit/s (card-and-reader); no CCID descriptor line; not replayable by the CCID tool', async () => {
    const text = await report(false);
    expect(text).toMatch(/^rate: 424 kbit\/s \(card-and-reader\)$/m);
    expect(text).toMatch(/^family: rcs380$/m);
    expect(text).toMatch(/^card interface: contactless$/m);
    expect(text).not.toContain('ccid descriptor:');
    expect(() => parseReaderReport(text)).toThrow(/only CCID/);
  });
  it('rate: 106 kbit/s (fallback-after-failure) when the card is silent above 106', async () => {
    expect(await report(true)).toMatch(/^rate: 106 kbit\/s \(fallback-after-failure\)$/m);
  });
});
