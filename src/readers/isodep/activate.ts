/**
 * ISO/IEC 14443-3 Type B activation over a reader's RF link: REQB → ATQB → ATTRIB (FSDI for
 * 256-byte frames, the fastest bit rates both sides allow) → switch the reader's rates → an
 * ISO-DEP initiator and the synthesised ATR. nfcpy `rcs380.py sense_ttb` and `tt4.py Type4BTag`
 * do the same steps at 106 kbit/s only.
 */
import { LensError, isLensError } from '../../errors';
import type { Transcript } from '../../trace/transcript';
import { synthesiseTypeBAtr } from './atr';
import type { Bytes } from './bytes';
import { IsoDepInitiator } from './initiator';
import { RF_TIMEOUT, type TypeBLink } from './link';
import {
  buildAttrib, buildReqb, chooseRates, DELTA_FWT_MS, FRAME_SIZES, fsdiFor, fwtMs, parseAtqb, parseAttribResponse,
  type Atqb, type AttribResponse, type BitRate, type LinkRates, type ReqbOptions,
} from './type-b';

export interface ActivationOptions {
  readonly reqb?: ReqbOptions;
  /** ms to wait for the ATQB (nfcpy: 30 ms). */
  readonly reqbTimeoutMs?: number;
  /** Never run faster than this (the bench models 106/212/424; a user may force 106 on a flaky field). */
  readonly maxBitRate?: BitRate;
  readonly maxRetries?: number;
  readonly transcript?: Transcript;
}

export interface TypeBSession {
  readonly atqb: Atqb;
  readonly attrib: AttribResponse;
  readonly rates: LinkRates;
  /** frame size the card accepts (FSC) and the one we accept (FSD), CRC included */
  readonly fsc: number;
  readonly fsd: number;
  readonly fwtMs: number;
  readonly atr: Bytes;
  readonly initiator: IsoDepInitiator;
}

/** Send REQB/WUPB once; the ATQB, or undefined when no card answered. */
export async function pollTypeB(link: TypeBLink, options: ActivationOptions = {}): Promise<Atqb | undefined> {
  const reqb = buildReqb(options.reqb);
  options.transcript?.record('isodep', 'out', reqb, 'REQB');
  let frame: Uint8Array;
  try {
    frame = await link.transceive(reqb, options.reqbTimeoutMs ?? 30);
  } catch (e) {
    if (isLensError(e, RF_TIMEOUT)) return undefined;
    throw e;
  }
  options.transcript?.record('isodep', 'in', frame, 'ATQB');
  return parseAtqb(frame);
}

export async function activateTypeB(link: TypeBLink, options: ActivationOptions = {}): Promise<TypeBSession> {
  const atqb = await pollTypeB(link, options);
  if (!atqb) throw new LensError('typeb-no-card');
  if (!atqb.isoDep) throw new LensError('typeb-not-iso-dep');
  const fwt = fwtMs(atqb.fwi) + DELTA_FWT_MS;
  const rates = chooseRates(atqb, link.bitRates, options.maxBitRate);
  const fsdi = fsdiFor(link.maxFrameSize);
  const attribCmd = buildAttrib(atqb.pupi, fsdi, rates);
  options.transcript?.record('isodep', 'out', attribCmd, 'ATTRIB');
  let answer: Uint8Array;
  try {
    // The answer to ATTRIB comes within FWT (ISO/IEC 14443-3 §7.10.1), still at 106 kbit/s.
    answer = await link.transceive(attribCmd, fwt);
  } catch (e) {
    if (isLensError(e) && e.code.startsWith('rf-')) throw new LensError('typeb-attrib-failed', {}, { cause: e, detail: e.code });
    throw e;
  }
  options.transcript?.record('isodep', 'in', answer, 'ATTRIB answer');
  const attrib = parseAttribResponse(answer);
  if (rates.pcdToPicc !== 106 || rates.piccToPcd !== 106) await link.setBitRates(rates);
  const fsc = Math.min(atqb.fsc, link.maxFrameSize);
  const initiator = new IsoDepInitiator(link, { fsc, fwtMs: fwt, maxRetries: options.maxRetries, transcript: options.transcript });
  return { atqb, attrib, rates, fsc, fsd: FRAME_SIZES[fsdi], fwtMs: fwt, atr: synthesiseTypeBAtr(atqb, attrib), initiator };
}
