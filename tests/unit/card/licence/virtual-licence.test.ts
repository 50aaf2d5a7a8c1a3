/**
 * The host side (src/card/licence) against the independently written virtual licence (src/sim/licence,
 * helper "licsim", from the same reference): every holder read end to end and compared with the
 * holder's own data, and every PIN edge — DPIN, wrong, last try, blocked — on the card's counters.
 * A shared misreading of jpki-card.md §9 would have to be made twice, independently, to pass here.
 */
import { describe, expect, it } from 'vitest';
import { DriversLicenceAp, MynaLicenceAp } from '../../../../src/card/licence';
import { recogniseCard } from '../../../../src/card/recognise';
import { createVirtualDriversLicence, createVirtualMyNumberCard } from '../../../../src/sim';
import { LICENCE_HOLDERS, LICENCE_HOLDER_IDS } from '../../../../src/sim/licence/holders';

const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
/** The sim's holder texts write 外字n as `{n}` and 欠字 as `{欠}`; the host's plain text shows 〓. */
const plain = (s: string) => s.replace(/\{[0-9欠]\}/g, '〓');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe('every virtual holder, read end to end', () => {
  for (const id of LICENCE_HOLDER_IDS) {
    it(`${id}`, async () => {
      const h = LICENCE_HOLDERS[id];
      const card = createVirtualDriversLicence({ holder: id });
      expect(await recogniseCard(card)).toBe('licence');
      const ap = new DriversLicenceAp(card);
      const common = await ap.readCommon();
      expect(common).toMatchObject({ specVersion: h.specVersion, issued: iso(h.issued), expires: iso(h.expiry) });
      expect(await ap.pinSetting()).toBe(h.pinSet);
      expect(await ap.pinStatus(1)).toEqual({ remaining: 3, max: 3, blocked: false });
      const v1 = await ap.verifyPin(1, h.pinSet ? '1234' : '');
      expect(v1.usedDpin).toBe(!h.pinSet);
      const e = await ap.readEntries();
      expect(e.name.text).toBe(plain(h.name));
      expect(e.address?.text).toBe(plain(h.address));
      expect(e.birthDate?.iso).toBe(iso(h.birth));
      expect(e.issueDate?.iso).toBe(iso(h.issued));
      expect(e.expiry?.iso).toBe(iso(h.expiry));
      expect(e.referenceNumber).toBe(h.referenceNumber);
      expect(e.number).toBe(h.number);
      expect(e.colour?.text.text).toBe(h.colour);
      expect(e.colour?.kind).toBe(h.colour === '優良' ? 'excellent' : h.colour === '新規' ? 'new' : 'other');
      expect(e.conditions).toEqual(h.conditions.map(plain));
      expect(e.authority?.text).toBe(plain(h.authority));
      expect(e.nameKana?.text ?? '').toBe(h.kana);
      expect(e.commonName?.text ?? '').toBe(plain(h.alias));
      expect(e.unifiedNameKana?.text ?? '').toBe(h.unifiedName);
      const held = Object.fromEntries(e.classes.filter((c) => c.held).map((c) => [c.name, c.since?.iso]));
      expect(held).toEqual(Object.fromEntries(Object.entries(h.classes).map(([k, d]) => [k, iso(d)])));
      expect(e.unknownTags).toEqual([]);
      // Every 外字 the text uses has its glyph from EF03.
      const used = [e.name, e.address].flatMap((t) => t?.segments ?? []).filter((s) => s.kind === 'gaiji');
      for (const s of used) expect(e.glyphs.some((g) => s.kind === 'gaiji' && g.index === s.index && g.dots.some((d) => d === 1))).toBe(true);

      const back = await ap.readChanges();
      expect(back.changes.map((c) => [c.date?.iso, c.value?.text, c.authority?.text])).toEqual(
        h.changes.filter((c) => c.kind !== 'domicile').map((c) => [iso(c.date), plain(c.value), c.authority]),
      );
      const sig = await ap.readSignature();
      expect(sig.verdict).toBe('not-verifiable-here');
      expect(sig.signatureLength).toBe(256);

      // 本籍 and the photo need PIN2 as well.
      expect(await codeOf(ap.readDomicile())).toBe('pin-not-verified');
      await ap.verifyPin(2, h.pinSet ? '5678' : '');
      const dom = await ap.readDomicile();
      expect(dom.domicile.text).toBe(plain(h.domicile));
      expect(dom.changes.map((c) => c.value?.text)).toEqual(h.changes.filter((c) => c.kind === 'domicile').map((c) => plain(c.value)));
      const photo = await ap.readPhoto();
      expect([photo[0], photo[1]]).toEqual([0xff, 0x4f]);
    });
  }
});

describe('PIN edges on the virtual licence', () => {
  const verifies = (card: ReturnType<typeof createVirtualDriversLicence>) => card.log.filter((l) => /^00 20 00 8[12] 04/i.test(l.command)).length;

  it('wrong PIN: the card counts down, the error says how many are left', async () => {
    const card = createVirtualDriversLicence();
    const ap = new DriversLicenceAp(card);
    const err = await ap.verifyPin(1, '0000').catch((e: { code: string; params: Record<string, unknown> }) => e);
    expect(err).toMatchObject({ code: 'licence-pin-wrong', params: { remaining: 2 } });
    expect(await ap.pinStatus(1)).toMatchObject({ remaining: 2 });
    expect(await codeOf(ap.readEntries())).toBe('pin-not-verified');
  });

  it('last try: nothing sent without acknowledgement; with it, a wrong PIN blocks; then nothing is sent again', async () => {
    const card = createVirtualDriversLicence({ remaining: { pin1: 1 } });
    const ap = new DriversLicenceAp(card);
    expect(await codeOf(ap.verifyPin(1, '0000'))).toBe('licence-pin-last-try-not-acknowledged');
    expect(verifies(card)).toBe(0);
    expect(await codeOf(ap.verifyPin(1, '0000', { acknowledgeLastTry: true }))).toBe('licence-pin-blocked');
    expect(verifies(card)).toBe(1);
    expect((await ap.pinStatus(1)).blocked).toBe(true);
    expect(await codeOf(ap.verifyPin(1, '1234', { acknowledgeLastTry: true }))).toBe('licence-pin-blocked');
    expect(verifies(card)).toBe(1);
  });

  it('last try acknowledged with the right PIN: read, counter back to 3', async () => {
    const card = createVirtualDriversLicence({ remaining: { pin2: 1 } });
    const ap = new DriversLicenceAp(card);
    await ap.verifyPin(1, '1234');
    await ap.verifyPin(2, '5678', { acknowledgeLastTry: true });
    expect(await ap.pinStatus(2)).toMatchObject({ remaining: 3 });
    expect((await ap.readDomicile()).domicile.text.length).toBeGreaterThan(0);
  });

  it('blocked answered 63C0 instead of 6984 is blocked too', async () => {
    const card = createVirtualDriversLicence({ remaining: { pin1: 0 }, blockedAnswer: '63C0' });
    const ap = new DriversLicenceAp(card);
    expect((await ap.pinStatus(1)).blocked).toBe(true);
    expect(await codeOf(ap.verifyPin(1, '1234', { acknowledgeLastTry: true }))).toBe('licence-pin-blocked');
    expect(verifies(card)).toBe(0);
  });

  it('DPIN: no PIN set — an empty value presents ****, a typed one is refused unsent', async () => {
    const card = createVirtualDriversLicence({ holder: 'no-pin' });
    const ap = new DriversLicenceAp(card);
    expect(await codeOf(ap.verifyPin(1, '1234'))).toBe('licence-pin-not-set');
    expect(verifies(card)).toBe(0);
    expect(await ap.verifyPin(1, '')).toEqual({ usedDpin: true });
    expect(await ap.pinStatus(1)).toMatchObject({ remaining: 3 });
  });

  it('a device that returns at most 400 bytes per read, with and without extended length', async () => {
    for (const extendedLength of [true, false]) {
      const card = createVirtualDriversLicence({ holder: 'all-classes', readLimit: 400, extendedLength });
      const ap = new DriversLicenceAp(card);
      await ap.verifyPin(1, '1234');
      expect((await ap.readEntries()).conditions).toHaveLength(4);
    }
  });

  it('contactless ATR: still recognised by SELECT, not by ATR', async () => {
    const card = createVirtualDriversLicence({ interface: 'contactless' });
    expect(card.atr[0]).toBe(0x3b);
    expect(await recogniseCard(card)).toBe('licence');
  });
});

describe('マイナ免許証 on the virtual My Number card', () => {
  it('instance found, counter 10, PIN, 免許情報 with its expiry', async () => {
    const card = createVirtualMyNumberCard({ licence: true });
    expect(await recogniseCard(card)).toBe('jpki');
    const ap = new MynaLicenceAp(card);
    expect(await ap.isPresent()).toBe(true);
    expect(await ap.pinSetting()).toBe(true);
    expect(await ap.pinStatus()).toEqual({ remaining: 10, max: 10, blocked: false });
    expect(await codeOf(ap.readLicenceInfo())).toBe('pin-not-verified');
    await ap.verifyPin('1234');
    const info = await ap.readLicenceInfo();
    expect(info.expiry?.iso).toBe(iso(LICENCE_HOLDERS.standard.expiry));
    expect(info.fields.map((f) => f.tag)).toEqual(['C2', 'C3', 'C5']);
  });

  it('a plain My Number card has no instance', async () => {
    expect(await new MynaLicenceAp(createVirtualMyNumberCard()).isPresent()).toBe(false);
  });
});
