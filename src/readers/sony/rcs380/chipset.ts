/**
 * The Port-100 command exchange over USB (nfcpy `rcs380.py Chipset.send_command`): write the
 * command frame, read the reader's ACK frame, then its answer frame `D7 <code+1> …`. An ACK from
 * the host cancels the command in progress (Linux port100.c `port100_abort_cmd`), which is how a
 * timed-out command is abandoned.
 */
import { isLensError, LensError } from '../../../errors';
import type { Transcript } from '../../../trace/transcript';
import { concat, toHex, type Bytes } from '../../isodep/bytes';
import type { BitRate } from '../../isodep/type-b';
import type { BulkPipe } from '../bulk-pipe';
import {
  CMD, COMMAND_NAMES, firmwareVersion, IN_SET_PROTOCOL_DEFAULTS, IN_SET_PROTOCOL_TYPE_B, inCommRfParams, inSetRfTypeB, parseInCommRf, statusName,
} from './commands';
import { ACK_FRAME, decodeFrame, encodeFrame, frameLength, type Port100Frame } from './frames';

export interface Port100Options {
  /** Bound on one command's USB round trip, beyond the RF time-out it carries (ms). */
  readonly timeoutMs?: number;
  readonly transcript?: Transcript;
}

export class Port100Chipset {
  firmware: string | undefined;
  pdDataVersion: string | undefined;
  /** Commands sent, for the benchmark (each costs an OUT, an ACK IN and an answer IN). */
  commands = 0;
  private readonly timeoutMs: number;

  constructor(
    readonly pipe: BulkPipe,
    private readonly options: Port100Options = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 2000;
  }

  /** nfcpy Chipset.__init__: ACK (soft reset), drain leftovers, SetCommandType 1, versions, RF off. */
  async init(): Promise<void> {
    await this.pipe.write(ACK_FRAME);
    // An answer left over from a session that was killed mid-command: read until nothing comes (10 ms).
    for (let i = 0; i < 8; i++) {
      try {
        const junk = await this.pipe.read(frameLength, 10);
        this.options.transcript?.note('port100', `cleared leftover ${toHex(junk)}`);
      } catch (e) {
        if (isLensError(e, 'timeout')) break;
        throw e;
      }
    }
    await this.setCommandType(1);
    this.firmware = firmwareVersion(await this.command(CMD.GetFirmwareVersion, []));
    this.pdDataVersion = firmwareVersion(await this.command(CMD.GetPDDataVersion, []));
    await this.switchRf(false);
  }

  /** nfcpy Chipset.close: RF off, then an ACK. */
  async shutdown(): Promise<void> {
    await this.switchRf(false);
    await this.pipe.write(ACK_FRAME);
  }

  async command(code: number, params: ArrayLike<number>, rfWaitMs = 0): Promise<Bytes> {
    const name = COMMAND_NAMES[code] ?? `0x${code.toString(16)}`;
    this.options.transcript?.note('port100', name);
    this.commands++;
    const payload = concat(0xd6, code, params);
    const frame = encodeFrame(payload);
    try {
      await this.pipe.write(frame);
    } finally {
      // Both copies may hold a PIN (an InCommRF carrying a VERIFY); transferOut has taken its own.
      payload.fill(0);
      frame.fill(0);
    }
    const bound = this.timeoutMs + rfWaitMs;
    const ack = await this.readFrame(bound);
    if (ack.kind !== 'ack') throw new LensError('port100-no-ack', { command: name });
    const answer = await this.readFrame(bound);
    if (answer.kind === 'error') throw new LensError('port100-error-frame', { command: name });
    if (answer.kind !== 'data' || answer.data[0] !== 0xd7 || answer.data[1] !== code + 1) {
      const got = answer.kind === 'data' ? toHex(answer.data.subarray(0, 2)) : answer.kind;
      throw new LensError('port100-unexpected-response', { command: name, got });
    }
    return answer.data.slice(2);
  }

  async setCommandType(type: number): Promise<void> {
    this.checkStatus('SetCommandType', await this.command(CMD.SetCommandType, [type]));
  }

  async switchRf(on: boolean): Promise<void> {
    this.checkStatus('SwitchRF', await this.command(CMD.SwitchRF, [on ? 1 : 0]));
  }

  async inSetRf(pcdToPicc: BitRate, piccToPcd: BitRate): Promise<void> {
    this.checkStatus('InSetRF', await this.command(CMD.InSetRF, inSetRfTypeB(pcdToPicc, piccToPcd)));
  }

  async inSetProtocol(pairs: Uint8Array): Promise<void> {
    this.checkStatus('InSetProtocol', await this.command(CMD.InSetProtocol, pairs));
  }

  /** The Type B framing set (defaults, then SOF/EOF and guard time), as nfcpy sense_ttb sends it. */
  async setTypeBProtocol(): Promise<void> {
    await this.inSetProtocol(IN_SET_PROTOCOL_DEFAULTS);
    await this.inSetProtocol(IN_SET_PROTOCOL_TYPE_B);
  }

  async inCommRf(frame: Uint8Array, timeoutMs: number): Promise<Bytes> {
    const params = inCommRfParams(frame, timeoutMs);
    try {
      return parseInCommRf(await this.command(CMD.InCommRF, params, timeoutMs));
    } finally {
      params.fill(0); // a copy of the ISO-DEP block, which may carry a PIN (house rule 7)
    }
  }

  private checkStatus(command: string, data: Uint8Array): void {
    if (data.length > 0 && data[0] !== 0) throw new LensError('port100-status-error', { command, status: statusName(data[0]) });
  }

  private async readFrame(timeoutMs: number): Promise<Port100Frame> {
    try {
      return decodeFrame(await this.pipe.read(frameLength, timeoutMs));
    } catch (e) {
      if (isLensError(e, 'timeout')) await this.cancel();
      throw e;
    }
  }

  /** Abandon the command in progress with an ACK (best effort: the device may be gone). */
  private async cancel(): Promise<void> {
    try {
      await this.pipe.write(ACK_FRAME);
    } catch {
      // the USB error that follows on the next call says what happened
    }
  }
}
