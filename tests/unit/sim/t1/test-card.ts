/**
 * A tiny card at APDU level for the reader-double tests (the virtual My Number card lives in
 * src/sim/card/): SELECT by DF name or file id, READ BINARY (short and extended Le) of a 2 KB file,
 * VERIFY with the PIN "1234" (and the status query without data). Everything else: 6D 00.
 */
export const TEST_ATR = Uint8Array.from([
  0x3b, 0xda, 0x13, 0xff, 0x81, 0x31, 0xfb, 0x46, 0x80, 0x12, 0x39, 0x2f, 0x31, 0xc1, 0x73, 0xc6, 0x01, 0xc0, 0x3b,
]);

export const FILE_2K = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7 + (i >> 8)) & 0xff);

export class TestCard {
  readonly atr: Uint8Array;
  /** Commands received, in order (PIN bytes included: tests only). */
  readonly commands: Uint8Array[] = [];
  tries = 3;
  /** Delay before each answer (to hold the reader busy). */
  delayMs = 0;

  constructor(atr: Uint8Array = TEST_ATR) {
    this.atr = atr;
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    this.commands.push(apdu.slice());
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const [cla, ins, p1, p2] = apdu;
    if (cla !== 0x00) return Uint8Array.of(0x6e, 0x00);
    if (ins === 0xa4) return Uint8Array.of(0x90, 0x00);
    if (ins === 0xb0) {
      const offset = (p1 << 8) | p2;
      let le: number;
      if (apdu.length === 5) le = apdu[4] || 256;
      else if (apdu.length === 7 && apdu[4] === 0) le = ((apdu[5] << 8) | apdu[6]) || 65536;
      else return Uint8Array.of(0x67, 0x00);
      const data = FILE_2K.slice(offset, offset + le);
      const out = new Uint8Array(data.length + 2);
      out.set(data);
      out.set([0x90, 0x00], data.length);
      return out;
    }
    if (ins === 0x20) {
      if (apdu.length === 4) return Uint8Array.of(0x63, 0xc0 | this.tries);
      const pin = String.fromCharCode(...apdu.slice(5, 5 + apdu[4]));
      if (pin === '1234') {
        this.tries = 3;
        return Uint8Array.of(0x90, 0x00);
      }
      this.tries = Math.max(0, this.tries - 1);
      return Uint8Array.of(0x63, 0xc0 | this.tries);
    }
    return Uint8Array.of(0x6d, 0x00);
  }
}

export const hex = (b: Uint8Array | null | undefined): string => (b ? Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ') : 'null');

export function bytes(h: string): Uint8Array {
  const clean = h.replace(/[^0-9a-fA-F]/g, '');
  return Uint8Array.from({ length: clean.length / 2 }, (_, i) => parseInt(clean.slice(2 * i, 2 * i + 2), 16));
}

/** A T=1 block with LRC: NAD PCB LEN INF LRC. */
export function blk(nad: number, pcb: number, inf: Uint8Array | number[] = []): Uint8Array {
  const body = [nad, pcb, inf.length, ...inf];
  return Uint8Array.from([...body, body.reduce((x, b) => x ^ b, 0)]);
}
