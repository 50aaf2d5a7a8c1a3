/**
 * What a reader learns from a card's ATR to set its default parameters (ISO/IEC 7816-3:2006 §8.2,
 * CCID Rev 1.10 §6.1.1 "automatic parameter configuration based on ATR data"). The reader double's
 * own reading, independent of the host's ATR parser in src/readers/atr/.
 */
export interface AtrFacts {
  /** TA1 (Fi/Di indices), or 0x11 (Fd = 372, Dd = 1) when absent (§8.3). */
  readonly ta1: number;
  /** TA2 present: the card is in specific mode and refuses PPS (§8.3, §9.1). */
  readonly specificMode: boolean;
  /** TC1: extra guard time N, 0 when absent. */
  readonly tc1: number;
  /** The protocols offered in TD bytes (T=0 when no TD1). */
  readonly protocols: readonly number[];
  /** IFSC from the first TA for T=1 (§11.4.2), default 32. */
  readonly ifsc: number;
  /** BWI/CWI from the first TB for T=1 (§11.4.3), default 0x4D. */
  readonly waitingIntegers: number;
  /** EDC from the first TC for T=1 (§11.4.4): bit 1 set = CRC. */
  readonly edc: 'lrc' | 'crc';
}

export function readAtr(atr: Uint8Array): AtrFacts {
  if (atr.length < 2) throw new Error('sim: ATR too short');
  let i = 1;
  let y = atr[i] >> 4;
  i++;
  let level = 1;
  let t = 0; // protocol announced by the previous TD
  let ta1 = 0x11;
  let tc1 = 0;
  let specificMode = false;
  let ifsc: number | undefined;
  let waitingIntegers: number | undefined;
  let edc: 'lrc' | 'crc' | undefined;
  const protocols: number[] = [];
  for (;;) {
    const ta = y & 1 ? atr[i++] : undefined;
    const tb = y & 2 ? atr[i++] : undefined;
    const tc = y & 4 ? atr[i++] : undefined;
    const td = y & 8 ? atr[i++] : undefined;
    if (level === 1) {
      if (ta !== undefined) ta1 = ta;
      if (tc !== undefined) tc1 = tc;
    } else if (level === 2) {
      if (ta !== undefined) specificMode = true;
    } else if (t === 1) {
      if (ta !== undefined && ifsc === undefined) ifsc = ta;
      if (tb !== undefined && waitingIntegers === undefined) waitingIntegers = tb;
      if (tc !== undefined && edc === undefined) edc = tc & 1 ? 'crc' : 'lrc';
    }
    if (td === undefined) break;
    t = td & 0x0f;
    if (t !== 15 && !protocols.includes(t)) protocols.push(t);
    y = td >> 4;
    level++;
    if (i > atr.length) throw new Error('sim: ATR truncated');
  }
  return {
    ta1,
    specificMode,
    tc1,
    protocols: protocols.length ? protocols : [0],
    ifsc: ifsc ?? 32,
    waitingIntegers: waitingIntegers ?? 0x4d,
    edc: edc ?? 'lrc',
  };
}
