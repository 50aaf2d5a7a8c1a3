/**
 * One slot of a CCID reader double: the card in it, its power and clock, the parameters the reader
 * uses for it, and the card side of T=1 while the card is active (USB CCID Rev 1.10 §4.2.1 slot
 * states; bmICCStatus §6.2.6).
 */
import type { CardT1, SimCard } from '../t1/card-t1';
import type { AtrFacts } from './atr-facts';
import { ICC, type IccStatus } from './messages';
import type { SlotParameters } from './parameters';

export type SlotKind = 'contact' | 'contactless';

export class SimSlot {
  card: SimCard | null = null;
  /** The card taken out last, for `reinsertCard`. */
  lastRemoved: SimCard | null = null;
  powered = false;
  clockStopped = false;
  atr: AtrFacts | null = null;
  parameters: SlotParameters;
  t1: CardT1 | null = null;
  /** TPDU level: a PPS request is only valid as the first exchange after the ATR (ISO/IEC 7816-3 §9.1). */
  ppsAllowed = false;
  /** Contactless slot of the SCR331-DI: the two init Escapes (00, then 02) seen (libccid src/ccid.c). */
  contactlessInit: 0 | 1 | 2 = 0;
  /** Stops listening to the card's own presence changes. */
  unsubscribe: (() => void) | null = null;
  /** Presence changed since the last NotifySlotChange (CCID §6.3.1). */
  changed = false;
  /** Control ABORT received: fail commands with CMD_ABORTED until the matching PC_to_RDR_Abort (§5.3.1). */
  aborting: { seq: number } | null = null;
  /** Extended-APDU level: command parts received so far (wLevelParameter 01/03, §6.1.4). */
  commandChain: Uint8Array[] | null = null;
  commandChainSecret = false;
  /** Extended-APDU level: the rest of a chained response (bChainParameter 01/03, §6.2.1). */
  responseChain: { data: Uint8Array; offset: number; chunk: number } | null = null;

  constructor(
    readonly index: number,
    readonly kind: SlotKind,
    initialParameters: SlotParameters,
  ) {
    this.parameters = initialParameters;
  }

  /** What the reader can see: a contactless card is only seen once the slot was initialised. */
  get cardVisible(): boolean {
    return this.card !== null && !this.card.removed && (this.kind === 'contact' || this.contactlessInit === 2);
  }

  get iccStatus(): IccStatus {
    if (!this.cardVisible) return ICC.absent;
    return this.powered ? ICC.activePresent : ICC.inactivePresent;
  }

  deactivate(): void {
    this.powered = false;
    this.clockStopped = false;
    this.t1 = null;
    this.ppsAllowed = false;
    this.commandChain = null;
    this.commandChainSecret = false;
    this.responseChain = null;
  }
}
