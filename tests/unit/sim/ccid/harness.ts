/** A plain host for the device-side tests: builds PC_to_RDR messages, reads whole RDR_to_PC messages. */
import { createVirtualReader } from '../../../../src/sim/readers';
import type { CcidReaderDouble } from '../../../../src/sim/ccid/ccid-reader-double';
import { TestCard } from '../t1/test-card';

/** The CCID profiles of the registry (the Sony doubles are tested by their owner). */
export type CcidProfile = 'scr3310-nttcom' | 'scr331-di-nttcom' | 'class0b-extended' | 'gempc-twin';

export async function openReader(profile: CcidProfile = 'scr3310-nttcom', card: TestCard | null = new TestCard()): Promise<{ d: CcidReaderDouble; card: TestCard | null }> {
  const d = createVirtualReader(profile, card ?? undefined, { allowProtectedClasses: true });
  await d.open();
  await d.selectConfiguration(1);
  await d.claimInterface(0);
  return { d, card };
}

/** PC_to_RDR message: type, dwLength, slot, seq, three bytes, data. */
export function msg(type: number, slot: number, seq: number, params: readonly number[] = [0, 0, 0], data: Uint8Array | readonly number[] = []): Uint8Array<ArrayBuffer> {
  const n = data.length;
  return Uint8Array.from([type, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24, slot, seq, ...params, ...data]);
}

/** Read one whole message from bulk IN, packet by packet (a ZLP that follows is left queued). */
export async function readMessage(d: USBDevice, ep = 2): Promise<Uint8Array> {
  const parts: number[] = [];
  for (;;) {
    const r = await d.transferIn(ep, 64);
    if (r.status !== 'ok') throw new Error(`transferIn: ${r.status}`);
    parts.push(...new Uint8Array(r.data!.buffer, r.data!.byteOffset, r.data!.byteLength));
    if (parts.length >= 10 && parts.length >= 10 + (parts[1] | (parts[2] << 8) | (parts[3] << 16))) return Uint8Array.from(parts);
  }
}

export async function exchange(d: USBDevice, message: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  await d.transferOut(1, message);
  return readMessage(d);
}

export async function readInterrupt(d: USBDevice): Promise<Uint8Array> {
  const r = await d.transferIn(3, 16);
  return new Uint8Array(r.data!.buffer, r.data!.byteOffset, r.data!.byteLength);
}

export const POWER_ON = 0x62;
export const POWER_OFF = 0x63;
export const SLOT_STATUS = 0x65;
export const XFR = 0x6f;
export const GET_PARAMS = 0x6c;
export const RESET_PARAMS = 0x6d;
export const SET_PARAMS = 0x61;
export const ESCAPE = 0x6b;
export const ICC_CLOCK = 0x6e;
export const ABORT = 0x72;
export const SET_RATE = 0x73;
