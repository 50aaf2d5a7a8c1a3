/**
 * What the two Sony doubles share: a USB device with an RF field and, when a card is on the
 * reader, a Type B PICC holding it. `insertCard`/`removeCard` mirror CcidReaderDouble's (a card
 * placed on / taken off the reader), so test helpers can drive either family the same way.
 */
import { RfField } from '../picc/rf-field';
import { TypeBPicc, type ApduCard, type TypeBPiccOptions } from '../picc/type-b-picc';
import { UsbDeviceDouble, type UsbDoubleOptions } from '../usb/usb-device-double';

export abstract class ContactlessReaderDouble extends UsbDeviceDouble {
  readonly field: RfField;
  private readonly piccOptions: TypeBPiccOptions | undefined;
  private lastCard: ApduCard | undefined;

  protected constructor(options: UsbDoubleOptions, card: ApduCard | undefined, piccOptions: TypeBPiccOptions | undefined) {
    super(options);
    this.piccOptions = piccOptions;
    this.lastCard = card;
    this.field = new RfField(card ? new TypeBPicc(card, piccOptions) : undefined);
  }

  /** The PICC in the field now (its `executed` APDUs, pending WTX requests), if a card is there. */
  get picc(): TypeBPicc | undefined {
    return this.field.picc;
  }

  /** Place a card on the reader (`slot` is accepted for symmetry with the CCID doubles; there is one). */
  insertCard(card: ApduCard, _slot = 0): void {
    this.lastCard = card;
    this.field.placeCard(new TypeBPicc(card, this.piccOptions));
  }

  /** Take the card off the reader. */
  removeCard(_slot = 0): void {
    this.field.removeCard();
  }

  /** Put back the card last on the reader. */
  reinsertCard(_slot = 0): void {
    if (this.lastCard) this.insertCard(this.lastCard);
  }
}
