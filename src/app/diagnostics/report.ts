/**
 * The diagnostics report, as plain text to paste into a bug report: the reader (name, USB IDs,
 * family, exchange level, CCID class descriptor), the ATR, what the card answered to (token label,
 * PIN counters — not secrets), the last problem's code, and the exchange transcript of every layer.
 *
 * Redaction is the transcript's: while a VERIFY or a personal-data read runs, every layer's byte
 * payloads are replaced by their length, and the card layer's own APDU log masks PIN bytes
 * (src/trace/transcript.ts, src/card/session.ts `sensitive`). This builder adds nothing personal:
 * it never reads the sign certificate, 個人番号 or 4 info from the session.
 */
import type { SessionSnapshot } from '../session/card-session';
import type { TraceEvent } from '../../trace/transcript';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

function descriptorText(d: unknown): string {
  return JSON.stringify(d, (_k, v: unknown) => (v instanceof Uint8Array ? hex(v) : typeof v === 'bigint' ? v.toString() : v), 2);
}

export function eventLine(e: TraceEvent): string {
  const t = String(e.t).padStart(6, ' ');
  const dir = e.dir === 'out' ? '>>' : e.dir === 'in' ? '<<' : '--';
  const body = e.dir === 'note' ? (e.note ?? '') : e.redacted ? `[redacted: ${e.length ?? 0} bytes]` : `${e.hex ?? ''}${e.note ? `  (${e.note})` : ''}`;
  return `${t} ms ${e.layer.padEnd(7, ' ')} ${dir} ${body}`;
}

export interface ReportContext {
  readonly now: Date;
  readonly userAgent: string;
  readonly appVersion: string;
}

export function buildReport(s: SessionSnapshot, events: readonly TraceEvent[], ctx: ReportContext): string {
  const lines: string[] = [];
  lines.push('JPKI Lens diagnostics report');
  lines.push(`created: ${ctx.now.toISOString()}`);
  lines.push(`app: ${ctx.appVersion}`);
  lines.push(`browser: ${ctx.userAgent}`);
  lines.push(`session: ${s.phase}${s.reader?.demo ? ' (DEMO: simulated reader and virtual card)' : ''}`);
  lines.push('');
  lines.push('== reader');
  const r = s.reader;
  if (!r) lines.push('(none connected)');
  else {
    lines.push(`name: ${r.catalogue?.name ?? r.productName} (${r.productName})`);
    lines.push(`usb: ${r.vidpid}`);
    lines.push(`family: ${r.info.family}; card interface: ${r.info.cardInterface}; exchange level: ${r.info.exchangeLevel ?? 'n/a'}`);
    lines.push(`protocols: ${r.info.protocols.join(', ') || 'n/a'}${r.info.experimental ? '; experimental' : ''}`);
    if (r.info.cardInterface === 'contactless') {
      const rate = r.contactlessRate;
      lines.push(`contactless rate: ${rate ? `${rate.kbps} kbit/s (${rate.reason})` : 'n/a (no card activated yet)'}`);
    }
    if (r.catalogue) lines.push(`catalogue: verdict ${r.catalogue.verdict} (${r.catalogue.reason}); libccid ${r.catalogue.section}`);
    if (r.descriptor !== undefined) {
      lines.push('descriptor:');
      lines.push(descriptorText(r.descriptor));
    }
  }
  lines.push('');
  lines.push('== card');
  const c = s.card;
  if (!c) lines.push('(no card read)');
  else {
    lines.push(`atr: ${hex(c.atr)}`);
    lines.push(`token: ${c.info.token.label || '(empty)'} → ${c.info.token.kind}`);
    lines.push(`certificate presence (EF 0008): ${c.info.certificates ? c.info.certificates.raw : 'n/a'}`);
    for (const p of c.pins) {
      lines.push(`pin ${p.id}: ${p.absent ? 'absent' : p.status ? `${p.status.remaining}/${p.status.max}${p.status.blocked ? ' blocked' : ''}` : `error ${p.errorCode ?? ''}`}`);
    }
    for (const [kind, slot] of Object.entries(c.certificates)) {
      lines.push(`certificate ${kind}: ${slot.der ? `${slot.der.length} bytes` : `not read (${slot.error?.code ?? 'unknown'})`}`);
    }
  }
  if (s.problem) {
    lines.push('');
    lines.push('== last problem');
    lines.push(`code: ${s.problem.code}`);
    const params = Object.entries(s.problem.params).map(([k, v]) => `${k}=${v}`).join(', ');
    if (params) lines.push(`params: ${params}`);
  }
  lines.push('');
  lines.push(`== transcript (${events.length} events; payloads redacted during PIN checks and personal-data reads)`);
  for (const e of events) lines.push(eventLine(e));
  return lines.join('\n');
}
