/**
 * The file tree of the virtual licence with its access rules (jpki-card.md §9.1): which PINs a READ
 * BINARY needs, per EF. DF1/EF05–EF07 access is not settled by the sources (EF05/EF06 "UNCONFIRMED",
 * EF07 "?"); the choices here are written next to each file.
 */
import { ascii } from '../card/bytes';
import { changes, commonData, domicile, domicileChanges, entries, gaiji, gaijiChanges, photo, pinSetting } from './files';
import { LICENCE_HOLDERS, type LicenceHolder } from './holders';
import { DEFAULT_LICENCE_PINS, DPIN, LICENCE_AID, LICENCE_PIN_TRIES, type VirtualLicenceOptions } from './options';
import { LICENCE_PHOTO } from './photo';
import { signatureFile } from './signature';

export type PinNumber = 1 | 2;

export type LicenceEf =
  | { readonly kind: 'binary'; readonly fid: number; readonly sfi: number | undefined; readonly body: Uint8Array; readonly needs: readonly PinNumber[] }
  | { readonly kind: 'pin'; readonly fid: number; readonly sfi: number; readonly pin: PinNumber };

export interface LicenceDf {
  readonly name: 'mf' | 'df1' | 'df2' | 'df3';
  readonly aid: Uint8Array | undefined;
  readonly files: readonly LicenceEf[];
}

export interface LicencePin {
  readonly max: number;
  readonly value: Uint8Array;
  remaining: number;
}

export interface LicenceLayout {
  readonly holder: LicenceHolder;
  readonly mf: LicenceDf;
  readonly dfs: readonly LicenceDf[];
  readonly pins: Record<PinNumber, LicencePin>;
}

const bin = (fid: number, body: Uint8Array, needs: readonly PinNumber[], sfi: number | undefined = fid & 0x1f): LicenceEf => ({ kind: 'binary', fid, sfi, body, needs });

export function licenceLayout(options: VirtualLicenceOptions = {}): LicenceLayout {
  const base = LICENCE_HOLDERS[options.holder ?? 'standard'];
  if (!base) throw new Error(`sim licence: unknown holder ${String(options.holder)}`);
  const holder: LicenceHolder = options.pinSet === undefined ? base : { ...base, pinSet: options.pinSet };
  const values = holder.pinSet ? { ...DEFAULT_LICENCE_PINS, ...options.pins } : { pin1: DPIN, pin2: DPIN };
  const pin = (n: PinNumber): LicencePin => {
    const remaining = options.remaining?.[n === 1 ? 'pin1' : 'pin2'] ?? LICENCE_PIN_TRIES;
    return { max: LICENCE_PIN_TRIES, value: ascii(values[n === 1 ? 'pin1' : 'pin2']), remaining: Math.min(LICENCE_PIN_TRIES, Math.max(0, remaining)) };
  };

  const mf: LicenceDf = {
    name: 'mf',
    aid: undefined,
    files: [
      // 2F01 has no short id in our sources (its low byte would collide with IEF01's SFI 1).
      bin(0x2f01, commonData(holder), [], undefined),
      // 000A is read by SFI 0A (DLC `assemblyCommandReadBinary_shortEFidentfy`).
      bin(0x000a, pinSetting(holder), []),
      { kind: 'pin', fid: 0x0001, sfi: 1, pin: 1 },
      { kind: 'pin', fid: 0x0002, sfi: 2, pin: 2 },
    ],
  };
  const df1: LicenceDf = {
    name: 'df1',
    aid: LICENCE_AID.df1,
    files: [
      bin(0x0001, entries(holder), [1]),
      bin(0x0002, domicile(holder), [1, 2]),
      bin(0x0003, gaiji(holder), [1]),
      bin(0x0004, changes(holder), [1]),
      bin(0x0005, gaijiChanges(holder), [1]), // PIN1: UNCONFIRMED (§9.1)
      bin(0x0006, domicileChanges(holder), [1, 2]), // PIN1 + PIN2: UNCONFIRMED (§9.1), as 本籍 itself
      bin(0x0007, signatureFile(holder.id), [1]), // "?" in §9.1; PIN1 chosen (UNCONFIRMED)
    ],
  };
  const df2: LicenceDf = { name: 'df2', aid: LICENCE_AID.df2, files: [bin(0x0001, photo(options.photo ?? LICENCE_PHOTO), [1, 2])] };
  const df3: LicenceDf = { name: 'df3', aid: LICENCE_AID.df3, files: [] };
  return { holder, mf, dfs: [df1, df2, df3], pins: { 1: pin(1), 2: pin(2) } };
}
