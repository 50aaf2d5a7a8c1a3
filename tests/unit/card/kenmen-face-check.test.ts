/**
 * The card-face check against the virtual card: 照合番号B with no PIN (counter first, the last-try guard,
 * blocked, nothing sent on cancel), the face signature (DF28) and the back's 個人番号 image (EF 0005),
 * each checked against the AP's CVC — genuine, tampered (one byte of the name image) and corrupt photo.
 */
import { describe, expect, it } from 'vitest';
import { PEOPLE, createVirtualMyNumberCard, verificationCodeB, type VirtualMyNumberCard } from '../../../src/sim';
import { KenhojoAp } from '../../../src/card/kenhojo';
import { KenmenAp, cardFaceKeyB } from '../../../src/card/kenmen';
import { cvcKeyIdLabel } from '../../../src/card/cvc';

const p = PEOPLE.ordinary;
const KEY_B = cardFaceKeyB({ birth: { calendar: 'wareki', era: 'showa', year: 60, month: 4, day: 1 }, expiryYear: 2035, securityCode: p.securityCode });
const verifies = (card: VirtualMyNumberCard) => card.log.filter((e) => /^00 20 00 80 0E \*\*/i.test(e.command));
const trust = { trustTestKeys: true } as const;

describe('照合番号B on the virtual card (no PIN)', () => {
  it('the composed key is the card’s', () => {
    expect(KEY_B).toBe(verificationCodeB(p));
  });
  it('counter first, then one VERIFY of 14 digits, then the face with a verified signature', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new KenmenAp(card);
    expect(await ap.numberBStatus()).toMatchObject({ remaining: 3, blocked: false });
    await ap.verifyNumberB(KEY_B);
    expect(verifies(card)).toHaveLength(1);
    const face = await ap.readFace(trust);
    expect(face.birthDate?.raw).toBe(p.birthDate);
    expect(face.signature.status).toBe('valid-test');
    expect(cvcKeyIdLabel(face.signature.caKeyId ?? '')).toBe('TEST023/001');
    // No PIN was presented anywhere: the only VERIFY with data went to EF 0012.
    expect(card.log.filter((e) => /^00 20 00 80 [0-9A-F]{2} \*\*/i.test(e.command))).toHaveLength(1);
  });
  it('without the test switch the synthetic CA is unknown — data still checked against the card key', async () => {
    const ap = new KenmenAp(createVirtualMyNumberCard());
    await ap.verifyNumberB(KEY_B);
    expect((await ap.readFace()).signature).toMatchObject({ status: 'unknown-ca' });
  });
  it('a wrong key costs one try and says how many are left', async () => {
    const card = createVirtualMyNumberCard();
    const ap = new KenmenAp(card);
    await expect(ap.verifyNumberB('60040120351112')).rejects.toMatchObject({ code: 'pin-wrong', params: { pin: 'kenmen-b', remaining: 2 } });
    expect(card.pinStatus('kenkakuB')?.remaining).toBe(2);
  });
  it('nearly exhausted: refused without the acknowledgement (nothing sent), accepted with it', async () => {
    const card = createVirtualMyNumberCard({ remaining: { kenkakuB: 1 } });
    const ap = new KenmenAp(card);
    expect(await ap.numberBStatus()).toMatchObject({ remaining: 1 });
    await expect(ap.verifyNumberB(KEY_B)).rejects.toMatchObject({ code: 'pin-last-try-not-acknowledged' });
    expect(verifies(card)).toHaveLength(0);
    await ap.verifyNumberB(KEY_B, { acknowledgeLastTry: true });
    expect(verifies(card)).toHaveLength(1);
  });
  it('blocked: reported, nothing presented', async () => {
    const card = createVirtualMyNumberCard({ remaining: { kenkakuB: 0 } });
    const ap = new KenmenAp(card);
    expect(await ap.numberBStatus()).toMatchObject({ blocked: true });
    await expect(ap.verifyNumberB(KEY_B, { acknowledgeLastTry: true })).rejects.toMatchObject({ code: 'pin-blocked', params: { pin: 'kenmen-b' } });
    expect(verifies(card)).toHaveLength(0);
  });
  it('cancelled before sending: nothing goes to the card', async () => {
    const card = createVirtualMyNumberCard();
    const ac = new AbortController();
    ac.abort();
    await expect(new KenmenAp(card).verifyNumberB(KEY_B, { signal: ac.signal })).rejects.toMatchObject({ code: 'pin-cancelled' });
    expect(card.log).toHaveLength(0);
  });
  it('a malformed key is refused locally', async () => {
    const card = createVirtualMyNumberCard();
    await expect(new KenmenAp(card).verifyNumberB('6004012035111')).rejects.toMatchObject({ code: 'pin-format-14-digits' });
    expect(card.log).toHaveLength(0);
  });
  it('照合番号B does not open the 個人番号 image (EF 0005)', async () => {
    const ap = new KenmenAp(createVirtualMyNumberCard());
    await ap.verifyNumberB(KEY_B);
    await expect(ap.readMyNumberImage(trust)).rejects.toMatchObject({ code: 'pin-not-verified', params: { pin: 'kenmen-a' } });
  });
});

describe('signatures of the face and of the back', () => {
  it('tampered face (one byte of the name image): "does not match", the data part', async () => {
    const ap = new KenmenAp(createVirtualMyNumberCard({ face: 'tampered' }));
    await ap.verifyNumberB(KEY_B);
    const face = await ap.readFace(trust);
    expect(face.signature).toMatchObject({ status: 'invalid', part: 'data' });
    expect(face.nameImage?.format).toBe('png');
    // Tampering is found without trusting any CA.
    const ap2 = new KenmenAp(createVirtualMyNumberCard({ face: 'tampered' }));
    await ap2.verifyNumberB(KEY_B);
    expect((await ap2.readFace()).signature).toMatchObject({ status: 'invalid', part: 'data' });
  });
  it('corrupt photo: the face still reads and its signature holds (the photo decoder reports the damage)', async () => {
    const genuine = new KenmenAp(createVirtualMyNumberCard());
    await genuine.verifyNumberB(KEY_B);
    const good = await genuine.readFace(trust);
    const ap = new KenmenAp(createVirtualMyNumberCard({ face: 'corrupt-photo' }));
    await ap.verifyNumberB(KEY_B);
    const face = await ap.readFace(trust);
    expect(face.signature.status).toBe('valid-test');
    expect(face.photo?.bytes.length).toBeLessThan(good.photo?.bytes.length ?? 0);
  });
  it('照合番号A (the 個人番号 from the 入力補助AP), then the back: the 個人番号 image with its signature', async () => {
    const card = createVirtualMyNumberCard();
    const kenhojo = new KenhojoAp(card);
    await kenhojo.verifyPin('1234');
    const all = await kenhojo.readAll(trust);
    expect(all.integrity.issuerSignature).toMatchObject({ status: 'valid-test' });
    expect(cvcKeyIdLabel(all.integrity.issuerSignature.caKeyId ?? '')).toBe('TEST033/001');
    const ap = new KenmenAp(card);
    await ap.verifyNumberA(all.myNumber.value);
    const back = await ap.readMyNumberImage(trust);
    expect(back.image?.format).toBe('png');
    expect(back.signature.status).toBe('valid-test');
    expect((await ap.readFace(trust)).signature.status).toBe('valid-test');
  });
});
