// USB CCID readers (architecture: public entry point src/readers/ccid/index.ts).
export { openCcidReader, CcidReader, DEFAULT_TIMEOUT_MS, type OpenCcidOptions, type CcidSession } from './reader';
export { parseCcidDescriptor, exchangeLevelOf, FEATURE, type CcidDescriptor, type CcidFeatures } from './descriptor';
export * as ccidMessages from './messages';
export { slotErrorName, describeStatus, iccStatusOf, commandStatusOf } from './status';
export { ccidDriver } from './driver';
