/**
 * Test-only: replaces `navigator.usb` with a FakeUsb before the app loads. Built as a classic script
 * (vite.sim.config.ts → test-build/sim-usb.js) that Playwright injects with
 * `page.addInitScript({ path })`, after an init script that sets the configuration:
 *
 *   window.__JPKI_LENS_SIM__ = {
 *     devices: [{ profile: 'scr3310-nttcom', card: { person: 'ordinary' }, granted: true }],
 *     chooser: 'first',
 *   }
 *
 * A reader entry names a profile of `createVirtualReader` (src/sim/readers/registry.ts); `card` is
 * the options of `createVirtualMyNumberCard` (a default card when omitted, an empty reader with
 * `card: false`). `{ kind: 'echo' }` is a trivial loop-back device for testing this path itself.
 *
 * The override goes on `Navigator.prototype` (a configurable getter in Chromium, stack.md §2), so
 * the app reaches the doubles through exactly the calls a real reader gets:
 * `navigator.usb.getDevices()` / `requestDevice()` → USBDevice → driver. Tests drive it afterwards
 * through `window.__jpkiLensSim` (plug, unplug, chooser, USB log). Never part of the app build.
 */
import { FakeUsb } from './fake-usb';
import { EchoDevice } from './echo-device';
import type { UsbDeviceDouble } from '../usb/usb-device-double';
import { createVirtualReader, CcidReaderDouble, type ReaderProfile, type FaultName, type FaultParams } from '../readers';
import { createVirtualMyNumberCard, type VirtualCardOptions, type VirtualMyNumberCard } from '../card';
import { ContactlessReaderDouble } from '../sony/contactless-double';
import { RF_CONDITIONS, type RfCondition } from '../picc/rf-field';

/** A reader double with (by default) a virtual My Number card in its first slot. */
export interface SimReaderSpec {
  readonly profile: ReaderProfile;
  /** Options of the card in slot 0; `false` for an empty reader. Default: a default card. */
  readonly card?: VirtualCardOptions | false;
  /** The user picked it in an earlier visit, so `getDevices()` lists it. */
  readonly granted?: boolean;
  /** An operating-system driver holds it: open() or claimInterface() is refused. */
  readonly heldByOsDriver?: 'open' | 'claim';
  /** Claim protected classes anyway (as an Isolated Web App could). */
  readonly allowProtectedClasses?: boolean;
}

/** The loop-back device that tests the injection path itself. */
export interface SimEchoSpec {
  readonly kind: 'echo';
  readonly serialNumber?: string;
  readonly granted?: boolean;
}

export type SimDeviceSpec = SimReaderSpec | SimEchoSpec;

/**
 * What the simulated chooser does: pick the first candidate, cancel, or pick the candidate whose
 * productName or serialNumber equals the string.
 */
export type SimChooser = 'first' | 'cancel' | { readonly pick: string };

export interface SimConfig {
  readonly devices?: readonly SimDeviceSpec[];
  readonly chooser?: SimChooser;
}

export interface SimDeviceInfo {
  readonly index: number;
  readonly productName: string;
  readonly serialNumber: string | null;
  readonly vendorId: number;
  readonly productId: number;
  readonly plugged: boolean;
}

/** The control surface tests reach with `page.evaluate(() => window.__jpkiLensSim.…)`. */
export interface SimControl {
  readonly usb: FakeUsb;
  /** Plug in a new device; returns its index. */
  plug(spec: SimDeviceSpec): number;
  unplug(index: number): void;
  devices(): SimDeviceInfo[];
  setChooser(chooser: SimChooser): void;
  /** Every transfer the host made on device `index`, as hex strings. */
  usbLog(index: number): { dir: string; endpoint: number; hex: string }[];
  /** Put a (new) virtual card into a reader's slot; NotifySlotChange follows. */
  insertCard(index: number, card?: VirtualCardOptions, slot?: number): void;
  /** Take the card out of a reader's slot. */
  removeCard(index: number, slot?: number): void;
  /** Arm a fault on a CCID reader (src/sim/ccid/faults.ts) for its next command(s). */
  arm<K extends FaultName>(index: number, name: K, params?: FaultParams[K]): void;
  /** Set (or with `on` false, clear) a standing RF condition on a Sony double (src/sim/picc/rf-field.ts). */
  armRf(index: number, condition: RfCondition, on?: boolean): void;
  /** The faults that fired on a reader, in order. */
  fired(index: number): { name: string; seq?: number }[];
  /** The card last put in a reader's slot (for PIN counters and its APDU log), if any. */
  card(index: number, slot?: number): VirtualMyNumberCard | undefined;
  /** The device double itself, for what the helpers above do not cover. */
  raw(index: number): UsbDeviceDouble | undefined;
  /** How many times the page called requestDevice (each opens the simulated chooser). */
  readonly chooserCalls: number;
}

declare global {
  interface Window {
    __JPKI_LENS_SIM__?: SimConfig;
    __jpkiLensSim?: SimControl;
  }
}

interface Built {
  readonly device: UsbDeviceDouble;
  readonly cards: Map<number, VirtualMyNumberCard>;
}

function build(spec: SimDeviceSpec): Built {
  if ('kind' in spec) {
    if (spec.kind === 'echo') return { device: new EchoDevice(spec.serialNumber), cards: new Map() };
    throw new Error(`sim: unknown device kind ${JSON.stringify(spec)}`);
  }
  const cards = new Map<number, VirtualMyNumberCard>();
  let card: VirtualMyNumberCard | undefined;
  if (spec.card !== false) {
    card = createVirtualMyNumberCard(spec.card ?? {});
    cards.set(0, card);
  }
  const device = createVirtualReader(spec.profile, card, {
    ...(spec.heldByOsDriver ? { heldByOsDriver: spec.heldByOsDriver } : {}),
    ...(spec.allowProtectedClasses ? { allowProtectedClasses: true } : {}),
  });
  return { device, cards };
}

function reader(b: Built | undefined, index: number): CcidReaderDouble {
  if (!(b?.device instanceof CcidReaderDouble)) throw new Error(`sim: device ${index} is not a CCID reader double`);
  return b.device;
}

/** Both reader families (CCID and the Sony contactless doubles) take and give back cards the same way. */
interface CardHolder {
  insertCard(card: VirtualMyNumberCard, slot?: number): void;
  removeCard(slot?: number): void;
}

function holder(b: Built | undefined, index: number): CardHolder {
  const d = b?.device as Partial<CardHolder> | undefined;
  if (typeof d?.insertCard !== 'function' || typeof d.removeCard !== 'function') throw new Error(`sim: device ${index} holds no card`);
  return d as CardHolder;
}

function chooserFor(c: SimChooser): (candidates: readonly USBDevice[]) => USBDevice | undefined {
  if (c === 'cancel') return () => undefined;
  if (c === 'first') return (candidates) => candidates[0];
  return (candidates) => candidates.find((d) => d.productName === c.pick || d.serialNumber === c.pick);
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

export function installSimulatedUsb(config: SimConfig = {}): SimControl {
  const all: Built[] = [];
  let chooserCalls = 0;
  let choose = chooserFor(config.chooser ?? 'first');
  const usb = new FakeUsb({
    requireUserActivation: true,
    chooser: (candidates) => {
      chooserCalls++;
      return choose(candidates);
    },
  });
  Object.defineProperty(Navigator.prototype, 'usb', { configurable: true, enumerable: true, get: () => usb });

  const control: SimControl = {
    usb,
    plug(spec) {
      const built = build(spec);
      all.push(built);
      usb.plug(built.device, { granted: spec.granted ?? false });
      return all.length - 1;
    },
    unplug(index) {
      const b = all[index];
      if (b) usb.unplug(b.device);
    },
    devices() {
      const plugged = new Set(usb.pluggedDevices());
      return all.map(({ device: d }, index) => ({
        index,
        productName: d.productName,
        serialNumber: d.serialNumber,
        vendorId: d.vendorId,
        productId: d.productId,
        plugged: plugged.has(d),
      }));
    },
    setChooser(c) {
      choose = chooserFor(c);
    },
    usbLog(index) {
      return (all[index]?.device.usbLog ?? []).map((e) => ({ dir: e.dir, endpoint: e.endpoint, hex: hex(e.bytes) }));
    },
    insertCard(index, card = {}, slot = 0) {
      const b = all[index];
      const virtual = createVirtualMyNumberCard(card);
      holder(b, index).insertCard(virtual, slot);
      b?.cards.set(slot, virtual);
    },
    removeCard(index, slot = 0) {
      const b = all[index];
      holder(b, index).removeCard(slot);
      b?.cards.delete(slot);
    },
    arm(index, name, params) {
      reader(all[index], index).faults.arm(name, params);
    },
    armRf(index, condition, on = true) {
      const d = all[index]?.device;
      if (!(d instanceof ContactlessReaderDouble)) throw new Error(`sim: device ${index} is not a contactless reader double`);
      if (!RF_CONDITIONS.includes(condition)) throw new Error(`sim: unknown RF condition ${String(condition)}`);
      if (on) d.field.conditions.add(condition);
      else d.field.conditions.delete(condition);
    },
    fired(index) {
      return reader(all[index], index).faults.fired.map((f) => ({ ...f }));
    },
    card(index, slot = 0) {
      return all[index]?.cards.get(slot);
    },
    raw(index) {
      return all[index]?.device;
    },
    get chooserCalls() {
      return chooserCalls;
    },
  };
  for (const spec of config.devices ?? []) control.plug(spec);
  return control;
}

// Runs once per document, before any page script (addInitScript), in every frame of the page.
window.__jpkiLensSim = installSimulatedUsb(window.__JPKI_LENS_SIM__ ?? {});
