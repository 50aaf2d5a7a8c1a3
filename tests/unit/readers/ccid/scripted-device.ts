/**
 * A scripted CCID USBDevice for byte-exact reader tests: each expected bulk-OUT message (hex) is
 * answered with the listed bulk-IN messages or actions. Built on the sim's UsbDeviceDouble for the
 * WebUSB behaviour (packets, no ZLP, stalls, unplug); the CCID side is just the script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CORPUS, parseLibccidDump, rebuildCcidDescriptor } from '../../../../tools/gen-reader-catalogue';
import { buildConfigurationDescriptor } from '../../../../src/sim/usb/descriptors';
import { UsbDeviceDouble, type SetupPacket } from '../../../../src/sim/usb/usb-device-double';

export const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
export const bytes = (s: string) => Uint8Array.from(s.split(/\s+/).filter(Boolean).map((x) => parseInt(x, 16)));

/**
 * A bulk-IN message (hex), a delayed one, an interrupt message, or one of the words 'silence' (no
 * answer), 'stall-in' (halt bulk IN; the host must clear it), 'unplug'.
 */
export type Action = string | { readonly in: string; readonly delayMs: number } | { readonly notify: string };

export interface Step {
  readonly out: string;
  readonly then: readonly Action[];
}

/** The class descriptor of a libccid dump, rebuilt field by field (e.g. 'SCR3310-NTTCom.txt'). */
export function descriptorFromDump(file: string, interfaceNumber = 0): string {
  const d = parseLibccidDump(file, readFileSync(join(DEFAULT_CORPUS, file), 'utf8')).find((x) => x.interfaceNumber === interfaceNumber);
  if (!d) throw new Error(`no dump ${file}#${interfaceNumber}`);
  return hex(rebuildCcidDescriptor(d.fields));
}
export const SCR3310_NTTCOM_DESCRIPTOR = descriptorFromDump('SCR3310-NTTCom.txt');

export function descriptorWith(base: string, patch: { features?: number; maxMessage?: number; voltage?: number; maxSlotIndex?: number }): string {
  const b = bytes(base);
  const v = new DataView(b.buffer);
  if (patch.features !== undefined) v.setUint32(40, patch.features, true);
  if (patch.maxMessage !== undefined) v.setUint32(44, patch.maxMessage, true);
  if (patch.voltage !== undefined) b[5] = patch.voltage;
  if (patch.maxSlotIndex !== undefined) b[4] = patch.maxSlotIndex;
  return hex(b);
}

export interface ScriptOptions {
  readonly vendorId?: number;
  readonly productId?: number;
  readonly interfaceClass?: number;
  readonly descriptor?: string;
  readonly interrupt?: boolean;
  readonly heldByOsDriver?: 'open' | 'claim';
  readonly abortAnswers?: boolean;
}

export class ScriptedCcidDevice extends UsbDeviceDouble {
  private readonly steps: Step[];
  readonly unexpected: string[] = [];
  readonly controlOut: { request: number; value: number; index: number }[] = [];
  readonly bulkOut: string[] = [];
  private readonly abortAnswers: boolean;
  /** what an unscripted GetSlotStatus reports */
  cardIn = true;

  constructor(steps: Step[], o: ScriptOptions = {}) {
    super({
      identity: { vendorId: o.vendorId ?? 0x04e6, productId: o.productId ?? 0x511a, manufacturerName: 'NTT Communications Corp.', productName: 'SCR3310-NTTCom USB SmartCard Reader' },
      configurationDescriptor: buildConfigurationDescriptor([
        {
          number: 0,
          cls: o.interfaceClass ?? 0xff,
          classDescriptor: bytes(o.descriptor ?? SCR3310_NTTCOM_DESCRIPTOR),
          endpoints: [
            { address: 0x01, type: 'bulk', packetSize: 64 },
            { address: 0x82, type: 'bulk', packetSize: 64 },
            ...(o.interrupt === false ? [] : [{ address: 0x83, type: 'interrupt' as const, packetSize: 16, interval: 16 }]),
          ],
        },
      ]),
      ...(o.heldByOsDriver ? { heldByOsDriver: o.heldByOsDriver } : {}),
    });
    this.steps = [...steps];
    this.abortAnswers = o.abortAnswers ?? true;
  }

  /** Steps not yet consumed (a finished script has none left). */
  get remaining(): number {
    return this.steps.length;
  }

  /** Send an interrupt message now (card inserted/removed). */
  notify(h: string): void {
    this.sendIn(3, bytes(h));
  }

  protected override onControlOut(setup: SetupPacket): 'ok' | 'stall' {
    this.controlOut.push({ request: setup.request, value: setup.value, index: setup.index });
    return setup.requestType === 'class' && setup.request === 0x01 ? 'ok' : 'stall';
  }

  protected onBulkOut(_ep: number, data: Uint8Array): void {
    const got = hex(data);
    this.bulkOut.push(got);
    if (data[0] === 0x72 && this.abortAnswers && (!this.steps[0] || this.steps[0].out !== got)) {
      // PC_to_RDR_Abort: SlotStatus with the same bSeq (CCID §6.1.13), unless scripted otherwise
      this.sendIn(2, bytes(`81 00 00 00 00 ${hex(data.subarray(5, 7))} 01 00 00`));
      return;
    }
    if (data[0] === 0x65 && (!this.steps[0] || !this.steps[0].out.startsWith('65'))) {
      // GetSlotStatus, unscripted: from `cardPresent` (bmICCStatus 1 present, 2 absent)
      this.sendIn(2, bytes(`81 00 00 00 00 ${hex(data.subarray(5, 7))} ${this.cardIn ? '01' : '02'} 00 00`));
      return;
    }
    if (data[0] === 0x63 && (!this.steps[0] || !this.steps[0].out.startsWith('63'))) {
      // IccPowerOff at close, when the script does not say otherwise: SlotStatus, card inactive
      this.sendIn(2, bytes(`81 00 00 00 00 ${hex(data.subarray(5, 7))} 01 00 00`));
      return;
    }
    const step = this.steps.shift();
    if (!step || step.out !== got) {
      this.unexpected.push(`${got} (expected ${step?.out ?? 'nothing'})`);
      return;
    }
    for (const a of step.then) {
      if (a === 'silence') continue;
      if (a === 'stall-in') this.stall(2, 'in');
      else if (a === 'unplug') this.unplug();
      else if (typeof a === 'string') this.sendIn(2, bytes(a));
      else if ('notify' in a) this.sendIn(3, bytes(a.notify));
      else this.sendIn(2, bytes(a.in), a.delayMs);
    }
  }
}

/** XOR of all bytes (ISO/IEC 7816-3 §11.4.4 LRC), computed here independently of src/. */
export function withLrc(block: string): string {
  const b = bytes(block);
  return `${block} ${b.reduce((a, x) => a ^ x, 0).toString(16).padStart(2, '0')}`;
}

/** A CCID header + data, hex; dwLength computed. */
export function msg(type: number, seq: number, b7: number, b8: number, b9: number, data = '', slot = 0): string {
  const d = bytes(data);
  const len = d.length;
  const head = [type, len & 0xff, (len >> 8) & 0xff, 0, 0, slot, seq, b7, b8, b9];
  return hex(Uint8Array.from([...head, ...d]));
}
