// tests/fixtures/real/jpki-card-behaviour-notes.txt, host side: the card layer must work whichever way a card
// answers the empty VERIFY after a correct PIN (63Cx as a real card does, §1; 9000 as ISO 7816-4 reads), never
// take a 9000 as "already verified", select EFs only with P1=02 (§2) and verify both JPKI PINs with 00 20 00 80.
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/card/bytes';
import { JpkiAp } from '../../../src/card/jpki';
import { KenhojoAp } from '../../../src/card/kenhojo';
import { KenmenAp } from '../../../src/card/kenmen';
import { createVirtualMyNumberCard, PEOPLE } from '../../../src/sim';
import { ScriptedChannel, SELECT_JPKI, OK, selectEf } from './scripted-channel';

const VARIANTS = ['counter', 'ok-when-verified'] as const;
const COUNTER = '00 20 00 80';
const pinVerifies = (log: readonly { command: string }[]) => log.filter((e) => e.command.startsWith('00 20 00 80 '));

describe('§1: a 9000 to the empty VERIFY is not "verified"', () => {
  it('a card answering 9000 before any PIN: verifyPin still presents the PIN (one VERIFY with data)', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x0018), OK], [COUNTER, OK], ['00 20 00 80 04 31 32 33 34', OK]]);
    await new JpkiAp(ch).verifyPin('auth', '1234');
    expect(ch.done).toBe(true);
  });
  it('pinStatus after a 9000 carries no login flag, only the counter', async () => {
    const ch = new ScriptedChannel([[SELECT_JPKI, OK], [selectEf(0x001b), OK], [COUNTER, OK]]);
    const status = await new JpkiAp(ch).pinStatus('sign');
    expect(Object.keys(status).sort()).toEqual(['blocked', 'max', 'remaining']);
  });
});

describe.each(VARIANTS)('virtual card with emptyVerify %s', (emptyVerify) => {
  it('verify, counter, verify again, sign: every PIN entry is sent, the counter stays full, the signature checks', async () => {
    const card = createVirtualMyNumberCard({ emptyVerify });
    const ap = new JpkiAp(card);
    await ap.verifyPin('auth', '1234');
    expect(await ap.pinStatus('auth')).toEqual({ remaining: 3, max: 3, blocked: false });
    expect(card.log.at(-1)?.response).toBe(emptyVerify === 'counter' ? '63 C3' : '90 00');
    await ap.verifyPin('auth', '1234');
    expect(pinVerifies(card.log)).toHaveLength(2);
    const di = fromHex('3031300d060960864801650304020105000420' + '00'.repeat(32));
    expect((await ap.sign('auth', di)).length).toBe(256);
  });
  it('a wrong PIN after a correct one: the counter drops and the next empty VERIFY says so', async () => {
    const card = createVirtualMyNumberCard({ emptyVerify });
    const ap = new JpkiAp(card);
    await ap.verifyPin('sign', 'ABC123');
    await expect(ap.verifyPin('sign', 'WRONG1')).rejects.toMatchObject({ code: 'pin-wrong', params: { remaining: 4 } });
    expect(await ap.pinStatus('sign')).toEqual({ remaining: 4, max: 5, blocked: false });
    await expect(ap.readCertificate('sign')).rejects.toMatchObject({ code: 'pin-not-verified' });
  });
  it('入力補助 and 券面 照合番号A: verified twice, counters full (券面 limit 3, notes §4)', async () => {
    const card = createVirtualMyNumberCard({ emptyVerify });
    const kenhojo = new KenhojoAp(card);
    await kenhojo.verifyPin('1234');
    expect(await kenhojo.pinStatus()).toEqual({ remaining: 3, max: 3, blocked: false });
    const kenmen = new KenmenAp(card);
    await kenmen.verifyNumberA(PEOPLE.ordinary.myNumber);
    expect(await kenmen.numberAStatus()).toEqual({ remaining: 3, max: 3, blocked: false });
    await kenmen.verifyNumberA(PEOPLE.ordinary.myNumber);
    expect(pinVerifies(card.log)).toHaveLength(3);
  });
});

describe('§2: EF selection with P1=02 only; both JPKI PINs with 00 20 00 80', () => {
  it('everything the JPKI AP does selects EFs with 00 A4 02 0C and DFs with 00 A4 04 0C', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new JpkiAp(card);
    await ap.identify();
    await ap.allPinStatus();
    for (const k of ['auth', 'auth-ca', 'sign-ca'] as const) await ap.readCertificate(k);
    await ap.verifyPin('auth', '1234');
    await ap.verifyPin('sign', 'ABC123');
    await ap.readCertificate('sign');
    await ap.sign('sign', fromHex('3031300d060960864801650304020105000420' + '11'.repeat(32)));
    const selects = card.log.filter((e) => e.command.startsWith('00 A4'));
    expect(selects.length).toBeGreaterThan(5);
    expect(selects.every((e) => /^00 A4 0[24] 0C/.test(e.command))).toBe(true);
    const verifies = pinVerifies(card.log).map((e) => e.command.slice(0, 11));
    expect(verifies).toEqual(['00 20 00 80', '00 20 00 80']);
    // The VERIFY of each PIN follows the SELECT of its own EF (0018, then 001B).
    const beforeVerify = card.log.flatMap((e, i) => (e.command.startsWith('00 20 00 80 ') ? [card.log.slice(0, i).filter((x) => x.command.startsWith('00 A4 02')).at(-1)?.command] : []));
    expect(beforeVerify).toEqual(['00 A4 02 0C 02 00 18', '00 A4 02 0C 02 00 1B']);
  });
});
