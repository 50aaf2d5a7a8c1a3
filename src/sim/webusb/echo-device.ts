/**
 * A trivial USB device double: one vendor-specific (0xFF) interface with a bulk OUT and a bulk IN
 * endpoint that sends back whatever it receives. It proves the test injection path
 * (`addInitScript` → FakeUsb → `navigator.usb` → USBDevice) without any reader protocol; the real
 * reader doubles live in src/sim/readers/.
 */
import { buildConfigurationDescriptor } from '../usb/descriptors';
import { UsbDeviceDouble } from '../usb/usb-device-double';

export class EchoDevice extends UsbDeviceDouble {
  constructor(serialNumber = 'ECHO-0001') {
    super({
      identity: { vendorId: 0x1209, productId: 0x0001, manufacturerName: 'JPKI Lens sim', productName: 'Echo device', serialNumber },
      configurationDescriptor: buildConfigurationDescriptor([
        {
          number: 0,
          cls: 0xff,
          endpoints: [
            { address: 0x01, type: 'bulk', packetSize: 64 },
            { address: 0x81, type: 'bulk', packetSize: 64 },
          ],
        },
      ]),
      sendsZeroLengthPacket: true,
    });
  }

  protected override onBulkOut(endpointNumber: number, data: Uint8Array): void {
    if (endpointNumber === 1) this.sendIn(1, data);
  }
}
