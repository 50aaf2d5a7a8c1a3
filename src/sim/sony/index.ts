/**
 * The Sony reader doubles, for `createVirtualReader('rcs380' | 'rcs300', card?, options?)`
 * (src/sim/readers/registry.ts) and for tests that want the double's own controls (the RF field,
 * the PICC, fault injection).
 */
import type { ApduCard, TypeBPiccOptions } from '../picc/type-b-picc';
import { Rcs380Double } from './rcs380-double';
import { Rcs300Double } from './rcs300-double';

export { ContactlessReaderDouble } from './contactless-double';
export { Rcs380Double, RCS380_CONFIGURATION, type Rcs380DoubleOptions } from './rcs380-double';

export interface SonyVirtualReaderOptions {
  readonly heldByOsDriver?: 'open' | 'claim';
  /** ATQB of the card in the field (default PUPI 3A5C019E, app data 000005E0, protocol info B381A1). */
  readonly picc?: TypeBPiccOptions;
}

/** An RC-S380/P with `card` (if any) in its field. */
export function createRcs380(card?: ApduCard, options: SonyVirtualReaderOptions = {}): Rcs380Double {
  return new Rcs380Double({ card, heldByOsDriver: options.heldByOsDriver, picc: options.picc });
}

export { Rcs300Double, type Rcs300DoubleOptions } from './rcs300-double';
export { RCS300_CONFIGURATION, RCS300_CCID_FIELDS } from './rcs300-descriptors';

/** An RC-S300/S with `card` (if any) in its field; a page can claim only interface 1. */
export function createRcs300(card?: ApduCard, options: SonyVirtualReaderOptions & { allowProtectedClasses?: boolean } = {}): Rcs300Double {
  return new Rcs300Double({ card, heldByOsDriver: options.heldByOsDriver, picc: options.picc, allowProtectedClasses: options.allowProtectedClasses });
}
