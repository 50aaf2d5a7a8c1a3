/**
 * The key-use flow model against the simulator (demo mode: the JPKI-TEST roots are trusted): the login
 * proof with a wrong PIN then the right one (PKCS#1 v1.5 + PSS), signing a chosen file, verifying the
 * result, the kit's acceptance check, and what is dropped when the card goes away or the screen is left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CardSessionModel } from '../../../../src/app/session/card-session';
import { SignFlowModel } from '../../../../src/app/session/sign-flow';
import { createVirtualMyNumberCard } from '../../../../src/sim/card';
import { createVirtualReader } from '../../../../src/sim/readers';
import { FakeUsb } from '../../../../src/sim/webusb/fake-usb';

const open: CardSessionModel[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.detach();
});

async function demo() {
  const card = createVirtualMyNumberCard();
  const session = new CardSessionModel({ usb: new FakeUsb(), platform: 'Linux x86_64', timeoutMs: 3000, loadDemoDevice: () => Promise.resolve(createVirtualReader('scr3310-nttcom', card)) });
  open.push(session);
  await session.startDemo();
  expect(session.value.phase).toBe('ready');
  return { session, card, flow: new SignFlowModel(session) };
}

describe('SignFlowModel', () => {
  it('login proof: a wrong PIN is reported (counter shown), the right one proves PKCS#1 v1.5 and PSS; the JPKI login is ended', async () => {
    const { session, card, flow } = await demo();
    const wrong = await flow.proveLogin('9999', false, true);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'pin-wrong' } });
    expect(session.value.card?.pins.find((p) => p.id === 'jpki-auth')?.status?.remaining).toBe(2);
    expect(flow.value.proof).toBeUndefined();
    const right = await flow.proveLogin('1234', false, true);
    expect(right).toEqual({ ok: true });
    expect(flow.value.proof?.attempts.map((a) => [a.scheme, a.proof?.valid])).toEqual([['pkcs1-v1_5', true], ['pss', true]]);
    expect(flow.value.proof?.chain?.status).toBe('valid');
    expect(session.value.card?.pins.find((p) => p.id === 'jpki-auth')?.status?.remaining).toBe(3);
    expect(card.log.filter((l) => l.command.startsWith('00 20 00 80 04'))).toHaveLength(2);
    // Logged out afterwards: the last command is a re-SELECT of the JPKI AP.
    expect(card.log.at(-1)?.command).toBe('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
  });

  it('sign a chosen file, verify the .p7s, then leaving the screen drops everything', async () => {
    const { flow } = await demo();
    const file = new File([new TextEncoder().encode('flow test content\n')], 'note.txt', { type: 'text/plain' });
    await flow.chooseFile(file);
    expect(flow.value.sign.digest).toHaveLength(32);
    expect(await flow.signChosen('abc123', false)).toEqual({ ok: true });
    expect(flow.value.sign.p7s?.length).toBeGreaterThan(1000);
    flow.useOwnSignature();
    expect(flow.value.verify.signature?.name).toBe('note.txt.p7s');
    await flow.verify();
    expect(flow.value.verify.result).toMatchObject({ signatureValid: true, problems: [] });
    expect(flow.value.verify.result?.chain?.status).toBe('valid');
    flow.clear();
    expect(flow.value).toEqual({ sign: {}, verify: {}, kit: {} });
  });

  it('signing needs a hashed file first; a wrong password leaves no .p7s', async () => {
    const { flow } = await demo();
    expect(await flow.signChosen('ABC123', false)).toMatchObject({ ok: false, error: { code: 'sign-no-file' } });
    await flow.chooseFile(new File(['x'], 'x.txt'));
    expect(await flow.signChosen('WRONG1', false)).toMatchObject({ ok: false, error: { code: 'pin-wrong' } });
    expect(flow.value.sign.p7s).toBeUndefined();
  });

  it("the kit's check of the card's auth certificate (demo: accepted); the proof and .p7s go when the card does", async () => {
    const { session, flow } = await demo();
    await flow.checkCertificate('card');
    expect(flow.value.kit.acceptance?.accepted).toBe(true);
    await flow.proveLogin('1234', false, false);
    await flow.chooseFile(new File(['y'], 'y.txt'));
    await flow.signChosen('ABC123', false);
    expect(flow.value.sign.p7s).toBeDefined();
    await session.disconnect();
    expect(flow.value.proof).toBeUndefined();
    expect(flow.value.sign.p7s).toBeUndefined();
    expect(flow.value.sign.file?.name).toBe('y.txt');
  });
});
