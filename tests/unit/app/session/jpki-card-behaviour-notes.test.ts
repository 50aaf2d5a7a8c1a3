// tests/fixtures/real/jpki-card-behaviour-notes.txt §1 at app level: whether the card answers the empty VERIFY
// after a correct PIN with 63Cx (a real card, OpenSC PR #959) or 9000 (ISO 7816-4), the session shows the same
// counters, asks for the PIN every time it needs it, and a re-read of the counters after a correct PIN (what
// "read again" and the unknown-outcome recovery do) does not make any step skip its VERIFY.
// (card-session.test.ts runs all session flows on both answers as well.)
import { afterEach, describe, expect, it } from 'vitest';
import { CardSessionModel } from '../../../../src/app/session/card-session';
import { FakeUsb } from '../../../../src/sim/webusb/fake-usb';
import { createVirtualMyNumberCard } from '../../../../src/sim/card';
import { createVirtualReader } from '../../../../src/sim/readers';

const open: CardSessionModel[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.detach();
});

describe.each(['counter', 'ok-when-verified'] as const)('emptyVerify %s', (emptyVerify) => {
  it('sign password twice, read again, auth PIN, 入力補助 PIN: each step presents its PIN; counters shown full', async () => {
    const card = createVirtualMyNumberCard({ emptyVerify });
    const usb = new FakeUsb();
    usb.plug(createVirtualReader('scr3310-nttcom', card));
    const session = new CardSessionModel({ usb, platform: 'Linux x86_64', timeoutMs: 1500, loadDemoDevice: () => Promise.reject(new Error('no demo')) });
    open.push(session);
    await session.connect();
    const verifies = () => card.log.filter((e) => e.command.startsWith('00 20 00 80 ')).length;
    const counters = () => session.value.card?.pins.map((p) => p.status?.remaining);
    expect(await session.verifySignAndRead('ABC123', false)).toEqual({ ok: true });
    expect(await session.verifySignAndRead('ABC123', false)).toEqual({ ok: true });
    expect(verifies()).toBe(2);
    await session.readCard(); // counters re-read by empty VERIFY right after a correct one
    expect(counters()).toEqual([3, 5, 3, 3]);
    expect(await session.verifyAuth('1234', false)).toEqual({ ok: true });
    expect(await session.readPersonal('1234', false)).toEqual({ ok: true });
    expect(verifies()).toBe(4);
    expect(counters()).toEqual([3, 5, 3, 3]);
    expect(session.value.personal?.myNumber.value).toMatch(/^\d{12}$/);
  });
});
