/** Options and variants of the virtual IC driver's licence. */
import { fromHex } from '../card/bytes';
import type { LicenceHolderId } from './holders';

/**
 * ATRs of the licence (jpki-card.md §9.3, pcsc-list): contact T=1 only, IFSC 254 (TA3 = FE);
 * contactless as a PC/SC reader synthesises it from the ATQB (`3B 88 80 01` + application data
 * `00 00 00 00` + protocol info `91 81 C1` + MBLI/CID `00` + TCK).
 */
export const LICENCE_CONTACT_ATR = fromHex('3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 B3 C1 75');
export const LICENCE_CONTACTLESS_ATR = fromHex('3B 88 80 01 00 00 00 00 91 81 C1 00 D8');

/**
 * The Type B answer a licence gives (ATQB application data and protocol info, read back from the
 * contactless ATR above): 212 kbit/s both ways, same rate required (91), FSCI 8 = 256-byte frames and
 * ISO/IEC 14443-4 (81), FWI C, CID supported (C1).
 */
export const LICENCE_TYPE_B = { applicationData: fromHex('00 00 00 00'), protocolInfo: fromHex('91 81 C1') } as const;

/** AIDs of the licence's DFs (16 bytes, jpki-card.md §9.1; TRET, DLC, soft-studio). */
export const LICENCE_AID = {
  df1: fromHex('A0 00 00 02 31 01 00 00 00 00 00 00 00 00 00 00'),
  df2: fromHex('A0 00 00 02 31 02 00 00 00 00 00 00 00 00 00 00'),
  /** DF3 (RFU): DLC `AID_DF3`; UNCONFIRMED by any other source. */
  df3: fromHex('A0 00 00 02 48 03 00 00 00 00 00 00 00 00 00 00'),
} as const;

/** Default PINs of the holders with PINs set (tests/fixtures/README.md). */
export const DEFAULT_LICENCE_PINS = { pin1: '1234', pin2: '5678' } as const;

/** The "DPIN" a card without PINs answers to: `****` as JIS X 0201 (jpki-card.md §9.1; TRET). */
export const DPIN = '****';

/** Tries of PIN1 and PIN2 (§9.1: 3; a lockout needs a licence centre or police station). */
export const LICENCE_PIN_TRIES = 3;

export interface VirtualLicenceOptions {
  /** Which synthetic holder (holders.ts; tests/fixtures/README.md). Default `standard`. */
  readonly holder?: LicenceHolderId;
  /** PIN values for a holder with PINs set; defaults DEFAULT_LICENCE_PINS. Ignored when the holder set none. */
  readonly pins?: Partial<Record<'pin1' | 'pin2', string>>;
  /** Tries left at start (0 = blocked). Default 3. */
  readonly remaining?: Partial<Record<'pin1' | 'pin2', number>>;
  /** Override the holder's PIN setting (EF 000A), e.g. `false` for the DPIN case with another holder. */
  readonly pinSet?: boolean;
  /**
   * At most this many data bytes per READ BINARY, whatever Le asks (9000 with the shorter answer), as
   * some Android phones return only 400 bytes of the 880-byte 記載事項 (jpki-card.md §9.3, JDCard).
   */
  readonly readLimit?: number;
  /** Accept extended Lc/Le (default true: phones and PC/SC tools read 880 bytes at once, §9.3). */
  readonly extendedLength?: boolean;
  /**
   * What a blocked PIN answers: `6984` (the My Number card's behaviour, §7, default) or `63C0` —
   * which one the licence gives is UNCONFIRMED, so hosts must take both as "blocked".
   */
  readonly blockedAnswer?: '6984' | '63C0';
  /** `contact` (default) or `contactless`: which ATR the card reports as a CardChannel. */
  readonly interface?: 'contact' | 'contactless';
  /** JPEG 2000 codestream for DF2/EF01 (default: the committed synthetic licence photo). */
  readonly photo?: Uint8Array;
  /** How many exchanges `log` keeps (default 10 000). */
  readonly logLimit?: number;
}
