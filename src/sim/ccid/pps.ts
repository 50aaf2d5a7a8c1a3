/**
 * The card's side of protocol and parameters selection (ISO/IEC 7816-3:2006 §9), as a TPDU reader
 * without automatic PPS passes it through XfrBlock. Request and response: PPSS = FF, PPS0 (b5–b7 say
 * PPS1, PPS2, PPS3 follow; b1–b4 = T), the optional bytes, PCK so that all bytes XOR to 00 (§9.2).
 */
import type { AtrFacts } from './atr-facts';
import { diOf, fiOf } from './parameters';

export type PpsOutcome =
  /** §9.3: an erroneous request, or one the card cannot accept, gets no response at all. */
  | { readonly kind: 'no-response'; readonly reason: string }
  | { readonly kind: 'accepted'; readonly response: Uint8Array; readonly protocol: number; readonly fiDi: number };

export function answerPps(request: Uint8Array, atr: AtrFacts): PpsOutcome {
  if (request.length < 3 || request[0] !== 0xff) return { kind: 'no-response', reason: 'not a PPS request' };
  const pps0 = request[1];
  const expectedLength = 3 + (pps0 & 0x10 ? 1 : 0) + (pps0 & 0x20 ? 1 : 0) + (pps0 & 0x40 ? 1 : 0);
  if (request.length !== expectedLength) return { kind: 'no-response', reason: 'length does not match PPS0' };
  if (request.reduce((x, b) => x ^ b, 0) !== 0) return { kind: 'no-response', reason: 'PCK' };
  if (atr.specificMode) return { kind: 'no-response', reason: 'card in specific mode (TA2)' };
  const protocol = pps0 & 0x0f;
  if (!atr.protocols.includes(protocol)) return { kind: 'no-response', reason: `T=${protocol} not offered` };

  let fiDi = 0x11;
  const response = [0xff, protocol];
  if (pps0 & 0x10) {
    const pps1 = request[2];
    // §9.3: the card echoes PPS1 when it accepts Fi/Di, otherwise leaves it out (Fd, Dd stay).
    // This card accepts its own Fi (TA1) with any D up to its own Di, or the default 0x11.
    const wantF = fiOf(pps1);
    const wantD = diOf(pps1);
    const acceptable = pps1 === 0x11 || (wantF !== 0 && wantD !== 0 && wantF === fiOf(atr.ta1) && wantD <= diOf(atr.ta1));
    if (acceptable) {
      response[1] |= 0x10;
      response.push(pps1);
      fiDi = pps1;
    }
  }
  // PPS2 (SPU) and PPS3 (RFU) are not supported by this card: left out of the response (§9.3).
  response.push(response.reduce((x, b) => x ^ b, 0));
  return { kind: 'accepted', response: Uint8Array.from(response), protocol, fiDi };
}
