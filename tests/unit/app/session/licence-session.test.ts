/**
 * The card session routes by what the SELECTs found (issue 11 item 1), and the licence model reads
 * and forgets through it: a licence, an unknown card (with its ATR), a 住基カード, a My Number card with
 * the マイナ免許証 instance — through the SCR3310 double and the real reader/card stack.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CardSessionModel } from '../../../../src/app/session/card-session';
import { LicenceSessionModel } from '../../../../src/app/session/licence-session';
import { FakeUsb } from '../../../../src/sim/webusb/fake-usb';
import { createVirtualMyNumberCard, createVirtualDriversLicence } from '../../../../src/sim';
import { createVirtualReader } from '../../../../src/sim/readers';
import type { SimCard } from '../../../../src/sim/t1/card-t1';
import { openReader } from '../../../../src/readers';
import type { DriverOpenOptions } from '../../../../src/readers/drivers';
import type { CardReader } from '../../../../src/readers/types';
import { LensError } from '../../../../src/errors';

const open: CardSessionModel[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.detach();
});

async function connected(card: SimCard) {
  const device = createVirtualReader('scr3310-nttcom', card);
  const usb = new FakeUsb();
  usb.plug(device);
  const session = new CardSessionModel({ usb, platform: 'Linux x86_64', timeoutMs: 1500 });
  open.push(session);
  await session.connect();
  return { session, device };
}

/** A T=1 card (the 住基カード's contact ATR, jpki-card.md §1.1) that answers every command 6A82: no JPKI, no licence. */
const foreign: SimCard = { atr: Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14), transmit: () => Promise.resolve(Uint8Array.of(0x6a, 0x82)) };

describe('card recognition in the session', () => {
  it('a licence: ready with the PIN-free overview and no JPKI card', async () => {
    const { session } = await connected(createVirtualDriversLicence({ holder: 'conditions' }));
    const s = session.value;
    expect(s.phase).toBe('ready');
    expect(s.card).toBeUndefined();
    expect(s.recognised?.kind).toBe('licence');
    if (s.recognised?.kind !== 'licence') return;
    expect(s.recognised.licence.common.specVersion).toBe('010');
    expect(s.recognised.licence.pin1).toEqual({ remaining: 3, max: 3, blocked: false });
  });

  it('an unknown card: ready, named unknown with its ATR (not a failure)', async () => {
    const { session } = await connected(foreign);
    expect(session.value.phase).toBe('ready');
    expect(session.value.problem?.code).toBeUndefined();
    expect(session.value.recognised).toEqual({ kind: 'unknown', atr: '3B E0 00 FF 81 31 FE 45 14' });
    expect(session.value.problem).toBeUndefined();
  });

  it('a 住基カード: the JPKI overview, recognised as juki', async () => {
    const { session } = await connected(createVirtualMyNumberCard({ token: 'juki' }));
    expect(session.value.recognised?.kind).toBe('juki');
    expect(session.value.card).toBeDefined();
  });

  it('a My Number card with the licence instance: offered, with its counter', async () => {
    const { session } = await connected(createVirtualMyNumberCard({ licence: true }));
    const r = session.value.recognised;
    expect(r?.kind).toBe('my-number');
    if (r?.kind !== 'my-number') return;
    expect(r.mynaLicence).toMatchObject({ pinSet: true, pin: { remaining: 10 } });
    const plain = await connected(createVirtualMyNumberCard());
    expect(plain.session.value.recognised).toMatchObject({ kind: 'my-number' });
    expect((plain.session.value.recognised as { mynaLicence?: unknown }).mynaLicence).toBeUndefined();
  });
});

describe('LicenceSessionModel', () => {
  it('PIN1 → entries, changes, signature; a wrong PIN2 updates the counter; PIN2 → 本籍 and photo; removal forgets', async () => {
    const licence = createVirtualDriversLicence({ holder: 'changes' });
    const { session, device } = await connected(licence);
    const model = new LicenceSessionModel(session);
    expect(await model.readWithPin1('1234', false)).toEqual({ ok: true });
    expect(model.value.entries?.name.text).toBe('見本　次郎');
    expect(model.value.changes?.changes.length).toBeGreaterThan(0);
    expect(model.value.signature?.verdict).toBe('not-verifiable-here');
    const wrong = await model.readWithPin2('0000', false);
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('licence-pin-wrong');
    expect(model.pinStatusOf(2)).toMatchObject({ remaining: 2 });
    expect(await model.readWithPin2('5678', false)).toEqual({ ok: true });
    expect(model.value.domicile?.domicile.text.length).toBeGreaterThan(0);
    expect(model.value.photo?.[0]).toBe(0xff);
    expect(model.pinStatusOf(2)).toMatchObject({ remaining: 3 });
    device.removeCard();
    await new Promise((r) => setTimeout(r, 50));
    expect(model.value).toEqual({});
  });

  it('clear() forgets; a typing mistake sends nothing', async () => {
    const licence = createVirtualDriversLicence();
    const { session } = await connected(licence);
    const model = new LicenceSessionModel(session);
    const before = licence.log.length;
    const r = await model.readWithPin1('12', false);
    expect(r.ok ? 'ok' : r.error.code).toBe('pin-format-4-digits');
    expect(licence.log.length).toBe(before);
    await model.readWithPin1('1234', false);
    model.clear();
    expect(model.value).toEqual({});
  });
});

describe('a licence VERIFY whose answer is lost', () => {
  it('the counters are read again (no try spent) and show what the card counted', async () => {
    const licence = createVirtualDriversLicence();
    const usb = new FakeUsb();
    usb.plug(createVirtualReader('scr3310-nttcom', licence));
    let loseNext = false;
    const session = new CardSessionModel({
      usb,
      platform: 'Linux x86_64',
      timeoutMs: 1500,
      openReader: async (device: USBDevice, options: DriverOpenOptions): Promise<CardReader> => {
        const reader = await openReader(device, options);
        return new Proxy(reader, {
          get(target, key, receiver) {
            if (key !== 'transmit') return Reflect.get(target, key, receiver) as unknown;
            return async (apdu: Uint8Array) => {
              const answer = await target.transmit(apdu);
              if (loseNext && apdu[1] === 0x20 && apdu.length > 5) {
                loseNext = false;
                throw new LensError('t1-transmission-lost', {});
              }
              return answer;
            };
          },
        });
      },
    });
    open.push(session);
    await session.connect();
    const model = new LicenceSessionModel(session);
    loseNext = true;
    const r = await model.readWithPin1('0000', false);
    expect(r.ok ? 'ok' : r.error.code).toBe('t1-transmission-lost');
    // The card ran the wrong VERIFY (3 → 2); the screen learns it from the empty VERIFY, not a guess.
    expect(model.pinStatusOf(1)).toMatchObject({ remaining: 2 });
    expect(licence.log.filter((l) => /^00 20 00 81 04/i.test(l.command))).toHaveLength(1);
  });
});
