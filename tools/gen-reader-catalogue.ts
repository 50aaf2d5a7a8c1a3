/**
 * Generates src/usb/catalogue.generated.ts from libccid's reader dumps
 * (../shared/corpus/ccid/libccid-readers/*.txt: the output of libccid src/parse.c for each real
 * reader, plus readers/supported_readers.txt) and the hand-maintained, cited Sony entries in
 * src/usb/catalogue-extra.ts. Run: `npx tsx tools/gen-reader-catalogue.ts` from the repo root.
 * A unit test regenerates the module in memory and compares it with the committed file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRA_READERS } from '../src/usb/catalogue-extra';
import type { CatalogueEntry, CatalogueInterface, LibccidSection } from '../src/usb/catalogue-types';
import { exchangeLevelOf } from '../src/readers/ccid/descriptor';

export const DEFAULT_CORPUS = '../shared/corpus/ccid/libccid-readers';

/** One interface as a libccid dump prints it: the device fields and every class-descriptor field. */
export interface DumpInterface {
  readonly file: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly manufacturer: string;
  readonly product: string;
  readonly interfaceNumber: number;
  readonly interfaceClass: number;
  readonly fields: {
    bLength: number; bDescriptorType: number; bcdCCID: number; bMaxSlotIndex: number; bVoltageSupport: number; dwProtocols: number;
    dwDefaultClock: number; dwMaximumClock: number; bNumClockSupported: number; dwDataRate: number; dwMaxDataRate: number;
    bNumDataRatesSupported: number; dwMaxIFSD: number; dwSynchProtocols: number; dwMechanical: number; dwFeatures: number;
    dwMaxCCIDMessageLength: number; bClassGetResponse: number; bClassEnvelope: number; wLcdLayout: number; bPINSupport: number;
    bMaxCCIDBusySlots: number;
  };
  /** the decoded lines parse.c printed, for cross-checks: feature-bit lines, protocol lines */
  readonly featureLines: readonly string[];
  readonly protocolLines: readonly string[];
}

const num = (s: string) => (s.startsWith('0x') || s.startsWith('0X') ? parseInt(s, 16) : parseInt(s, 10));

/** Split one dump file into its interfaces (composite readers print several). */
export function parseLibccidDump(file: string, text: string): DumpInterface[] {
  const lines = text.replace(/\r/g, '').split('\n');
  const out: DumpInterface[] = [];
  const starts = lines.flatMap((l, i) => (/^ idVendor:/.test(l) ? [i] : []));
  starts.forEach((start, n) => {
    const block = lines.slice(start, starts[n + 1] ?? lines.length);
    const get = (key: string, from = 0): string | undefined => {
      const re = new RegExp(`^\\s*${key}:\\s*(.*)$`);
      for (let i = from; i < block.length; i++) {
        const m = re.exec(block[i]);
        if (m) return m[1].trim();
      }
      return undefined;
    };
    const ccidAt = block.findIndex((l) => l.includes('CCID Class Descriptor'));
    if (ccidAt < 0) return;
    const req = (key: string, from = ccidAt) => {
      const v = get(key, from);
      if (v === undefined) throw new Error(`${file}: no ${key}`);
      return v;
    };
    const mhzToKhz = (v: string) => Math.round(parseFloat(v) * 1000);
    const bcd = (v: string) => {
      const [maj, min] = v.split('.');
      return (parseInt(maj, 16) << 8) | parseInt(min, 16);
    };
    const [protoHi, protoLo] = req('dwProtocols').split(/\s+/).map(num);
    const featureLines: string[] = [];
    const protocolLines: string[] = [];
    let inFeatures = false;
    let inProtocols = false;
    for (let i = ccidAt; i < block.length; i++) {
      const l = block[i];
      if (/^\s{2}dwFeatures:/.test(l)) inFeatures = true;
      else if (/^\s{2}dwProtocols:/.test(l)) inProtocols = true;
      else if (/^\s{2}\S/.test(l)) inFeatures = inProtocols = false;
      else if (inFeatures && /^\s{3}\S/.test(l)) featureLines.push(l.trim());
      else if (inProtocols && /^\s{3}\S/.test(l)) protocolLines.push(l.trim());
    }
    out.push({
      file,
      vendorId: num(req('idVendor', 0)),
      productId: num(req('idProduct', 0)),
      manufacturer: get('iManufacturer') ?? '',
      product: get('iProduct') ?? '',
      interfaceNumber: num(req('bInterfaceNumber', 0)),
      interfaceClass: num(req('bInterfaceClass', 0).split(/\s/)[0]),
      fields: {
        bLength: num(req('bLength')),
        bDescriptorType: num(req('bDescriptorType')),
        bcdCCID: bcd(req('bcdCCID')),
        bMaxSlotIndex: num(req('bMaxSlotIndex')),
        bVoltageSupport: num(req('bVoltageSupport')),
        dwProtocols: ((protoHi << 16) | protoLo) >>> 0,
        dwDefaultClock: mhzToKhz(req('dwDefaultClock')),
        dwMaximumClock: mhzToKhz(req('dwMaximumClock')),
        bNumClockSupported: num(req('bNumClockSupported').split(/\s/)[0]),
        dwDataRate: num(req('dwDataRate').split(/\s/)[0]),
        dwMaxDataRate: num(req('dwMaxDataRate').split(/\s/)[0]),
        bNumDataRatesSupported: num(req('bNumDataRatesSupported').split(/\s/)[0]),
        dwMaxIFSD: num(req('dwMaxIFSD')),
        dwSynchProtocols: num(req('dwSynchProtocols')),
        dwMechanical: num(req('dwMechanical')),
        dwFeatures: num(req('dwFeatures')) >>> 0,
        dwMaxCCIDMessageLength: num(req('dwMaxCCIDMessageLength').split(/\s/)[0]),
        bClassGetResponse: num(req('bClassGetResponse')),
        bClassEnvelope: num(req('bClassEnvelope')),
        wLcdLayout: num(req('wLcdLayout')),
        bPINSupport: num(req('bPINSupport')),
        bMaxCCIDBusySlots: num(req('bMaxCCIDBusySlots')),
      },
      featureLines,
      protocolLines,
    });
  });
  return out;
}

/** The 54 bytes (CCID Rev 1.10 Table 5.1-1) rebuilt from a dump's fields. */
export function rebuildCcidDescriptor(f: DumpInterface['fields']): Uint8Array {
  const b = new Uint8Array(54);
  const v = new DataView(b.buffer);
  b[0] = f.bLength;
  b[1] = f.bDescriptorType;
  v.setUint16(2, f.bcdCCID, true);
  b[4] = f.bMaxSlotIndex;
  b[5] = f.bVoltageSupport;
  v.setUint32(6, f.dwProtocols, true);
  v.setUint32(10, f.dwDefaultClock, true);
  v.setUint32(14, f.dwMaximumClock, true);
  b[18] = f.bNumClockSupported;
  v.setUint32(19, f.dwDataRate, true);
  v.setUint32(23, f.dwMaxDataRate, true);
  b[27] = f.bNumDataRatesSupported;
  v.setUint32(28, f.dwMaxIFSD, true);
  v.setUint32(32, f.dwSynchProtocols, true);
  v.setUint32(36, f.dwMechanical, true);
  v.setUint32(40, f.dwFeatures, true);
  v.setUint32(44, f.dwMaxCCIDMessageLength, true);
  b[48] = f.bClassGetResponse;
  b[49] = f.bClassEnvelope;
  v.setUint16(50, f.wLcdLayout, true);
  b[52] = f.bPINSupport;
  b[53] = f.bMaxCCIDBusySlots;
  return b;
}

/** readers/supported_readers.txt: `0xVVVV:0xPPPP:Name` lines under "# section: X" headers. */
export function parseSupportedReaders(text: string): Map<string, { name: string; section: LibccidSection }> {
  const out = new Map<string, { name: string; section: LibccidSection }>();
  let section: string | undefined;
  for (const raw of text.replace(/\r/g, '').split('\n')) {
    const s = /^# section: (\w+)/.exec(raw);
    if (s) {
      section = s[1];
      continue;
    }
    if (section === 'duplicates') continue; // repeats of entries listed in the other sections
    // the disabled section comments its entries out
    const m = /^#?(0x[0-9A-Fa-f]{4}):(0x[0-9A-Fa-f]{4}):(.+)$/.exec(raw.trim());
    if (!m || !section) continue;
    if (raw.startsWith('#') && section !== 'disabled') continue;
    const key = keyOf(num(m[1]), num(m[2]));
    if (!out.has(key)) out.set(key, { name: m[3].trim(), section: section as LibccidSection });
  }
  return out;
}

export const keyOf = (vid: number, pid: number) => `${vid.toString(16).toUpperCase().padStart(4, '0')}:${pid.toString(16).toUpperCase().padStart(4, '0')}`;

export function readCorpus(dir: string): { dumps: DumpInterface[]; supported: string; fileCount: number } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const dumps = files.filter((f) => f !== 'supported_readers.txt').flatMap((f) => parseLibccidDump(f, readFileSync(join(dir, f), 'utf8')));
  return { dumps, supported: readFileSync(join(dir, 'supported_readers.txt'), 'utf8'), fileCount: files.length };
}

const protocolsOf = (mask: number) => [...(mask & 1 ? ['T=0'] : []), ...(mask & 2 ? ['T=1'] : [])];

/** All entries: dumps grouped by VID:PID (first dump per interface wins), list-only readers, extras. */
export function buildEntries(dumps: readonly DumpInterface[], supportedText: string): CatalogueEntry[] {
  const listed = parseSupportedReaders(supportedText);
  const byKey = new Map<string, { name: string; interfaces: Map<number, CatalogueInterface> }>();
  for (const d of dumps) {
    const key = keyOf(d.vendorId, d.productId);
    const e = byKey.get(key) ?? { name: `${d.manufacturer} ${d.product}`.trim(), interfaces: new Map<number, CatalogueInterface>() };
    if (!e.interfaces.has(d.interfaceNumber)) {
      e.interfaces.set(d.interfaceNumber, {
        number: d.interfaceNumber,
        interfaceClass: d.interfaceClass,
        level: exchangeLevelOf(d.fields.dwFeatures),
        protocols: protocolsOf(d.fields.dwProtocols),
        maxMessageLength: d.fields.dwMaxCCIDMessageLength,
        slots: d.fields.bMaxSlotIndex + 1,
      });
    }
    byKey.set(key, e);
  }
  const entries = new Map<string, CatalogueEntry>();
  for (const [key, e] of byKey) {
    const [vid, pid] = key.split(':').map((h) => parseInt(h, 16));
    const interfaces = [...e.interfaces.values()].sort((a, b) => a.number - b.number);
    const vendor = interfaces.some((i) => i.interfaceClass === 0xff);
    const list = listed.get(key);
    entries.set(key, {
      vendorId: vid, productId: pid, name: list?.name ?? e.name, family: 'ccid', section: list?.section ?? 'unlisted',
      verdict: vendor ? 'claimable' : 'protected', reason: vendor ? 'vendor-class-ccid' : 'protected-class', interfaces,
    });
  }
  for (const [key, l] of listed) {
    if (entries.has(key)) continue;
    const [vid, pid] = key.split(':').map((h) => parseInt(h, 16));
    entries.set(key, { vendorId: vid, productId: pid, name: l.name, family: 'ccid', section: l.section, verdict: 'unknown', reason: 'no-ccid-dump', interfaces: [] });
  }
  for (const x of EXTRA_READERS) {
    const key = keyOf(x.vendorId, x.productId);
    entries.set(key, { ...x, section: listed.get(key)?.section ?? x.section });
  }
  return [...entries.values()].sort((a, b) => a.vendorId - b.vendorId || a.productId - b.productId);
}

// ---- compact encoding (decoded by src/usb/catalogue.ts) ---------------------------------------------

const SECTION_CODE: Record<LibccidSection, string> = { supported: 's', shouldwork: 'w', unsupported: 'u', disabled: 'd', unlisted: '-' };
const REASON_CODE: Record<CatalogueEntry['reason'], string> = {
  'vendor-class-ccid': 'v', 'sony-port100': 'p', 'sony-rcs300-vendor-interface': 'r', 'protected-class': 'x', 'no-ccid-dump': '?',
};
const LEVEL_CODE: Record<CatalogueInterface['level'], string> = {
  character: 'c', tpdu: 't', 'short-apdu': 's', 'extended-apdu': 'e', port100: 'p', 'rcs300-escape': 'r',
};
const FAMILY_CODE: Record<CatalogueEntry['family'], string> = { ccid: 'c', rcs380: '8', rcs300: '3' };

function protocolMask(ps: readonly string[]): number {
  return (ps.includes('T=0') ? 1 : 0) | (ps.includes('T=1') ? 2 : 0) | (ps.includes('ISO 14443-4 Type B') ? 4 : 0);
}

/** One row: [VID:PID, name, family+section+reason, interfaces "n.cls.level.protocols.maxMsg.slots" joined by ' ']. */
export function encodeEntry(e: CatalogueEntry): [string, string, string, string] {
  const ifs = e.interfaces.map((i) => [i.number, i.interfaceClass.toString(16), LEVEL_CODE[i.level], protocolMask(i.protocols), i.maxMessageLength, i.slots].join('.')).join(' ');
  return [keyOf(e.vendorId, e.productId), e.name, FAMILY_CODE[e.family] + SECTION_CODE[e.section] + REASON_CODE[e.reason], ifs];
}

export function generateCatalogue(dir: string): string {
  const { dumps, supported, fileCount } = readCorpus(dir);
  const entries = buildEntries(dumps, supported);
  const rows = entries.map((e) => `  ${JSON.stringify(encodeEntry(e))},`).join('\n');
  return `// GENERATED by tools/gen-reader-catalogue.ts from ${fileCount} files of libccid readers/ (LudovicRousseau/CCID
// @5de6a9661c371d74d5c1e16fd4d01727ae2d9db3, via ../shared/corpus/ccid/libccid-readers) and
// src/usb/catalogue-extra.ts. Do not edit: run \`npx tsx tools/gen-reader-catalogue.ts\`.
// ${dumps.length} interface dumps, ${entries.length} readers. Row: [VID:PID, name, family·section·reason,
// interfaces "number.class.level.protocols.maxMessageLength.slots"]; decoded by src/usb/catalogue.ts.
export const CATALOGUE_ROWS: readonly (readonly [string, string, string, string])[] = [
${rows}
];
`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = 'src/usb/catalogue.generated.ts';
  writeFileSync(out, generateCatalogue(DEFAULT_CORPUS));
  console.log(`wrote ${out}`);
}
