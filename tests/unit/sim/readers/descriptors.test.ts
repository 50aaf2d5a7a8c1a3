import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfigurationDescriptor } from '../../../../src/sim/usb/descriptors';
import { createVirtualReader, READER_PROFILES } from '../../../../src/sim/readers';
import { SCR3310_RAW_CONFIGURATION, SCR3310_NTTCOM_PROFILE } from '../../../../src/sim/readers/scr3310-nttcom';
import { SCR331_DI_NTTCOM_PROFILE } from '../../../../src/sim/readers/scr331-di-nttcom';
import { CLOUD_2700_R_PROFILE } from '../../../../src/sim/readers/class0b-extended';
import { GEMPC_TWIN_PROFILE } from '../../../../src/sim/readers/gempc-twin';
import { descriptorFields, readDump } from './dump';
import { bytes, hex } from '../t1/test-card';

const raw = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/raw-descriptors.json', import.meta.url)), 'utf8')) as {
  devices: { idProduct: string; configuration_descriptor_full_hex?: string; ccid_class_descriptor_hex: string; get_data_rates_decoded_bps?: number[] }[];
};

/** The 54 bytes after the first interface descriptor of a configuration descriptor. */
function classDescriptorOf(config: Uint8Array): Uint8Array {
  expect(config[9 + 1]).toBe(0x04);
  const d = config.slice(18, 18 + 54);
  expect([d[0], d[1]]).toEqual([0x36, 0x21]);
  return d;
}

describe('reader doubles: descriptors from the recorded readers', () => {
  it('the recorded SCR 3310 bytes in the double are the corpus bytes', () => {
    expect(SCR3310_RAW_CONFIGURATION).toBe(raw.devices.find((d) => d.idProduct === '5116')!.configuration_descriptor_full_hex);
  });

  it('SCR3310-NTTCom: the rebuilt 54 bytes carry exactly the dump fields', () => {
    const dump = readDump('SCR3310-NTTCom.txt');
    const d = classDescriptorOf(SCR3310_NTTCOM_PROFILE.configurationDescriptor);
    expect(descriptorFields(d)).toEqual(dump.fields);
    expect([SCR3310_NTTCOM_PROFILE.identity.vendorId, SCR3310_NTTCOM_PROFILE.identity.productId]).toEqual([dump.idVendor, dump.idProduct]);
    expect(SCR3310_NTTCOM_PROFILE.clockFrequenciesKhz).toEqual(dump.clocksKhz);
    expect(SCR3310_NTTCOM_PROFILE.dataRates).toEqual(dump.dataRates);
    expect(dump.dataRates).toHaveLength(96);
  });

  it('SCR3310-NTTCom: the configuration parses to one class-0xFF interface with 3 endpoints', () => {
    const c = parseConfigurationDescriptor(SCR3310_NTTCOM_PROFILE.configurationDescriptor);
    expect(c.interfaces).toHaveLength(1);
    const alt = c.interfaces[0].alternates[0];
    expect(alt.interfaceClass).toBe(0xff);
    expect(alt.endpoints).toEqual([
      { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: 64 },
      { endpointNumber: 2, direction: 'in', type: 'bulk', packetSize: 64 },
      { endpointNumber: 3, direction: 'in', type: 'interrupt', packetSize: 16 },
    ]);
  });

  it('SCR3310-NTTCom differs from the real SCR 3310 only in the interface class and the class descriptor', () => {
    const real = bytes(SCR3310_RAW_CONFIGURATION);
    const ntt = SCR3310_NTTCOM_PROFILE.configurationDescriptor;
    expect(ntt.length).toBe(93);
    const changed = [...ntt].flatMap((b, i) => (b !== real[i] ? [i] : []));
    expect(changed.every((i) => i === 14 || (i >= 18 && i < 72))).toBe(true);
    expect([real[14], ntt[14]]).toEqual([0x0b, 0xff]);
    expect(hex(ntt.slice(72))).toBe(hex(real.slice(72)));
  });

  it('SCR331-DI-NTTCom: two slots, class 0xFF, fields as dumped', () => {
    const dump = readDump('SCR331-DI-NTTCom.txt');
    expect(descriptorFields(classDescriptorOf(SCR331_DI_NTTCOM_PROFILE.configurationDescriptor))).toEqual(dump.fields);
    expect(parseConfigurationDescriptor(SCR331_DI_NTTCOM_PROFILE.configurationDescriptor).interfaces[0].alternates[0].interfaceClass).toBe(0xff);
    expect(dump.interfaceClass).toBe(0xff);
    expect(SCR331_DI_NTTCOM_PROFILE.slots).toEqual(['contact', 'contactless']);
  });

  it('class0b-extended (Identive CLOUD 2700 R): class 0x0B, extended APDU level, fields as dumped', () => {
    const dump = readDump('Identive_CLOUD_2700_R.txt');
    expect(dump.interfaceClass).toBe(0x0b);
    expect(descriptorFields(classDescriptorOf(CLOUD_2700_R_PROFILE.configurationDescriptor))).toEqual(dump.fields);
    expect(dump.fields.features & 0x70000).toBe(0x40000);
    expect(parseConfigurationDescriptor(CLOUD_2700_R_PROFILE.configurationDescriptor).interfaces[0].alternates[0].interfaceClass).toBe(0x0b);
  });

  it('gempc-twin: the recorded class descriptor and data rates, unchanged', () => {
    const twin = raw.devices.find((d) => d.idProduct === '3437')!;
    expect(hex(classDescriptorOf(GEMPC_TWIN_PROFILE.configurationDescriptor))).toBe(hex(bytes(twin.ccid_class_descriptor_hex)));
    expect(GEMPC_TWIN_PROFILE.dataRates).toEqual(twin.get_data_rates_decoded_bps);
  });

  it('serves the raw configuration descriptor through GET_DESCRIPTOR as WebUSB reads it (9 bytes, then wTotalLength)', async () => {
    const d = createVirtualReader('scr3310-nttcom');
    await d.open();
    const setup = { requestType: 'standard', recipient: 'device', request: 0x06, value: 0x0200, index: 0 } as const;
    const head = await d.controlTransferIn(setup, 9);
    expect(head.data!.byteLength).toBe(9);
    const total = head.data!.getUint16(2, true);
    const all = await d.controlTransferIn(setup, total);
    expect(hex(new Uint8Array(all.data!.buffer))).toBe(hex(SCR3310_NTTCOM_PROFILE.configurationDescriptor));
  });

  it('knows every profile by name, and refuses an unknown one', () => {
    expect(READER_PROFILES).toEqual(expect.arrayContaining(['scr3310-nttcom', 'scr331-di-nttcom', 'class0b-extended', 'gempc-twin']));
    expect(() => createVirtualReader('nope' as 'gempc-twin')).toThrow(/unknown reader profile/);
  });
});

describe('reader doubles: claiming, as Chrome allows it', () => {
  it('a page claims the 0xFF NTTCom readers', async () => {
    for (const p of ['scr3310-nttcom', 'scr331-di-nttcom'] as const) {
      const d = createVirtualReader(p);
      await d.open();
      await d.selectConfiguration(1);
      await d.claimInterface(0);
      expect(d.configuration!.interfaces[0].claimed).toBe(true);
    }
  });

  it('a class-0x0B reader is refused with SecurityError, unless protected classes are allowed', async () => {
    const refused = createVirtualReader('class0b-extended');
    await refused.open();
    await refused.selectConfiguration(1);
    const error = await refused.claimInterface(0).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('SecurityError');
    expect((error as DOMException).message).toContain('protected class');
    const allowed = createVirtualReader('class0b-extended', undefined, { allowProtectedClasses: true });
    await allowed.open();
    await allowed.selectConfiguration(1);
    await allowed.claimInterface(0);
    expect(allowed.configuration!.interfaces[0].claimed).toBe(true);
  });
});
