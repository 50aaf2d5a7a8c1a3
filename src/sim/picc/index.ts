export { TypeBPicc, type ApduCard, type ExecutedApdu, type PiccState, type TypeBPiccOptions } from './type-b-picc';
export { RfField, etuUs, frameAirTimeUs, RF_CONDITIONS, TURNAROUND_US, type RfCondition, type RfFault, type RfFaultKind, type RfOutcome, type RfStats } from './rf-field';
