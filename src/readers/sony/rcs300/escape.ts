/**
 * CCID Escape on the RC-S300's vendor interface: `PC_to_RDR_Escape` (0x6B) out, `RDR_to_PC_Escape`
 * (0x83) back, bSeq echoed (CCID Rev 1.10 §6.1.8, §6.2.4; messages from src/readers/ccid/messages.ts).
 * Every RDR_to_PC_Escape in the corpus trace has bStatus 0x02 ("no ICC"): the vendor interface does
 * not report an activated slot, so only bmCommandStatus (bits 6–7) is checked.
 */
import { LensError } from '../../../errors';
import type { Transcript } from '../../../trace/transcript';
import { toHex, type Bytes } from '../../isodep/bytes';
import { commandStatusOf, describeStatus } from '../../ccid/status';
import { decodeResponse, dwLengthOf, escape, HEADER_LENGTH } from '../../ccid/messages';
import type { BulkPipe } from '../bulk-pipe';

const ccidLength = (head: Uint8Array): number | undefined => (head.length < HEADER_LENGTH ? undefined : HEADER_LENGTH + dwLengthOf(head));

export class EscapeTransport {
  private seq = 0;
  /** Escape round trips, for the benchmark. */
  calls = 0;

  constructor(
    readonly pipe: BulkPipe,
    private readonly timeoutMs = 2000,
    private readonly transcript?: Transcript,
  ) {}

  /** One pseudo-APDU in an Escape; resolves to the RDR_to_PC_Escape's abData. */
  async call(pseudoApdu: Uint8Array, what: string, rfWaitMs = 0): Promise<Bytes> {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    this.calls++;
    this.transcript?.note('rcs300', what);
    const message = escape({ slot: 0, seq }, pseudoApdu);
    try {
      await this.pipe.write(message);
    } finally {
      message.fill(0); // a copy of the pseudo-APDU, which may carry a VERIFY's block (house rule 7)
    }
    // Stale answers (a bSeq from an abandoned call) and time-extension notices are skipped, a few at most.
    for (let i = 0; i < 8; i++) {
      const r = decodeResponse(await this.pipe.read(ccidLength, this.timeoutMs + rfWaitMs));
      if (r.seq !== seq) {
        this.transcript?.note('rcs300', `skipped answer with bSeq ${r.seq}, expected ${seq}`);
        continue;
      }
      if (r.type !== 'Escape') throw new LensError('rcs300-bad-response', {}, { detail: `${r.type} instead of RDR_to_PC_Escape` });
      const status = commandStatusOf(r.status);
      if (status === 'time-extension') continue;
      if (status === 'failed') throw new LensError('rcs300-escape-failed', { status: describeStatus(r.status, r.error) }, { detail: toHex(pseudoApdu) });
      return r.data.slice();
    }
    throw new LensError('rcs300-bad-response', {}, { detail: 'no answer with the expected bSeq' });
  }
}
