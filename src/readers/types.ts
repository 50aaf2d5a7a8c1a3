import type { Transcript } from '../trace/transcript';

export type ExchangeLevel = 'character' | 'tpdu' | 'short-apdu' | 'extended-apdu';
export type ReaderFamily = 'ccid' | 'rcs380' | 'rcs300';

/** ISO/IEC 14443 bit rates, kbit/s (fc/128 … fc/16). */
export type ContactlessKbps = 106 | 212 | 424 | 848;

/**
 * Why a contactless link runs at the rate it does:
 *  - `card-and-reader`: the fastest rate both the card's ATQB and the reader allow (ISO/IEC 14443-3
 *    §7.10.4), the normal case;
 *  - `fallback-after-failure`: the first exchange after the rate change failed, so the card was
 *    activated again at 106 kbit/s and the session stays there;
 *  - `user-setting`: the user asked for 106 kbit/s (the "force 106 kbit/s" setting).
 */
export type ContactlessRateReason = 'card-and-reader' | 'fallback-after-failure' | 'user-setting';

/** What the app shows about a connected reader. */
export interface ReaderInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly name: string;
  readonly family: ReaderFamily;
  /** contact (ISO 7816) or contactless (ISO 14443 Type B run by the page) */
  readonly cardInterface: 'contact' | 'contactless';
  readonly exchangeLevel?: ExchangeLevel;
  /** e.g. ['T=1'] or ['ISO 14443-4 Type B'] */
  readonly protocols: readonly string[];
  /** shown with an "experimental" badge (RC-S300 interface 1) */
  readonly experimental: boolean;
}

/**
 * What `openReader` / `openCcidReader` give back (architecture: public entry points). A reader
 * becomes a CardChannel once powered on: `transmit` carries one APDU.
 */
export interface CardReader {
  readonly info: ReaderInfo;
  /** Power the card (or activate it in the field); resolves to the ATR. */
  powerOn(): Promise<Uint8Array>;
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  powerOff(): Promise<void>;
  close(): Promise<void>;
  /** Whether a card is present now (no power-up needed). */
  cardPresent(): Promise<boolean>;
  /** Card insert/remove notifications; returns the unsubscribe function. */
  onCardChange(listener: (present: boolean) => void): () => void;
  /**
   * What one APDU may carry through this reader. `maxResponseData` is the response size one APDU
   * *should ask for* on this path (the card layer sizes each READ BINARY's Le from it; see
   * src/card/channel.ts `ChannelCapabilities`), not only the most the path could carry: at TPDU level
   * with host T=1 it is IFSD − 2, so that each answer fits one I-block (ISO/IEC 7816-3:2006 §11.4.2).
   */
  readonly apduLimits: { readonly extendedLength: boolean; readonly maxCommandData: number; readonly maxResponseData: number };
  /**
   * Contactless readers only, once a card is activated: the air-link rate in use (the slower of the
   * two directions when they differ) and why it is that one. Undefined for contact readers and while
   * no card is activated. Shown by the reader check panel and the diagnostics report.
   */
  readonly contactlessRate?: { readonly kbps: ContactlessKbps; readonly reason: ContactlessRateReason };
}

export interface OpenReaderOptions {
  /** Bound on one exchange with the reader, ms (every wait has a bound). */
  readonly timeoutMs?: number;
  /**
   * Overall bound on one `transmit()` (one APDU, whatever time extensions or S(WTX) the card asks
   * for), ms; default 60 000 (src/readers/command-deadline.ts says why). When it passes the reader
   * recovers (CCID abort/reset, Sony cancel + field off) and fails with `timeout`, never re-sending.
   */
  readonly commandDeadlineMs?: number;
  readonly transcript?: Transcript;
}
