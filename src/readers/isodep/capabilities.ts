/**
 * What one APDU may carry through ISO-DEP here: short APDUs only (Lc ≤ 255, Le ≤ 256). ISO-DEP
 * chaining could carry extended ones, but the portable choice for the card is short APDUs
 * (jpki-card.md §1.2). The CardChannel over an activated card is SonyContactlessReader.channel(),
 * which adds the command deadline and the field-off recovery (src/readers/command-deadline.ts).
 */
import type { ChannelCapabilities } from '../../card/channel';

export const SHORT_APDU_CAPABILITIES: ChannelCapabilities = { extendedLength: false, maxCommandData: 255, maxResponseData: 256 };
