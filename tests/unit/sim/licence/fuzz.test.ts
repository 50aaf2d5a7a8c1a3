/**
 * The virtual licence and the マイナ免許証 instance answer any command with a status word and never
 * throw (a host-side bug must show as an SW, not as a crashed simulator), and random traffic never
 * reads a protected EF without its PIN.
 */
import { describe, expect, it } from 'vitest';
import { createVirtualDriversLicence, createVirtualMyNumberCard } from '../../../../src/sim';
import { prng } from '../../helpers/prng';
import { h } from './helpers';

const HEADS = ['00 A4 00 00', '00 A4 04 0C', '00 A4 02 0C', '00 B0', '00 20 00', '00 A4 04 0C 10 A0 00 00 02 31'];

function randomApdu(next: () => number): Uint8Array {
  const len = Math.floor(next() * 24);
  const bytes = Array.from({ length: len }, () => Math.floor(next() * 256));
  // half of them start like a real command so the deeper paths run too
  if (next() < 0.5) return Uint8Array.from([...h(HEADS[Math.floor(next() * HEADS.length)]), ...bytes]);
  return Uint8Array.from(bytes);
}

describe('virtual licence under random commands', () => {
  it('10,000 random APDUs: always data + SW, no PIN-protected data without a VERIFY that succeeded', async () => {
    const next = prng(0x11ce);
    const card = createVirtualDriversLicence();
    for (let i = 0; i < 10_000; i++) {
      const res = await card.transmit(randomApdu(next));
      expect(res.length).toBeGreaterThanOrEqual(2);
      const sw = (res[res.length - 2] << 8) | res[res.length - 1];
      expect([0x90, 0x63, 0x67, 0x69, 0x6a, 0x6b, 0x6d, 0x6e]).toContain(sw >> 8);
      if (card.verifiedPins.length === 0 && res.length > 2 && card.selectedDf !== 'mf') {
        throw new Error(`data from ${card.selectedDf} without a PIN: ${[...res].map((b) => b.toString(16)).join(' ')}`);
      }
      if (i % 997 === 0) card.reset();
    }
  });

  it('10,000 random APDUs to a My Number card with the licence instance: always an SW', async () => {
    const next = prng(0x6a82);
    const card = createVirtualMyNumberCard({ licence: true });
    for (let i = 0; i < 10_000; i++) {
      const res = await card.transmit(randomApdu(next));
      expect(res.length).toBeGreaterThanOrEqual(2);
    }
  });
});
