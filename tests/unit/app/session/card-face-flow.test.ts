/**
 * The card-face flow (card-face-flow.ts) on the session against the simulator (SCR3310 double, virtual
 * card): 照合番号B with no PIN, its counter shown and updated from the card's answer, a typing mistake
 * sent nowhere, the PIN way with the back, and the face dropped on leave and on card removal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CardSessionModel } from '../../../../src/app/session/card-session';
import { readFaceWithNumberB, readFaceWithPin, readNumberBStatus } from '../../../../src/app/session/card-face-flow';
import { FakeUsb } from '../../../../src/sim/webusb/fake-usb';
import { createVirtualMyNumberCard, type VirtualCardOptions } from '../../../../src/sim/card';
import { createVirtualReader } from '../../../../src/sim/readers';

const open: CardSessionModel[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.detach();
});

async function connected(card: VirtualCardOptions = {}) {
  const virtual = createVirtualMyNumberCard(card);
  const device = createVirtualReader('scr3310-nttcom', virtual);
  const usb = new FakeUsb();
  usb.plug(device);
  const session = new CardSessionModel({ usb, platform: 'Linux x86_64', timeoutMs: 1500 });
  open.push(session);
  await session.connect();
  return { session, card: virtual, device };
}

const printed = (day: number) => ({ birth: { calendar: 'wareki' as const, era: 'showa' as const, year: 60, month: 4, day }, expiryYear: 2035, securityCode: '1111' });
const withData = (card: { log: { command: string }[] }) => card.log.filter((e) => /^00 20 00 80 [0-9A-F]{2} /i.test(e.command));

describe('card-face flow', () => {
  it('照合番号B: counter, a wrong key (counter from the card’s answer), then the face — no PIN sent', async () => {
    const { session, card } = await connected();
    expect(await readNumberBStatus(session)).toEqual({ ok: true });
    expect(session.value.faceKeyB).toMatchObject({ remaining: 3 });
    const wrong = await readFaceWithNumberB(session, printed(2), false);
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('pin-wrong');
    expect(session.value.faceKeyB).toMatchObject({ remaining: 2 });
    expect(await readFaceWithNumberB(session, printed(1), false)).toEqual({ ok: true });
    expect(session.value.face?.via).toBe('number-b');
    expect(session.value.face?.face.signature.status).toBe('unknown-ca'); // not the demo: synthetic CA untrusted
    expect(session.value.face?.back).toBeUndefined();
    expect(session.value.faceKeyB).toMatchObject({ remaining: 3 });
    expect(withData(card).map((e) => e.command.slice(0, 14))).toEqual(['00 20 00 80 0E', '00 20 00 80 0E']);
  });
  it('a typing mistake is returned at once and nothing reaches the card', async () => {
    const { session, card } = await connected();
    const before = card.log.length;
    const r = await readFaceWithNumberB(session, { ...printed(1), securityCode: '11a1' }, false);
    expect(r.ok ? 'ok' : `${r.error.code}:${String(r.error.params.field)}`).toBe('card-key-b-invalid:securityCode');
    expect(card.log.length).toBe(before);
  });
  it('the PIN way: 4 info, the face and the back, each signature reported; the kenhojo counter back at 3', async () => {
    const { session, card } = await connected({ remaining: { kenhojo: 2 } });
    expect(await readFaceWithPin(session, '1234', false)).toEqual({ ok: true });
    const s = session.value;
    expect(s.personal?.myNumber.value).toBe(card.person.myNumber);
    expect(s.face?.via).toBe('number-a');
    expect(s.face?.back?.image?.format).toBe('png');
    expect(s.face?.back?.signature.status).toBe('unknown-ca');
    expect(s.card?.pins.find((p) => p.id === 'kenhojo')?.status?.remaining).toBe(3);
  });
  it('the demo trusts the synthetic CA (valid-test), like the JPKI-TEST roots', async () => {
    const usb = new FakeUsb();
    const session = new CardSessionModel({ usb, platform: 'Linux x86_64', timeoutMs: 1500, loadDemoDevice: () => Promise.resolve(createVirtualReader('scr3310-nttcom', createVirtualMyNumberCard())) });
    open.push(session);
    await session.startDemo();
    expect(await readFaceWithNumberB(session, printed(1), false)).toEqual({ ok: true });
    expect(session.value.face?.face.signature.status).toBe('valid-test');
  });
  it('dropped by clearPersonal and by a card removal', async () => {
    const { session, device } = await connected();
    await readFaceWithNumberB(session, printed(1), false);
    session.clearPersonal();
    expect(session.value.face).toBeUndefined();
    expect(session.value.faceKeyB).toBeUndefined();
    await readFaceWithNumberB(session, printed(1), false);
    expect(session.value.face).toBeDefined();
    device.removeCard(0);
    await expect.poll(() => session.value.phase, { timeout: 3000 }).toBe('no-card');
    expect(session.value.face).toBeUndefined();
  });
});
