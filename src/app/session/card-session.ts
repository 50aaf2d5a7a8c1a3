/**
 * The card session, as a state machine that components only render (architecture: "the state
 * machine of a card session lives in a controller, not in components"):
 *
 *   idle ──connect/demo/restore──▶ connecting ──▶ no-card ◀──card removed── ready
 *                                       │            │ card inserted          ▲
 *                                       ▼            ▼                        │
 *                                     idle ◀──── reading ──(overview read)────┘
 *                                  (problem)         └──▶ failed (problem; "read again")
 *
 * Every failure becomes `problem` (a LensError with ja/en text) while the phase stays one the user can
 * act on, so nothing ever needs a reload. The house rules this file keeps:
 * - no PIN try is spent without an explicit user action: the overview reads counters with the empty
 *   VERIFY and only the certificates that need nothing; PIN methods run only from a dialog submit;
 * - a VERIFY is never re-sent here (the card layer sends it at most once; errors are reported);
 * - PIN values are passed straight to the card layer and not kept; personal data (the sign
 *   certificate, 個人番号 and 4 info) lives in the snapshot only until `clearPersonal()`, a card
 *   removal or a disconnect.
 */
import type { CertificateKind, JpkiPin } from '../../card/jpki';
import type { KenhojoData } from '../../card/kenhojo';
import type { PinStatus } from '../../card/pin';
import type { FaceCheck } from './card-face-flow';
import type { JpkiCardInfo } from '../../card/card-info';
import type { PinStatusEntry } from '../../card/pin-status';
import type { CardChannel } from '../../card/channel';
import type { RecognisedCard } from './recognised';
import { LensError, isLensError } from '../../errors';
import type { CardReader, ContactlessKbps, OpenReaderOptions, ReaderInfo } from '../../readers/types';
import type { DriverOpenOptions } from '../../readers/drivers';
import { Transcript } from '../../trace/transcript';
import type { CatalogueEntry } from '../../usb/catalogue';
import { detectOs, vidPid, type HostOs } from '../../usb/errors';
import { channelOf } from './card-channel';
import { withContactlessRate } from './contactless-rate';
import { recogniseJpki, recogniseOther } from './recognised';

type Catalogue = typeof import('../../usb/catalogue');
let catalogue: Promise<Catalogue> | undefined;
/**
 * The reader catalogue (≈46 KB of generated rows) is a chunk of its own: preloaded when the session
 * is created, so that by the time the user clicks "connect" awaiting it costs a microtask and the
 * chooser still opens within the click's user activation.
 */
function loadCatalogue(): Promise<Catalogue> {
  catalogue ??= import('../../usb/catalogue').catch((e: unknown) => {
    catalogue = undefined;
    throw e;
  });
  return catalogue;
}

export type Runtime = typeof import('./runtime');
/** The loaded reader/card stack, as flows in their own models receive it (runCardStep). */
export type SessionRuntime = Runtime;
let runtime: Promise<Runtime> | undefined;
/** The reader/card stack, loaded on first use (see runtime.ts); a failed fetch is retried next time. */
function loadRuntime(): Promise<Runtime> {
  runtime ??= import('./runtime').catch((e: unknown) => {
    runtime = undefined;
    throw e;
  });
  return runtime;
}

export type SessionPhase = 'idle' | 'connecting' | 'no-card' | 'reading' | 'ready' | 'failed';

/** The certificates read without asking for anything (the auth one needs its PIN on smartphone tokens). */
export type FreeCertificateKind = Exclude<CertificateKind, 'sign'>;
export const FREE_CERTIFICATES: readonly FreeCertificateKind[] = ['auth', 'auth-ca', 'sign-ca'];

export interface ConnectedReader {
  readonly info: ReaderInfo;
  readonly productName: string;
  readonly serialNumber: string | null;
  readonly vidpid: string;
  readonly demo: boolean;
  readonly catalogue?: CatalogueEntry;
  /** The CCID class descriptor when the driver exposes it (for the reader check and diagnostics). */
  readonly descriptor?: unknown;
  /** Contactless readers, after a card read: the air-link rate and why (CardReader.contactlessRate). */
  readonly contactlessRate?: NonNullable<CardReader['contactlessRate']>;
}

export interface CertificateSlot {
  readonly der?: Uint8Array;
  readonly error?: LensError;
}

export interface CardOverview {
  readonly atr: Uint8Array;
  readonly info: JpkiCardInfo;
  readonly pins: readonly PinStatusEntry[];
  readonly certificates: Readonly<Record<FreeCertificateKind, CertificateSlot>>;
}

/** What "my reader isn't listed" found out about the device the user picked. */
export interface IdentifiedDevice {
  readonly productName: string;
  readonly vidpid: string;
  readonly catalogue?: CatalogueEntry;
}

/** Which virtual card the demo puts in the reader (issue 11: both are offered). */
export type DemoCard = 'my-number' | 'licence';

export type BusyAction = 'connect' | 'read' | 'verify' | 'change-pin' | 'personal' | 'face' | 'sign';

export interface SessionSnapshot {
  readonly phase: SessionPhase;
  readonly reader?: ConnectedReader;
  readonly card?: CardOverview;
  /** Read after the 署名用パスワード; holds name, address, birth date and sex. */
  readonly signCertificate?: Uint8Array;
  /** 個人番号 and 4 info after the 入力補助 PIN; never saved, cleared when its screen is left. */
  readonly personal?: KenhojoData;
  /** The 券面AP face (and back) with their signature checks (card-face-flow.ts); same handling as `personal`. */
  readonly face?: FaceCheck;
  /** The counter of 照合番号B (券面AP EF 0012), read with the empty VERIFY. */
  readonly faceKeyB?: PinStatus;
  readonly problem?: LensError;
  readonly identified?: IdentifiedDevice;
  readonly busy?: BusyAction;
  /** Which card this is, by SELECTs (issue 11): a licence or an unknown card has no `card`. */
  readonly recognised?: RecognisedCard;
}

/** The part of `navigator.usb` the session uses (the sim's FakeUsb and Chrome's USB both fit). */
export interface UsbHost {
  getDevices(): Promise<USBDevice[]>;
  requestDevice(options: USBDeviceRequestOptions): Promise<USBDevice>;
  addEventListener(type: 'connect' | 'disconnect', listener: (e: Event) => void): void;
}

export interface SessionDeps {
  /** `navigator.usb`; undefined in a browser without WebUSB (only the demo then works). */
  readonly usb?: UsbHost;
  /** `navigator.userAgentData?.platform ?? navigator.userAgent`, for per-OS advice. */
  readonly platform?: string;
  readonly openReader?: (device: USBDevice, options: DriverOpenOptions) => Promise<CardReader>;
  /** The simulated reader with a virtual card inside (a lazily loaded chunk): a My Number card, or an IC driver's licence. */
  readonly loadDemoDevice?: (card?: DemoCard) => Promise<USBDevice>;
  /** Bound on one exchange with the reader, ms. */
  readonly timeoutMs?: number;
  /** The user's contactless rate cap, asked at each activation (src/app/state/contactless-rate-setting.ts). */
  readonly contactlessMaxRate?: () => ContactlessKbps | undefined;
}

/** Outcome of a PIN dialog's submit: the dialog stays open on failure and shows the error. */
export type PinOutcome = { readonly ok: true } | { readonly ok: false; readonly error: LensError };

type Listener = (s: SessionSnapshot) => void;

/**
 * Errors after which nobody knows whether the card executed the last command (a VERIFY may have
 * counted a try). `timeout` is not here: it already ends the read (the card leaves the screen and
 * "read again" re-reads every counter).
 */
const OUTCOME_UNKNOWN: readonly string[] = ['t1-transmission-lost', 'isodep-no-response', 'isodep-wait-limit'];

/** Anything thrown becomes a LensError (a stack trace is never what the user sees). */
export function asLensError(e: unknown): LensError {
  if (isLensError(e)) return e;
  const name = e instanceof Error ? e.name : 'Error';
  const message = e instanceof Error ? e.message : String(e);
  return new LensError('app-unexpected', { what: name }, { cause: e, detail: message });
}

export class CardSessionModel {
  private snap: SessionSnapshot = { phase: 'idle' };
  private readonly listeners = new Set<Listener>();
  private device: USBDevice | undefined;
  private reader: CardReader | undefined;
  private channel: CardChannel | undefined;
  private unwatchCard: (() => void) | undefined;
  /** Bumped whenever the reader or card changes, so a late answer from an old one is dropped. */
  private generation = 0;
  private readonly os: HostOs;
  private readonly open: NonNullable<SessionDeps['openReader']>;
  private rt: Runtime | undefined;
  /** The exchanges of this reader for the diagnostics report (redacted during sensitive steps). */
  transcript = new Transcript();

  constructor(private readonly deps: SessionDeps = {}) {
    this.os = detectOs(deps.platform);
    this.open = deps.openReader ?? (async (device, options) => (await loadRuntime()).openReader(device, options));
    // Fetch the catalogue now (not in the initial bundle) so a click finds it ready.
    loadCatalogue().catch(() => undefined);
    deps.usb?.addEventListener('disconnect', (e) => this.onUnplug((e as USBConnectionEvent).device));
    deps.usb?.addEventListener('connect', () => void this.onPlug());
  }

  get value(): SessionSnapshot {
    return this.snap;
  }

  get hostOs(): HostOs {
    return this.os;
  }

  get hasWebUsb(): boolean {
    return this.deps.usb !== undefined;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: SessionSnapshot): void {
    this.snap = next;
    for (const l of this.listeners) l(next);
  }

  private patch(p: Partial<SessionSnapshot>): void {
    this.set({ ...this.snap, ...p });
  }

  /** Drop keys from the snapshot (exactOptionalPropertyTypes-friendly "set to undefined"). */
  private without(...keys: (keyof SessionSnapshot)[]): SessionSnapshot {
    const copy: Record<string, unknown> = { ...this.snap };
    for (const k of keys) delete copy[k];
    return copy as unknown as SessionSnapshot;
  }

  /** The loaded reader/card stack; a reader is open only after `attach` loaded it. */
  private runtime(): Runtime {
    if (!this.rt) throw new LensError('app-unexpected', { what: 'runtime not loaded' });
    return this.rt;
  }

  dismissProblem(): void {
    if (this.snap.problem || this.snap.identified) this.set(this.without('problem', 'identified'));
  }

  /** "Connect a reader": Chrome's chooser, filtered to the readers a page can drive. */
  async connect(): Promise<void> {
    await this.choose((c) => c.pageUsableFilters(), false);
  }

  /** "My reader isn't listed": the chooser with every Smart Card class device, to explain it. */
  async identifyUnlisted(): Promise<void> {
    await this.choose((c) => c.smartCardClassFilters(), true);
  }

  private async choose(filters: (c: Catalogue) => USBDeviceFilter[], identify: boolean): Promise<void> {
    const usb = this.deps.usb;
    if (!usb || this.snap.busy) return;
    let device: USBDevice;
    let cat: Catalogue;
    try {
      // requestDevice must run inside the click's user activation: only the preloaded catalogue
      // (already resolved in practice) is awaited before it.
      cat = await loadCatalogue();
      device = await usb.requestDevice({ filters: filters(cat) });
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      // Cancelling the chooser is not a failure; say only how to get the reader listed.
      this.set({ ...this.without('identified'), problem: name === 'NotFoundError' ? new LensError('no-device-selected', {}, { cause: e }) : asLensError(e) });
      return;
    }
    if (identify) {
      const catalogue = cat.lookupReader(device.vendorId, device.productId);
      this.patch({ identified: { productName: device.productName ?? '', vidpid: vidPid(device.vendorId, device.productId), ...(catalogue ? { catalogue } : {}) } });
    }
    await this.attach(device, false);
  }

  /** Readers granted in an earlier visit reconnect on load (`getDevices`), the first one that opens. */
  async restore(): Promise<void> {
    const usb = this.deps.usb;
    if (!usb || this.reader || this.snap.busy) return;
    let devices: USBDevice[];
    try {
      devices = await usb.getDevices();
    } catch {
      return; // permissions policy may forbid WebUSB: the connect button then reports it
    }
    const cat = await loadCatalogue();
    const usable = devices.filter((d) => cat.lookupReader(d.vendorId, d.productId)?.verdict === 'claimable');
    if (usable[0]) await this.attach(usable[0], false);
  }

  /** Demo mode: the same openReader path, with a simulated SCR3310-NTTCom holding a virtual card. */
  async startDemo(card: DemoCard = 'my-number'): Promise<void> {
    if (this.snap.busy || !this.deps.loadDemoDevice) return;
    this.patch({ busy: 'connect' });
    let device: USBDevice;
    try {
      device = await this.deps.loadDemoDevice(card);
    } catch (e) {
      this.set({ ...this.without('busy'), problem: asLensError(e) });
      return;
    }
    this.set(this.without('busy'));
    await this.attach(device, true);
  }

  /** Open `device` as a reader and read the card if one is there. */
  async attach(device: USBDevice, demo: boolean): Promise<void> {
    await this.detach();
    const gen = ++this.generation;
    this.transcript = new Transcript();
    this.set({ phase: 'connecting', busy: 'connect', ...(this.snap.identified ? { identified: this.snap.identified } : {}) });
    let reader: CardReader;
    let cat: Catalogue;
    try {
      const options: DriverOpenOptions & OpenReaderOptions = {
        transcript: this.transcript,
        ...(this.deps.platform ? { platform: this.deps.platform } : {}),
        ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}),
        ...(this.deps.contactlessMaxRate ? { contactlessMaxRate: this.deps.contactlessMaxRate } : {}),
      };
      this.rt = await loadRuntime();
      cat = await loadCatalogue();
      reader = await this.open(device, options);
    } catch (e) {
      if (gen !== this.generation) return;
      this.set({ phase: 'idle', problem: asLensError(e), ...(this.snap.identified ? { identified: this.snap.identified } : {}) });
      return;
    }
    if (gen !== this.generation) {
      void reader.close().catch(() => undefined);
      return;
    }
    this.device = device;
    this.reader = reader;
    const catalogue = cat.lookupReader(device.vendorId, device.productId);
    const descriptor = (reader as unknown as { descriptor?: unknown }).descriptor;
    const connected: ConnectedReader = {
      info: reader.info,
      productName: device.productName ?? reader.info.name,
      serialNumber: device.serialNumber ?? null,
      vidpid: vidPid(device.vendorId, device.productId),
      demo,
      ...(catalogue ? { catalogue } : {}),
      ...(descriptor !== undefined ? { descriptor } : {}),
    };
    this.transcript.note('app', `reader ${connected.productName} (${connected.vidpid}) opened${demo ? ' [demo]' : ''}`);
    this.set({ phase: 'no-card', reader: connected, ...(this.snap.identified ? { identified: this.snap.identified } : {}) });
    this.unwatchCard = reader.onCardChange((present) => this.onCardChange(present));
    let present: boolean;
    try {
      present = await reader.cardPresent();
    } catch (e) {
      if (gen === this.generation) this.fail(e);
      return;
    }
    if (gen === this.generation && present) await this.readCard();
  }

  private onCardChange(present: boolean): void {
    if (!this.reader) return;
    this.transcript.note('app', `card ${present ? 'inserted' : 'removed'}`);
    if (present) {
      if (this.snap.phase === 'no-card' || this.snap.phase === 'failed') void this.readCard();
      return;
    }
    // Pulled while something was being read or checked: say so (the result of that command is
    // unknown); a card taken out while idle needs no message.
    const midOperation = this.snap.phase === 'reading' || this.snap.busy !== undefined;
    const name = this.snap.reader?.productName ?? '';
    this.generation++;
    this.channel = undefined;
    this.set({
      phase: 'no-card',
      ...(this.snap.reader ? { reader: this.snap.reader } : {}),
      ...(midOperation ? { problem: new LensError('card-removed', { name }) } : {}),
    });
  }

  private onUnplug(device: USBDevice): void {
    if (device !== this.device) return;
    const name = this.snap.reader?.productName ?? device.productName ?? 'USB';
    this.dropReader();
    this.set({ phase: 'idle', problem: new LensError('reader-unplugged', { name }) });
    // Closing an unplugged device fails; nothing more to do with it.
  }

  private async onPlug(): Promise<void> {
    // A granted reader plugged back in reconnects by itself (the user already chose it).
    if (this.snap.phase === 'idle' && !this.snap.busy) await this.restore();
  }

  private dropReader(): void {
    this.generation++;
    this.unwatchCard?.();
    this.unwatchCard = undefined;
    this.reader = undefined;
    this.device = undefined;
    this.channel = undefined;
  }

  /** Close the reader (the card is powered off first by the driver). */
  async detach(): Promise<void> {
    const reader = this.reader;
    this.dropReader();
    if (reader) await reader.close().catch(() => undefined);
  }

  async disconnect(): Promise<void> {
    await this.detach();
    this.set({ phase: 'idle' });
  }

  private fail(e: unknown): void {
    const problem = asLensError(e);
    this.transcript.note('app', `problem: ${problem.code}`);
    // A gone reader ends the session; anything else leaves it open for "read again".
    if (problem.code === 'reader-unplugged') {
      this.dropReader();
      this.set({ phase: 'idle', problem });
      return;
    }
    this.set({ phase: this.reader ? 'failed' : 'idle', problem, ...(this.snap.reader && this.reader ? { reader: this.snap.reader } : {}) });
  }

  /**
   * Power the card, recognise it by SELECTing its applications (not by its ATR), read every PIN
   * counter without spending a try, and the certificates that need nothing.
   */
  async readCard(): Promise<void> {
    const reader = this.reader;
    if (!reader || (this.snap.busy && this.snap.busy !== 'connect')) return;
    const gen = ++this.generation;
    this.set({ phase: 'reading', busy: 'read', ...(this.snap.reader ? { reader: this.snap.reader } : {}) });
    try {
      const atr = await reader.powerOn();
      const channel = channelOf(reader, atr, this.transcript);
      const family = await this.runtime().recogniseCard(channel);
      if (family !== 'jpki') {
        const recognised = await recogniseOther(this.runtime(), channel, family, atr);
        if (gen !== this.generation) return;
        this.channel = channel;
        this.set({ phase: 'ready', ...(this.snap.reader ? { reader: this.snap.reader } : {}), recognised });
        return;
      }
      const jpki = new (this.runtime().JpkiAp)(channel);
      const info = await jpki.identify();
      const pins = await jpki.allPinStatus();
      const certificates: Partial<Record<FreeCertificateKind, CertificateSlot>> = {};
      for (const kind of FREE_CERTIFICATES) {
        try {
          certificates[kind] = { der: await jpki.readCertificate(kind) };
        } catch (e) {
          const err = asLensError(e);
          // Only card-level refusals stay per certificate; a gone card or reader ends the read.
          if (!['pin-not-verified', 'jpki-certificate-absent', 'jpki-certificate-not-der'].includes(err.code) && !err.code.startsWith('sw-')) throw e;
          certificates[kind] = { error: err };
        }
      }
      const recognised = await recogniseJpki(this.runtime(), channel, info, atr);
      if (gen !== this.generation) return;
      this.channel = channel;
      const connected = withContactlessRate(this.snap.reader, reader);
      this.set({
        phase: 'ready',
        ...(connected ? { reader: connected } : {}),
        card: { atr, info, pins, certificates: certificates as Record<FreeCertificateKind, CertificateSlot> },
        recognised,
      });
    } catch (e) {
      if (gen !== this.generation) return;
      const connected = withContactlessRate(this.snap.reader, reader);
      if (connected) this.patch({ reader: connected });
      this.fail(e);
    }
  }

  private updatePin(id: string, remaining: number | 'blocked' | 'max'): void {
    const card = this.snap.card;
    if (!card) return;
    const pins = card.pins.map((p) => {
      if (p.id !== id || !p.status) return p;
      const status =
        remaining === 'blocked'
          ? { ...p.status, remaining: 0, blocked: true }
          : remaining === 'max'
            ? { ...p.status, remaining: p.status.max, blocked: false }
            : { ...p.status, remaining, blocked: remaining === 0 };
      return { ...p, status };
    });
    this.patch({ card: { ...card, pins } });
  }

  /** Reflect a PIN error in the counters shown, from the card's own answer (no extra APDU). */
  private notePinError(id: string, err: LensError): void {
    if (err.code === 'pin-wrong' && typeof err.params.remaining === 'number') this.updatePin(id, err.params.remaining);
    if (err.code === 'pin-blocked') this.updatePin(id, 'blocked');
  }

  /** Run a PIN step: one at a time, only with a card, errors returned to the dialog. */
  private async pinStep(busy: BusyAction, pinId: string, step: (channel: CardChannel) => Promise<void>): Promise<PinOutcome> {
    const channel = this.channel;
    if (!channel || this.snap.phase !== 'ready') return { ok: false, error: new LensError('card-absent', { name: this.snap.reader?.productName ?? '' }) };
    if (this.snap.busy) return { ok: false, error: new LensError('app-busy') };
    const gen = this.generation;
    this.patch({ busy });
    try {
      await step(channel);
      if (gen === this.generation) this.set(this.without('busy'));
      return { ok: true };
    } catch (e) {
      const error = asLensError(e);
      if (gen === this.generation) {
        // Still busy while the counters are re-read, so no other PIN entry can start on stale ones.
        if (OUTCOME_UNKNOWN.includes(error.code)) await this.rereadPins(channel, gen, error);
        if (gen === this.generation) {
          this.set(this.without('busy'));
          this.notePinError(pinId, error);
          if (['reader-unplugged', 'card-removed', 'card-absent', 'timeout', 'card-mute'].includes(error.code)) this.fail(error);
        }
      }
      return { ok: false, error };
    }
  }

  /**
   * After an exchange whose outcome is unknown the card may or may not have counted a try, so the
   * counters shown are re-read (empty VERIFY: spends none). If even that fails, the card is dropped
   * from the screen ("read again" re-reads everything) rather than showing counters that may be wrong.
   */
  private async rereadPins(channel: CardChannel, gen: number, cause: LensError): Promise<void> {
    try {
      const pins = await new (this.runtime().JpkiAp)(channel).allPinStatus();
      const card = this.snap.card;
      if (gen === this.generation && card) this.patch({ card: { ...card, pins } });
    } catch (e) {
      this.transcript.note('app', `counters not re-read: ${asLensError(e).code}`);
      if (gen === this.generation) this.fail(cause);
    }
  }

  /**
   * The 署名用パスワード, then the sign certificate. `value` goes to the card layer, which validates
   * and upper-cases it, reads the counter, and refuses (sending nothing) when blocked or on an
   * unacknowledged last try.
   */
  verifySignAndRead(value: string, acknowledgeLastTry: boolean): Promise<PinOutcome> {
    return this.pinStep('verify', 'jpki-sign', async (channel) => {
      const jpki = new (this.runtime().JpkiAp)(channel);
      await jpki.verifyPin('sign', value, { acknowledgeLastTry });
      this.updatePin('jpki-sign', 'max');
      const der = await jpki.readCertificate('sign');
      this.patch({ signCertificate: der });
    });
  }

  /**
   * The auth PIN, then the auth certificate: on smartphone tokens that certificate is readable only
   * after the PIN (jpki/myna#6), so the overview offers this where the free read was refused.
   */
  verifyAuth(value: string, acknowledgeLastTry: boolean): Promise<PinOutcome> {
    return this.pinStep('verify', 'jpki-auth', async (channel) => {
      const jpki = new (this.runtime().JpkiAp)(channel);
      await jpki.verifyPin('auth', value, { acknowledgeLastTry });
      this.updatePin('jpki-auth', 'max');
      const der = await jpki.readCertificate('auth');
      const card = this.snap.card;
      if (card) this.patch({ card: { ...card, certificates: { ...card.certificates, auth: { der } } } });
    });
  }

  /** 入力補助 PIN, then 個人番号 + 4 info with the integrity check. */
  readPersonal(value: string, acknowledgeLastTry: boolean): Promise<PinOutcome> {
    return this.pinStep('personal', 'kenhojo', async (channel) => {
      const ap = new (this.runtime().KenhojoAp)(channel);
      await ap.verifyPin(value, { acknowledgeLastTry });
      this.updatePin('kenhojo', 'max');
      const personal = await ap.readAll({ trustTestKeys: this.demo });
      this.patch({ personal });
    });
  }

  /** CHANGE REFERENCE DATA after a VERIFY of the current value; both validated locally first. */
  changePin(pin: JpkiPin | 'kenhojo', current: string, next: string, acknowledgeLastTry: boolean): Promise<PinOutcome> {
    const id = pin === 'kenhojo' ? 'kenhojo' : pin === 'auth' ? 'jpki-auth' : 'jpki-sign';
    return this.pinStep('change-pin', id, async (channel) => {
      const rt = this.runtime();
      if (pin === 'kenhojo') await new rt.KenhojoAp(channel).changePin(current, next, { acknowledgeLastTry });
      else await new rt.JpkiAp(channel).changePin(pin, current, next, { acknowledgeLastTry });
      this.updatePin(id, 'max');
    });
  }

  /**
   * For flows kept in their own files (card-face-flow.ts, sign-flow.ts, licence-session.ts): `step` runs
   * as a PIN step on the current card — one at a time, busy-marked, errors returned to the dialog,
   * counters updated from the card's answer and re-read when the outcome is unknown (never re-sending a
   * VERIFY). `verified()` marks `pinId` as just verified (counter back to its maximum) at the moment the
   * step knows it; what the step returns is added to the snapshot, dropped if the card changed meanwhile.
   * On success the counter of `pinId` (when the overview lists it) is back at its maximum.
   */
  runCardStep(busy: BusyAction, pinId: string, step: (channel: CardChannel, rt: Runtime, verified: () => void) => Promise<Partial<SessionSnapshot> | void>): Promise<PinOutcome> {
    return this.pinStep(busy, pinId, async (channel) => {
      const gen = this.generation;
      const patch = await step(channel, this.runtime(), () => this.updatePin(pinId, 'max'));
      if (gen !== this.generation) return;
      if (this.snap.card?.pins.some((p) => p.id === pinId)) this.updatePin(pinId, 'max');
      if (patch) this.patch(patch);
    });
  }

  /** Whether the card in the reader is the demo's virtual card (its synthetic CAs are then trusted). */
  get demo(): boolean {
    return this.snap.reader?.demo === true;
  }

  /** Forget 個人番号, 4 info and the card face (the My Number and card-face screens call this when left). */
  clearPersonal(): void {
    if (this.snap.personal || this.snap.face || this.snap.faceKeyB) this.set(this.without('personal', 'face', 'faceKeyB'));
  }

  /** Forget the sign certificate read from the card (it holds the 4 info). */
  clearSignCertificate(): void {
    if (this.snap.signCertificate) this.set(this.without('signCertificate'));
  }
}
