/**
 * Public entry of the virtual hardware (architecture: "Public entry points"). Tests outside the unit
 * suite and the app's demo mode import from here only.
 */

// The virtual My Number card (src/sim/card/).
export * from './card';

// The virtual IC driver's licence (src/sim/licence/).
export * from './licence';

// Reader doubles (src/sim/readers/) are exported below by their owner:
// export { createVirtualReader } from './readers';
export { createVirtualReader, type ReaderProfile } from './readers';
