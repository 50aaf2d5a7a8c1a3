/**
 * The known-reader table (architecture: src/usb "the known-reader table"): VID:PID → name, family,
 * libccid section, interfaces and whether a page can claim the reader. Decoded lazily from the
 * generated rows (tools/gen-reader-catalogue.ts); used to build requestDevice filters and to
 * explain a reader (e.g. in the protected-class error).
 */
import { CATALOGUE_ROWS } from './catalogue.generated';
import type { CatalogueEntry, CatalogueInterface, LibccidSection, VerdictReason } from './catalogue-types';
import { CLASS_SMART_CARD } from './ccid-function';

export type { CatalogueEntry, CatalogueInterface, LibccidSection, VerdictReason } from './catalogue-types';

const SECTIONS: Record<string, LibccidSection> = { s: 'supported', w: 'shouldwork', u: 'unsupported', d: 'disabled', '-': 'unlisted' };
const REASONS: Record<string, VerdictReason> = {
  v: 'vendor-class-ccid', p: 'sony-port100', r: 'sony-rcs300-vendor-interface', x: 'protected-class', '?': 'no-ccid-dump',
};
const LEVELS: Record<string, CatalogueInterface['level']> = {
  c: 'character', t: 'tpdu', s: 'short-apdu', e: 'extended-apdu', p: 'port100', r: 'rcs300-escape',
};
const FAMILIES: Record<string, CatalogueEntry['family']> = { c: 'ccid', '8': 'rcs380', '3': 'rcs300' };

function decode(row: readonly [string, string, string, string]): CatalogueEntry {
  const [key, name, codes, ifs] = row;
  const [vid, pid] = key.split(':').map((h) => parseInt(h, 16));
  const reason = REASONS[codes[2]];
  return {
    vendorId: vid,
    productId: pid,
    name,
    family: FAMILIES[codes[0]],
    section: SECTIONS[codes[1]],
    reason,
    verdict: reason === 'protected-class' ? 'protected' : reason === 'no-ccid-dump' ? 'unknown' : 'claimable',
    interfaces: ifs
      ? ifs.split(' ').map((s) => {
          const [n, cls, level, protocols, maxMsg, slots] = s.split('.');
          const mask = Number(protocols);
          return {
            number: Number(n),
            interfaceClass: parseInt(cls, 16),
            level: LEVELS[level],
            protocols: [...(mask & 1 ? ['T=0'] : []), ...(mask & 2 ? ['T=1'] : []), ...(mask & 4 ? ['ISO 14443-4 Type B'] : [])],
            maxMessageLength: Number(maxMsg),
            slots: Number(slots),
          };
        })
      : [],
  };
}

let table: Map<number, CatalogueEntry> | undefined;
function all(): Map<number, CatalogueEntry> {
  if (!table) {
    table = new Map();
    for (const row of CATALOGUE_ROWS) {
      const e = decode(row);
      table.set(e.vendorId * 0x10000 + e.productId, e);
    }
  }
  return table;
}

export function catalogueEntries(): readonly CatalogueEntry[] {
  return [...all().values()];
}

export function lookupReader(vendorId: number, productId: number): CatalogueEntry | undefined {
  return all().get(vendorId * 0x10000 + productId);
}

/**
 * requestDevice filters for the readers a page can drive: vendor-class CCID readers and the Sony
 * readers. Each filter names the vendor-class interface so Chrome's chooser lists only devices
 * exposing it (WICG/webusb "matches a device filter").
 */
export function pageUsableFilters(): USBDeviceFilter[] {
  return catalogueEntries()
    .filter((e) => e.verdict === 'claimable')
    .map((e) => ({ vendorId: e.vendorId, productId: e.productId, classCode: 0xff }));
}

/** Every Smart Card class device, for "my reader isn't listed": pick it to be told what it is. */
export function smartCardClassFilters(): USBDeviceFilter[] {
  return [{ classCode: CLASS_SMART_CARD }];
}

/** Readers a page can use, for the protected-class explanation (names only). */
export function pageUsableReaderNames(): string[] {
  return catalogueEntries().filter((e) => e.verdict === 'claimable').map((e) => e.name);
}
