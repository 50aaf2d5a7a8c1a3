/**
 * Every wait has a bound (architecture, house rule 6). WebUSB's transferIn and friends have no
 * timeout of their own (WICG/webusb index.bs "transferIn"), so each call is raced against a timer.
 * The raced promise is not cancelled by the timer: the caller owns what happens to it next
 * (see BulkInPipe, which keeps an outstanding transferIn and reuses it).
 */
import { LensError } from '../errors';

/** Resolve with `p`, or reject with LensError 'timeout' after `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LensError('timeout', { what, ms: Math.round(ms) })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** A promise that never rejects unhandled: for promises we may abandon on a timeout. */
export function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}
