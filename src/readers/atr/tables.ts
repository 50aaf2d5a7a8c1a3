/**
 * The clock-rate and baud-rate tables of ISO/IEC 7816-3:2006 §8.3 (Table 7: Fi and f(max) from
 * the high nibble of TA1; Table 8: Di from the low nibble). RFU entries are undefined.
 */

/** Fi and f(max) in MHz, indexed by FI (TA1 bits 8–5). */
export const FI_TABLE: readonly ({ readonly fi: number; readonly fmaxMHz: number } | undefined)[] = [
  { fi: 372, fmaxMHz: 4 },
  { fi: 372, fmaxMHz: 5 },
  { fi: 558, fmaxMHz: 6 },
  { fi: 744, fmaxMHz: 8 },
  { fi: 1116, fmaxMHz: 12 },
  { fi: 1488, fmaxMHz: 16 },
  { fi: 1860, fmaxMHz: 20 },
  undefined,
  undefined,
  { fi: 512, fmaxMHz: 5 },
  { fi: 768, fmaxMHz: 7.5 },
  { fi: 1024, fmaxMHz: 10 },
  { fi: 1536, fmaxMHz: 15 },
  { fi: 2048, fmaxMHz: 20 },
  undefined,
  undefined,
];

/** Di, indexed by DI (TA1 bits 4–1). */
export const DI_TABLE: readonly (number | undefined)[] = [
  undefined, 1, 2, 4, 8, 16, 32, 64, 12, 20, undefined, undefined, undefined, undefined, undefined, undefined,
];

/** ISO/IEC 7816-3:2006 §8.3: without TA1, Fi = 372, Di = 1, f(max) = 5 MHz (TA1 = 0x11). */
export const DEFAULT_TA1 = 0x11;

/** ISO/IEC 7816-3:2006 §11.4.2–11.4.3: T=1 defaults when the ATR does not say otherwise. */
export const T1_DEFAULTS = { ifsc: 32, bwi: 4, cwi: 13 } as const;
