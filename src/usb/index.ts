// WebUSB plumbing (architecture: src/usb).
export { parseConfigurationDescriptor, readConfigurationDescriptor, type UsbConfigurationDescriptor, type UsbAlternateDescriptor, type UsbEndpointDescriptor } from './config-descriptor';
export { findCcidFunctions, ccidDescriptorOf, PAGE_PROTECTED_CLASSES, CLASS_SMART_CARD, CLASS_VENDOR, type CcidFunction } from './ccid-function';
export { BulkInPipe, BulkOutPipe, newStats, type PipeStats, type Framing } from './pipes';
export { withTimeout } from './bounded';
export { detectOs, mapUsbError, osAdviceKey, vidPid, type HostOs, type UsbErrorContext, type UsbOperation } from './errors';
export { lookupReader, catalogueEntries, pageUsableFilters, smartCardClassFilters, pageUsableReaderNames, type CatalogueEntry, type CatalogueInterface, type LibccidSection, type VerdictReason } from './catalogue';
export { requestReaderDevice, readerFilters, readerName, type RequestReaderOptions } from './request';
