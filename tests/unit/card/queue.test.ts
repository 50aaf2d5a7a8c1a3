import { describe, expect, it } from 'vitest';
import { exclusive } from '../../../src/card/queue';
import type { CardChannel } from '../../../src/card/channel';

const channel = (): CardChannel => ({ atr: new Uint8Array(), close: async () => {}, transmit: async () => new Uint8Array([0x90, 0]) });

describe('exclusive (one operation at a time per channel)', () => {
  it('runs operations on one channel in call order, never overlapping', async () => {
    const ch = channel();
    const trace: string[] = [];
    const op = (name: string, ticks: number) => async () => {
      trace.push(`${name}+`);
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      trace.push(`${name}-`);
      return name;
    };
    const results = await Promise.all([exclusive(ch, op('a', 5)), exclusive(ch, op('b', 1)), exclusive(ch, op('c', 3))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(trace).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });
  it('a failure does not block the next caller', async () => {
    const ch = channel();
    const first = exclusive(ch, () => Promise.reject(new Error('x')));
    const second = exclusive(ch, async () => 'ran');
    await expect(first).rejects.toThrow('x');
    await expect(second).resolves.toBe('ran');
  });
  it('different channels do not wait for each other', async () => {
    const a = channel();
    const b = channel();
    const trace: string[] = [];
    let release!: () => void;
    const blocked = exclusive(a, () => new Promise<void>((res) => (release = res)).then(() => trace.push('a')));
    await exclusive(b, async () => trace.push('b'));
    release();
    await blocked;
    expect(trace).toEqual(['b', 'a']);
  });
});
