import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VirtualMyNumberCard } from '../../../../src/sim';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/jpki-test');

export function fixture(rel: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(FIXTURES, rel)));
}

export function h(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/\s+/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (b) => parseInt(b, 16));
}

export function x(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

/** Sends one APDU (hex) and returns the response as upper-case spaced hex. */
export async function run(card: VirtualMyNumberCard, apdu: string): Promise<string> {
  return x(await card.transmit(h(apdu)));
}

/** Sends one APDU and returns [data, sw]. */
export async function send(card: VirtualMyNumberCard, apdu: string | Uint8Array): Promise<[Uint8Array<ArrayBuffer>, string]> {
  const res = await card.transmit(typeof apdu === 'string' ? h(apdu) : apdu);
  return [new Uint8Array(res.slice(0, -2)), x(res.slice(-2))];
}

export const SELECT_JPKI = '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01';
export const SELECT_KENHOJO = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08';
export const SELECT_KENKAKU = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02';
export const SELECT_COMMON = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00';
export const selectEf = (fid: string): string => `00 A4 02 0C 02 ${fid}`;
export const ascii = (s: string): string => x(Uint8Array.from(s, (c) => c.charCodeAt(0)));
export const verify = (pin: string): string => `00 20 00 80 ${pin.length.toString(16).padStart(2, '0')} ${ascii(pin)}`;

/** Reads a whole binary EF (current) in 256-byte short chunks until 6B00 or a short answer. */
export async function readAll(card: VirtualMyNumberCard): Promise<Uint8Array<ArrayBuffer>> {
  const parts: number[] = [];
  for (let offset = 0; ; offset += 256) {
    const [data, sw] = await send(card, `00 B0 ${x(Uint8Array.of(offset >> 8, offset & 0xff))} 00`);
    if (sw === '6B 00') break;
    if (sw !== '90 00') throw new Error(`READ BINARY at ${offset}: ${sw}`);
    parts.push(...data);
    if (data.length < 256) break;
  }
  return Uint8Array.from(parts);
}
