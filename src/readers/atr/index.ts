export { parseAtr, type Atr, type AtrGroup, type AtrT1Parameters, type AtrAnomaly } from './parse-atr';
export {
  decodeHistoricalBytes,
  decodeCardCapabilities,
  decodeCardServiceData,
  decodeIso14443b,
  type HistoricalBytes,
  type CompactTlv,
  type CardCapabilities,
  type CardServiceData,
  type StatusIndicator,
  type PcscStorageCard,
  type Iso14443bInfo,
} from './historical';
export { describeAtr, type AtrDescription, type AtrSection, type AtrFact } from './describe-atr';
export { FI_TABLE, DI_TABLE, T1_DEFAULTS } from './tables';
