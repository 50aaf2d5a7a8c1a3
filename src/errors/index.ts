export { LensError, isLensError, type ErrorParams } from './lens-error';
