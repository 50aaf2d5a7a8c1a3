/**
 * Reading a "this worked / this failed on my reader" report (src/app/diagnostics/reader-report.ts) back
 * into what a replay needs: the reader's identity and CCID class descriptor, the ATR, the CCID messages
 * the host wrote with the answers it read (the `ccid` layer, as OUT → INs steps), and the APDUs with their
 * responses (the `apdu` layer). Both stop at the first redacted or masked event: the bytes of a VERIFY or
 * a personal-data read are not in the report, so nothing after them can be replayed.
 */
import { READER_REPORT_MAGIC } from '../../src/app/diagnostics/reader-report';

export interface ReplayStep {
  readonly out: Uint8Array;
  readonly in: Uint8Array[];
}

/** What the host was asked to do, in the recorded order (derived from the message types and APDUs). */
export type ReplayOperation =
  | { readonly kind: 'card-present' } // PC_to_RDR_GetSlotStatus 65
  | { readonly kind: 'power-on' } // PC_to_RDR_IccPowerOn 62 (SetParameters and S(IFS) follow within it)
  | { readonly kind: 'power-off' } // PC_to_RDR_IccPowerOff 63
  | { readonly kind: 'transmit'; readonly command: Uint8Array; readonly response: Uint8Array };

export interface ReaderReportFile {
  readonly fields: Readonly<Record<string, string>>;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  readonly exchangeLevel: string;
  readonly ccidDescriptor: Uint8Array;
  readonly atr: Uint8Array | undefined;
  readonly steps: ReplayStep[];
  readonly apdus: { readonly command: Uint8Array; readonly response: Uint8Array }[];
  readonly operations: ReplayOperation[];
  /** Why the script ends where it does: 'end of transcript', or the first redacted/masked event. */
  readonly cut: string;
}

const fromHex = (s: string) => Uint8Array.from(s.trim().split(/\s+/).filter(Boolean), (x) => parseInt(x, 16));

/** One transcript line as written by eventLine(): `   538 ms ccid    >> 65 00 …  (note)`. */
const EVENT = /^\s*\d+ ms (\S+)\s+(>>|<<|--) (.*)$/;

export function parseReaderReport(text: string): ReaderReportFile {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== READER_REPORT_MAGIC) throw new Error(`not a reader report (first line must be "${READER_REPORT_MAGIC}")`);
  const fields: Record<string, string> = {};
  let i = 1;
  for (; i < lines.length && !lines[i].startsWith('=='); i++) {
    const m = /^([a-z ]+): (.*)$/.exec(lines[i]);
    if (m) fields[m[1]] = m[2];
  }
  if (fields.family !== 'ccid') throw new Error(`only CCID readers can be replayed by this tool (family: ${fields.family ?? 'none'})`);
  const usb = /^([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4})$/.exec(fields.usb ?? '');
  if (!usb) throw new Error('report without "usb: VVVV:PPPP"');
  if (!fields['ccid descriptor']) throw new Error('report without "ccid descriptor:"');
  const steps: { out: Uint8Array; in: Uint8Array[] }[] = [];
  const apdus: { command: Uint8Array; response: Uint8Array }[] = [];
  const operations: ReplayOperation[] = [];
  let inApdu = false;
  let pending: Uint8Array | undefined;
  let ccidOpen = true;
  let apduOpen = true;
  let cut = 'end of transcript';
  for (const line of lines.slice(i + 1)) {
    const m = EVENT.exec(line);
    if (!m || m[2] === '--') continue;
    const [, layer, dir, rawBody] = m;
    const body = rawBody.replace(/ {2}\(.*\)$/, '');
    const hidden = body.startsWith('[redacted') || body.includes('**');
    if (hidden && (layer === 'ccid' || layer === 'apdu') && cut === 'end of transcript') cut = `first redacted event: ${line.trim()}`;
    if (layer === 'ccid' && ccidOpen) {
      if (hidden) ccidOpen = false;
      else if (dir === '>>') {
        const out = fromHex(body);
        steps.push({ out, in: [] });
        if (!inApdu && out[0] === 0x65) operations.push({ kind: 'card-present' });
        if (!inApdu && out[0] === 0x62) operations.push({ kind: 'power-on' });
        if (!inApdu && out[0] === 0x63) operations.push({ kind: 'power-off' });
      }
      else steps.at(-1)?.in.push(fromHex(body));
    }
    if (layer === 'apdu' && apduOpen) {
      if (hidden) apduOpen = false;
      else if (dir === '>>') {
        pending = fromHex(body);
        inApdu = true;
      } else if (pending) {
        const a = { command: pending, response: fromHex(body) };
        apdus.push(a);
        operations.push({ kind: 'transmit', ...a });
        pending = undefined;
        inApdu = false;
      }
    }
  }
  const name = /\(([^)]*)\)$/.exec(fields.reader ?? '')?.[1] ?? fields.reader ?? 'CCID reader';
  return {
    fields,
    vendorId: parseInt(usb[1], 16),
    productId: parseInt(usb[2], 16),
    productName: name,
    exchangeLevel: fields['exchange level'] ?? 'n/a',
    ccidDescriptor: fromHex(fields['ccid descriptor']),
    atr: fields.atr && !fields.atr.startsWith('n/a') ? fromHex(fields.atr) : undefined,
    steps,
    apdus,
    operations,
    cut,
  };
}
