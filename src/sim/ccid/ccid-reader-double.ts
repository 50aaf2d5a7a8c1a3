/**
 * A USB CCID reader, device side (USB CCID Rev 1.10), on top of the `UsbDeviceDouble` base: it
 * answers every PC_to_RDR message on bulk OUT with its RDR_to_PC message on bulk IN (§6.1, §6.2),
 * reports card insertion and removal on the interrupt endpoint (§6.3.1), serves the class requests
 * ABORT, GET_CLOCK_FREQUENCIES and GET_DATA_RATES (§5.3), and exchanges with the card at TPDU level
 * (T=1 blocks to the card side in ../t1/, PPS per ISO/IEC 7816-3 §9) or at short / extended APDU
 * level (with CCID chaining, §6.1.4 and §6.2.1). Faults come from `faults` (./faults.ts).
 *
 * Written from the specification and the recorded readers in ../../../../shared/corpus/ccid, not
 * from the host driver (house rule 1). Direction words in the log are the host's: `out` is a command,
 * `in` a reply.
 */
import { Transcript } from '../../trace/transcript';
import { concat } from '../card/bytes';
import { CardT1, type CardT1Faults, type SimCard } from '../t1/card-t1';
import { UsbDeviceDouble, type DeviceIdentity, type SetupPacket } from '../usb/usb-device-double';
import { readAtr } from './atr-facts';
import { exchangeLevelOf, FEATURE, type CcidClassFields, type ExchangeLevel } from './class-descriptor';
import { apduSecretRange, recordBytes } from './exchange-log';
import { FaultSwitchboard, type CommandScope, type FaultName } from './faults';
import { CCID_ERROR, COMMAND, ICC, OFFSET, PC_TO_RDR, RDR_TO_PC, rdrToPc, readCommand, readU32le, responseTypeFor, u32le, type PcToRdr } from './messages';
import { checkSetParameters, defaultParameters, parametersFromAtr } from './parameters';
import { answerPps } from './pps';
import { SimSlot, type SlotKind } from './slot';

export interface CcidReaderProfile {
  readonly identity: DeviceIdentity;
  /** The raw configuration descriptor served to GET_DESCRIPTOR(CONFIGURATION). */
  readonly configurationDescriptor: Uint8Array;
  /** The values of the 54-byte class descriptor inside it (what the firmware acts on). */
  readonly fields: CcidClassFields;
  readonly interfaceNumber: number;
  readonly endpoints: { readonly bulkOut: number; readonly bulkIn: number; readonly interrupt?: number };
  /** GET_CLOCK_FREQUENCIES answer in kHz, or 'stall' when the reader does not support it (§5.3.2). */
  readonly clockFrequenciesKhz: readonly number[] | 'stall';
  /** GET_DATA_RATES answer in bps, or 'stall' (§5.3.3). */
  readonly dataRates: readonly number[] | 'stall';
  readonly slots: readonly SlotKind[];
  /** Largest whole message the firmware accepts, when it differs from dwMaxCCIDMessageLength. */
  readonly acceptedMaxMessageLength?: number;
  /** End an IN message whose length is a multiple of 64 with a zero-length packet. */
  readonly zeroLengthPacket: boolean;
  /** Vendor Escape handling (§6.1.8); absent = Escape not supported. */
  readonly escape?: (slot: SimSlot, data: Uint8Array) => Uint8Array | 'unsupported';
  /** Exchange level of a contactless slot once initialised (libccid forces short APDU for SCR331-DI). */
  readonly contactlessLevel?: ExchangeLevel;
}

export interface CcidReaderOptions {
  /** Claim class 0x0B anyway, as an Isolated Web App with "usb-unrestricted" could. */
  readonly allowProtectedClasses?: boolean;
  /** An operating-system driver holds the device (see UsbDeviceDouble). */
  readonly heldByOsDriver?: 'open' | 'claim';
  /** Where the exchanges are recorded; a new Transcript by default. */
  readonly transcript?: Transcript;
}

type Busy = { slot: number; seq: number; aborted: boolean };
type Reply = { bytes: Uint8Array; boundaryZlp?: boolean };

/** Faults that concern one command, with the commands they may apply to. */
type CommandFault = 'time-extension' | 'stale-seq' | 'split-packets' | 'card-mute' | 'silence' | 'stall' | 'unplug';

/** A reader double of `profile` with `card`, if given, in slot 0 (what every profile's factory does). */
export function createCcidReaderDouble(profile: CcidReaderProfile, card?: SimCard, options?: CcidReaderOptions): CcidReaderDouble {
  const device = new CcidReaderDouble(profile, options);
  if (card) device.insertCard(card);
  return device;
}

export class CcidReaderDouble extends UsbDeviceDouble {
  readonly profile: CcidReaderProfile;
  readonly faults = new FaultSwitchboard();
  /** Every CCID message, T=1 block and APDU, PIN data masked. */
  readonly log: Transcript;
  readonly slots: readonly SimSlot[];
  readonly level: ExchangeLevel;

  private busy: Busy | null = null;
  private controlAbort: { slot: number; seq: number } | null = null;
  private bulkAbort: { slot: number; seq: number } | null = null;
  private lastReply: Uint8Array | null = null;
  private pendingBoundaryZlp: boolean | undefined;
  private clockKhz: number;
  private dataRate: number;

  constructor(profile: CcidReaderProfile, options: CcidReaderOptions = {}) {
    super({
      identity: profile.identity,
      configurationDescriptor: profile.configurationDescriptor,
      allowProtectedClasses: options.allowProtectedClasses,
      heldByOsDriver: options.heldByOsDriver,
      // ZLPs are added per message here (profile default, or the boundary-length fault).
      sendsZeroLengthPacket: false,
    });
    this.profile = profile;
    this.log = options.transcript ?? new Transcript();
    this.level = exchangeLevelOf(profile.fields.features);
    this.slots = profile.slots.map((kind, i) => new SimSlot(i, kind, defaultParameters(profile.fields.protocols)));
    this.clockKhz = profile.fields.defaultClockKhz;
    this.dataRate = profile.fields.dataRate;
  }

  // ---- the card ------------------------------------------------------------------------------

  /** Put a card in a slot (default 0); NotifySlotChange follows on the interrupt endpoint. */
  insertCard(card: SimCard, slot = 0): void {
    const s = this.slotAt(slot);
    s.unsubscribe?.();
    s.deactivate();
    s.card = card;
    // A card that can leave by itself (the virtual card's `removed`) is followed like a real slot switch.
    s.unsubscribe =
      card.onPresenceChange?.((present) => {
        if (s.card !== card) return;
        if (!present) s.deactivate();
        this.log.note('ccid', `card ${present ? 'back in' : 'taken out of'} slot ${slot}`);
        this.notifySlotChange(s);
      }) ?? null;
    this.log.note('ccid', `card inserted in slot ${slot}`);
    if (s.cardVisible) this.notifySlotChange(s);
  }

  /** Put back the card last taken out of a slot (by removeCard or the card-pulled fault). */
  reinsertCard(slot = 0): void {
    const card = this.slotAt(slot).lastRemoved;
    if (!card) throw new Error(`sim: no card was taken out of slot ${slot}`);
    this.insertCard(card, slot);
  }

  /** Take the card out of a slot (default 0); NotifySlotChange follows. */
  removeCard(slot = 0): void {
    const s = this.slotAt(slot);
    const wasVisible = s.cardVisible;
    s.unsubscribe?.();
    s.unsubscribe = null;
    s.deactivate();
    if (s.card) s.lastRemoved = s.card;
    s.card = null;
    this.log.note('ccid', `card removed from slot ${slot}`);
    if (wasVisible) this.notifySlotChange(s);
  }

  // ---- USB -----------------------------------------------------------------------------------

  protected override onReset(): void {
    for (const s of this.slots) s.deactivate();
    this.busy = null;
    this.controlAbort = null;
    this.bulkAbort = null;
    // §6.3.1: at start-up the reader reports the slots that hold a card (present + changed).
    const withCard = this.slots.filter((s) => s.cardVisible);
    for (const s of withCard) s.changed = true;
    if (withCard.length) this.sendNotify();
  }

  protected override onBulkOut(endpointNumber: number, data: Uint8Array): void {
    if (endpointNumber !== this.profile.endpoints.bulkOut) return;
    this.handle(data).catch((e: unknown) => this.log.note('ccid', `sim: internal error ${String(e)}`));
  }

  protected override onControlIn(setup: SetupPacket, length: number): Uint8Array | 'stall' {
    if (setup.requestType !== 'class' || setup.recipient !== 'interface' || (setup.index & 0xff) !== this.profile.interfaceNumber) return 'stall';
    // §5.3.2 GET_CLOCK_FREQUENCIES (0x02) and §5.3.3 GET_DATA_RATES (0x03): arrays of dwords.
    const list = setup.request === 0x02 ? this.profile.clockFrequenciesKhz : setup.request === 0x03 ? this.profile.dataRates : 'stall';
    if (list === 'stall') return 'stall';
    this.log.note('ccid', `${setup.request === 0x02 ? 'GET_CLOCK_FREQUENCIES' : 'GET_DATA_RATES'} wLength ${length}`);
    return Uint8Array.from(list.flatMap(u32le));
  }

  protected override onControlOut(setup: SetupPacket, _data: Uint8Array): 'ok' | 'stall' {
    if (setup.requestType !== 'class' || setup.recipient !== 'interface' || (setup.index & 0xff) !== this.profile.interfaceNumber) return 'stall';
    if (setup.request !== 0x01) return 'stall';
    // §5.3.1 ABORT: wValue = bSeq << 8 | bSlot.
    const slot = setup.value & 0xff;
    const seq = setup.value >> 8;
    if (slot >= this.slots.length) return 'stall';
    this.log.note('ccid', `ABORT request slot ${slot} seq ${seq}`);
    if (this.busy && this.busy.slot === slot) this.busy.aborted = true;
    if (this.bulkAbort && this.bulkAbort.slot === slot && this.bulkAbort.seq === seq) {
      // The PC_to_RDR_Abort came first: answer it now.
      this.bulkAbort = null;
      this.slots[slot].aborting = null;
      this.deliver(this.slotStatus(this.slots[slot], seq, COMMAND.ok, 0), PC_TO_RDR.Abort);
    } else {
      this.controlAbort = { slot, seq };
      this.slots[slot].aborting = { seq };
    }
    return 'ok';
  }

  // ---- bulk OUT ----------------------------------------------------------------------------------

  private async handle(bytes: Uint8Array): Promise<void> {
    const cmd = readCommand(bytes);
    if (!cmd) {
      this.log.record('ccid', 'out', bytes, 'shorter than a CCID header: ignored');
      return;
    }
    if ((this.faults.peek('unplug')?.when ?? 'command') === 'command' && this.takeCommandFault('unplug', cmd)) {
      this.log.record('ccid', 'out', bytes, 'fault: unplug');
      this.unplug();
      return;
    }
    if (this.takeCommandFault('silence', cmd)) {
      this.log.record('ccid', 'out', bytes, 'fault: silence (no answer)');
      return;
    }

    if (cmd.type === PC_TO_RDR.Abort) {
      this.log.record('ccid', 'out', bytes);
      this.onAbortMessage(cmd);
      return;
    }
    const slot = this.slots[cmd.slot];
    if (!slot) {
      this.log.record('ccid', 'out', bytes);
      this.deliver(rdrToPc(responseTypeFor(cmd.type), cmd.slot, cmd.seq, COMMAND.failed | ICC.absent, OFFSET.bSlot, 0), cmd.type);
      return;
    }
    if (slot.aborting) {
      this.log.record('ccid', 'out', bytes);
      this.deliver(this.failed(cmd, slot, CCID_ERROR.CMD_ABORTED), cmd.type);
      return;
    }
    // bMaxCCIDBusySlots = 1 on every profile here: one command at a time for the whole reader (§6.2.6).
    if (this.busy) {
      this.log.record('ccid', 'out', bytes, 'slot busy');
      this.deliver(this.failed(cmd, slot, CCID_ERROR.CMD_SLOT_BUSY), cmd.type);
      return;
    }
    const maxMessage = this.profile.acceptedMaxMessageLength ?? this.profile.fields.maxMessageLength;
    if (cmd.length !== cmd.data.length || 10 + cmd.length > maxMessage) {
      this.log.record('ccid', 'out', bytes, 'dwLength wrong or above the maximum message length');
      this.deliver(this.failed(cmd, slot, OFFSET.dwLength), cmd.type);
      return;
    }

    const busy: Busy = { slot: cmd.slot, seq: cmd.seq, aborted: false };
    this.busy = busy;
    let reply: Reply;
    try {
      reply = await this.execute(cmd, slot, bytes);
    } catch (e) {
      // The card failed under the command (the virtual card rejects every transmit once removed):
      // a reader sees a mute card (§6.2.6 ICC_MUTE), or a hardware error if the card is still there.
      this.log.note('ccid', `the card failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!slot.cardVisible) slot.deactivate();
      reply = { bytes: this.failed(cmd, slot, slot.cardVisible ? CCID_ERROR.HW_ERROR : CCID_ERROR.ICC_MUTE) };
    } finally {
      this.busy = null;
    }
    if (this.isUnplugged) return;
    if (busy.aborted) reply = { bytes: this.failed(cmd, slot, CCID_ERROR.CMD_ABORTED) };
    this.deliver(reply.bytes, cmd.type, reply.boundaryZlp);
  }

  private async execute(cmd: PcToRdr, slot: SimSlot, raw: Uint8Array): Promise<Reply> {
    if (cmd.type !== PC_TO_RDR.XfrBlock) this.log.record('ccid', 'out', raw);
    switch (cmd.type) {
      case PC_TO_RDR.IccPowerOn:
        return { bytes: await this.powerOn(cmd, slot) };
      case PC_TO_RDR.IccPowerOff:
        slot.deactivate();
        return { bytes: this.slotStatus(slot, cmd.seq, COMMAND.ok, 0) };
      case PC_TO_RDR.GetSlotStatus:
        return { bytes: this.slotStatus(slot, cmd.seq, COMMAND.ok, 0) };
      case PC_TO_RDR.XfrBlock:
        return this.xfrBlock(cmd, slot, raw);
      case PC_TO_RDR.GetParameters:
        return { bytes: this.parametersReply(slot, cmd.seq) };
      case PC_TO_RDR.ResetParameters:
        slot.parameters = slot.atr && slot.powered
          ? parametersFromAtr(slot.atr, this.profile.fields.features, this.profile.fields.protocols)
          : defaultParameters(this.profile.fields.protocols);
        return { bytes: this.parametersReply(slot, cmd.seq) };
      case PC_TO_RDR.SetParameters:
        return { bytes: this.setParameters(cmd, slot) };
      case PC_TO_RDR.Escape:
        return { bytes: this.escape(cmd, slot) };
      case PC_TO_RDR.IccClock:
        return { bytes: this.iccClock(cmd, slot) };
      case PC_TO_RDR.SetDataRateAndClockFrequency:
        return { bytes: this.setRateAndClock(cmd, slot) };
      default:
        // T0APDU, Secure (bPINSupport 0), Mechanical (dwMechanical 0) and unknown types (§6.2.6).
        return { bytes: this.failed(cmd, slot, CCID_ERROR.CMD_NOT_SUPPORTED) };
    }
  }

  // ---- commands ------------------------------------------------------------------------------------

  /**
   * §6.1.1 PC_to_RDR_IccPowerOn → RDR_to_PC_DataBlock with the ATR. The card is reset every time: a
   * cold reset when the slot was off (first activation, after IccPowerOff, after the card was taken
   * out and put back), a warm reset when it was on (ISO/IEC 7816-3:2006 §6.2.2, §6.2.3). Either way
   * the card loses its security status, so a VERIFY never outlives a power cycle.
   */
  private async powerOn(cmd: PcToRdr, slot: SimSlot): Promise<Uint8Array> {
    const select = cmd.params[0];
    // bPowerSelect: 0 automatic, 1 = 5 V, 2 = 3 V, 3 = 1.8 V; others, or a voltage the reader lacks → bError 7.
    if (select > 3 || (select !== 0 && !(this.profile.fields.voltageSupport & (1 << (select - 1))))) {
      return this.failed(cmd, slot, OFFSET.bPowerSelect);
    }
    if (!slot.cardVisible || !slot.card) return this.failed(cmd, slot, CCID_ERROR.ICC_MUTE);
    if (this.takeCommandFault('card-mute', cmd)) {
      slot.deactivate();
      return this.failed(cmd, slot, CCID_ERROR.ICC_MUTE);
    }
    const card = slot.card;
    slot.deactivate();
    const atrBytes = card.reset ? await card.reset() : card.atr;
    // The card may have been taken out while it answered the reset.
    if (slot.card !== card || !slot.cardVisible) return this.failed(cmd, slot, CCID_ERROR.ICC_MUTE);
    const atr = readAtr(atrBytes);
    slot.powered = true;
    slot.atr = atr;
    slot.parameters = parametersFromAtr(atr, this.profile.fields.features, this.profile.fields.protocols);
    slot.t1 = new CardT1(this.recordingCard(card), { ifsc: atr.ifsc, edc: atr.edc, faults: this.t1Faults() });
    slot.ppsAllowed = this.levelOf(slot) === 'tpdu' && !atr.specificMode;
    return rdrToPc(RDR_TO_PC.DataBlock, slot.index, cmd.seq, COMMAND.ok | slot.iccStatus, 0, 0, atrBytes);
  }

  /** §6.1.4 PC_to_RDR_XfrBlock → RDR_to_PC_DataBlock. */
  private async xfrBlock(cmd: PcToRdr, slot: SimSlot, raw: Uint8Array): Promise<Reply> {
    const level = this.levelOf(slot);
    if (!slot.cardVisible || !slot.powered || !slot.card) {
      this.log.record('ccid', 'out', raw);
      // UNCONFIRMED which bError a reader gives for an inactive card; ICC_MUTE is what libccid expects.
      return { bytes: this.failed(cmd, slot, CCID_ERROR.ICC_MUTE) };
    }
    if (this.faults.take('card-pulled', cmd.seq)) {
      this.log.record('ccid', 'out', raw, 'fault: card pulled');
      this.removeCard(slot.index);
      return { bytes: this.failed(cmd, slot, CCID_ERROR.ICC_MUTE) };
    }
    if (this.takeCommandFault('card-mute', cmd)) {
      this.log.record('ccid', 'out', raw, 'fault: card mute');
      return { bytes: this.failed(cmd, slot, CCID_ERROR.ICC_MUTE) };
    }
    if (level === 'tpdu') return this.xfrTpdu(cmd, slot, raw);
    if (level === 'short-apdu' || level === 'extended-apdu') return this.xfrApdu(cmd, slot, raw, level);
    this.log.record('ccid', 'out', raw, 'character level is not modelled');
    return { bytes: this.failed(cmd, slot, CCID_ERROR.CMD_NOT_SUPPORTED) };
  }

  private async xfrTpdu(cmd: PcToRdr, slot: SimSlot, raw: Uint8Array): Promise<Reply> {
    const data = cmd.data;
    const atr = slot.atr!;
    if (slot.ppsAllowed && data[0] === 0xff) {
      slot.ppsAllowed = false;
      this.log.record('ccid', 'out', raw, 'PPS request');
      if (this.profile.fields.features & (FEATURE.autoPps | FEATURE.autoParameterNegotiation)) {
        // The reader already negotiated (dwFeatures 0x80/0x40). UNCONFIRMED what such firmware does with
        // a PPS from the host; this double stays tolerant and echoes a request for the current values.
        const current = slot.parameters.data[0];
        const echo = data.length === 4 && data[1] === (0x10 | slot.parameters.protocol) && data[2] === current && (data[0] ^ data[1] ^ data[2] ^ data[3]) === 0;
        return { bytes: echo ? this.dataBlock(slot, cmd.seq, data.slice()) : this.failed(cmd, slot, CCID_ERROR.ICC_MUTE) };
      }
      const outcome = answerPps(data, atr);
      if (outcome.kind === 'no-response') {
        this.log.note('ccid', `PPS not answered by the card: ${outcome.reason}`);
        return { bytes: this.failed(cmd, slot, CCID_ERROR.ICC_MUTE) };
      }
      // The reader now runs the selected protocol at the Fi/Di the card confirmed (§9.3).
      const fromAtr = parametersFromAtr(atr, this.profile.fields.features, this.profile.fields.protocols);
      const selected = outcome.protocol === fromAtr.protocol ? fromAtr : defaultParameters(outcome.protocol === 1 ? 2 : 1);
      const negotiated = selected.data.slice();
      negotiated[0] = outcome.fiDi;
      slot.parameters = { protocol: selected.protocol, data: negotiated };
      return { bytes: this.dataBlock(slot, cmd.seq, outcome.response) };
    }
    slot.ppsAllowed = false;
    if (slot.parameters.protocol !== 1 || !slot.t1) {
      this.log.record('ccid', 'out', raw, 'T=0 TPDU to a card that only answers T=1');
      return { bytes: this.failed(cmd, slot, CCID_ERROR.ICC_MUTE) };
    }
    const secret = slot.t1.secretRangeOf(data);
    recordBytes(this.log, 'ccid', 'out', raw, secret ? [10 + secret[0], 10 + secret[1]] : undefined);
    recordBytes(this.log, 't1', 'out', data, secret);
    const answer = await slot.t1.receive(data);
    if (answer.received.kind === 'invalid') this.log.note('t1', `the card found the block invalid (${answer.received.fault})`);
    if (secret) raw.fill(0, 10 + secret[0], 10 + secret[1]); // keep no PIN in the USB log either
    if (!slot.card || !slot.powered) return { bytes: this.failed(cmd, slot, CCID_ERROR.ICC_MUTE) };
    if (!answer.bytes) {
      this.log.note('t1', 'the card sent nothing (block lost)');
      return { bytes: this.failed(cmd, slot, CCID_ERROR.ICC_MUTE) };
    }
    this.log.record('t1', 'in', answer.bytes);
    // The reader frames the card's block with the EDC length it was told (bmTCCKST1 bit 0): CRC
    // expected from an LRC card means waiting for a byte that never comes; the reverse cuts one off.
    const readerCrc = (slot.parameters.data[1] & 1) === 1;
    if (readerCrc && slot.t1.edc === 'lrc') return { bytes: this.failed(cmd, slot, CCID_ERROR.ICC_MUTE) };
    const block = !readerCrc && slot.t1.edc === 'crc' ? answer.bytes.slice(0, -1) : answer.bytes;
    const zlp = this.pendingBoundaryZlp;
    this.pendingBoundaryZlp = undefined;
    return { bytes: this.dataBlock(slot, cmd.seq, block), boundaryZlp: zlp };
  }

  /** Short and extended APDU level (§6.1.4 wLevelParameter, §6.2.1 bChainParameter). */
  private async xfrApdu(cmd: PcToRdr, slot: SimSlot, raw: Uint8Array, level: ExchangeLevel): Promise<Reply> {
    const wLevel = cmd.params[1] | (cmd.params[2] << 8);
    const chunkMax = this.profile.fields.maxMessageLength - 10;
    if (level === 'short-apdu' || wLevel === 0x0000) {
      if (level === 'short-apdu' && wLevel !== 0) {
        this.log.record('ccid', 'out', raw);
        return { bytes: this.failed(cmd, slot, 8) };
      }
      slot.commandChain = null;
      slot.responseChain = null;
      const range = apduSecretRange(cmd.data);
      recordBytes(this.log, 'ccid', 'out', raw, range ? [10 + range[0], 10 + range[1]] : undefined);
      const apdu = cmd.data.slice();
      const response = await this.recordingCard(slot.card!).transmit(apdu);
      apdu.fill(0); // may hold a PIN (house rule 7)
      if (range) raw.fill(0, 10 + range[0], 10 + range[1]);
      return this.startResponse(cmd, slot, response, level === 'extended-apdu' ? chunkMax : Infinity);
    }
    if (wLevel === 0x0010) {
      this.log.record('ccid', 'out', raw);
      const chain = slot.responseChain;
      if (!chain || cmd.data.length !== 0) return { bytes: this.failed(cmd, slot, 8) };
      return { bytes: this.nextResponseChunk(slot, cmd.seq) };
    }
    if (wLevel === 0x0001 || wLevel === 0x0003 || wLevel === 0x0002) {
      const starts = wLevel === 0x0001;
      if (starts) {
        slot.commandChain = [];
        slot.commandChainSecret = cmd.data.length > 1 && apduSecretRange(cmd.data) !== undefined;
        slot.responseChain = null;
      }
      const chain = slot.commandChain;
      const secret = slot.commandChainSecret;
      recordBytes(this.log, 'ccid', 'out', raw, secret ? [starts ? 15 : 10, raw.length] : undefined);
      if (!chain) return { bytes: this.failed(cmd, slot, 8) };
      chain.push(cmd.data.slice());
      if (secret) raw.fill(0, starts ? 15 : 10);
      // "Continuation expected": an empty DataBlock with bChainParameter 0x10 (§6.2.1).
      if (wLevel !== 0x0002) return { bytes: this.dataBlock(slot, cmd.seq, new Uint8Array(0), 0x10) };
      slot.commandChain = null;
      slot.commandChainSecret = false;
      const apdu = concat(...chain);
      for (const part of chain) part.fill(0);
      const response = await this.recordingCard(slot.card!).transmit(apdu);
      apdu.fill(0);
      return this.startResponse(cmd, slot, response, chunkMax);
    }
    this.log.record('ccid', 'out', raw);
    return { bytes: this.failed(cmd, slot, 8) };
  }

  private startResponse(cmd: PcToRdr, slot: SimSlot, response: Uint8Array, chunkMax: number): Reply {
    let chunk = chunkMax;
    let boundaryZlp: boolean | undefined;
    // The forced chain waits for a response longer than its chunk (otherwise there is nothing to chain).
    const wanted = this.faults.peek('chain-response');
    const forced = wanted && Number.isFinite(chunkMax) && response.length > Math.min(wanted.chunk ?? chunkMax, chunkMax) ? this.faults.take('chain-response', cmd.seq) : undefined;
    if (forced) chunk = Math.max(1, Math.min(forced.chunk ?? chunkMax, chunkMax));
    if (this.faults.peek('boundary-length') && Number.isFinite(chunkMax)) {
      // First chunk of 64·k − 10 bytes, so that the whole DataBlock is 64·k bytes.
      const limit = Math.min(chunk, response.length);
      const k = Math.floor((limit + 10) / 64);
      const boundary = k >= 1 ? this.faults.take('boundary-length', cmd.seq) : undefined;
      if (boundary) {
        boundaryZlp = boundary.zlp ?? false;
        if (64 * k - 10 < response.length) {
          slot.responseChain = { data: response, offset: 0, chunk };
          return { bytes: this.nextResponseChunk(slot, cmd.seq, 64 * k - 10), boundaryZlp };
        }
      }
    }
    if (response.length <= chunk) return { bytes: this.dataBlock(slot, cmd.seq, response), boundaryZlp };
    slot.responseChain = { data: response, offset: 0, chunk };
    return { bytes: this.nextResponseChunk(slot, cmd.seq) };
  }

  private nextResponseChunk(slot: SimSlot, seq: number, size?: number): Uint8Array {
    const chain = slot.responseChain!;
    const first = chain.offset === 0;
    const n = Math.min(size ?? chain.chunk, chain.data.length - chain.offset);
    const part = chain.data.slice(chain.offset, chain.offset + n);
    chain.offset += n;
    const last = chain.offset >= chain.data.length;
    if (last) slot.responseChain = null;
    // bChainParameter: 01 begins and continues, 03 continues, 02 ends (§6.2.1).
    const code = first ? (last ? 0x00 : 0x01) : last ? 0x02 : 0x03;
    return this.dataBlock(slot, seq, part, code);
  }

  /** §6.1.7 PC_to_RDR_SetParameters → RDR_to_PC_Parameters. */
  private setParameters(cmd: PcToRdr, slot: SimSlot): Uint8Array {
    const protocol = cmd.params[0];
    const check = checkSetParameters(protocol, cmd.data, this.profile.fields.protocols, this.profile.fields.features);
    if (check !== 'ok') {
      return rdrToPc(RDR_TO_PC.Parameters, slot.index, cmd.seq, COMMAND.failed | slot.iccStatus, check, slot.parameters.protocol);
    }
    slot.parameters = { protocol: protocol === 1 ? 1 : 0, data: cmd.data.slice() };
    return this.parametersReply(slot, cmd.seq);
  }

  private parametersReply(slot: SimSlot, seq: number): Uint8Array {
    return rdrToPc(RDR_TO_PC.Parameters, slot.index, seq, COMMAND.ok | slot.iccStatus, 0, slot.parameters.protocol, slot.parameters.data);
  }

  /** §6.1.8 PC_to_RDR_Escape → RDR_to_PC_Escape. */
  private escape(cmd: PcToRdr, slot: SimSlot): Uint8Array {
    const answer = this.profile.escape?.(slot, cmd.data) ?? 'unsupported';
    if (answer === 'unsupported') return this.failed(cmd, slot, CCID_ERROR.CMD_NOT_SUPPORTED);
    return rdrToPc(RDR_TO_PC.Escape, slot.index, cmd.seq, COMMAND.ok | slot.iccStatus, 0, 0, answer);
  }

  /** §6.1.9 PC_to_RDR_IccClock: 0 restarts, 1 stops the clock (only with dwFeatures 0x100). */
  private iccClock(cmd: PcToRdr, slot: SimSlot): Uint8Array {
    const command = cmd.params[0];
    if (!(this.profile.fields.features & FEATURE.clockStop)) return this.failed(cmd, slot, CCID_ERROR.CMD_NOT_SUPPORTED);
    if (command > 1) return this.failed(cmd, slot, 7);
    if (!slot.powered) return this.failed(cmd, slot, CCID_ERROR.ICC_MUTE);
    slot.clockStopped = command === 1;
    return this.slotStatus(slot, cmd.seq, COMMAND.ok, 0);
  }

  /**
   * §6.1.14 PC_to_RDR_SetDataRateAndClockFrequency → RDR_to_PC_DataRateAndClockFrequency with the
   * values in force. A value the reader does not list is not applied and the current values come
   * back (UNCONFIRMED how real firmware reports it; tolerant here).
   */
  private setRateAndClock(cmd: PcToRdr, slot: SimSlot): Uint8Array {
    if (cmd.data.length !== 8) return this.failed(cmd, slot, OFFSET.dwLength);
    const clock = readU32le(cmd.data, 0);
    const rate = readU32le(cmd.data, 4);
    const f = this.profile.fields;
    const clocks = this.profile.clockFrequenciesKhz;
    const rates = this.profile.dataRates;
    const clockOk = clocks !== 'stall' && clocks.length ? clocks.includes(clock) : clock >= f.defaultClockKhz && clock <= f.maximumClockKhz;
    const rateOk = rates !== 'stall' && rates.length ? rates.includes(rate) : rate >= f.dataRate && rate <= f.maxDataRate;
    if (clockOk && rateOk) {
      this.clockKhz = clock;
      this.dataRate = rate;
    }
    return rdrToPc(RDR_TO_PC.DataRateAndClockFrequency, slot.index, cmd.seq, COMMAND.ok | slot.iccStatus, 0, 0, Uint8Array.from([...u32le(this.clockKhz), ...u32le(this.dataRate)]));
  }

  /** §6.1.13 PC_to_RDR_Abort, paired with the ABORT class request (§5.3.1). */
  private onAbortMessage(cmd: PcToRdr): void {
    const slot = this.slots[cmd.slot];
    if (!slot) {
      this.deliver(rdrToPc(RDR_TO_PC.SlotStatus, cmd.slot, cmd.seq, COMMAND.failed | ICC.absent, OFFSET.bSlot, 0), cmd.type);
      return;
    }
    if (this.controlAbort && this.controlAbort.slot === cmd.slot && this.controlAbort.seq === cmd.seq) {
      this.controlAbort = null;
      slot.aborting = null;
      this.deliver(this.slotStatus(slot, cmd.seq, COMMAND.ok, 0), cmd.type);
      return;
    }
    // Wait for the ABORT request with the same bSlot and bSeq; it releases this answer.
    this.bulkAbort = { slot: cmd.slot, seq: cmd.seq };
  }

  // ---- replies ------------------------------------------------------------------------------------

  private dataBlock(slot: SimSlot, seq: number, data: Uint8Array, chain = 0): Uint8Array {
    return rdrToPc(RDR_TO_PC.DataBlock, slot.index, seq, COMMAND.ok | slot.iccStatus, 0, chain, data);
  }

  private slotStatus(slot: SimSlot, seq: number, command: number, error: number): Uint8Array {
    // bClockStatus: 0 running; 3 stopped in an unknown state (UNCONFIRMED which level SCM firmware reports).
    return rdrToPc(RDR_TO_PC.SlotStatus, slot.index, seq, command | slot.iccStatus, error, slot.powered && slot.clockStopped ? 3 : 0);
  }

  /** A failed command, answered with its own response type (§6.2.6). */
  private failed(cmd: PcToRdr, slot: SimSlot, error: number): Uint8Array {
    const type = responseTypeFor(cmd.type);
    const specific = type === RDR_TO_PC.Parameters ? slot.parameters.protocol : 0;
    return rdrToPc(type, slot.index, cmd.seq, COMMAND.failed | slot.iccStatus, error, specific);
  }

  /** Send a reply on bulk IN, applying the delivery faults. */
  private deliver(reply: Uint8Array, commandType: number, boundaryZlp?: boolean): void {
    const ep = this.profile.endpoints.bulkIn;
    const cmd = { type: commandType, seq: reply[6] };
    const stall = this.takeCommandFault('stall', cmd);
    if (stall && (stall.direction ?? 'in') === 'in') {
      this.log.record('ccid', 'in', reply, 'fault: stall (reply lost, bulk IN halted)');
      this.stall(ep, 'in');
      return;
    }
    if (this.takeCommandFault('stale-seq', cmd)) {
      const stale = this.lastReply ?? rdrToPc(RDR_TO_PC.SlotStatus, reply[5], (reply[6] + 255) & 0xff, reply[7] & 0x03, 0, 0);
      this.log.record('ccid', 'in', stale, 'fault: stale reply');
      this.sendIn(ep, stale);
    }
    const ext = this.takeCommandFault('time-extension', cmd);
    if (ext) {
      for (let i = 0; i < (ext.times ?? 1); i++) {
        const wait = rdrToPc(reply[0], reply[5], reply[6], COMMAND.timeExtension | (reply[7] & 0x03), ext.multiplier ?? 1, 0);
        this.log.record('ccid', 'in', wait, 'fault: time extension');
        this.sendIn(ep, wait);
      }
    }
    if (this.faults.peek('unplug')?.when === 'reply' && this.takeCommandFault('unplug', cmd)) {
      this.log.record('ccid', 'in', reply.slice(0, 64), 'fault: unplug after the first packet');
      this.sendIn(ep, reply.slice(0, 64));
      // Pulled a moment later, once the host could take the first packet.
      setTimeout(() => this.unplug(), 0);
      return;
    }
    const split = this.takeCommandFault('split-packets', cmd);
    this.log.record('ccid', 'in', reply, split ? 'fault: split packets' : undefined);
    const zlp = reply.length % 64 === 0 && (boundaryZlp ?? this.profile.zeroLengthPacket);
    if (split) {
      const gap = split.gapMs ?? 5;
      let i = 0;
      for (let off = 0; off < reply.length; off += 64, i++) this.sendIn(ep, reply.slice(off, off + 64), gap * i);
      if (zlp) this.sendIn(ep, new Uint8Array(0), gap * i);
    } else {
      this.sendIn(ep, reply);
      if (zlp) this.sendIn(ep, new Uint8Array(0));
    }
    this.lastReply = reply;
    if (stall && stall.direction === 'out') this.stall(this.profile.endpoints.bulkOut, 'out');
  }

  // ---- interrupt IN ---------------------------------------------------------------------------------

  private notifySlotChange(slot: SimSlot): void {
    slot.changed = true;
    this.sendNotify();
  }

  /** RDR_to_PC_NotifySlotChange: 50, then 2 bits per slot (present, changed), LSB first (§6.3.1). */
  private sendNotify(): void {
    const ep = this.profile.endpoints.interrupt;
    if (ep === undefined || !this.opened) {
      for (const s of this.slots) s.changed = false;
      return;
    }
    const bytes = new Uint8Array(1 + Math.ceil((2 * this.slots.length) / 8));
    bytes[0] = RDR_TO_PC.NotifySlotChange;
    for (const s of this.slots) {
      const bits = (s.cardVisible ? 1 : 0) | (s.changed ? 2 : 0);
      bytes[1 + (s.index >> 2)] |= bits << (2 * (s.index & 3));
      s.changed = false;
    }
    this.log.record('ccid', 'in', bytes, 'NotifySlotChange');
    this.sendIn(ep, bytes);
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private levelOf(slot: SimSlot): ExchangeLevel {
    return slot.kind === 'contactless' ? (this.profile.contactlessLevel ?? 'short-apdu') : this.level;
  }

  private slotAt(index: number): SimSlot {
    const s = this.slots[index];
    if (!s) throw new Error(`sim: the reader has no slot ${index}`);
    return s;
  }

  /** Use a command fault if armed for this command type (default: XfrBlock only). */
  private takeCommandFault<K extends CommandFault>(name: K, cmd: { type: number; seq: number }) {
    const params: { on?: CommandScope } | undefined = this.faults.peek(name);
    if (!params) return undefined;
    const on: CommandScope | 'xfr-or-power-on' = params.on ?? (name === 'card-mute' ? 'xfr-or-power-on' : 'xfr');
    const matches =
      on === 'any' ||
      (on === 'xfr' && cmd.type === PC_TO_RDR.XfrBlock) ||
      (on === 'power-on' && cmd.type === PC_TO_RDR.IccPowerOn) ||
      (on === 'xfr-or-power-on' && (cmd.type === PC_TO_RDR.XfrBlock || cmd.type === PC_TO_RDR.IccPowerOn));
    if (!matches) return undefined;
    const p = this.faults.take(name, cmd.seq);
    if (p) this.log.note('ccid', `fault fired: ${name as FaultName} (bSeq ${cmd.seq})`);
    return p;
  }

  private t1Faults(): CardT1Faults {
    const f = this.faults;
    return {
      takeIgnore: () => f.take('lose-blocks') !== undefined,
      takeNak: () => f.take('nak') !== undefined,
      takeBadEdc: () => f.take('bad-edc') !== undefined,
      takeWtx: () => {
        const p = f.take('wtx');
        return p ? (p.multiplier ?? 2) : undefined;
      },
      takeIfsRequest: () => {
        const p = f.take('ifs-request');
        return p ? (p.ifsc ?? 128) : undefined;
      },
      takeResponseChunk: (remaining, ifsd) => {
        const p = f.peek('boundary-length');
        if (!p) return undefined;
        // DataBlock = 10 + NAD PCB LEN + INF + EDC; pick the largest INF that makes it 64·k bytes.
        const edc = this.slots.some((s) => s.t1?.edc === 'crc') ? 2 : 1;
        const limit = Math.min(remaining, ifsd);
        const k = Math.floor((limit + 13 + edc) / 64);
        const inf = 64 * k - 13 - edc;
        if (k < 1 || inf < 1 || !f.take('boundary-length')) return undefined;
        this.pendingBoundaryZlp = p.zlp ?? false;
        return inf;
      },
    };
  }

  /** The card, with each APDU and response recorded (PIN data masked). */
  private recordingCard(card: SimCard): SimCard {
    const log = this.log;
    return {
      atr: card.atr,
      async transmit(apdu: Uint8Array): Promise<Uint8Array> {
        recordBytes(log, 'apdu', 'out', apdu, apduSecretRange(apdu));
        const response = await card.transmit(apdu);
        log.record('apdu', 'in', response);
        return response;
      },
    };
  }
}
