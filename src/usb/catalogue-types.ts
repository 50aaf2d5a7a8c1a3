/** Types of the reader catalogue (src/usb/catalogue.ts); kept apart so the generator can import them. */
import type { ExchangeLevel, ReaderFamily } from '../readers/types';

/** libccid readers/supported_readers.txt section; 'unlisted' = not in that file. */
export type LibccidSection = 'supported' | 'shouldwork' | 'unsupported' | 'disabled' | 'unlisted';

export type InterfaceLevel = ExchangeLevel | 'port100' | 'rcs300-escape';

export interface CatalogueInterface {
  readonly number: number;
  readonly interfaceClass: number;
  readonly level: InterfaceLevel;
  readonly protocols: readonly string[];
  readonly maxMessageLength: number;
  readonly slots: number;
}

/**
 * Whether an ordinary web page can drive the reader (ccid-webusb.md §2.1, §4):
 * - vendor-class-ccid: the CCID function is declared class 0xFF (SCR3310-NTTCom, SCR331-DI-NTTCom)
 * - sony-port100 / sony-rcs300-vendor-interface: Sony's vendor interfaces
 * - protected-class: every smart-card interface is class 0x0B, which Chrome refuses to a page
 * - no-ccid-dump: listed by libccid without a descriptor dump, so the class is not known here
 */
export type VerdictReason = 'vendor-class-ccid' | 'sony-port100' | 'sony-rcs300-vendor-interface' | 'protected-class' | 'no-ccid-dump';

export interface CatalogueEntry {
  readonly vendorId: number;
  readonly productId: number;
  readonly name: string;
  readonly family: ReaderFamily;
  readonly section: LibccidSection;
  readonly verdict: 'claimable' | 'protected' | 'unknown';
  readonly reason: VerdictReason;
  /** CCID (or vendor) interfaces as the dumps show them; empty when unknown */
  readonly interfaces: readonly CatalogueInterface[];
}
