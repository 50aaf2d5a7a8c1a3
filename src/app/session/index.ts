export { CardSessionModel, FREE_CERTIFICATES, asLensError, type SessionSnapshot, type SessionPhase, type ConnectedReader, type CardOverview, type CertificateSlot, type IdentifiedDevice, type BusyAction, type UsbHost, type SessionDeps, type PinOutcome, type FreeCertificateKind } from './card-session';
export { CardSessionController } from './card-session-controller';
export { cardSession } from './instance';
export { channelOf } from './card-channel';
