import type { VirtualDriversLicence } from '../../../../src/sim';

export function h(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/\s+/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (b) => parseInt(b, 16));
}

export function x(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

/** Sends one APDU (hex) and returns the whole response as spaced hex. */
export async function run(card: VirtualDriversLicence, apdu: string): Promise<string> {
  return x(await card.transmit(h(apdu)));
}

/** Sends one APDU and returns [data, sw]. */
export async function send(card: VirtualDriversLicence, apdu: string): Promise<[Uint8Array<ArrayBuffer>, string]> {
  const res = await card.transmit(h(apdu));
  return [new Uint8Array(res.slice(0, -2)), x(res.slice(-2))];
}

export const SELECT_MF = '00 A4 00 00';
export const SELECT_DF1 = '00 A4 04 0C 10 A0 00 00 02 31 01 00 00 00 00 00 00 00 00 00 00';
export const SELECT_DF2 = '00 A4 04 0C 10 A0 00 00 02 31 02 00 00 00 00 00 00 00 00 00 00';
export const SELECT_DF3 = '00 A4 04 0C 10 A0 00 00 02 48 03 00 00 00 00 00 00 00 00 00 00';
export const selectEf = (fid: string): string => `00 A4 02 0C 02 ${fid}`;
const digits = (pin: string): string => x(Uint8Array.from(pin, (c) => c.charCodeAt(0)));
export const verify1 = (pin: string): string => `00 20 00 81 04 ${digits(pin)}`;
export const verify2 = (pin: string): string => `00 20 00 82 04 ${digits(pin)}`;

/** Reads the current EF in `chunk`-byte short READ BINARYs (Le 00 = 256) until 6B00 or a short answer. */
export async function readAll(card: VirtualDriversLicence, chunk = 256): Promise<Uint8Array<ArrayBuffer>> {
  const parts: number[] = [];
  for (let offset = 0; ; ) {
    const le = (chunk & 0xff).toString(16).padStart(2, '0');
    const [data, sw] = await send(card, `00 B0 ${x(Uint8Array.of(offset >> 8, offset & 0xff))} ${le}`);
    if (sw === '6B 00') break;
    if (sw !== '90 00') throw new Error(`READ BINARY at ${offset}: ${sw}`);
    parts.push(...data);
    offset += data.length;
    if (data.length < chunk) break;
  }
  return Uint8Array.from(parts);
}

/** Splits a simple-TLV body (1-byte tags, or 5F xx; length 1 byte or 82 HH LL) up to an FF tag. */
export function tlvs(body: Uint8Array): { tag: number; value: Uint8Array }[] {
  const out: { tag: number; value: Uint8Array }[] = [];
  let i = 0;
  while (i < body.length && body[i] !== 0xff) {
    let tag = body[i++];
    if (tag === 0x5f) tag = (tag << 8) | body[i++];
    let len = body[i++];
    if (len === 0x82) {
      len = (body[i] << 8) | body[i + 1];
      i += 2;
    }
    out.push({ tag, value: body.slice(i, i + len) });
    i += len;
  }
  return out;
}
