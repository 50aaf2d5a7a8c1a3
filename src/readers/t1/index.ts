export { T1Host, MAX_RETRIES, MAX_RESPONSE, DEFAULT_IFS, type T1BlockPort, type T1Params } from './t1-host';
export {
  encodeBlock,
  decodeBlock,
  decodePcb,
  describeBlock,
  iBlockPcb,
  rBlockPcb,
  sBlockPcb,
  MAX_INF,
  type T1Block,
  type RawBlock,
  type DecodeResult,
  type RBlockError,
  type SBlockType,
} from './block';
export { lrc, crc16, computeEdc, edcLength, type EdcKind } from './edc';
export { requireT1, t1ParamsFromAtr, t1Timing, type T1Timing } from './from-atr';
