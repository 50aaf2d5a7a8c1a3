/**
 * Hand-maintained catalogue entries for readers that are not CCID dumps in libccid, merged by
 * tools/gen-reader-catalogue.ts. Each entry cites where its facts come from.
 */
import type { CatalogueEntry } from './catalogue-types';

export const EXTRA_READERS: readonly CatalogueEntry[] = [
  // Sony RC-S380/S and /P: one vendor-class (0xFF) interface, Sony NFC Port-100 frames.
  // nfcpy src/nfc/clf/rcs380.py (USB IDs 054c:06c1, 054c:06c3); aruneko/WebUSB-RC-S380 src/RCS380.ts.
  { vendorId: 0x054c, productId: 0x06c1, name: 'Sony RC-S380/S', family: 'rcs380', section: 'unlisted', verdict: 'claimable', reason: 'sony-port100',
    interfaces: [{ number: 0, interfaceClass: 0xff, level: 'port100', protocols: ['ISO 14443-4 Type B'], maxMessageLength: 290, slots: 1 }] },
  { vendorId: 0x054c, productId: 0x06c3, name: 'Sony RC-S380/P', family: 'rcs380', section: 'unlisted', verdict: 'claimable', reason: 'sony-port100',
    interfaces: [{ number: 0, interfaceClass: 0xff, level: 'port100', protocols: ['ISO 14443-4 Type B'], maxMessageLength: 290, slots: 1 }] },
  // RC-S634 (OEM module of the RC-S380 family): nfcpy src/nfc/clf/rcs380.py lists 054c:06c2 as well.
  { vendorId: 0x054c, productId: 0x06c2, name: 'Sony RC-S634', family: 'rcs380', section: 'unlisted', verdict: 'claimable', reason: 'sony-port100',
    interfaces: [{ number: 0, interfaceClass: 0xff, level: 'port100', protocols: ['ISO 14443-4 Type B'], maxMessageLength: 290, slots: 1 }] },
  // Sony RC-S300/S and /P: #0 CCID (class 0x0B, protected; libccid readers/SONY_FeliCa_RC-S300_S.txt),
  // #1 vendor 0xFF with CCID-framed Escape (tanakamasayuki/EspUsbHost docs/ccid-api-spec.ja.md;
  // ogrtk/simple-felica-reader src/lib/FelicaReaderRcS300.ts). Type B over #1 is UNCONFIRMED.
  { vendorId: 0x054c, productId: 0x0dc8, name: 'Sony RC-S300/S', family: 'rcs300', section: 'supported', verdict: 'claimable', reason: 'sony-rcs300-vendor-interface',
    interfaces: [
      { number: 0, interfaceClass: 0x0b, level: 'extended-apdu', protocols: ['T=1'], maxMessageLength: 522, slots: 1 },
      { number: 1, interfaceClass: 0xff, level: 'rcs300-escape', protocols: ['ISO 14443-4 Type B'], maxMessageLength: 522, slots: 1 },
    ] },
  { vendorId: 0x054c, productId: 0x0dc9, name: 'Sony RC-S300/P', family: 'rcs300', section: 'supported', verdict: 'claimable', reason: 'sony-rcs300-vendor-interface',
    interfaces: [
      { number: 0, interfaceClass: 0x0b, level: 'extended-apdu', protocols: ['T=1'], maxMessageLength: 522, slots: 1 },
      { number: 1, interfaceClass: 0xff, level: 'rcs300-escape', protocols: ['ISO 14443-4 Type B'], maxMessageLength: 522, slots: 1 },
    ] },
];
