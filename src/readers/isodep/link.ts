/**
 * What ISO-DEP needs from a reader: send one frame into the field and get the answer, with the
 * reader adding and checking CRC_B, SOF and EOF. A reader driver (RC-S380 InCommRF, RC-S300
 * transparent exchange) implements it and reports failures as these LensError codes:
 *  - `rf-timeout`: nothing came back within the time-out (the card is mute, out of the field, or the
 *    frame was lost on the way);
 *  - `rf-transmission-error`: something came back but broken (CRC, parity, framing, collision).
 * Any other error is fatal for the exchange (USB gone, reader refused the command).
 */
import { isLensError } from '../../errors';
import type { BitRate, LinkRates } from './type-b';

export interface RfLink {
  transceive(frame: Uint8Array, timeoutMs: number): Promise<Uint8Array>;
}

export interface TypeBLink extends RfLink {
  /** Largest frame the reader carries each way, CRC included (sets FSD; caps FSC). */
  readonly maxFrameSize: number;
  /** The Type B bit rates the reader can run. */
  readonly bitRates: readonly BitRate[];
  /** Switch the reader to these rates (after ATTRIB agreed them with the card). */
  setBitRates(rates: LinkRates): Promise<void>;
}

export const RF_TIMEOUT = 'rf-timeout';
export const RF_TRANSMISSION_ERROR = 'rf-transmission-error';

/** A recoverable RF failure (ISO/IEC 14443-4 §7.5.4 rules 4–5 apply), as opposed to a fatal one. */
export function isRfFailure(e: unknown): boolean {
  return isLensError(e, RF_TIMEOUT) || isLensError(e, RF_TRANSMISSION_ERROR);
}
