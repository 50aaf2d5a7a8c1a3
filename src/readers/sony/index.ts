/**
 * Sony PaSoRi readers driven from a page: the RC-S380 over Port-100 and the RC-S300's vendor
 * interface (experimental), both running ISO/IEC 14443 Type B and ISO-DEP from src/readers/isodep.
 * `openReader` (src/readers/index.ts) reaches them through the driver registry; the exports here
 * are for the reader check page, diagnostics replay and tests.
 */
export { rcs380Driver, openRcs380, Rcs380FrontEnd } from './rcs380/driver';
export { rcs300Driver, openRcs300, Rcs300FrontEnd, RCS300_VENDOR_INTERFACE, type Rcs300Options } from './rcs300/driver';
export { SonyContactlessReader, type ContactlessFrontEnd, type SonyReaderOptions } from './contactless-reader';
export { SONY_MODELS, SONY_USB_FILTERS, SONY_VENDOR_ID, sonyModel, type SonyModel } from './known-readers';
export { ReplayRcs300, replayScript, type ReplayStep } from './rcs300/replay';
