/**
 * The exchange transcript behind the diagnostics report. Every layer records what it sent and got;
 * while a sensitive operation runs (a VERIFY, a read of personal data), byte payloads of every layer
 * are replaced by their length, so PINs and personal data never reach the report. The card layer
 * records its own APDUs with the PIN bytes masked.
 */
export type TraceLayer = 'usb' | 'ccid' | 't1' | 'port100' | 'rcs300' | 'isodep' | 'apdu' | 'app';

export interface TraceEvent {
  /** ms since the transcript started */
  readonly t: number;
  readonly layer: TraceLayer;
  readonly dir: 'out' | 'in' | 'note';
  /** hex, or undefined when redacted / not a byte event */
  readonly hex?: string;
  /** payload length in bytes (kept when the payload is redacted) */
  readonly length?: number;
  readonly redacted?: boolean;
  readonly note?: string;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

export class Transcript {
  private readonly list: TraceEvent[] = [];
  private sensitiveDepth = 0;
  private readonly start = Date.now();

  constructor(private readonly limit = 5000) {}

  get isSensitive(): boolean {
    return this.sensitiveDepth > 0;
  }

  /** Record bytes; redacted automatically while a sensitive operation runs. */
  record(layer: TraceLayer, dir: 'out' | 'in', bytes: Uint8Array, note?: string): void {
    const redacted = this.sensitiveDepth > 0;
    this.push({ t: Date.now() - this.start, layer, dir, length: bytes.length, ...(redacted ? { redacted } : { hex: hex(bytes) }), ...(note ? { note } : {}) });
  }

  /** Record bytes that the caller has already masked (the card layer's APDU log). */
  recordMasked(layer: TraceLayer, dir: 'out' | 'in', maskedHex: string, length: number, note?: string): void {
    this.push({ t: Date.now() - this.start, layer, dir, hex: maskedHex, length, ...(note ? { note } : {}) });
  }

  note(layer: TraceLayer, note: string): void {
    this.push({ t: Date.now() - this.start, layer, dir: 'note', note });
  }

  /** Run `fn` with every layer's byte payloads redacted. */
  async sensitive<T>(fn: () => Promise<T>): Promise<T> {
    this.sensitiveDepth++;
    try {
      return await fn();
    } finally {
      this.sensitiveDepth--;
    }
  }

  events(): readonly TraceEvent[] {
    return this.list;
  }

  clear(): void {
    this.list.length = 0;
  }

  private push(e: TraceEvent): void {
    this.list.push(e);
    if (this.list.length > this.limit) this.list.splice(0, this.list.length - this.limit);
  }
}
