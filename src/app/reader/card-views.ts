/**
 * The screens that exist only once a card has been read — the card overview with its PIN dialogs,
 * one certificate, 個人番号 + 4 info, diagnostics — in one chunk loaded by `<jpki-reader-screen>` on
 * first need (with the reader/card stack, never in the initial bundle: issue 6 initial JS budget).
 */
import '../card/card-overview';
import '../card/card-certificate-page';
import '../mynumber/mynumber-screen';
import '../mynumber/card-face-screen';
import '../diagnostics/diagnostics-screen';
