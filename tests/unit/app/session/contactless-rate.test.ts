/**
 * Issue 13 item 7 at the app layer: the session snapshot and the diagnostics report say which
 * contactless rate the card was read at and why, through the real stack and the RC-S380 double
 * (with the "card silent above 106" condition for the fallback), and the "always 106 kbit/s"
 * setting is remembered in storage like the language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../../../src/app/diagnostics/report';
import { CardSessionModel, type SessionDeps } from '../../../../src/app/session/card-session';
import { ContactlessRateSetting, FORCE_106_STORAGE_KEY } from '../../../../src/app/state/contactless-rate-setting';
import { createVirtualMyNumberCard } from '../../../../src/sim/card';
import type { RfCondition } from '../../../../src/sim/picc';
import { Rcs380Double } from '../../../../src/sim/sony';
import { FakeUsb } from '../../../../src/sim/webusb/fake-usb';

const sessions: CardSessionModel[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.detach();
});

const ctx = { now: new Date('2026-01-02T03:04:05Z'), userAgent: 'test-agent', appVersion: 'JPKI Lens test' };

async function connected(conditions: RfCondition[], deps: Partial<SessionDeps> = {}) {
  const device = new Rcs380Double({ card: createVirtualMyNumberCard() });
  for (const c of conditions) device.field.conditions.add(c);
  const usb = new FakeUsb();
  usb.plug(device);
  const session = new CardSessionModel({ usb, platform: 'Linux x86_64', ...deps });
  sessions.push(session);
  await session.connect();
  expect(session.value.phase).toBe('ready');
  return { session, device, report: () => buildReport(session.value, session.transcript.events(), ctx) };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

describe('the contactless rate in the session and the diagnostics report', () => {
  it('no fault: 424 kbit/s, card-and-reader', async () => {
    const { session, report } = await connected([]);
    expect(session.value.reader?.contactlessRate).toEqual({ kbps: 424, reason: 'card-and-reader' });
    expect(report()).toContain('contactless rate: 424 kbit/s (card-and-reader)');
  });

  it('card silent above 106: the card is read at 106 and the report says it fell back', async () => {
    const { session, report } = await connected(['silent-above-106']);
    expect(session.value.card?.certificates.auth.der?.[0]).toBe(0x30);
    expect(session.value.reader?.contactlessRate).toEqual({ kbps: 106, reason: 'fallback-after-failure' });
    const text = report();
    expect(text).toContain('contactless rate: 106 kbit/s (fallback-after-failure)');
    expect(text).toContain('first exchange at 424/424 kbit/s failed (isodep-no-response): activating again at 106 kbit/s for this session');
  });

  it('the user setting is asked at each activation: user-setting, then back to 424 on the next read', async () => {
    const setting = new ContactlessRateSetting(() => memoryStorage());
    setting.set(true);
    const { session, report } = await connected([], { contactlessMaxRate: setting.maxRate });
    expect(session.value.reader?.contactlessRate).toEqual({ kbps: 106, reason: 'user-setting' });
    expect(report()).toContain('contactless rate: 106 kbit/s (user-setting)');
    setting.set(false);
    await session.readCard();
    expect(session.value.reader?.contactlessRate).toEqual({ kbps: 424, reason: 'card-and-reader' });
  });

  it('a contact reader has no contactless rate line', async () => {
    const { session } = await connected([]);
    const contact = { ...session.value, reader: { ...session.value.reader!, info: { ...session.value.reader!.info, cardInterface: 'contact' as const } } };
    expect(buildReport(contact, [], ctx)).not.toContain('contactless rate');
  });
});

describe('the "always 106 kbit/s" setting is remembered like the language', () => {
  it('off by default; on is stored as 1 under its key and read back by a new page; off removes it', () => {
    const storage = memoryStorage();
    const first = new ContactlessRateSetting(() => storage);
    expect(first.force106).toBe(false);
    expect(first.maxRate()).toBeUndefined();
    const seen: boolean[] = [];
    first.subscribe((on) => seen.push(on));
    first.set(true);
    expect(storage.data.get(FORCE_106_STORAGE_KEY)).toBe('1');
    expect(FORCE_106_STORAGE_KEY).toBe('jpki-lens.contactless-106');
    const reloaded = new ContactlessRateSetting(() => storage);
    expect(reloaded.force106).toBe(true);
    expect(reloaded.maxRate()).toBe(106);
    reloaded.set(false);
    expect(storage.data.has(FORCE_106_STORAGE_KEY)).toBe(false);
    expect(seen).toEqual([true]);
  });

  it('storage that throws: the choice lasts for the page only', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => undefined };
    const s = new ContactlessRateSetting(() => broken);
    expect(s.force106).toBe(false);
    s.set(true);
    expect(s.force106).toBe(true);
  });
});
