export { createVirtualReader, READER_PROFILES, type ReaderProfile, type ReaderFactory, type VirtualReaderOptions } from './registry';
export { CcidReaderDouble, type CcidReaderProfile, type CcidReaderOptions } from '../ccid/ccid-reader-double';
export type { FaultName, FaultParams } from '../ccid/faults';
export type { SimCard } from '../t1/card-t1';
