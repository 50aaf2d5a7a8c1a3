/**
 * The card-session state machine against the simulator: a FakeUsb with the SCR3310-NTTCom double
 * and a virtual card, through the real openReader/CCID/T=1/card stack. Asserts the phases, what is
 * read without a PIN, what reaches the card (the virtual card's APDU log), and that errors become
 * states the user can act on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CardSessionModel, type SessionSnapshot } from '../../../../src/app/session/card-session';
import { FakeUsb } from '../../../../src/sim/webusb/fake-usb';
import { createVirtualMyNumberCard, type VirtualCardOptions, type VirtualMyNumberCard } from '../../../../src/sim/card';
import { createVirtualReader } from '../../../../src/sim/readers';
import type { CcidReaderDouble } from '../../../../src/sim/ccid/ccid-reader-double';
import { openReader } from '../../../../src/readers';
import type { DriverOpenOptions } from '../../../../src/readers/drivers';
import type { CardReader } from '../../../../src/readers/types';
import { LensError } from '../../../../src/errors';

const open: CardSessionModel[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.detach();
});

/**
 * Every test runs on both answers a card may give to an empty VERIFY after a correct PIN: 63Cx, as a
 * real card does (tests/fixtures/real/jpki-card-behaviour-notes.txt §1, the virtual card's default), and
 * 9000, the ISO/IEC 7816-4 reading (`emptyVerify: 'ok-when-verified'`).
 */
const EMPTY_VERIFY = ['counter', 'ok-when-verified'] as const;
let emptyVerify: (typeof EMPTY_VERIFY)[number] = 'counter';

function setup(card: VirtualCardOptions | false = {}, profile: 'scr3310-nttcom' | 'class0b-extended' = 'scr3310-nttcom') {
  const virtual = card === false ? undefined : createVirtualMyNumberCard({ emptyVerify, ...card });
  const device: CcidReaderDouble = createVirtualReader(profile, virtual);
  const usb = new FakeUsb();
  usb.plug(device);
  const session = new CardSessionModel({ usb, platform: 'Linux x86_64', timeoutMs: 1500, loadDemoDevice: () => Promise.resolve(createVirtualReader('scr3310-nttcom', createVirtualMyNumberCard())) });
  open.push(session);
  return { session, usb, device, card: virtual };
}

function phases(session: CardSessionModel): string[] {
  const seen: string[] = [];
  session.subscribe((s: SessionSnapshot) => {
    if (seen.at(-1) !== s.phase) seen.push(s.phase);
  });
  return seen;
}

/** VERIFY commands that carried a PIN (the empty counter query `00 20 00 80` has no data). */
const pinVerifies = (card: VirtualMyNumberCard) => card.log.filter((e) => e.command.startsWith('00 20 00 80 '));

describe.each(EMPTY_VERIFY)('empty VERIFY after a correct PIN answers as %s', (variant) => {
  beforeEach(() => {
    emptyVerify = variant;
  });

  describe('CardSessionModel', () => {
    it('connect → reads the overview: JPKI detected by SELECT, every counter, three certificates, no PIN sent', async () => {
      const { session, card } = setup();
      const seen = phases(session);
      await session.connect();
      const s = session.value;
      expect(seen).toEqual(['connecting', 'no-card', 'reading', 'ready']);
      expect(s.reader?.productName).toMatch(/SCR3310/);
      expect(s.reader?.info.family).toBe('ccid');
      expect(s.card?.info.token.kind).toBe('my-number-card');
      expect(s.card?.pins.map((p) => [p.id, p.status?.remaining])).toEqual([
        ['jpki-auth', 3],
        ['jpki-sign', 5],
        ['kenhojo', 3],
        ['common', 3],
      ]);
      for (const kind of ['auth', 'auth-ca', 'sign-ca'] as const) expect(s.card?.certificates[kind].der?.[0]).toBe(0x30);
      expect(s.signCertificate).toBeUndefined();
      expect(pinVerifies(card!)).toEqual([]);
      expect(card!.log[0]?.command).toBe('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01'); // SELECT JPKI AP first, not an ATR guess
    });

    it('sign password: wrong one decrements, the last try needs the acknowledgement, the right one reads the sign certificate', async () => {
      const { session, card } = setup({ remaining: { sign: 2 } });
      await session.connect();
      const sign = () => session.value.card?.pins.find((p) => p.id === 'jpki-sign')?.status;
      expect(sign()?.remaining).toBe(2);
      const wrong = await session.verifySignAndRead('WRONG1', false);
      expect(wrong.ok ? 'ok' : wrong.error.code).toBe('pin-wrong');
      expect(sign()?.remaining).toBe(1);
      const unacknowledged = await session.verifySignAndRead('abc123', false);
      expect(unacknowledged.ok ? 'ok' : unacknowledged.error.code).toBe('pin-last-try-not-acknowledged');
      expect(pinVerifies(card!)).toHaveLength(1);
      const right = await session.verifySignAndRead('abc123', true); // lower case is upper-cased, as the J-LIS client does
      expect(right).toEqual({ ok: true });
      expect(sign()?.remaining).toBe(5);
      expect(session.value.signCertificate?.[0]).toBe(0x30);
      expect(pinVerifies(card!)).toHaveLength(2);
    });

    it('a blocked sign password sends no VERIFY with a PIN', async () => {
      const { session, card } = setup({ remaining: { sign: 0 } });
      await session.connect();
      expect(session.value.card?.pins.find((p) => p.id === 'jpki-sign')?.status?.blocked).toBe(true);
      const r = await session.verifySignAndRead('ABC123', true);
      expect(r.ok ? 'ok' : r.error.code).toBe('pin-blocked');
      expect(pinVerifies(card!)).toEqual([]);
    });

    it('malformed values are refused before any APDU', async () => {
      const { session, card } = setup();
      await session.connect();
      const before = card!.log.length;
      const r1 = await session.readPersonal('12a4', false);
      const r2 = await session.verifySignAndRead('AB1', false);
      expect([r1.ok ? 'ok' : r1.error.code, r2.ok ? 'ok' : r2.error.code]).toEqual(['pin-format-4-digits', 'pin-format-sign-password']);
      expect(card!.log.length).toBe(before);
    });

    it('My Number + 4 info after the 4-digit PIN, with the integrity result; cleared on request', async () => {
      const { session } = setup();
      await session.connect();
      expect(await session.readPersonal('1234', false)).toEqual({ ok: true });
      const p = session.value.personal;
      expect(p?.myNumber).toBeDefined();
      expect(p?.integrity).toBeDefined();
      session.clearPersonal();
      expect(session.value.personal).toBeUndefined();
    });

    it('PIN change: new sign password validated locally (letters and digits mixed), then changed on the card', async () => {
      const { session, card } = setup();
      await session.connect();
      const bad = await session.changePin('sign', 'ABC123', 'ONLYLETTERS', false);
      expect(bad.ok ? 'ok' : bad.error.code).toBe('pin-new-needs-letters-and-digits');
      expect(pinVerifies(card!)).toEqual([]);
      expect(await session.changePin('sign', 'ABC123', 'hayakukaettekoi4', false)).toEqual({ ok: true });
      expect(await session.verifySignAndRead('HAYAKUKAETTEKOI4', false)).toEqual({ ok: true });
    });

    it('the transcript redacts PIN bytes and personal data', async () => {
      const { session } = setup();
      await session.connect();
      await session.verifySignAndRead('ABC123', false);
      await session.readPersonal('1234', false);
      const text = JSON.stringify(session.transcript.events());
      // The VERIFY APDUs appear with their data masked; the PIN bytes appear nowhere in any layer.
      expect(text).toContain('00 20 00 80 06 ** ** ** ** ** **');
      expect(text).toContain('00 20 00 80 04 ** ** ** **');
      expect(text).not.toMatch(/41 42 43 31 32 33/i); // "ABC123"
      expect(text).not.toMatch(/00 20 00 80 04 31 32 33 34|04 31 32 33 34 [0-9a-f]{2}"/); // "1234" after its Lc
      expect(session.transcript.events().some((e) => e.redacted)).toBe(true);
    });

    it('card pulled: back to no-card with nothing kept; inserted again: read again', async () => {
      const { session, device } = setup();
      await session.connect();
      await session.readPersonal('1234', false);
      device.removeCard(0);
      await expect.poll(() => session.value.phase, { timeout: 3000 }).toBe('no-card');
      expect(session.value.card).toBeUndefined();
      expect(session.value.personal).toBeUndefined();
      device.insertCard(createVirtualMyNumberCard(), 0);
      await expect.poll(() => session.value.phase, { timeout: 3000 }).toBe('ready');
    });

    it('reader unplugged: idle with the named error, and a new connect works without reload', async () => {
      const { session, usb, device } = setup();
      await session.connect();
      usb.unplug(device);
      expect(session.value.phase).toBe('idle');
      expect(session.value.problem?.code).toBe('reader-unplugged');
      const again = createVirtualReader('scr3310-nttcom', createVirtualMyNumberCard());
      usb.plug(again);
      await session.connect();
      expect(session.value.phase).toBe('ready');
      expect(session.value.problem).toBeUndefined();
    });

    it('a class-0x0B reader picked through "my reader isn’t listed" ends in protected-class, identified, idle', async () => {
      const { session } = setup({}, 'class0b-extended');
      await session.identifyUnlisted();
      expect(session.value.phase).toBe('idle');
      expect(session.value.problem?.code).toBe('protected-class');
      expect(session.value.identified?.vidpid).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}$/);
    });

    it('the chooser cancelled: idle with no-device-selected', async () => {
      const { session, usb } = setup();
      usb.chooser = () => undefined;
      await session.connect();
      expect(session.value.phase).toBe('idle');
      expect(session.value.problem?.code).toBe('no-device-selected');
    });

    it('a granted reader reconnects on restore(); an empty reader waits for a card', async () => {
      const usb = new FakeUsb();
      usb.plug(createVirtualReader('scr3310-nttcom', undefined), { granted: true });
      const session = new CardSessionModel({ usb, timeoutMs: 1500 });
      open.push(session);
      await session.restore();
      expect(session.value.phase).toBe('no-card');
    });

    it('demo mode goes through openReader with the simulated reader and is flagged', async () => {
      const { session } = setup(false);
      await session.startDemo();
      expect(session.value.phase).toBe('ready');
      expect(session.value.reader?.demo).toBe(true);
    });
  });

  describe('card pulled mid-read', () => {
    it('ends in no-card with card-removed, and no late answer resurrects the old card', async () => {
      const { session, device } = setup({});
      const sim = device.faults;
      sim.arm('card-pulled');
      await session.connect();
      await expect.poll(() => session.value.phase, { timeout: 3000 }).toBe('no-card');
      expect(session.value.problem?.code).toBe('card-removed');
      expect(session.value.card).toBeUndefined();
    });
  });

  describe('smartphone token', () => {
    it('the auth certificate needs the auth PIN there: refused without it, read after verifyAuth', async () => {
      const { session, card } = setup({ token: 'android' });
      await session.connect();
      expect(session.value.card?.info.token.kind).toBe('android-token');
      expect(session.value.card?.certificates.auth.error?.code).toBe('pin-not-verified');
      expect(pinVerifies(card!)).toEqual([]);
      expect(await session.verifyAuth('1234', false)).toEqual({ ok: true });
      expect(session.value.card?.certificates.auth.der?.[0]).toBe(0x30);
      expect(pinVerifies(card!)).toHaveLength(1);
    });
  });

  describe('an exchange whose outcome is unknown', () => {
    /** The real reader, except that the answer to the next VERIFY with a PIN is lost after the card ran it. */
    function lossyReader(loseAnswer: { next: boolean; rereadFails?: boolean }) {
      return async (device: USBDevice, options: DriverOpenOptions): Promise<CardReader> => {
        const reader = await openReader(device, options);
        let lost = false;
        return new Proxy(reader, {
          get(target, key, receiver) {
            if (key !== 'transmit') return Reflect.get(target, key, receiver) as unknown;
            return async (apdu: Uint8Array) => {
              if (lost && loseAnswer.rereadFails) throw new LensError('t1-transmission-lost', {});
              const answer = await target.transmit(apdu);
              const verifyWithPin = apdu[1] === 0x20 && apdu.length > 5;
              if (verifyWithPin && loseAnswer.next) {
                loseAnswer.next = false;
                lost = true;
                throw new LensError('t1-transmission-lost', {});
              }
              return answer;
            };
          },
        });
      };
    }

    function lossySetup(rereadFails = false) {
      const card = createVirtualMyNumberCard({});
      const usb = new FakeUsb();
      usb.plug(createVirtualReader('scr3310-nttcom', card));
      const lose = { next: false, rereadFails };
      const session = new CardSessionModel({ usb, platform: 'Linux x86_64', timeoutMs: 1500, openReader: lossyReader(lose) });
      open.push(session);
      return { session, card, lose };
    }

    it('re-reads the counters (empty VERIFY, no try) before the dialog can be used again', async () => {
      const { session, card, lose } = lossySetup();
      await session.connect();
      const sign = () => session.value.card?.pins.find((p) => p.id === 'jpki-sign')?.status;
      expect(sign()?.remaining).toBe(5);
      lose.next = true;
      const busyDuring: (string | undefined)[] = [];
      session.subscribe((s) => busyDuring.push(s.busy));
      const r = await session.verifySignAndRead('WRONG1', false);
      expect(r.ok ? 'ok' : r.error.code).toBe('t1-transmission-lost');
      // The card counted the wrong password although its answer was lost: the screen says 4, not 5.
      expect(sign()?.remaining).toBe(4);
      expect(session.value.phase).toBe('ready');
      expect(session.value.busy).toBeUndefined();
      expect(busyDuring.slice(0, -1).every((b) => b === 'verify')).toBe(true);
      expect(pinVerifies(card)).toHaveLength(1); // the VERIFY was not re-sent
      const last = card.log.at(-1)?.command;
      expect(last).toBe('00 20 00 80'); // the re-read is the empty VERIFY
    });

    it('when the counters cannot be re-read either, the card leaves the screen until "read again"', async () => {
      const { session, card, lose } = lossySetup(true);
      await session.connect();
      lose.next = true;
      const r = await session.verifySignAndRead('WRONG1', false);
      expect(r.ok ? 'ok' : r.error.code).toBe('t1-transmission-lost');
      expect(session.value.phase).toBe('failed');
      expect(session.value.card).toBeUndefined();
      expect(session.value.problem?.code).toBe('t1-transmission-lost');
      expect(pinVerifies(card)).toHaveLength(1);
    });
  });
});
