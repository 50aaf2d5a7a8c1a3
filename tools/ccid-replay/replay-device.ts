/**
 * A USBDevice that is the recorded CCID reader: the configuration descriptor is rebuilt around the
 * report's CCID class descriptor (interface 0, class 0xFF, bulk OUT 0x01, bulk IN 0x82, interrupt 0x83 —
 * the report does not carry endpoint addresses, and the host reads them from this descriptor), and each
 * bulk OUT must be byte for byte the next recorded message; its recorded answers follow. A divergence is
 * kept (first one wins) and answered with silence, so the host's own time-out ends the run.
 * Built on the simulator's WebUSB double (src/sim/usb) for packets, claims and stalls.
 */
import { buildConfigurationDescriptor } from '../../src/sim/usb/descriptors';
import { UsbDeviceDouble, type SetupPacket } from '../../src/sim/usb/usb-device-double';
import type { ReaderReportFile, ReplayStep } from './report-file';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

export class ReplayCcidDevice extends UsbDeviceDouble {
  private at = 0;
  private readonly steps: readonly ReplayStep[];
  divergence: string | undefined;

  constructor(report: ReaderReportFile) {
    super({
      identity: { vendorId: report.vendorId, productId: report.productId, manufacturerName: '', productName: report.productName },
      configurationDescriptor: buildConfigurationDescriptor([
        {
          number: 0,
          cls: 0xff,
          classDescriptor: report.ccidDescriptor,
          endpoints: [
            { address: 0x01, type: 'bulk', packetSize: 64 },
            { address: 0x82, type: 'bulk', packetSize: 64 },
            { address: 0x83, type: 'interrupt', packetSize: 16, interval: 16 },
          ],
        },
      ]),
    });
    this.steps = report.steps;
  }

  /** Recorded messages played so far, and how many there are. */
  get progress(): { played: number; total: number } {
    return { played: this.at, total: this.steps.length };
  }

  protected override onControlOut(setup: SetupPacket): 'ok' | 'stall' {
    // CCID ABORT (class request 0x01) is accepted; nothing else is expected on the control pipe.
    return setup.requestType === 'class' && setup.request === 0x01 ? 'ok' : 'stall';
  }

  protected onBulkOut(_endpoint: number, data: Uint8Array): void {
    const step = this.steps[this.at];
    if (!step) {
      // Past the recording: only the IccPowerOff of close() is answered (SlotStatus, same bSeq), so a
      // test can close the reader; anything else is a divergence.
      if (data[0] === 0x63) this.sendIn(2, Uint8Array.of(0x81, 0, 0, 0, 0, data[5], data[6], 0x01, 0, 0));
      else this.divergence ??= `message ${this.at + 1}: past the recording, the host wrote ${hex(data)}`;
      return;
    }
    if (hex(step.out) !== hex(data)) {
      this.divergence ??= `message ${this.at + 1}: recorded ${hex(step.out)}, the host wrote ${hex(data)}`;
      return;
    }
    this.at++;
    for (const m of step.in) this.sendIn(2, m);
  }
}
