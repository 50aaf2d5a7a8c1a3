/**
 * Replays a CCID reader report through the real host stack (src/readers openReader → CCID → T=1):
 * the recorded operations in their order — card-present checks, power on (the ATR must be the recorded
 * one), every APDU up to the first redacted one, each response compared with the recorded one. The device double checks every CCID message
 * the host writes against the recording. Used by the tests tools/ccid-report-to-test.ts writes.
 */
import { openReader } from '../../src/readers';
import { ReplayCcidDevice } from './replay-device';
import { parseReaderReport, type ReaderReportFile } from './report-file';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

export interface ReplayResult {
  readonly report: ReaderReportFile;
  readonly atr: string;
  /** APDUs replayed, each with the response the host got and the recorded one. */
  readonly apdus: { readonly command: string; readonly got: string; readonly recorded: string }[];
  readonly played: number;
  readonly total: number;
  readonly divergence: string | undefined;
}

export async function replayReaderReport(text: string, options: { timeoutMs?: number } = {}): Promise<ReplayResult> {
  const report = parseReaderReport(text);
  const device = new ReplayCcidDevice(report);
  const reader = await openReader(device, { timeoutMs: options.timeoutMs ?? 500 });
  const apdus: { command: string; got: string; recorded: string }[] = [];
  let atr = '';
  try {
    for (const op of report.operations) {
      if (device.divergence) break;
      if (op.kind === 'card-present') await reader.cardPresent();
      else if (op.kind === 'power-on') atr = hex(await reader.powerOn());
      else if (op.kind === 'power-off') await reader.powerOff();
      else apdus.push({ command: hex(op.command), got: hex(await reader.transmit(op.command)), recorded: hex(op.response) });
    }
  } catch (e) {
    if (!device.divergence) throw e;
  } finally {
    if (!device.divergence && device.progress.played === device.progress.total) await reader.close().catch(() => undefined);
  }
  return { report, atr, apdus, ...device.progress, divergence: device.divergence };
}
