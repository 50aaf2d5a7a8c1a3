/**
 * The short "this worked / this failed on my reader" report a first real user can send back: which
 * reader (name, USB IDs, family, exchange level, the CCID class descriptor as its 54 bytes), the card's
 * ATR, the app version, the link rate and exchange level actually used, the last problem, and the
 * exchange transcript. It is plain text, so it can be read before it is sent, and its lines are the
 * input of tools/ccid-report-to-test.ts, which turns a CCID reader's report into a replay test.
 *
 * What it never holds: PIN bytes and personal data are already redacted in the transcript (during a
 * VERIFY or a personal-data read every layer keeps only the length; the card layer masks PIN bytes,
 * src/trace/transcript.ts); the reader's serial number, the token's holder data and the certificates
 * themselves are not included.
 */
import type { SessionSnapshot } from '../session/card-session';
import type { TraceEvent } from '../../trace/transcript';
import { encodeCcidDescriptor, type CcidDescriptor } from '../../readers/ccid/descriptor';
import { DI_TABLE, FI_TABLE } from '../../readers/atr/tables';
import { eventLine } from './report';

export type ReaderOutcome = 'worked' | 'failed';

export interface ReaderReportContext {
  readonly now: Date;
  readonly userAgent: string;
  readonly appVersion: string;
  readonly outcome: ReaderOutcome;
}

/** First line; the replay tool refuses any other file. */
export const READER_REPORT_MAGIC = 'JPKI Lens reader report v1';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

function isCcidDescriptor(d: unknown): d is CcidDescriptor {
  return typeof d === 'object' && d !== null && 'featuresMask' in d && 'maxMessageLength' in d && 'lcdLayout' in d;
}

/**
 * The contact link's rate from the last PC_to_RDR_SetParameters the host sent (CCID §6.1.7:
 * abProtocolDataStructure[0] = bmFindexDindex, ISO/IEC 7816-3 Tables 7/8) at the reader's default clock.
 */
export function contactRate(events: readonly TraceEvent[], defaultClockKhz: number | undefined): string | undefined {
  const set = [...events].reverse().find((e) => e.layer === 'ccid' && e.dir === 'out' && e.hex?.startsWith('61 '));
  if (!set?.hex) return undefined;
  const b = set.hex.split(' ').map((x) => parseInt(x, 16));
  const fidi = b[10];
  if (fidi === undefined) return undefined;
  const fi = FI_TABLE[fidi >> 4]?.fi;
  const di = DI_TABLE[fidi & 0x0f];
  const protocol = b[7] === 1 ? 'T=1' : 'T=0';
  if (!fi || !di) return `${protocol}, bmFindexDindex ${fidi.toString(16).padStart(2, '0')}`;
  const bps = defaultClockKhz ? Math.round((defaultClockKhz * 1000 * di) / fi) : undefined;
  return `${protocol}, bmFindexDindex ${fidi.toString(16).padStart(2, '0')} (Fi ${fi}, Di ${di}${bps ? `, ${bps} bit/s at ${defaultClockKhz} kHz` : ''})`;
}

export function buildReaderReport(s: SessionSnapshot, events: readonly TraceEvent[], ctx: ReaderReportContext): string {
  const r = s.reader;
  const descriptor = isCcidDescriptor(r?.descriptor) ? r.descriptor : undefined;
  const lines: string[] = [READER_REPORT_MAGIC];
  lines.push(`outcome: ${ctx.outcome}`);
  lines.push(`created: ${ctx.now.toISOString()}`);
  lines.push(`app: JPKI Lens ${ctx.appVersion}`);
  lines.push(`browser: ${ctx.userAgent}`);
  if (r?.demo) lines.push('demo: yes (simulated reader and virtual card, not a real reader)');
  lines.push(`reader: ${r ? `${r.catalogue?.name ?? r.productName} (${r.productName})` : '(none connected)'}`);
  if (r) {
    lines.push(`usb: ${r.vidpid}`);
    lines.push(`family: ${r.info.family}`);
    lines.push(`card interface: ${r.info.cardInterface}`);
    lines.push(`exchange level: ${r.info.exchangeLevel ?? 'n/a'}`);
    if (r.info.cardInterface === 'contactless') {
      const rate = r.contactlessRate;
      lines.push(`rate: ${rate ? `${rate.kbps} kbit/s (${rate.reason})` : 'n/a (no card activated)'}`);
    } else {
      lines.push(`rate: ${contactRate(events, descriptor?.defaultClockKhz) ?? 'n/a (no SetParameters sent)'}`);
    }
    if (descriptor) lines.push(`ccid descriptor: ${hex(encodeCcidDescriptor(descriptor))}`);
  }
  lines.push(`atr: ${s.card ? hex(s.card.atr) : 'n/a (no card read)'}`);
  if (s.card) lines.push(`token: ${s.card.info.token.kind}`);
  lines.push(`problem: ${s.problem ? s.problem.code : 'none'}`);
  lines.push('');
  lines.push(`== transcript (${events.length} events; PIN bytes and personal data redacted)`);
  for (const e of events) lines.push(eventLine(e));
  return lines.join('\n');
}

/** A file name that says what it is and when: `jpki-lens-reader-report-worked-2026-12-02T0130Z.txt`. */
export function readerReportFileName(now: Date, outcome: ReaderOutcome): string {
  const stamp = now.toISOString().slice(0, 16).replace(/:/g, '');
  return `jpki-lens-reader-report-${outcome}-${stamp}Z.txt`;
}
