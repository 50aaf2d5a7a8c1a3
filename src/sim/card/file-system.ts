/**
 * The virtual card's file model: applications (DFs selected by AID) holding EFs, PIN/key IEFs and key
 * EFs, each with its access rule (jpki-card.md §0, §3.1, §3.4, §4, §5.1, §6).
 */
import type { RsaPrivateKey } from './rsa';

export type ApName = 'jpki' | 'kenhojo' | 'kenkaku' | 'common' | 'licence';

/** Who may use a file: nobody special, or anyone who has verified one of the listed PIN IEFs. */
export type Access = { readonly kind: 'free' } | { readonly kind: 'pin'; readonly anyOf: readonly number[] };
export const FREE: Access = { kind: 'free' };
export const afterPin = (...anyOf: number[]): Access => ({ kind: 'pin', anyOf });

export interface BinaryEf {
  readonly kind: 'binary';
  readonly fid: number;
  /** The whole EF body, filler included (EFs are larger than their content, §10.8). */
  readonly body: Uint8Array;
  readonly read: Access;
}

export interface RecordEf {
  readonly kind: 'record';
  readonly fid: number;
  readonly records: readonly Uint8Array[];
  readonly read: Access;
}

/** A PIN or 照合番号 IEF (VERIFY / CHANGE REFERENCE DATA / CHANGE KEY target). */
export interface PinEf {
  readonly kind: 'pin';
  readonly fid: number;
  /** Key into the card's counter table, e.g. `jpki/0018`. */
  readonly id: string;
  /** INS that changes it: 24 CHANGE REFERENCE DATA (JPKI, 入力補助), 32 CHANGE KEY (共通, §2). */
  readonly changeIns: 0x24 | 0x32 | undefined;
}

export interface KeyEf {
  readonly kind: 'key';
  readonly fid: number;
  readonly key: RsaPrivateKey;
  readonly use: Access;
}

export type Ef = BinaryEf | RecordEf | PinEf | KeyEf;

export interface Application {
  readonly name: ApName;
  readonly aid: Uint8Array;
  readonly files: ReadonlyMap<number, Ef>;
}
