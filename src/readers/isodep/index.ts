export { activateTypeB, pollTypeB, type ActivationOptions, type TypeBSession } from './activate';
export { synthesiseTypeBAtr } from './atr';
export { iBlock, parseBlock, rAck, rNak, sDeselect, sWtxResponse, type Block } from './blocks';
export { SHORT_APDU_CAPABILITIES } from './capabilities';
export { IsoDepInitiator, type IsoDepOptions, type IsoDepStats } from './initiator';
export { isRfFailure, RF_TIMEOUT, RF_TRANSMISSION_ERROR, type RfLink, type TypeBLink } from './link';
export * from './type-b';
