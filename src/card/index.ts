/** The card layer's public surface (architecture: card/ = APDUs, named SWs, card applications). */
export type { CardChannel, ChannelCapabilities } from './channel';
export { type CommandApdu, type ResponseApdu, encodeCommand, parseResponse, transmitApdu } from './apdu';
export { CardStatusError, describeStatusWord, isBlockedStatus } from './status-words';
export { exclusive } from './queue';
export { JpkiAp, type CertificateKind, type JpkiPin } from './jpki';
export { KenhojoAp, type KenhojoData } from './kenhojo';
export { KenmenAp, type CardFace } from './kenmen';
export { type JpkiCardInfo, type TokenKind, decodeTokenLabel, decodeCertificatePresence } from './card-info';
export { type PinStatus, type VerifyOptions } from './pin';
export { type PinStatusEntry } from './pin-status';
export { type DigestAlgorithm, digestInfo, digestInfoOf } from './digest-info';
export { readStrategy, type ReadPolicy } from './read';
