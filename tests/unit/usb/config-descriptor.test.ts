import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfigurationDescriptor, readConfigurationDescriptor } from '../../../src/usb/config-descriptor';
import { findCcidFunctions } from '../../../src/usb/ccid-function';
import { parseCcidDescriptor } from '../../../src/readers/ccid/descriptor';

const unhex = (s: string) => Uint8Array.from(s.match(/../g)!.map((x) => parseInt(x, 16)));
const raw = JSON.parse(readFileSync('../shared/corpus/ccid/raw-descriptors.json', 'utf8')) as {
  devices: { configuration_descriptor_full_hex?: string; get_configuration_descriptor_first9_hex?: string; ccid_class_descriptor_hex?: string }[];
};
const scr3310 = unhex(raw.devices[0].configuration_descriptor_full_hex!);

describe('configuration descriptor walk (USB 2.0 §9.6.3)', () => {
  it('SCM SCR 3310: one class-0x0B interface, 54 extra bytes after it, bulk OUT 1, bulk IN 2, interrupt IN 3', () => {
    const c = parseConfigurationDescriptor(scr3310);
    expect(c.totalLength).toBe(93);
    expect(c.configurationValue).toBe(1);
    expect(c.alternates).toHaveLength(1);
    const a = c.alternates[0];
    expect([a.interfaceNumber, a.interfaceClass, a.extra.length]).toEqual([0, 0x0b, 54]);
    expect(a.endpoints.map((e) => [e.address, e.type, e.direction, e.packetSize])).toEqual([
      [0x01, 'bulk', 'out', 64], [0x82, 'bulk', 'in', 64], [0x83, 'interrupt', 'in', 16],
    ]);
    const [f] = findCcidFunctions(c);
    expect(f.descriptorPlacement).toBe('after-interface');
    expect(Array.from(f.classDescriptor)).toEqual(Array.from(unhex(raw.devices[0].ccid_class_descriptor_hex!)));
    expect([f.bulkIn.endpointNumber, f.bulkOut.endpointNumber, f.interruptIn?.endpointNumber]).toEqual([2, 1, 3]);
  });

  it('accepts the 54 bytes after the last endpoint (OZ776-style) and a vendor class', () => {
    const iface = scr3310.subarray(9, 18);
    const ccid = scr3310.subarray(18, 72);
    const eps = scr3310.subarray(72, 93);
    const body = Uint8Array.from([...iface, ...eps, ...ccid]);
    body[5] = 0xff; // interface class → vendor
    const cfg = Uint8Array.from([9, 2, (9 + body.length) & 0xff, 0, 1, 1, 0, 0xa0, 0x32, ...body]);
    const [f] = findCcidFunctions(parseConfigurationDescriptor(cfg));
    expect(f.descriptorPlacement).toBe('after-last-endpoint');
    expect(f.interfaceClass).toBe(0xff);
    expect(parseCcidDescriptor(f.classDescriptor).exchangeLevel).toBe('tpdu');
  });

  it('ignores interfaces without the 54 bytes and non-CCID classes', () => {
    const cfg = Uint8Array.from([9, 2, 25, 0, 1, 1, 0, 0x80, 50, 9, 4, 0, 0, 1, 0xff, 0, 0, 0, 7, 5, 0x81, 2, 64, 0, 0]);
    expect(findCcidFunctions(parseConfigurationDescriptor(cfg))).toEqual([]);
  });

  it('refuses a descriptor whose lengths run past wTotalLength', () => {
    const bad = scr3310.slice();
    bad[9] = 200;
    expect(() => parseConfigurationDescriptor(bad)).toThrow(/descriptor length/);
  });

  it('reads 9 bytes, then wTotalLength, with GET_DESCRIPTOR control transfers', async () => {
    const calls: { value: number; length: number }[] = [];
    const device = {
      controlTransferIn: async (setup: USBControlTransferParameters, length: number) => {
        calls.push({ value: setup.value, length });
        const out = scr3310.slice(0, length);
        return { status: 'ok', data: new DataView(out.buffer) } as USBInTransferResult;
      },
    } as unknown as USBDevice;
    const bytes = await readConfigurationDescriptor(device);
    expect(calls).toEqual([{ value: 0x0200, length: 9 }, { value: 0x0200, length: 93 }]);
    expect(Array.from(bytes.subarray(0, 9))).toEqual(Array.from(unhex(raw.devices[0].get_configuration_descriptor_first9_hex!)));
    expect(bytes.length).toBe(93);
  });
});
