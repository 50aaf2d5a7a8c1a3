/**
 * `CcidReader`: a USB CCID reader over WebUSB as a `CardReader` (architecture: public entry
 * points). Open → select configuration → read the raw configuration descriptor → claim the CCID
 * interface → power on (voltage as the descriptor allows) → ATR → PPS/SetParameters as the
 * features require → exchanges at the reader's level: TPDU (host-side T=1 via T1Host),
 * short APDU, or extended APDU (CCID chaining).
 */
import { LensError, isLensError } from '../../errors';
import type { Transcript } from '../../trace/transcript';
import { parseConfigurationDescriptor, readConfigurationDescriptor } from '../../usb/config-descriptor';
import { findCcidFunctions, type CcidFunction } from '../../usb/ccid-function';
import { detectOs, mapUsbError, vidPid, type HostOs, type UsbErrorContext, type UsbOperation } from '../../usb/errors';
import { withTimeout, quiet } from '../../usb/bounded';
import { lookupReader } from '../../usb/catalogue';
import { parseAtr, type Atr } from '../atr';
import { T1Host, requireT1, t1ParamsFromAtr, type T1BlockPort } from '../t1';
import { commandDeadlineError, commandDeadlineMs } from '../command-deadline';
import type { CardReader, ReaderInfo } from '../types';
import { extendedApdu, shortApdu } from './apdu-exchange';
import { parseCcidDescriptor, type CcidDescriptor } from './descriptor';
import { getSlotStatus, iccPowerOff, iccPowerOn, setParameters, xfrBlock, type CcidResponse } from './messages';
import { parameterStructure, planProtocol, ppsAccepted, ppsRequest, protocolTimeoutMs, rateOf, type ProtocolPlan } from './params';
import { SlotWatcher } from './slot-watch';
import { commandStatusOf, iccStatusOf } from './status';
import { CcidTransport, responseError, type Head } from './transport';

export interface OpenCcidOptions {
  /** Bound on one exchange with the reader, ms (default 5000). */
  readonly timeoutMs?: number;
  /** Overall bound on one transmit(), ms (default 60 000; src/readers/command-deadline.ts). */
  readonly commandDeadlineMs?: number;
  readonly transcript?: Transcript;
  /** `navigator.userAgentData?.platform ?? navigator.userAgent`, for OS-specific error advice */
  readonly platform?: string;
  /** CCID slot (default 0; on the SCR331-DI slot 0 is the contact slot) */
  readonly slot?: number;
  /** which CCID interface of a composite reader (default: the first found) */
  readonly interfaceNumber?: number;
  /** GetSlotStatus polling period when the reader has no interrupt endpoint (default 500 ms) */
  readonly pollIntervalMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;

/** What the power-up settled on, for diagnostics and the bench. */
export interface CcidSession {
  readonly atr: Uint8Array;
  readonly parsedAtr: Atr;
  readonly plan: ProtocolPlan;
  readonly voltage: 'auto' | '5V' | '3V' | '1.8V';
  readonly exchangeTimeoutMs: number;
}

type Limits = CardReader['apduLimits'];

export class CcidReader implements CardReader {
  readonly info: ReaderInfo;
  readonly descriptor: CcidDescriptor;
  readonly function: CcidFunction;
  readonly transport: CcidTransport;
  private readonly slot: number;
  private readonly timeoutMs: number;
  private readonly explicitTimeout: boolean;
  private readonly commandDeadlineMs: number;
  /** Date.now() past which the APDU being transmitted must end; undefined outside transmit(). */
  private commandDeadline: number | undefined;
  private readonly transcript: Transcript | undefined;
  private readonly watcher: SlotWatcher;
  private readonly listeners = new Set<(present: boolean) => void>();
  private t1: T1Host | undefined;
  private powered = false;
  private removedWhilePowered = false;
  private closed = false;
  private limits: Limits;
  /** GET_DATA_RATES answer: undefined = not asked yet, null = none */
  private rates: number[] | null | undefined;
  session: CcidSession | undefined;

  constructor(readonly device: USBDevice, fn: CcidFunction, descriptor: CcidDescriptor, ctx: UsbErrorContext, options: OpenCcidOptions) {
    this.function = fn;
    this.descriptor = descriptor;
    this.slot = options.slot ?? 0;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.explicitTimeout = options.timeoutMs !== undefined;
    this.commandDeadlineMs = commandDeadlineMs(options.commandDeadlineMs);
    this.transcript = options.transcript;
    this.transport = new CcidTransport(device, fn, { errorContext: ctx, maxMessageLength: descriptor.maxMessageLength, ...(options.transcript ? { transcript: options.transcript } : {}) });
    this.info = {
      vendorId: device.vendorId,
      productId: device.productId,
      name: ctx.name,
      family: 'ccid',
      cardInterface: /picc|contactless|felica|nfc/i.test(ctx.name) ? 'contactless' : 'contact',
      exchangeLevel: descriptor.exchangeLevel,
      protocols: descriptor.protocols,
      experimental: false,
    };
    this.limits = levelLimits(descriptor, false);
    this.watcher = new SlotWatcher(
      device,
      fn.interruptIn ? { endpointNumber: fn.interruptIn.endpointNumber, packetSize: fn.interruptIn.packetSize } : undefined,
      descriptor.slots,
      {
        onChange: (slot, present) => this.slotChanged(slot, present),
        onHardwareError: (slot, code) => {
          // e.g. overcurrent: the reader has deactivated the card; the session is gone
          this.transcript?.note('ccid', `hardware error 0x${code.toString(16)} on slot ${slot}`);
          if (slot === this.slot && this.powered) this.dropSession();
        },
        poll: () => this.cardPresent(),
      },
      options.pollIntervalMs,
    );
    this.watcher.start();
  }

  get apduLimits(): Limits {
    const l = this.limits;
    // TPDU level, short-APDU card: the response data and SW1 SW2 fit in one I-block when they are at
    // most IFSD bytes (ISO/IEC 7816-3:2006 §11.4.2); 256 + 2 > IFSD (≤ 254) always costs two I-blocks and
    // an R-block. Reporting IFSD − 2 makes the card layer read in single-block chunks. Read live: IFSD
    // can still rise if the first S(IFS) went unanswered and a later one succeeds (T1Host.transceive).
    if (this.t1 && !l.extendedLength) return { ...l, maxResponseData: Math.max(1, Math.min(l.maxResponseData, this.t1.ifsd - 2)) };
    return l;
  }

  get atr(): Uint8Array | undefined {
    return this.session?.atr;
  }

  // ---- CardReader ---------------------------------------------------------------------------------

  powerOn(): Promise<Uint8Array> {
    return this.transport.serialize(() => this.doPowerOn());
  }

  transmit(apdu: Uint8Array): Promise<Uint8Array> {
    return this.transport.serialize(() => this.doTransmit(apdu));
  }

  powerOff(): Promise<void> {
    return this.transport.serialize(async () => {
      this.dropSession();
      const r = await this.exchange((h) => iccPowerOff(h), 'IccPowerOff', this.timeoutMs);
      const err = responseError(r, 'IccPowerOff', this.info.name);
      if (err && err.code !== 'card-absent') throw err;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.watcher.stop();
    this.listeners.clear();
    this.dropSession();
    const bound = this.timeoutMs;
    // Power the card down politely when we can; then let go of the interface and the device.
    try {
      if (!this.transport.broken && this.device.opened) {
        await this.transport.serialize(() => this.exchange((h) => iccPowerOff(h), 'IccPowerOff', bound));
      }
    } catch {
      // closing anyway
    }
    try {
      if (this.device.opened) {
        await withTimeout(quiet(this.device.releaseInterface(this.function.interfaceNumber)), bound, 'releaseInterface').catch(() => undefined);
        await withTimeout(quiet(this.device.close()), bound, 'close');
      }
    } catch {
      // the device may already be gone; nothing is left to release on our side
    }
  }

  cardPresent(): Promise<boolean> {
    return this.transport.serialize(async () => {
      const r = await this.exchange((h) => getSlotStatus(h), 'GetSlotStatus', this.timeoutMs);
      return iccStatusOf(r.status) !== 'absent';
    });
  }

  onCardChange(listener: (present: boolean) => void): () => void {
    this.listeners.add(listener);
    this.watcher.startPolling();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.watcher.stopPolling();
    };
  }

  // ---- power-up -------------------------------------------------------------------------------------

  private async doPowerOn(): Promise<Uint8Array> {
    this.dropSession();
    this.removedWhilePowered = false;
    const { atr, voltage } = await this.activate();
    const parsed = parseAtr(atr);
    const level = this.descriptor.exchangeLevel;
    // At TPDU level the page runs the protocol itself, and it runs T=1 only (t0-not-supported).
    if (level === 'tpdu') requireT1(parsed);
    const plan = planProtocol(parsed, this.descriptor, await this.dataRates());
    const fiDi = plan.pps ? await this.pps(plan) : plan.fiDi;
    const finalPlan = fiDi === plan.fiDi ? plan : { ...plan, ...rateOf(fiDi, plan.clockKhz), fiDi };
    if (plan.setParameters) await this.setParameters(parsed, finalPlan);
    // An explicit options.timeoutMs is the bound (architecture); otherwise the card's own timing.
    const exchangeTimeoutMs = this.explicitTimeout ? this.timeoutMs : Math.max(this.timeoutMs, protocolTimeoutMs(parsed, finalPlan));
    const session: CcidSession = { atr, parsedAtr: parsed, plan: finalPlan, voltage, exchangeTimeoutMs };
    this.session = session; // the T=1 port below reads the exchange timeout from it
    this.transcript?.note('ccid', `powered at ${voltage}, T=${plan.protocol}, Fi/Di 0x${fiDi.toString(16)}, ${finalPlan.bps} bps, PPS ${plan.pps ? 'sent' : 'not sent'}, SetParameters ${plan.setParameters ? 'sent' : 'not sent'}`);
    if (level === 'tpdu') {
      const port: T1BlockPort = { exchange: (block, opts) => this.tpdu(block, opts.wtx) };
      // IFSD: what the reader can carry (dwMaxIFSD, ≤ 254 by ISO/IEC 7816-3 §11.4.2); NAD 0 as libccid.
      const params = t1ParamsFromAtr(parsed, { readerNegotiatesIfsd: this.descriptor.features.autoIfsd, maxIfsd: Math.max(1, this.descriptor.maxIfsd || 254), nad: 0 });
      const t1 = new T1Host(port, params, this.transcript);
      await t1.negotiateIfsd();
      this.t1 = t1;
    }
    this.limits = levelLimits(this.descriptor, parsed.historical.capabilities?.extendedLength === true);
    this.powered = true;
    return atr.slice();
  }

  /** IccPowerOn: automatic voltage when the reader chooses (0x08), else 5 V → 3 V → 1.8 V (libccid). */
  private async activate(): Promise<{ atr: Uint8Array; voltage: CcidSession['voltage'] }> {
    const tries: { select: 0 | 1 | 2 | 3; voltage: CcidSession['voltage'] }[] = this.descriptor.features.autoVoltage
      ? [{ select: 0, voltage: 'auto' }]
      : ([[1, '5V'], [2, '3V'], [3, '1.8V']] as const).filter(([, v]) => this.descriptor.voltages.includes(v)).map(([select, voltage]) => ({ select, voltage }));
    if (tries.length === 0) tries.push({ select: 0, voltage: 'auto' });
    let last: LensError | undefined;
    for (const t of tries) {
      const r = await this.exchange((h) => iccPowerOn(h, t.select), 'IccPowerOn', this.timeoutMs);
      const err = responseError(r, 'IccPowerOn', this.info.name);
      if (!err) {
        if (r.type !== 'DataBlock' || r.data.length < 2) throw new LensError('reader-protocol-error', { what: 'IccPowerOn' }, { detail: `${r.type} with ${r.data.length} bytes` });
        return { atr: r.data, voltage: t.voltage };
      }
      if (err.code === 'card-absent') throw err;
      last = err;
      this.transcript?.note('ccid', `no ATR at ${t.voltage}: ${err.message}`);
    }
    throw last ?? new LensError('card-mute', { name: this.info.name });
  }

  /**
   * GET_DATA_RATES (CCID §5.3.3): the rates the reader can run, so a TA1 it cannot do is lowered
   * (libccid src/ccid_usb.c get_data_rates). Asked once; a stall or an error means "no list".
   * Not asked when the reader negotiates everything itself (0x40).
   */
  private async dataRates(): Promise<readonly number[] | undefined> {
    if (this.rates !== undefined || this.descriptor.features.autoParameterNegotiation) return this.rates ?? undefined;
    const n = this.descriptor.numDataRatesSupported;
    try {
      const r = await withTimeout(
        quiet(this.device.controlTransferIn({ requestType: 'class', recipient: 'interface', request: 0x03, value: 0, index: this.function.interfaceNumber }, n > 0 ? 4 * n : 1024)),
        this.timeoutMs,
        'GET_DATA_RATES',
      );
      const v = r.status === 'ok' ? r.data : undefined;
      const list: number[] = [];
      for (let o = 0; v && o + 4 <= v.byteLength; o += 4) list.push(v.getUint32(o, true));
      this.rates = list.length ? list : null;
    } catch {
      this.rates = null;
    }
    return this.rates ?? undefined;
  }

  private async pps(plan: ProtocolPlan): Promise<number> {
    const request = ppsRequest(plan.protocol, plan.fiDi);
    // The PPS goes as an XfrBlock; at TPDU level wLevelParameter is 0 (libccid towitoko/pps.c via
    // CCID_Transmit). Character level, where it would be the expected length, is refused at open.
    const r = await this.exchange((h) => xfrBlock(h, request), 'PPS', this.timeoutMs);
    const err = responseError(r, 'PPS', this.info.name);
    const accepted = err ? { ok: false, fiDi: 0x11 } : ppsAccepted(request, r.data);
    if (!accepted.ok) throw new LensError('card-protocol-unsupported', { protocol: `T=${plan.protocol}` }, { detail: `PPS refused: ${err?.message ?? Array.from(r.data, (b) => b.toString(16)).join(' ')}` });
    return accepted.fiDi;
  }

  private async setParameters(atr: Atr, plan: ProtocolPlan): Promise<void> {
    const structure = parameterStructure(atr, plan);
    const r = await this.exchange((h) => setParameters(h, plan.protocol, structure), 'SetParameters', this.timeoutMs);
    if (commandStatusOf(r.status) === 'failed') {
      // libccid: bError 1..127 = "parameter not changeable", taken as success; 0 = not supported.
      if (r.error >= 0x01 && r.error <= 0x7f) {
        this.transcript?.note('ccid', `SetParameters: byte ${r.error} not changeable (accepted, as libccid does)`);
        return;
      }
      throw responseError(r, 'SetParameters', this.info.name) ?? new LensError('reader-protocol-error', { what: 'SetParameters' });
    }
  }

  // ---- exchanges ------------------------------------------------------------------------------------

  private async doTransmit(apdu: Uint8Array): Promise<Uint8Array> {
    if (this.closed) throw new LensError('reader-closed', { name: this.info.name });
    if (!this.powered || !this.session) {
      if (this.removedWhilePowered) throw new LensError('card-removed', { name: this.info.name });
      throw new LensError('card-not-powered', { name: this.info.name });
    }
    const l = this.limits;
    const lc = apduDataLength(apdu);
    // An extended Lc or Le would be misread as a short one by a short-APDU path (ISO/IEC 7816-4 §5.1).
    if (!l.extendedLength && isExtendedForm(apdu)) throw new LensError('apdu-needs-extended-length', { nc: lc });
    if (lc > l.maxCommandData || (!l.extendedLength && apdu.length > 261)) {
      throw new LensError('apdu-too-long', { length: apdu.length, max: l.extendedLength ? l.maxCommandData : 255 });
    }
    // Every exchange of this APDU (T=1 blocks, CCID chaining, time extensions) ends by this time; the
    // transport aborts the one in flight when it passes (src/readers/command-deadline.ts).
    const deadline = Date.now() + this.commandDeadlineMs;
    this.commandDeadline = deadline;
    try {
      switch (this.descriptor.exchangeLevel) {
        case 'tpdu':
          return await this.t1!.transceive(apdu);
        case 'short-apdu':
          return await shortApdu((build, what) => this.checked(build, what), apdu);
        case 'extended-apdu':
          return await extendedApdu((build, what) => this.checked(build, what), apdu, this.descriptor.maxMessageLength);
        default:
          throw new LensError('unsupported-reader', { name: this.info.name, vidpid: vidPid(this.device.vendorId, this.device.productId) });
      }
    } catch (e) {
      if (isLensError(e, 'timeout') && Date.now() >= deadline) throw this.afterFailure(commandDeadlineError(this.commandDeadlineMs, e));
      throw this.afterFailure(e);
    } finally {
      this.commandDeadline = undefined;
    }
  }

  /** One TPDU (a T=1 block) through XfrBlock; bBWI carries the WTX multiplier (libccid CCID_Transmit). */
  private async tpdu(block: Uint8Array, wtx: number): Promise<Uint8Array> {
    const timeout = (this.session?.exchangeTimeoutMs ?? this.timeoutMs) * Math.max(1, wtx);
    const r = await this.exchange((h) => xfrBlock(h, block, wtx > 1 ? Math.min(wtx, 255) : 0), 'XfrBlock (T=1 block)', timeout);
    const err = responseError(r, 'XfrBlock', this.info.name);
    if (err) {
      // ICC_MUTE with the card still there: nothing came back within BWT, which T=1 recovers from
      // (R-block, ISO/IEC 7816-3 §11.6.3.2). A card that is gone ends the session.
      if (err.code === 'card-absent') throw this.endSessionCardRemoved();
      // A parity error or overrun on the card's block (bError FD/FC) means the block arrived garbled:
      // for T=1 that is an invalid block, recovered by an R-block like a silent card (ISO/IEC 7816-3
      // §11.6.3.2), so it goes up as the recoverable 'card-mute', with the real cause in the detail.
      if (r.error === 0xfd || r.error === 0xfc) throw new LensError('card-mute', { name: this.info.name }, { detail: err.message });
      throw err;
    }
    return r.data;
  }

  private async checked(build: (h: Head) => Uint8Array, what: string): Promise<CcidResponse> {
    const r = await this.exchange(build, what, this.session?.exchangeTimeoutMs ?? this.timeoutMs);
    const err = responseError(r, what, this.info.name);
    if (err) throw err.code === 'card-absent' ? this.endSessionCardRemoved() : err;
    return r;
  }

  private async exchange(build: (h: Head) => Uint8Array, what: string, timeoutMs: number): Promise<CcidResponse> {
    if (this.closed && what !== 'IccPowerOff') throw new LensError('reader-closed', { name: this.info.name });
    const deadline = this.commandDeadline;
    return this.transport.exchange(this.slot, build, { timeoutMs, what, ...(deadline !== undefined ? { deadline } : {}) });
  }

  /** The card left while powered: the session ends, and later transmits say so (card-removed). */
  private endSessionCardRemoved(): LensError {
    this.dropSession();
    this.removedWhilePowered = true;
    return new LensError('card-removed', { name: this.info.name });
  }

  /** After a failed exchange: a reset or an unplug means the card is no longer powered. */
  private afterFailure(e: unknown): unknown {
    if (this.transport.resetHappened) {
      this.transport.resetHappened = false;
      this.dropSession();
    }
    if (isLensError(e, 'reader-unplugged')) this.dropSession();
    return e;
  }

  private dropSession(): void {
    this.powered = false;
    this.t1 = undefined;
    this.session = undefined;
  }

  private slotChanged(slot: number, present: boolean): void {
    if (slot !== this.slot) return;
    this.transcript?.note('ccid', `slot ${slot}: card ${present ? 'inserted' : 'removed'}`);
    if (this.powered) {
      // removed, or removed and re-inserted between two notifications: the session is gone
      this.dropSession();
      this.removedWhilePowered = true;
    }
    for (const l of this.listeners) l(present);
  }
}

/** Extended length fields (ISO/IEC 7816-4 §5.1): a 00 byte after the header, then two length bytes. */
function isExtendedForm(apdu: Uint8Array): boolean {
  return apdu.length >= 7 && apdu[4] === 0;
}

/**
 * Nc of a command APDU (ISO/IEC 7816-4 §5.1), 0 when there is no command data: cases 1 and 2S (≤ 5
 * bytes) and 2E (7 bytes, `00 Le1 Le2` — an extended Le, not an Lc) carry none.
 */
function apduDataLength(apdu: Uint8Array): number {
  if (apdu.length <= 5) return 0;
  if (apdu[4] !== 0) return apdu[4];
  return apdu.length > 7 ? (apdu[5] << 8) | apdu[6] : 0;
}

/**
 * What one APDU may carry at this level. Short APDU: 255/256. Extended APDU: 65535/65536 (CCID
 * chaining). TPDU with host T=1: T=1 chaining carries any length, so extended APDUs pass when the
 * card says it takes them (ATR historical bytes, card capabilities) — decided after the ATR.
 */
function levelLimits(d: CcidDescriptor, cardExtended: boolean): Limits {
  switch (d.exchangeLevel) {
    case 'extended-apdu':
      return { extendedLength: true, maxCommandData: 65535, maxResponseData: 65536 };
    case 'tpdu':
      return cardExtended ? { extendedLength: true, maxCommandData: 65535, maxResponseData: 65536 } : { extendedLength: false, maxCommandData: 255, maxResponseData: 256 };
    default:
      return { extendedLength: false, maxCommandData: 255, maxResponseData: 256 };
  }
}

/** Open, configure and claim a CCID reader (architecture: public entry point). */
export async function openCcidReader(device: USBDevice, options: OpenCcidOptions = {}): Promise<CcidReader> {
  const os: HostOs = detectOs(options.platform);
  const known = lookupReader(device.vendorId, device.productId);
  const name = known?.name ?? (device.productName?.trim() || `USB reader ${vidPid(device.vendorId, device.productId)}`);
  const ctx: UsbErrorContext = { op: 'open', name, vendorId: device.vendorId, productId: device.productId, os };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const step = async <T>(op: UsbOperation, p: () => Promise<T>, interfaceNumber?: number): Promise<T> => {
    try {
      return await withTimeout(quiet(p()), timeoutMs, op);
    } catch (e) {
      throw mapUsbError(e, { ...ctx, op, ...(interfaceNumber !== undefined ? { interfaceNumber } : {}) });
    }
  };
  if (!device.opened) await step('open', () => device.open());
  try {
    return await configureAndClaim(device, options, ctx, step);
  } catch (e) {
    // Let go of the device so the user (or another tab) can try again; the error says why.
    await withTimeout(quiet(device.close()), timeoutMs, 'close').catch(() => undefined);
    throw e;
  }
}

type Step = <T>(op: UsbOperation, p: () => Promise<T>, interfaceNumber?: number) => Promise<T>;

async function configureAndClaim(device: USBDevice, options: OpenCcidOptions, ctx: UsbErrorContext, step: Step): Promise<CcidReader> {
  const { name } = ctx;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cfgValue = device.configurations[0]?.configurationValue ?? 1;
  if (device.configuration?.configurationValue !== cfgValue) await step('select-configuration', () => device.selectConfiguration(cfgValue));
  const raw = await step('control', () => readConfigurationDescriptor(device, 0, timeoutMs));
  const functions = findCcidFunctions(parseConfigurationDescriptor(raw));
  const fn = options.interfaceNumber !== undefined ? functions.find((f) => f.interfaceNumber === options.interfaceNumber) : functions[0];
  if (!fn) {
    throw new LensError('unsupported-reader', { name, vidpid: vidPid(device.vendorId, device.productId) }, { detail: 'no CCID interface (class 0x0B/0xFF with a 54-byte class descriptor)' });
  }
  const descriptor = parseCcidDescriptor(fn.classDescriptor);
  if (descriptor.exchangeLevel === 'character') {
    // Character level needs the host to run T=1 byte by byte with wLevelParameter counts (libccid
    // CmdXfrBlockCHAR_T0 / t1_xcv); 6 of libccid's 773 interfaces do this, none of them used in Japan.
    throw new LensError('unsupported-reader', { name, vidpid: vidPid(device.vendorId, device.productId) }, { detail: 'character-level exchange is not implemented' });
  }
  const slot = options.slot ?? 0;
  if (slot > descriptor.maxSlotIndex) {
    throw new LensError('unsupported-reader', { name, vidpid: vidPid(device.vendorId, device.productId) }, { detail: `slot ${slot} of ${descriptor.slots}` });
  }
  if (device.vendorId === 0x04e6 && device.productId === 0x5120 && slot === 1) {
    // libccid sends vendor Escapes before using the SCR331-DI's contactless slot (src/ccid.c); their
    // meaning is not documented publicly, so we do not send them: contact slot only.
    throw new LensError('unsupported-reader', { name, vidpid: vidPid(device.vendorId, device.productId) }, { detail: 'the SCR331-DI contactless slot is not supported; use slot 0 (contact)' });
  }
  await step('claim', () => device.claimInterface(fn.interfaceNumber), fn.interfaceNumber);
  if (fn.alternateSetting !== 0) await step('claim', () => device.selectAlternateInterface(fn.interfaceNumber, fn.alternateSetting), fn.interfaceNumber);
  return new CcidReader(device, fn, descriptor, ctx, { ...options, slot });
}
