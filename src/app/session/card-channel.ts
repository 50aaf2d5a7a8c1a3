/**
 * The seam between a connected reader and the card applications: a powered `CardReader` seen as the
 * `CardChannel` that `JpkiAp`, `KenhojoAp` and `KenmenAp` take (architecture: "CardChannel").
 * The reader's own APDU limits become the channel's capabilities (they already combine the reader's
 * exchange level with what the card's ATR advertised), and the session's transcript rides along so
 * the card layer records its APDUs (PIN bytes masked) for the diagnostics report.
 */
import type { CardChannel } from '../../card/channel';
import type { CardReader } from '../../readers/types';
import type { Transcript } from '../../trace/transcript';

export function channelOf(reader: CardReader, atr: Uint8Array, transcript: Transcript): CardChannel {
  return {
    atr,
    transcript,
    capabilities: {
      extendedLength: reader.apduLimits.extendedLength,
      maxCommandData: reader.apduLimits.maxCommandData,
      maxResponseData: reader.apduLimits.maxResponseData,
    },
    transmit: (apdu) => reader.transmit(apdu),
    // Closing the channel powers the card down; the reader stays open for the next card.
    close: () => reader.powerOff(),
  };
}
