/** The virtual My Number card (see virtual-card.ts) and its fixture data. */
export {
  CARD_REMOVED,
  VirtualMyNumberCard,
  createVirtualMyNumberCard,
  isVirtualCardRemoved,
  type ApduLogEntry,
  type PinStatus,
} from './virtual-card';
export {
  DEFAULT_PINS,
  KNOWN_CONTACT_ATRS,
  KNOWN_CONTACTLESS_ATRS,
  PIN_LIMITS,
  TOKEN_LABELS,
  type KnownAtr,
  type PinName,
  type TokenKind,
  type VirtualCardOptions,
} from './options';
export { PEOPLE, PERSON_IDS, verificationCodeB, type PersonId, type SyntheticPerson } from './people';
export { AID } from './layout';
