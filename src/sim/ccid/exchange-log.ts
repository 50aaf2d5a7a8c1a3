/**
 * Recording of what crosses each layer of a reader double (CCID messages, T=1 blocks, APDUs) into a
 * `Transcript`, for tests and the demo's diagnostics. PIN bytes never reach it: a VERIFY, CHANGE
 * REFERENCE DATA or RESET RETRY COUNTER (ISO/IEC 7816-4 INS 20, 24, 2C) has its command data shown
 * as `**` at every layer (and so has the JICSAP CHANGE KEY `80 32`; see carriesPin).
 */
import type { Transcript, TraceLayer } from '../../trace/transcript';
import { carriesPin } from '../t1/card-t1';

/** Byte range of an APDU that holds PIN data (everything after CLA INS P1 P2 Lc), or undefined. */
export function apduSecretRange(apdu: Uint8Array): readonly [number, number] | undefined {
  if (apdu.length <= 5 || !carriesPin(apdu[0], apdu[1])) return undefined;
  return [5, apdu.length];
}

export function maskedHex(bytes: Uint8Array, range?: readonly [number, number]): string {
  return Array.from(bytes, (b, i) => (range && i >= range[0] && i < range[1] ? '**' : b.toString(16).padStart(2, '0'))).join(' ');
}

export function recordBytes(log: Transcript, layer: TraceLayer, dir: 'in' | 'out', bytes: Uint8Array, range?: readonly [number, number], note?: string): void {
  if (range && range[1] > range[0]) log.recordMasked(layer, dir, maskedHex(bytes, range), bytes.length, note);
  else log.record(layer, dir, bytes, note);
}
