/**
 * The reader driver registry behind `openReader` (architecture: "public entry points"). A driver
 * says whether it handles a device from what WebUSB shows before `open()` (VID:PID, interface
 * classes), and opens it. `openReader` takes the FIRST driver whose `matches` is true, so the order
 * below is the precedence: the Sony drivers go before CCID, because the RC-S300 also carries a
 * class-0x0B CCID interface (#0) that the CCID driver would otherwise take (and Chrome refuses).
 *
 * Adding a driver is one import and one line in `readerDrivers`.
 */
import type { CardReader, ContactlessKbps, OpenReaderOptions } from './types';
import { ccidDriver } from './ccid/driver';
import { rcs380Driver } from './sony/rcs380/driver';
import { rcs300Driver } from './sony/rcs300/driver';

/** Options every driver understands; a driver may read more from its own options type. */
export interface DriverOpenOptions extends OpenReaderOptions {
  /**
   * `navigator.userAgentData?.platform ?? navigator.userAgent`, passed in by the app so that the
   * OS-specific advice in errors (driver holds, udev, pcscd) fits; src/ stays testable in Node.
   */
  readonly platform?: string;
  /** CCID slot (multi-slot readers); default 0 (SCR331-DI: 0 = contact). */
  readonly slot?: number;
  /**
   * Contactless readers: asked at each card activation, the highest air-link rate the user allows
   * (the "always 106 kbit/s" setting); undefined = as fast as card and reader allow.
   */
  readonly contactlessMaxRate?: () => ContactlessKbps | undefined;
}

export interface ReaderDriver {
  /** stable id, for diagnostics */
  readonly id: string;
  /** Synchronous: only what WebUSB exposes before open() (VID:PID, classes in `configurations`). */
  matches(device: USBDevice): boolean;
  /** Open, configure and claim the device itself; resolves to a reader ready for `powerOn()`. */
  open(device: USBDevice, options: DriverOpenOptions): Promise<CardReader>;
}

export const readerDrivers: readonly ReaderDriver[] = [
  // Sony RC-S380 / RC-S300 drivers go here, one line each, before CCID (see the header).
  rcs380Driver,
  rcs300Driver,
  ccidDriver,
];

/** The driver for this device, or undefined when none handles it. */
export function findDriver(device: USBDevice, drivers: readonly ReaderDriver[] = readerDrivers): ReaderDriver | undefined {
  return drivers.find((d) => d.matches(device));
}
