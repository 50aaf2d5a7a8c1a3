/**
 * APDU-level XfrBlock exchanges (CCID Rev 1.10 §6.1.4, §6.2.1). At short-APDU level one XfrBlock
 * carries one APDU; at extended-APDU level a command longer than one message is chained with
 * wLevelParameter 01/03/02, each part acknowledged by an empty DataBlock (bChainParameter 0x10),
 * and a long response is pulled with empty XfrBlocks carrying 0x10 while bChainParameter says
 * "more" (01, 03, 10). As libccid does it: src/commands.c CmdXfrBlockAPDU_extended.
 */
import { concat } from '../../bytes';
import { LensError } from '../../errors';
import { CHAIN, xfrBlock, type CcidResponse } from './messages';
import type { Head } from './transport';

export type Exchange = (build: (h: Head) => Uint8Array, what: string) => Promise<CcidResponse>;

/** libccid CMD_BUF_SIZE: 4 + 3 + 65536 + 3 bytes, the largest extended APDU. */
export const CMD_BUF_SIZE = 65546;
/** Response chunks followed before giving up (a 64 KiB response in ≥ 128-byte chunks fits). */
const MAX_RESPONSE_CHUNKS = 1024;

export async function shortApdu(exchange: Exchange, apdu: Uint8Array): Promise<Uint8Array> {
  const r = await exchange((h) => xfrBlock(h, apdu), 'XfrBlock');
  return r.data;
}

export async function extendedApdu(exchange: Exchange, apdu: Uint8Array, maxMessageLength: number): Promise<Uint8Array> {
  const chunk = Math.min(maxMessageLength - 10, CMD_BUF_SIZE);
  let r: CcidResponse;
  if (apdu.length <= chunk) {
    r = await exchange((h) => xfrBlock(h, apdu), 'XfrBlock');
  } else {
    let off = 0;
    for (;;) {
      const part = apdu.subarray(off, off + chunk);
      const first = off === 0;
      off += part.length;
      const last = off >= apdu.length;
      const code = first ? CHAIN.begins : last ? CHAIN.ends : CHAIN.continues;
      r = await exchange((h) => xfrBlock(h, part, 0, code), 'XfrBlock (chained command)');
      if (last) break;
      // Per CCID §6.2.1 the reader answers a non-final part with an empty DataBlock, 0x10.
      if (r.data.length !== 0 || r.specific !== CHAIN.continueRequest) {
        throw new LensError('reader-protocol-error', { what: 'extended APDU chaining' }, { detail: `part answered with ${r.data.length} bytes, bChainParameter 0x${r.specific.toString(16)}` });
      }
    }
  }
  const parts: Uint8Array[] = [r.data];
  let chunks = 0;
  while (r.specific === CHAIN.begins || r.specific === CHAIN.continues || r.specific === CHAIN.continueRequest) {
    if (++chunks > MAX_RESPONSE_CHUNKS) throw new LensError('reader-protocol-error', { what: 'extended APDU chaining' }, { detail: 'response chain too long' });
    r = await exchange((h) => xfrBlock(h, new Uint8Array(0), 0, CHAIN.continueRequest), 'XfrBlock (response chain)');
    parts.push(r.data);
  }
  if (r.specific !== CHAIN.whole && r.specific !== CHAIN.ends) {
    throw new LensError('reader-protocol-error', { what: 'extended APDU chaining' }, { detail: `bChainParameter 0x${r.specific.toString(16)}` });
  }
  return concat(...parts);
}
