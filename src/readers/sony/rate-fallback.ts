/**
 * When the contactless link may fall back from a fast bit rate to 106 kbit/s (issue 13 item 7).
 *
 * The real card's ATQB protocol info `B3 81 A1` (corpus/real/atr-mynumber-jpki.txt) allows 212 and
 * 424 kbit/s both ways, and activation moves the reader there after ATTRIB (ISO/IEC 14443-3
 * §7.10.4). Nobody has confirmed that sequence on these readers over WebUSB, and a faster field is
 * less forgiving of where the card lies. So the first exchange after the rate change is the test:
 * if it fails with an RF-level failure, the card is activated again at 106 kbit/s (a field reset,
 * ISO/IEC 14443-3 §6.2, so the card forgets everything) and the link stays at 106 for the session.
 *
 * Re-sending that first command on the fresh activation is exactly what would have happened without
 * the rate change: nothing had been exchanged yet, so the card's state is the same (no application
 * selected, no PIN verified). A command that spends or uses a PIN (VERIFY, CHANGE REFERENCE DATA,
 * RESET RETRY COUNTER) or makes a signature is never the trigger: it is not re-sent, and the rate is
 * never changed around it.
 */
import { isLensError } from '../../errors';

/**
 * INS bytes of commands the rate never changes around (ISO/IEC 7816-4 §11.5.6/§11.5.7/§11.5.10,
 * ISO/IEC 7816-8 §11 PERFORM SECURITY OPERATION, jpki-card.md §3.5: JPKI signs with `80 2A 00 80`;
 * INTERNAL AUTHENTICATE `88` signs a challenge).
 */
const PIN_OR_SIGNATURE_INS: ReadonlySet<number> = new Set([0x20, 0x24, 0x2c, 0x2a, 0x88]);

/** The APDU verifies, changes or resets a PIN, or makes a signature. */
export function touchesPinOrSignature(apdu: Uint8Array): boolean {
  return apdu.length >= 4 && PIN_OR_SIGNATURE_INS.has(apdu[1]);
}

/**
 * A failure of the air link itself (the card stayed mute or its answers were broken after the
 * recovery rules of ISO/IEC 14443-4 §7.5.4 ran out), which a slower rate may cure. Not the command
 * deadline (`timeout`: the reader already recovers), not a gone reader, not a card's SW.
 */
export function isLinkFailure(e: unknown): boolean {
  return ['isodep-no-response', 'isodep-protocol-error', 'rf-timeout', 'rf-transmission-error'].some((code) => isLensError(e, code));
}
