/**
 * One APDU (and one multi-APDU operation) at a time per channel (architecture rule 5). Card state
 * is global to the card — a SELECT by one caller changes what the next caller's READ BINARY reads,
 * and a GET RESPONSE must follow its command — so callers queue per channel, FIFO, and an operation
 * holds the queue from its first SELECT to its last response.
 *
 * The lock is not re-entrant: code running inside `exclusive` calls `transmitApdu` directly and
 * never `exclusive` again. A waiter's wait is bounded by the holder's exchanges, each of which the
 * reader layer bounds with its own timeout (rule 6).
 */
import type { CardChannel } from './channel';

const tails = new WeakMap<CardChannel, Promise<void>>();

export function exclusive<T>(channel: CardChannel, operation: () => Promise<T>): Promise<T> {
  const previous = tails.get(channel) ?? Promise.resolve();
  const result = previous.then(() => operation());
  // The next caller waits for this one to settle, whether it succeeded or failed.
  tails.set(
    channel,
    result.then(
      () => undefined,
      () => undefined,
    ),
  );
  return result;
}
