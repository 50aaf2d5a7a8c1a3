/**
 * The diagnostics report after every flow that handles secrets, through the real stack and the
 * SCR3310 double: it names the reader, descriptor and ATR, keeps the APDU transcript, and holds no
 * PIN (neither as text nor as the bytes a VERIFY carries) and none of the personal data read
 * (個人番号, name, address, the sign certificate's bytes).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CardSessionModel } from '../../../../src/app/session/card-session';
import { buildReport, eventLine } from '../../../../src/app/diagnostics/report';
import { FakeUsb } from '../../../../src/sim/webusb/fake-usb';
import { createVirtualMyNumberCard } from '../../../../src/sim/card';
import { createVirtualReader } from '../../../../src/sim/readers';

const sessions: CardSessionModel[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.detach();
});

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
const ctx = { now: new Date('2026-01-02T03:04:05Z'), userAgent: 'test-agent', appVersion: 'JPKI Lens test' };

async function afterAllFlows() {
  const card = createVirtualMyNumberCard({ remaining: { sign: 3 } });
  const usb = new FakeUsb();
  usb.plug(createVirtualReader('scr3310-nttcom', card));
  const session = new CardSessionModel({ usb, platform: 'Linux x86_64', timeoutMs: 1500 });
  sessions.push(session);
  await session.connect();
  expect((await session.verifySignAndRead('WRONG9', false)).ok).toBe(false);
  expect(await session.verifySignAndRead('ABC123', false)).toEqual({ ok: true });
  expect(await session.readPersonal('1234', false)).toEqual({ ok: true });
  expect(await session.changePin('sign', 'ABC123', 'HANABI2026', false)).toEqual({ ok: true });
  const s = session.value;
  return { session, card, s, report: buildReport(s, session.transcript.events(), ctx) };
}

describe('diagnostics report', () => {
  it('names the reader, its descriptor, the ATR and every counter, and keeps the transcript', async () => {
    const { report, s } = await afterAllFlows();
    expect(report).toContain('usb: 04E6:511A');
    expect(report).toContain('exchange level: tpdu');
    expect(report).toContain('"maxMessageLength"');
    expect(report).toContain(`atr: ${hex(s.card!.atr)}`);
    expect(report).toContain('pin jpki-sign: 5/5');
    expect(report).toContain('00 a4 04 0c 0a d3 92 f0 00 26 01 00 00 00 01'); // SELECT JPKI AP
    expect(report).toMatch(/\[redacted: \d+ bytes\]/);
  });

  it('holds no PIN, old or new, as text or as VERIFY/CHANGE bytes', async () => {
    const { report } = await afterAllFlows();
    for (const pin of ['WRONG9', 'ABC123', 'HANABI2026']) {
      const bytes = hex(new TextEncoder().encode(pin));
      expect(report).not.toContain(pin);
      expect(report.toLowerCase()).not.toContain(bytes);
    }
    // 1234: its VERIFY encoding (Lc 04 then the digits) in any layer.
    expect(report).not.toContain('04 31 32 33 34');
    expect(report).toContain('00 20 00 80 06 ** ** ** ** ** **');
  });

  it('holds none of the personal data read', async () => {
    const { report, s, card } = await afterAllFlows();
    const p = s.personal!;
    expect(report).not.toContain(p.myNumber.value);
    expect(report).not.toContain(hex(new TextEncoder().encode(p.myNumber.value)));
    expect(report).not.toContain(hex(new TextEncoder().encode(p.basicInfo.name)));
    expect(report).not.toContain(hex(new TextEncoder().encode(p.basicInfo.address)));
    expect(card.person.myNumber).toBe(p.myNumber.value);
    // 48 bytes from the middle of the sign certificate (its SubjectAltName region) appear nowhere.
    const sign = s.signCertificate!;
    const mid = sign.subarray(Math.floor(sign.length / 2), Math.floor(sign.length / 2) + 48);
    expect(report).not.toContain(hex(mid));
  });

  it('formats events: bytes, redacted payloads, notes', () => {
    expect(eventLine({ t: 5, layer: 'apdu', dir: 'out', hex: '00 a4', length: 2 })).toBe('     5 ms apdu    >> 00 a4');
    expect(eventLine({ t: 12, layer: 'ccid', dir: 'in', length: 20, redacted: true })).toBe('    12 ms ccid    << [redacted: 20 bytes]');
    expect(eventLine({ t: 0, layer: 'app', dir: 'note', note: 'card inserted' })).toBe('     0 ms app     -- card inserted');
  });

  it('says so when nothing is connected', () => {
    const report = buildReport({ phase: 'idle' }, [], ctx);
    expect(report).toContain('(none connected)');
    expect(report).toContain('(no card read)');
    expect(report).toContain('created: 2026-01-02T03:04:05.000Z');
  });
});
