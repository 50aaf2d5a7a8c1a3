/**
 * A transcript view that can be muted: card-presence polling runs every second for as long as a
 * Sony reader is open, and recording every poll's frames would push the exchanges that matter out
 * of the diagnostics report (Transcript keeps the last 5000 events). Polls are muted; a change of
 * card presence is noted once. Everything else goes to the real transcript unchanged, redaction
 * included.
 */
import { Transcript, type TraceEvent, type TraceLayer } from '../../trace/transcript';

export class QuietableTranscript extends Transcript {
  muted = false;

  constructor(readonly inner: Transcript) {
    super(0);
  }

  override get isSensitive(): boolean {
    return this.inner.isSensitive;
  }

  override record(layer: TraceLayer, dir: 'out' | 'in', bytes: Uint8Array, note?: string): void {
    if (!this.muted) this.inner.record(layer, dir, bytes, note);
  }

  override recordMasked(layer: TraceLayer, dir: 'out' | 'in', maskedHex: string, length: number, note?: string): void {
    if (!this.muted) this.inner.recordMasked(layer, dir, maskedHex, length, note);
  }

  override note(layer: TraceLayer, note: string): void {
    if (!this.muted) this.inner.note(layer, note);
  }

  override sensitive<T>(fn: () => Promise<T>): Promise<T> {
    return this.inner.sensitive(fn);
  }

  override events(): readonly TraceEvent[] {
    return this.inner.events();
  }

  override clear(): void {
    this.inner.clear();
  }

  /** Run `fn` with recording muted (a poll), whatever it throws. */
  async quietly<T>(fn: () => Promise<T>): Promise<T> {
    this.muted = true;
    try {
      return await fn();
    } finally {
      this.muted = false;
    }
  }
}

/** The muteable view of `transcript` (reused if it already is one). */
export function quietable(transcript: Transcript | undefined): QuietableTranscript | undefined {
  if (!transcript) return undefined;
  return transcript instanceof QuietableTranscript ? transcript : new QuietableTranscript(transcript);
}
