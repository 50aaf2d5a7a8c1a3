// Round trip of the reader report (src/app/diagnostics/reader-report.ts) and its replay tool
// (tools/ccid-report-to-test.ts, tools/ccid-replay/): a session on the SCR3310-NTTCom double → the report
// → the replay through the host passes, byte for byte; the report holds neither the PIN nor the sign
// certificate's personal data; a host that writes different bytes is caught at the first divergence.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CardSessionModel } from '../../../src/app/session/card-session';
import { buildReaderReport, readerReportFileName } from '../../../src/app/diagnostics/reader-report';
import { FakeUsb } from '../../../src/sim/webusb/fake-usb';
import { createVirtualMyNumberCard, PEOPLE } from '../../../src/sim/card';
import { createVirtualReader } from '../../../src/sim/readers';
import { parseReaderReport } from '../../../tools/ccid-replay/report-file';
import { replayReaderReport } from '../../../tools/ccid-replay/replay';
import { generateReplay } from '../../../tools/ccid-report-to-test';

const open: CardSessionModel[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.detach();
});

async function sessionReport(outcome: 'worked' | 'failed', withPins: boolean): Promise<string> {
  const usb = new FakeUsb();
  usb.plug(createVirtualReader('scr3310-nttcom', createVirtualMyNumberCard()));
  const session = new CardSessionModel({ usb, platform: 'Linux x86_64', timeoutMs: 1500, loadDemoDevice: () => Promise.reject(new Error('no demo')) });
  open.push(session);
  await session.connect();
  if (withPins) {
    expect(await session.verifySignAndRead('ABC123', false)).toEqual({ ok: true });
    expect(await session.readPersonal('1234', false)).toEqual({ ok: true });
  }
  return buildReaderReport(session.value, session.transcript.events(), { now: new Date('2026-12-02T01:30:00Z'), userAgent: 'vitest', appVersion: '0.1.0', outcome });
}

const utf8Hex = (s: string) => Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join(' ');

describe('reader report → replay test, on the SCR3310-NTTCom double', () => {
  it('the report names reader, descriptor, ATR, app version, rate and exchange level', async () => {
    const text = await sessionReport('worked', false);
    const r = parseReaderReport(text);
    expect(r.fields).toMatchObject({ outcome: 'worked', usb: '04E6:511A', family: 'ccid', 'exchange level': 'tpdu', app: 'JPKI Lens 0.1.0' });
    expect(r.fields.rate).toMatch(/^T=1, bmFindexDindex 13 \(Fi 372, Di 4, \d+ bit\/s at \d+ kHz\)$/);
    expect(r.ccidDescriptor).toHaveLength(54);
    expect(r.fields.atr).toBe('3b da 13 ff 81 31 fb 46 80 12 39 2f 31 c1 73 c6 01 c0 3b');
    expect(readerReportFileName(new Date('2026-12-02T01:30:00Z'), 'worked')).toBe('jpki-lens-reader-report-worked-2026-12-02T0130Z.txt');
  });

  it('a session without PINs replays completely: every CCID message and every APDU answer as recorded', async () => {
    const r = await replayReaderReport(await sessionReport('worked', false));
    expect(r.divergence).toBeUndefined();
    expect(r.report.cut).toBe('end of transcript');
    expect(r.atr).toBe(r.report.fields.atr);
    expect(r.apdus.length).toBeGreaterThan(20);
    for (const a of r.apdus) expect(a.got, a.command).toBe(a.recorded);
    expect([r.played, r.total]).toEqual([r.total, r.report.steps.length]);
  });

  it('with the sign password and the 入力補助 PIN: no PIN, no personal data in the report; the replay stops at the first redacted exchange', async () => {
    const text = await sessionReport('failed', true);
    const p = PEOPLE.ordinary;
    // The PINs inside their VERIFY (at APDU, T=1 and CCID level the command bytes run on into the PIN);
    // '31 32 33 34' alone also occurs in the public auth certificate, so the VERIFY context is what counts.
    for (const secret of ['ABC123', '20 00 80 06 41 42 43 31 32 33', '20 00 80 04 31 32 33 34', utf8Hex(p.name), utf8Hex(p.myNumber), p.myNumber, utf8Hex(p.address).slice(0, 30)]) {
      expect(text).not.toContain(secret);
    }
    const r = await replayReaderReport(text);
    expect(r.report.cut).toMatch(/^first redacted event: .* apdu +>> 00 20 00 80 06 \*\*/);
    expect(r.divergence).toBeUndefined();
    expect(r.played).toBe(r.total);
    for (const a of r.apdus) expect(a.got, a.command).toBe(a.recorded);
  });

  it('a recording the host does not match is caught at the first differing CCID message', async () => {
    const text = (await sessionReport('worked', false)).replace(/(ccid {4}>> 6f 13 00 00 00 00 )(\w\w)/, (_m, head: string, seq: string) => `${head}${((parseInt(seq, 16) + 1) & 0xff).toString(16).padStart(2, '0')}`);
    const r = await replayReaderReport(text, { timeoutMs: 200 });
    expect(r.divergence).toMatch(/^message \d+: recorded 6f 13 .* the host wrote 6f 13/);
  });

  it('the tool writes the fixture and a test that replays it (the test source is what the suite runs)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const reportPath = join(dir, 'my-reader.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(reportPath, await sessionReport('worked', false));
    const out = generateReplay(reportPath, dir, 'SCR3310 on my PC');
    expect(out.name).toBe('scr3310-on-my-pc');
    expect(readFileSync(out.fixturePath, 'utf8')).toBe(readFileSync(reportPath, 'utf8'));
    expect(out.testSource).toContain("new URL('../../../../fixtures/reader-reports/scr3310-on-my-pc.txt', import.meta.url)");
    expect(out.testSource).toContain('expect(r.divergence).toBeUndefined()');
  });

  it('refuses what it cannot replay: another file, a contactless reader', () => {
    expect(() => parseReaderReport('JPKI Lens diagnostics report\n')).toThrow(/not a reader report/);
    expect(() => parseReaderReport('JPKI Lens reader report v1\nfamily: rcs380\n')).toThrow(/only CCID/);
  });
});
