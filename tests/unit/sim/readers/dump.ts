/** Reads the fields of a libccid `parse` dump (fixtures/*.txt) for comparison with the doubles. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface DumpFields {
  idVendor: number;
  idProduct: number;
  interfaceClass: number;
  /** the 54-byte descriptor's fields in order, as numbers */
  fields: Record<string, number>;
  clocksKhz: number[];
  dataRates: number[];
}

export function readDump(name: string): DumpFields {
  const text = readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
  const value = (key: string): string => {
    const m = new RegExp(`^\\s*${key}: (.*)$`, 'm').exec(text);
    if (!m) throw new Error(`no ${key} in ${name}`);
    return m[1].trim();
  };
  const num = (s: string) => (s.startsWith('0x') ? parseInt(s.replace(/\s+0x/g, ''), 16) : parseInt(s, 10));
  const mhz = (s: string) => Math.round(parseFloat(s) * 1000);
  const bcd = (s: string) => {
    const [maj, min] = s.split('.');
    return (parseInt(maj, 10) << 8) | parseInt(min, 16);
  };
  return {
    idVendor: num(value('idVendor')),
    idProduct: num(value('idProduct')),
    interfaceClass: num(value('bInterfaceClass').split(' ')[0]),
    fields: {
      bcdCCID: bcd(value('bcdCCID')),
      maxSlotIndex: num(value('bMaxSlotIndex')),
      voltageSupport: num(value('bVoltageSupport')),
      protocols: num(value('dwProtocols')),
      defaultClockKhz: mhz(value('dwDefaultClock')),
      maximumClockKhz: mhz(value('dwMaximumClock')),
      numClockSupported: num(value('bNumClockSupported')),
      dataRate: num(value('dwDataRate')),
      maxDataRate: num(value('dwMaxDataRate')),
      numDataRatesSupported: num(value('bNumDataRatesSupported')),
      maxIfsd: num(value('dwMaxIFSD')),
      synchProtocols: num(value('dwSynchProtocols')),
      mechanical: num(value('dwMechanical')),
      features: num(value('dwFeatures')),
      maxMessageLength: num(value('dwMaxCCIDMessageLength')),
      classGetResponse: num(value('bClassGetResponse')),
      classEnvelope: num(value('bClassEnvelope')),
      lcdLayout: num(value('wLcdLayout')),
      pinSupport: num(value('bPINSupport')),
      maxBusySlots: num(value('bMaxCCIDBusySlots')),
    },
    clocksKhz: [...text.matchAll(/Support (\d+) kHz/g)].map((m) => Number(m[1])),
    dataRates: [...text.matchAll(/Support (\d+) bps/g)].map((m) => Number(m[1])),
  };
}

export function u32(bytes: Uint8Array, off: number): number {
  return (bytes[off] | (bytes[off + 1] << 8) | (bytes[off + 2] << 16) | (bytes[off + 3] << 24)) >>> 0;
}

/** The 54 bytes read back at the offsets of CCID Rev 1.10 Table 5.1-1 (independent of the builder). */
export function descriptorFields(d: Uint8Array): Record<string, number> {
  return {
    bcdCCID: d[2] | (d[3] << 8),
    maxSlotIndex: d[4],
    voltageSupport: d[5],
    protocols: u32(d, 6),
    defaultClockKhz: u32(d, 10),
    maximumClockKhz: u32(d, 14),
    numClockSupported: d[18],
    dataRate: u32(d, 19),
    maxDataRate: u32(d, 23),
    numDataRatesSupported: d[27],
    maxIfsd: u32(d, 28),
    synchProtocols: u32(d, 32),
    mechanical: u32(d, 36),
    features: u32(d, 40),
    maxMessageLength: u32(d, 44),
    classGetResponse: d[48],
    classEnvelope: d[49],
    lcdLayout: d[50] | (d[51] << 8),
    pinSupport: d[52],
    maxBusySlots: d[53],
  };
}
