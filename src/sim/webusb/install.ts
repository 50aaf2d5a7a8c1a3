/**
 * Test-only: replaces `navigator.usb` with a FakeUsb before the app loads. Built as a classic script
 * (vite.sim.config.ts → test-build/sim-usb.js) that Playwright injects with
 * `page.addInitScript({ path })`, after an init script that sets the configuration:
 *
 *   window.__JPKI_LENS_SIM__ = { devices: [{ kind: 'echo', granted: true }], chooser: 'first' }
 *
 * The override goes on `Navigator.prototype` (a configurable getter in Chromium, stack.md §2), so
 * the app reaches the doubles through exactly the calls a real reader gets:
 * `navigator.usb.getDevices()` / `requestDevice()` → USBDevice → driver. Tests drive it afterwards
 * through `window.__jpkiLensSim` (plug, unplug, chooser, USB log). Never part of the app build.
 */
import { FakeUsb } from './fake-usb';
import { EchoDevice } from './echo-device';
import type { UsbDeviceDouble } from '../usb/usb-device-double';

/** One simulated device. `granted`: the user picked it in an earlier visit (getDevices lists it). */
export type SimDeviceSpec = { readonly kind: 'echo'; readonly serialNumber?: string; readonly granted?: boolean };

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
  /** How many times the page called requestDevice (each opens the simulated chooser). */
  readonly chooserCalls: number;
}

declare global {
  interface Window {
    __JPKI_LENS_SIM__?: SimConfig;
    __jpkiLensSim?: SimControl;
  }
}

function build(spec: SimDeviceSpec): UsbDeviceDouble {
  switch (spec.kind) {
    case 'echo':
      return new EchoDevice(spec.serialNumber);
    default:
      throw new Error(`sim: unknown device kind ${JSON.stringify(spec)}`);
  }
}

function chooserFor(c: SimChooser): (candidates: readonly USBDevice[]) => USBDevice | undefined {
  if (c === 'cancel') return () => undefined;
  if (c === 'first') return (candidates) => candidates[0];
  return (candidates) => candidates.find((d) => d.productName === c.pick || d.serialNumber === c.pick);
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

export function installSimulatedUsb(config: SimConfig = {}): SimControl {
  const all: UsbDeviceDouble[] = [];
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
      const device = build(spec);
      all.push(device);
      usb.plug(device, { granted: spec.granted ?? false });
      return all.length - 1;
    },
    unplug(index) {
      const d = all[index];
      if (d) usb.unplug(d);
    },
    devices() {
      const plugged = new Set(usb.pluggedDevices());
      return all.map((d, index) => ({
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
      return (all[index]?.usbLog ?? []).map((e) => ({ dir: e.dir, endpoint: e.endpoint, hex: hex(e.bytes) }));
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
