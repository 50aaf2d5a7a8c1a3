/**
 * The fault switchboard of a CCID reader double (`device.faults`). A test, or an e2e page through the
 * simulator's window hook, arms a fault by name with plain JSON parameters; the reader applies it to
 * the next command(s) it concerns and records that it fired. Every fault is counted: `count` (default
 * 1) is how many times it fires before it disarms itself. Each entry below says which rule it
 * exercises on the host side.
 *
 * Every fault also takes `after` (default 0): how many occasions it lets pass before it fires, so that
 * a test armed before a long operation can hit its middle (e.g. `card-pulled` with `after: 3` pulls
 * the card on the fourth XfrBlock, in the middle of a chained read).
 */

/**
 * Which commands a command-level fault waits for: XfrBlock (the default; IccPowerOn too for
 * card-mute), IccPowerOn only, or any command.
 */
export type CommandScope = 'xfr' | 'power-on' | 'any';

export interface FaultParams {
  /**
   * CCID Rev 1.10 §6.2.6 (bmCommandStatus = 2, "time extension requested"): before the real answer,
   * send `times` RDR_to_PC messages with bStatus 0x80 and bError = `multiplier`. A host keeps reading
   * (libccid src/commands.c CCID_Receive). Default times 1, multiplier 1.
   */
  'time-extension': { times?: number; multiplier?: number; count?: number; on?: CommandScope };
  /**
   * A stale frame first: before the answer, send the previous answer again (old bSeq), or a
   * SlotStatus with bSeq − 1 if there is none. A host discards frames whose bSeq differs from the
   * command's (libccid src/ccid_usb.c ReadUSB).
   */
  'stale-seq': { count?: number; on?: CommandScope };
  /**
   * The answer arrives packet by packet, `gapMs` apart (USB 2.0 §5.8.3: a bulk transfer is a series
   * of max-packet-size packets). A host must keep reading until dwLength is complete.
   */
  'split-packets': { gapMs?: number; count?: number; on?: CommandScope };
  /**
   * Shape the next DataBlock that can be shaped (at TPDU level: the card's next response part; at
   * extended-APDU level: the first chunk of a chained response) so that the whole message is an exact
   * multiple of 64 bytes, then end it with a zero-length packet or not (`zlp`). Without a ZLP, the
   * transfer does not end until the host's buffer is full (USB 2.0 §5.8.3).
   */
  'boundary-length': { zlp?: boolean; count?: number };
  /**
   * Extended-APDU level only: send the next response with CCID chaining (bChainParameter 01, 03…,
   * 02; CCID Rev 1.10 §6.2.1) in chunks of `chunk` bytes even when it would fit one message.
   */
  'chain-response': { chunk?: number; count?: number };
  /** T=1: the card sends S(WTX request, `multiplier`) before its answer (ISO/IEC 7816-3 §11.3.2.2). */
  wtx: { multiplier?: number; count?: number };
  /** T=1: the card sends S(IFS request, `ifsc`) before its answer (ISO/IEC 7816-3 §11.4.2). */
  'ifs-request': { ifsc?: number; count?: number };
  /** T=1: the card answers a good I-block with R(error 1), asking for it again (§11.6.3.2). */
  nak: { count?: number };
  /** T=1: the card's next block has a corrupted EDC; the host must send an R-block (§11.6.3.2). */
  'bad-edc': { count?: number };
  /**
   * T=1: the card ignores (loses) the next `count` blocks; the reader answers each with ICC_MUTE
   * after the block waiting time. The host retries with R-blocks and, past its retry limit,
   * S(RESYNCH) (§11.6.3.2, §11.6.3.3).
   */
  'lose-blocks': { count?: number };
  /** The card does not answer: IccPowerOn or XfrBlock fails with bError ICC_MUTE 0xFE (§6.2.6). */
  'card-mute': { count?: number; on?: CommandScope };
  /**
   * The card is pulled out while the next XfrBlock runs: the command fails with bmICCStatus 2 and
   * ICC_MUTE, and NotifySlotChange `50 02` follows on the interrupt endpoint (§6.3.1).
   */
  'card-pulled': { count?: number };
  /**
   * The reader is unplugged when the next command arrives (`when: 'command'`, default), or once the
   * first 64-byte packet of its answer has gone out (`when: 'reply'`): every transfer then fails with
   * NotFoundError, as Chrome fails them (WICG/webusb, "disconnected").
   */
  unplug: { count?: number; on?: CommandScope; when?: 'command' | 'reply' };
  /**
   * `in`: the answer to the next command is lost and the bulk-IN endpoint halts (transferIn → 'stall'
   * until clearHalt). `out`: the next command is answered, then bulk-OUT halts.
   */
  stall: { direction?: 'in' | 'out'; count?: number; on?: CommandScope };
  /** The next command is dropped without any answer; only a CCID abort (§5.3.1) recovers. */
  silence: { count?: number; on?: CommandScope };
}

export type FaultName = keyof FaultParams;

export interface FiredFault {
  readonly name: FaultName;
  /** bSeq of the command it applied to, when there is one */
  readonly seq?: number;
}

type Armed = { [K in FaultName]?: { remaining: number; skip: number; params: FaultParams[K] & { after?: number } } };

export class FaultSwitchboard {
  private readonly armedFaults: Armed = {};
  /** Faults in the order they fired. */
  readonly fired: FiredFault[] = [];

  /** Arm `name` for `params.count` (default 1) occurrences. Arming again replaces the previous entry. */
  arm<K extends FaultName>(name: K, params: FaultParams[K] & { after?: number } = {}): this {
    const count = params.count ?? 1;
    const after = params.after ?? 0;
    if (!Number.isInteger(count) || count < 1) throw new Error(`sim: fault ${name}: count must be a positive integer`);
    if (!Number.isInteger(after) || after < 0) throw new Error(`sim: fault ${name}: after must be a non-negative integer`);
    (this.armedFaults as Record<FaultName, unknown>)[name] = { remaining: count, skip: after, params };
    return this;
  }

  disarm(name: FaultName): void {
    delete this.armedFaults[name];
  }

  clear(): void {
    for (const k of Object.keys(this.armedFaults) as FaultName[]) delete this.armedFaults[k];
  }

  isArmed(name: FaultName): boolean {
    return this.armedFaults[name] !== undefined;
  }

  /** Armed faults with what remains of each. */
  armed(): { name: FaultName; remaining: number }[] {
    return (Object.keys(this.armedFaults) as FaultName[]).map((name) => ({ name, remaining: this.armedFaults[name]!.remaining }));
  }

  /** Look at an armed fault without using it. */
  peek<K extends FaultName>(name: K): FaultParams[K] | undefined {
    return (this.armedFaults[name] as { params: FaultParams[K] } | undefined)?.params;
  }

  /** Use one occurrence of `name`, if armed: returns its parameters, or undefined. */
  take<K extends FaultName>(name: K, seq?: number): FaultParams[K] | undefined {
    const entry = this.armedFaults[name];
    if (!entry) return undefined;
    if (entry.skip > 0) {
      entry.skip--;
      return undefined;
    }
    entry.remaining--;
    if (entry.remaining <= 0) delete this.armedFaults[name];
    this.fired.push(seq === undefined ? { name } : { name, seq });
    return entry.params;
  }
}
