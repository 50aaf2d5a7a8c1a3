import type { Transcript } from '../trace/transcript';

/**
 * The seam between readers and card applications (architecture: "CardChannel"). A card application
 * never knows which reader it is on. `transmit` takes one command APDU and gives the response with
 * SW1 SW2 at the end. One APDU at a time: callers serialise (see card/queue).
 */
export interface CardChannel {
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** The ATR (for a contactless card, the one a PC/SC reader would synthesise). */
  readonly atr: Uint8Array;
  close(): Promise<void>;
  /** What the path to the card carries. Absent means short APDUs only (Le ≤ 256, Lc ≤ 255). */
  readonly capabilities?: ChannelCapabilities;
  /** Where exchanges are recorded for the diagnostics report (redacted). */
  readonly transcript?: Transcript;
}

export interface ChannelCapabilities {
  /** Extended Lc/Le pass through the reader (and the card advertised them). */
  readonly extendedLength: boolean;
  /**
   * Largest response data (without SW) one APDU should ask for on this path. It may be below what the
   * path can carry: a TPDU reader with a short-APDU card reports IFSD − 2, so one answer travels in one
   * T=1 block (src/readers/ccid/reader.ts `apduLimits`); reads chunk by it (read.ts).
   */
  readonly maxResponseData: number;
  /** Largest command data (Lc) one APDU may carry on this path. */
  readonly maxCommandData: number;
}
