/**
 * The reader doubles by profile name: `createVirtualReader(profile, card?, options?)` returns a
 * `USBDevice` double with the card (if given) in its first slot. A new family is one line in
 * `factories` (the Sony doubles register 'rcs380' and 'rcs300' here).
 */
import type { Transcript } from '../../trace/transcript';
import type { SimCard } from '../t1/card-t1';
import type { UsbDeviceDouble } from '../usb/usb-device-double';
import { createClass0bExtended } from './class0b-extended';
import { createGemPcTwin } from './gempc-twin';
import { createScr3310NttCom } from './scr3310-nttcom';
import { createScr331DiNttCom } from './scr331-di-nttcom';
import { createRcs300, createRcs380 } from '../sony';

export interface VirtualReaderOptions {
  /** Claim protected classes (0x0B) anyway, as an Isolated Web App with "usb-unrestricted" could. */
  readonly allowProtectedClasses?: boolean;
  /** An operating-system driver holds the device: 'open' refused, or 'claim' refused. */
  readonly heldByOsDriver?: 'open' | 'claim';
  /** Where the double records its exchanges (PIN data masked); its own Transcript by default. */
  readonly transcript?: Transcript;
}

export type ReaderFactory = (card: SimCard | undefined, options: VirtualReaderOptions) => UsbDeviceDouble;

const factories = {
  /** NTT Com SCR3310-NTTCom 04E6:511A: class 0xFF, TPDU, T=0/T=1 (claimable by a page). */
  'scr3310-nttcom': createScr3310NttCom,
  /** NTT Com SCR331-DI-NTTCom 04E6:5120: class 0xFF, TPDU, slot 0 contact, slot 1 contactless. */
  'scr331-di-nttcom': createScr331DiNttCom,
  /** Identive CLOUD 2700 R 04E6:5810: class 0x0B, extended APDU (claim refused unless allowed). */
  'class0b-extended': createClass0bExtended,
  /** Gemalto GemPC Twin 08E6:3437: class 0x0B, TPDU without automatic PPS (claim refused unless allowed). */
  'gempc-twin': createGemPcTwin,
  /** Sony PaSoRi RC-S380/P 054C:06C3: vendor class, Port-100; a Type B PICC holds the card. */
  rcs380: (card, options) => createRcs380(card, options),
  /** Sony PaSoRi RC-S300/S 054C:0DC8: #0 CCID 0x0B (refused), #1 vendor Escape transparent session (experimental). */
  rcs300: (card, options) => createRcs300(card, options),
} satisfies Record<string, ReaderFactory>;

export type ReaderProfile = keyof typeof factories;

export const READER_PROFILES = Object.keys(factories) as ReaderProfile[];

export function createVirtualReader<P extends ReaderProfile>(profile: P, card?: SimCard, options: VirtualReaderOptions = {}): ReturnType<(typeof factories)[P]> {
  const factory = factories[profile] as ReaderFactory | undefined;
  if (!factory) throw new Error(`sim: unknown reader profile '${String(profile)}' (known: ${READER_PROFILES.join(', ')})`);
  return factory(card, options) as ReturnType<(typeof factories)[P]>;
}
