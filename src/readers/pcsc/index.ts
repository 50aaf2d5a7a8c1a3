/** The PC/SC reader path for Node (the CLI): see README.md for the binding and its install story. */
export { openPcsc, PcscContext, type PcscReaderState, type PcscEvent, type OpenPcscOptions } from './context';
export { PcscChannel, DEFAULT_PCSC_DEADLINE_MS } from './channel';
export { loadPcsc, pcscInstallAdvice, bindingLoadError } from './binding';
export { pcscError } from './errors';
