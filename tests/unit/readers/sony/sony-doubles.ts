/** Both Sony doubles with the host driver that opens each, for tests that run the same case through both. */
import { openRcs300 } from '../../../../src/readers/sony/rcs300/driver';
import { openRcs380 } from '../../../../src/readers/sony/rcs380/driver';
import type { createVirtualMyNumberCard } from '../../../../src/sim';
import { Rcs300Double, Rcs380Double } from '../../../../src/sim/sony';

type Card = ReturnType<typeof createVirtualMyNumberCard>;

export const sonyDoubles = {
  'RC-S380': { make: (card: Card) => new Rcs380Double({ card }), open: openRcs380 },
  'RC-S300': { make: (card: Card) => new Rcs300Double({ card }), open: openRcs300 },
} as const;
