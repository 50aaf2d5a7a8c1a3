export { TypeBPicc, type ApduCard, type ExecutedApdu, type PiccState, type TypeBPiccOptions } from './type-b-picc';
export { RfField, etuUs, frameAirTimeUs, TURNAROUND_US, type RfFault, type RfFaultKind, type RfOutcome, type RfStats } from './rf-field';
