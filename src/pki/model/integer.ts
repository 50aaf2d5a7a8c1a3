// INTEGER values to text, from content octets (sign as X.690 §8.3: two's complement).
import { integerMagnitude } from '../asn1/dump';
import { toHex } from '../bytes';

export interface IntegerText {
  readonly negative: boolean;
  /** Magnitude, upper-case hex without leading zero octets ("00" for zero). */
  readonly hex: string;
  readonly decimal: string;
  readonly value: bigint;
}

export function integerText(content: Uint8Array): IntegerText | undefined {
  const m = integerMagnitude(content);
  if (!m) return undefined;
  let v = 0n;
  for (const b of m.magnitude) v = (v << 8n) | BigInt(b);
  const hex = m.magnitude.length ? toHex(m.magnitude) : '00';
  const value = m.negative ? -v : v;
  return { negative: m.negative, hex, decimal: value.toString(10), value };
}
