/** The マイナ免許証 variant of the virtual My Number card (jpki-card.md §9.4). */
import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVirtualMyNumberCard } from '../../../../src/sim';
import { fromBase64 } from '../../../../src/sim/card/bytes';
import { mynaLicenceInfo } from '../../../../src/sim/licence/myna-instance';
import { LICENCE_SIGNER_SPKI } from '../../../../src/sim/licence/signatures.generated';
import { h, tlvs, x } from './helpers';

const SELECT_INSTANCE = '00 A4 04 0C 10 A0 00 00 02 31 06 00 00 00 00 00 00 00 00 00 00';
const run = async (card: ReturnType<typeof createVirtualMyNumberCard>, apdu: string) => x(await card.transmit(h(apdu)));

describe('My Number card with the licence instance', () => {
  it('only the instance AID selects; the ELF and module AIDs give 6A82; a plain card has no instance', async () => {
    const card = createVirtualMyNumberCard({ licence: true });
    expect(await run(card, '00 A4 04 0C 10 A0 00 00 02 31 04 00 00 00 00 00 00 00 00 00 00')).toBe('6A 82');
    expect(await run(card, '00 A4 04 0C 10 A0 00 00 02 31 05 00 00 00 00 00 00 00 00 00 00')).toBe('6A 82');
    expect(await run(card, SELECT_INSTANCE)).toBe('90 00');
    expect(card.selectedApplication).toBe('licence');
    expect(await run(createVirtualMyNumberCard(), SELECT_INSTANCE)).toBe('6A 82');
    // the JPKI-AP is still there
    expect(await run(card, '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')).toBe('90 00');
  });

  it('PIN setting by SFI 1A (C1 01 01), the counter 63CA by SFI 6, the 別添3-1 erratum 00 20 00 82 → 6A82', async () => {
    const card = createVirtualMyNumberCard({ licence: true });
    await run(card, SELECT_INSTANCE);
    expect(await run(card, '00 B0 9A 00 03')).toBe('C1 01 01 90 00');
    expect(await run(card, '00 20 00 86')).toBe('63 CA');
    expect(await run(card, '00 20 00 82')).toBe('6A 82');
    expect(await run(card, '00 A4 02 0C 02 00 1B')).toBe('90 00');
    expect(await run(card, '00 B0 00 00 10')).toBe('69 82');
  });

  it('after the PIN: 免許情報 C2 00 C3 00 C5 07 <有効期限> and the 001C signature (synthetic) over it', async () => {
    const card = createVirtualMyNumberCard({ licence: { holder: 'standard' } });
    await run(card, SELECT_INSTANCE);
    expect(await run(card, '00 20 00 86 04 31 32 33 34')).toBe('90 00');
    // 有効期間の末日 of `standard`: 2029-07-15 = 令和11年7月15日
    expect(await run(card, '00 B0 9B 00 0D')).toBe('C2 00 C3 00 C5 07 35 31 31 30 37 31 35 90 00');
    const res = await card.transmit(h('00 B0 9C 00 00 02 42'));
    const fields = tlvs(res.slice(0, -2));
    expect(fields.map((f) => f.tag)).toEqual([0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6]);
    const key = createPublicKey({ key: Buffer.from(fromBase64(LICENCE_SIGNER_SPKI)), format: 'der', type: 'spki' });
    expect(verify('sha256', mynaLicenceInfo({ holder: 'standard' }), key, Buffer.from(fields[0].value))).toBe(true);
  });

  it('PIN edges with 10 tries: wrong → 63C9 … last try → blocked 6984; options set the counter and the era encoding', async () => {
    const card = createVirtualMyNumberCard({ licence: { remaining: 2 } });
    await run(card, SELECT_INSTANCE);
    expect(await run(card, '00 20 00 86')).toBe('63 C2');
    expect(await run(card, '00 20 00 86 04 30 30 30 30')).toBe('63 C1');
    expect(await run(card, '00 20 00 86 04 30 30 30 30')).toBe('63 C0');
    expect(await run(card, '00 20 00 86 04 31 32 33 34')).toBe('69 84');
    expect(card.pinStatus('licence')).toEqual({ remaining: 0, max: 10, blocked: true });
    const binary = createVirtualMyNumberCard({ licence: { expiryEra: 'binary' } });
    await run(binary, SELECT_INSTANCE);
    await run(binary, '00 20 00 86 04 31 32 33 34');
    expect(await run(binary, '00 B0 9B 06 01')).toBe('05 90 00');
  });

  it('PIN not set: C1 01 00 and the DPIN ****', async () => {
    const card = createVirtualMyNumberCard({ licence: { pinSet: false } });
    await run(card, SELECT_INSTANCE);
    expect(await run(card, '00 B0 9A 00 03')).toBe('C1 01 00 90 00');
    expect(await run(card, '00 20 00 86 04 2A 2A 2A 2A')).toBe('90 00');
  });
});
